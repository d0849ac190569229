import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { session } from '../auth/session';
import { useStore } from '../lib/store';
import { navigate, useLocation } from '../router';

/** Screens of a signed-in requester: without a session, to the sign-in page and back. */
export function RequireSignIn({ children }: { children: ComponentChildren }) {
  const signedIn = useStore(session);
  const { path, search } = useLocation();
  useEffect(() => {
    if (!signedIn) {
      const query = search.toString();
      navigate(`/sign-in?next=${encodeURIComponent(path + (query ? `?${query}` : ''))}`, { replace: true });
    }
  }, [signedIn]);
  return signedIn ? children : null;
}
