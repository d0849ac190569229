import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Topic } from '../../contracts/topics';
import type { Language } from '../../contracts/vocabulary';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../../lib/local/demo-users';
import { api, endpoints } from '../support/api';

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
 * A context that fails the test on any request to a host other than the portal, the API,
 * Cognito and the attachments' storage (files go to and come from S3 directly): the portal
 * makes no third-party request.
 */
export async function newContext(browser: Browser, options: { width?: number } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 } });
  const e = endpoints();
  const allowed = [e.portalUrl, e.apiUrl, e.services.cognito, e.services.s3].map((url) => new URL(url ?? '').origin);
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
 * header (so their profile's language does not replace it), and waits until sign-in has taken
 * them on to their first screen.
 */
export async function signInAs(page: Page, login: string, language: Language = 'ca'): Promise<void> {
  await page.goto(portalUrl('/sign-in'));
  await page.locator('#language').selectOption(language);
  await page.locator('#f-email').fill(`${login}@${DEMO_EMAIL_DOMAIN}`);
  await page.locator('#f-password').fill(DEMO_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** The topic citizens file on in the browser tests: Hèstia's new user, whose form asks for a NIF. */
export const NIF_TOPIC = 'hestia-new-user';

/** A topic as the portal shows it in `language`: its path of names from level 1, and its form. */
export async function topicIn(language: Language, topicId = NIF_TOPIC) {
  const { body } = await api<{ items: Topic[] }>('GET', '/topics', { headers: { 'accept-language': language } });
  const byId = new Map(body.items.map((topic) => [topic.id, topic]));
  const path: Topic[] = [];
  for (let topic = byId.get(topicId); topic; topic = topic.parentId ? byId.get(topic.parentId) : undefined) {
    path.unshift(topic);
  }
  return { path, form: byId.get(topicId)?.form.fields ?? [] };
}

/** Picks the topic through its levels, then fills its own form's required fields with `nationalId` as the NIF. */
export async function fillTopicForm(
  page: Page,
  language: Language,
  nationalId: string,
  topicId = NIF_TOPIC,
): Promise<void> {
  const { path, form } = await topicIn(language, topicId);
  for (const level of path) await page.getByRole('radio', { name: level.name, exact: true }).check();
  for (const field of form) {
    const input = page.getByLabel(field.label, { exact: false }).first();
    if (field.name === 'nationalId') await input.fill(nationalId);
    else if (field.type === 'corporate_email') await input.fill('marta.soler@hestia.example.cat');
    else if (field.type === 'select' && field.required) {
      // A short list of choices is radios, a long one a select: pick the first either way.
      const first = field.options?.[0]?.label ?? '';
      const radio = page.getByRole('radio', { name: first, exact: true });
      if ((await radio.count()) > 0) await radio.first().check();
      else await input.selectOption({ index: 1 });
    } else if (field.type === 'text' && field.required) await input.fill('Marta Soler');
  }
}

/** The NIF field of the topic's form, in `language`. */
export async function nationalIdInput(page: Page, language: Language) {
  const { form } = await topicIn(language);
  const label = form.find((field) => field.name === 'nationalId')?.label ?? 'NIF';
  return page.getByLabel(label, { exact: false }).first();
}
