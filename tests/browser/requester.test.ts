import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, portalUrl, screenshot, topicIn } from './browser';

/**
 * The citizen's side of the portal beyond the journey (journey.test.ts): on a phone, with the
 * keyboard alone, zoomed, and in Aranese from the first screen.
 */
const CITIZEN = { email: 'citizen@finestreta.local', password: 'Finestreta-Demo-2026!' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function signIn(page: Page) {
  await page.goto(portalUrl('/sign-in'));
  await page.getByLabel('Adreça electrònica').fill(CITIZEN.email);
  await page.getByLabel('Contrasenya').fill(CITIZEN.password);
  await page.getByRole('button', { name: 'Inicia la sessió' }).click();
  await leftSignIn(page);
}

/** Signed in and taken on: the page reads the profile, then leaves the sign-in screen. */
async function leftSignIn(page: Page) {
  await page.getByRole('button', { name: 'Tanca la sessió' }).waitFor();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** Nothing wider than the screen: no sideways scrolling. */
/** A link of the header's main menu. */
const menu = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Menú principal' }).getByRole('link', { name }).click();

// Browser-side code as text: these tests compile for Node, without the DOM's types.
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');
const focusIn = (page: Page, selector: string) =>
  page.evaluate<boolean>(`document.activeElement?.closest(${JSON.stringify(selector)}) !== null`);

describe('a citizen in the portal, in Catalan', () => {
  it('works on a 320-pixel-wide phone without sideways scrolling', async () => {
    const context = await newContext(browser, { width: 320 });
    const page = await context.newPage();
    await signIn(page);
    await menu(page, 'Nova sol·licitud');
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await menu(page, 'Les meves sol·licituds');
    await page.getByRole('heading', { level: 1, name: 'Les meves sol·licituds' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'my tickets on a phone');
    await screenshot(page, 'ca-my-tickets-phone');
    await context.close();
  });
});

describe('the portal without a mouse, and zoomed', () => {
  it('is worked with the keyboard alone: skip link, sign-in, the menu, and the error summary’s links', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(portalUrl('/sign-in'));
    await page.getByLabel('Adreça electrònica').waitFor();
    // The first Tab reaches the skip link, and following it puts the focus in the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate<string>('document.activeElement?.textContent ?? ""')).toBe(
      'Salta al contingut principal',
    );
    await page.keyboard.press('Enter');
    await expect.poll(() => focusIn(page, '#main')).toBe(true);
    // Tab to each field of the form, type, and send it with Enter.
    while (!(await focusIn(page, 'input[type=email]'))) await page.keyboard.press('Tab');
    await page.keyboard.type(CITIZEN.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(CITIZEN.password);
    await page.keyboard.press('Enter');
    await leftSignIn(page);
    // The menu's link by keyboard, then an empty form sent: the summary's first link leads to its field.
    await page
      .getByRole('navigation', { name: 'Menú principal' })
      .getByRole('link', { name: 'Nova sol·licitud' })
      .focus();
    await page.keyboard.press('Enter');
    const { path } = await topicIn('ca');
    for (const level of path) {
      await page.getByRole('radio', { name: level.name, exact: true }).focus();
      await page.keyboard.press('Space');
    }
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).focus();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    await summary.waitFor();
    // The summary takes the focus when it appears; from there the keyboard goes on.
    await expect.poll(() => focusIn(page, '[role=alert]')).toBe(true);
    const first = summary.getByRole('link').first();
    const target = ((await first.getAttribute('href')) ?? '').replace(/^#/, '');
    await first.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate<string>('document.activeElement?.id ?? ""')).toBe(target);
    await context.close();
  });

  it('reflows at 200 % zoom of a 1280-pixel window (640 CSS pixels) without sideways scrolling', async () => {
    const context = await newContext(browser, { width: 640 });
    const page = await context.newPage();
    await signIn(page);
    await menu(page, 'Nova sol·licitud');
    const { path } = await topicIn('ca');
    for (const level of path) await page.getByRole('radio', { name: level.name, exact: true }).check();
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await menu(page, 'Les meves sol·licituds');
    await page.getByRole('heading', { level: 1, name: 'Les meves sol·licituds' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await context.close();
  });
});

describe('the portal in Aranese', () => {
  it('is chosen in the header, remembered, and every screen speaks it', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(portalUrl('/new'));
    await page.getByLabel('Llengua').selectOption('oc');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('oc');
    const { path } = await topicIn('oc');
    for (const level of path) await page.getByRole('radio', { name: level.name, exact: true }).check();
    await expectAccessible(page, 'the new ticket form in Aranese');
    await screenshot(page, 'oc-new-ticket');
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('oc');
    await context.close();
  });
});
