import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Topic } from '../../contracts/topics';
import { api, tokenAs } from '../support/api';
import { mailsAbout, nowSeconds } from '../support/mail';
import { fileAsGuest, type TicketBody } from '../support/tickets';
import { expectAccessible, launch, newContext, portalUrl, screenshot } from './browser';

/**
 * A citizen's journey through the portal in a real Chromium, checked with axe-core on every
 * screen: sign in, file on a topic whose form asks for a NIF (first with a wrong letter), find
 * the ticket in My tickets, and rate it from the resolution mail's link once staff resolve it.
 */
const TOPIC = 'hestia-new-user';
const CITIZEN = { email: 'citizen@finestreta.local', password: 'Finestreta-Demo-2026!' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The topic as the portal shows it in `language`: its path of names and its form. */
async function topicIn(language: string) {
  const { body } = await api<{ items: Topic[] }>('GET', '/topics', { headers: { 'accept-language': language } });
  const byId = new Map(body.items.map((topic) => [topic.id, topic]));
  const path: Topic[] = [];
  for (let topic = byId.get(TOPIC); topic; topic = topic.parentId ? byId.get(topic.parentId) : undefined) {
    path.unshift(topic);
  }
  return { path, form: byId.get(TOPIC)?.form.fields ?? [] };
}

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
  it('files with a wrong NIF letter, sees the error summary, corrects it, finds the ticket and rates it', async () => {
    const since = nowSeconds();
    const context = await newContext(browser);
    const page = await context.newPage();

    await page.goto(portalUrl('/sign-in'));
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('ca');
    await expectAccessible(page, 'sign in');
    await screenshot(page, 'ca-sign-in');
    await signIn(page);

    // The topic through its levels, then its own form.
    // Tokens live in memory only: a reload would sign out, so the rest goes through the page's links.
    const { path, form } = await topicIn('ca');
    await menu(page, 'Nova sol·licitud');
    for (const level of path) await page.getByRole('radio', { name: level.name, exact: true }).check();
    await page.getByRole('heading', { name: 'Abans de continuar' }).waitFor();
    const subject = `Alta de la Marta ${Date.now()}`;
    for (const field of form) {
      const input = page.getByLabel(field.label, { exact: false }).first();
      if (field.name === 'nationalId') await input.fill('12345678A');
      else if (field.type === 'corporate_email') await input.fill('marta.soler@hestia.example.cat');
      else if (field.type === 'select' && field.required) {
        // A short list of choices is radios, a long one a select: pick the first either way.
        const first = field.options?.[0]?.label ?? '';
        const radio = page.getByRole('radio', { name: first, exact: true });
        if ((await radio.count()) > 0) await radio.first().check();
        else await input.selectOption({ index: 1 });
      } else if (field.type === 'text' && field.required) await input.fill('Marta Soler');
    }
    await page.getByLabel('Assumpte', { exact: false }).fill(subject);
    await page.getByLabel('Descripció', { exact: false }).fill('Cal donar d’alta una professional nova.');
    await expectAccessible(page, 'the new ticket form');
    await screenshot(page, 'ca-new-ticket');
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).click();

    // GOV.UK's pattern: the summary first, focused, linking to the field, and the message at it.
    const summary = page.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    await summary.waitFor();
    await expect.poll(() => focusIn(page, '[role=alert]')).toBe(true);
    const message = 'La lletra del NIF no correspon al número.';
    await summary.getByRole('link', { name: message }).click();
    const nationalId = form.find((field) => field.name === 'nationalId');
    const nifInput = page.getByLabel(nationalId?.label ?? 'NIF', { exact: false }).first();
    await expect.poll(() => focusIn(page, '[aria-invalid=true]')).toBe(true);
    expect(await nifInput.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the form with errors');
    await screenshot(page, 'ca-error-summary');

    await nifInput.fill('12345678Z');
    await page.getByRole('button', { name: 'Envia la sol·licitud' }).click();
    const heading = page.getByRole('heading', { level: 1, name: /^Sol·licitud HESTIA-/ });
    await heading.waitFor();
    const number = ((await heading.textContent()) ?? '').replace('Sol·licitud ', '').trim();
    await expectAccessible(page, 'the ticket page');
    await screenshot(page, 'ca-ticket');

    await menu(page, 'Les meves sol·licituds');
    await page.getByRole('cell', { name: subject }).waitFor();
    await expectAccessible(page, 'my tickets');
    await screenshot(page, 'ca-my-tickets');

    // Staff resolve it; the resolution mail's link opens the rating page, which records only on submit.
    const agent = await tokenAs('agent.hestia');
    const id = new URL(page.url()).pathname;
    const mine = await api<{ items: TicketBody[] }>('GET', '/tickets', { as: 'citizen' });
    const ticket = mine.body.items.find((item) => item.number === number) as TicketBody;
    expect(id).toBe('/tickets');
    const resolved = await api('PATCH', `/tickets/${ticket.id}`, {
      token: agent,
      body: { status: 'resolved' },
      headers: { 'if-match': `"${ticket.version}"` },
    });
    expect(resolved.status).toBe(200);
    // The filing's mail and the resolution's.
    const mails = await mailsAbout(CITIZEN.email, number, since, 2);
    const texts = mails.map((mail) => mail.body.text ?? '').join('\n');
    const link = /https?:\/\/\S+\/satisfaction\/[A-Za-z0-9_-]+/.exec(texts)?.[0];
    expect(link?.startsWith(portalUrl('/satisfaction/'))).toBe(true);
    await page.goto(link as string);
    await page.getByRole('radio', { name: '5 — Molt bé' }).check();
    await expectAccessible(page, 'the rating page');
    await screenshot(page, 'ca-rating');
    await page.getByRole('button', { name: 'Envia la valoració' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gràcies per la vostra valoració' }).waitFor();
    await expectAccessible(page, 'the thanks for rating');
    const rated = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(rated.body.satisfaction).toMatchObject({ score: 5 });
    await context.close();
  });

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

describe('a guest', () => {
  it('follows the mailed link to their ticket, which the address bar then no longer shows', async () => {
    const guest = await fileAsGuest();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(portalUrl(`/public/tickets/${guest.ticket.id}#token=${guest.token}`));
    await page.getByRole('heading', { level: 1, name: new RegExp(guest.ticket.number) }).waitFor();
    expect(page.url()).not.toContain(guest.token);
    await expectAccessible(page, 'a guest’s ticket');
    await screenshot(page, 'ca-guest-ticket');
    await context.close();
  });
});
