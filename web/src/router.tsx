/**
 * A router of a few lines on the History API: routes are patterns with a lazily imported screen
 * each, so every screen is its own chunk and the first load carries only the layout.
 */
import type { AnchorHTMLAttributes, ComponentChildren, ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { createStore, useStore } from './lib/store';

export interface Location {
  path: string;
  search: URLSearchParams;
  hash: string;
}

const read = (): Location => ({
  path: window.location.pathname,
  search: new URLSearchParams(window.location.search),
  hash: window.location.hash,
});

export const location = createStore<Location>(read());

/** How many in-app navigations happened: the first page load keeps the browser's focus. */
let navigations = 0;
export const hasNavigated = (): boolean => navigations > 0;

window.addEventListener('popstate', () => {
  navigations += 1;
  location.set(read());
});

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  navigations += 1;
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  location.set(read());
  window.scrollTo(0, 0);
}

/**
 * Same-origin links navigate inside the app: one listener for every `<a>` (new tab, middle
 * click, modifier keys, downloads and in-page `#` links behave as the browser's own).
 */
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href, window.location.href);
  if (url.origin !== window.location.origin) return;
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash) return;
  event.preventDefault();
  navigate(url.pathname + url.search + url.hash);
});

/** An in-app link: a plain anchor (the listener above does the routing). */
export function Link(props: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; children?: ComponentChildren }) {
  return <a {...props} />;
}

export function useLocation(): Location {
  return useStore(location);
}

export type Params = Record<string, string>;
export type Screen = ComponentType<{ params: Params }>;

export interface Route {
  pattern: string;
  load: () => Promise<{ default: Screen }>;
}

/** `/tickets/:id` against `/tickets/abc` → `{ id: 'abc' }`. */
export function match(pattern: string, path: string): Params | undefined {
  const names: string[] = [];
  const source = pattern.replace(/:(\w+)/g, (_all, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const found = new RegExp(`^${source}/?$`).exec(path);
  if (!found) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1] ?? '')]));
}

const loaded = new Map<Route['load'], Screen>();

/** Renders the first route that matches, loading its chunk on first use. */
export function Router({
  routes,
  fallback,
  loading,
  failed,
}: {
  routes: Route[];
  fallback: Route;
  loading: ComponentChildren;
  failed: ComponentChildren;
}) {
  const { path } = useLocation();
  let route = fallback;
  let params: Params = {};
  for (const candidate of routes) {
    const found = match(candidate.pattern, path);
    if (found) {
      route = candidate;
      params = found;
      break;
    }
  }
  const [, setVersion] = useState(0);
  const [failure, setFailure] = useState<Route['load']>();
  const screen = loaded.get(route.load);
  useEffect(() => {
    if (screen) return;
    let current = true;
    route
      .load()
      .then((module) => {
        loaded.set(route.load, module.default);
        if (current) setVersion((v) => v + 1);
      })
      .catch(() => {
        // Offline, or a deploy replaced the chunk: say so rather than spin.
        if (current) setFailure(() => route.load);
      });
    return () => {
      current = false;
    };
  }, [route, screen]);
  if (!screen) return <>{failure === route.load ? failed : loading}</>;
  const Screen = screen;
  return <Screen key={path} params={params} />;
}
