import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Language } from '../../contracts/vocabulary';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../../lib/local/demo-users';
import { endpoints } from '../support/api';

/** Debian's Chromium (`.ci/run` installs it): no browser is downloaded. */
const CHROMIUM = '/usr/bin/chromium';
/** Screens for the README, one PNG per screen and language. */
export const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/**
 * Headless, and kept from reaching the network on start-up (no component updates, no sync);
 * Playwright gives each launch a fresh profile of its own.
 */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const portalUrl = (path = '/') => `${endpoints().portalUrl}${path}`;

/**
 * A context that fails the test on any request to a host other than the portal, the API and
 * Cognito: the portal makes no third-party request.
 */
export async function newContext(browser: Browser, options: { width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  const e = endpoints();
  const allowed = [e.portalUrl, e.apiUrl, e.services.cognito].map((url) => new URL(url ?? '').origin);
  const foreign: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || allowed.includes(new URL(url).origin)) return route.continue();
    foreign.push(url);
    return route.abort();
  });
  context.on('close', () => expect(foreign, 'requests to third-party hosts').toEqual([]));
  return context;
}

/** No WCAG 2.1 A/AA violation axe-core can find on the page as it is now. */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(violations, `axe on ${what}`).toEqual([]);
}

/** Saves the page for the README (docs/screenshots/<name>.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * Signs a demo user in (`agent.hestia`, `supervisor`…) in a language chosen first in the
 * header, and waits until sign-in has taken them on to their first screen.
 */
export async function signInAs(page: Page, login: string, language: Language = 'ca'): Promise<void> {
  await page.goto(portalUrl('/sign-in'));
  if (language !== 'ca') await page.locator('#language').selectOption(language);
  await page.locator('#f-email').fill(`${login}@${DEMO_EMAIL_DOMAIN}`);
  await page.locator('#f-password').fill(DEMO_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}
