import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contracts/vocabulary';
import { translateIn } from '../../web/src/i18n/bundle';
import { translate } from '../../web/src/i18n/translate';
import { messages as deskMessages } from '../../web/src/screens/desk/messages';
import { messages as reportMessages } from '../../web/src/screens/reports/messages';
import { api, newUser, tokenAs } from '../support/api';
import { mailsAbout, nowSeconds } from '../support/mail';
import { fileAsGuest } from '../support/tickets';
import {
  expectAccessible,
  fillTopicForm,
  launch,
  nationalIdInput,
  newContext,
  portalUrl,
  screenshot,
  signInAs,
} from './browser';

/**
 * The whole service in a real Chromium, once in Catalan and once in Aranese, with axe-core on
 * every screen of every role: a citizen files on a topic whose form asks for a NIF (first with a
 * wrong letter), finds the ticket in My tickets; an agent takes it from the queue and asks for
 * information; the citizen answers; the agent resolves it; the citizen rates it from the mail's
 * link; a guest follows their mailed link; the supervisor downloads the month's indicators as CSV.
 */
const TEAM = 'hestia-support';

let browser: Browser;
/** Hèstia's support shares out new tickets itself; for the journey, its agents pick from the queue. */
let restoreAssignment: (() => Promise<void>) | undefined;

async function setAssignment(assignment: 'manual' | 'automatic') {
  const admin = await tokenAs('admin');
  const { body } = await api<Record<string, unknown> & { version: number }>('GET', `/teams/${TEAM}`, { token: admin });
  const { id: _id, version, updatedAt: _at, updatedBy: _by, ...document } = body;
  const saved = await api('PUT', `/teams/${TEAM}`, {
    token: admin,
    headers: { 'if-match': `"${version}"` },
    body: { ...document, assignment },
  });
  expect(saved.status).toBe(200);
  return body.assignment as 'manual' | 'automatic';
}

beforeAll(async () => {
  browser = await launch();
  const before = await setAssignment('manual');
  restoreAssignment = async () => void (await setAssignment(before));
});
afterAll(async () => {
  await restoreAssignment?.();
  await browser?.close();
});

/** A link of the header's main menu. */
const menu = (page: Page, lang: Language, name: string) =>
  page
    .getByRole('navigation', { name: translate(lang, 'nav.label') })
    .getByRole('link', { name })
    .click();

describe.each<Language>(['ca', 'oc'])('the whole service, in %s', (lang) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params);
  const desk = (key: keyof (typeof deskMessages)['ca'], params?: Record<string, string | number>) =>
    translateIn(deskMessages, lang, key, params);
  const reports = (key: keyof (typeof reportMessages)['ca']) => translateIn(reportMessages, lang, key);
  const shot = (page: Page, name: string) => screenshot(page, `journey-${lang}-${name}`);
  const contexts: BrowserContext[] = [];
  afterAll(async () => {
    for (const context of contexts) await context.close();
  });
  const pageOf = async () => {
    const context = await newContext(browser);
    contexts.push(context);
    return context.newPage();
  };

  it('from filing to rating, and the month’s figures', async () => {
    const since = nowSeconds();
    const citizenUser = await newUser({ locale: lang, name: lang === 'oc' ? 'Aran Boya' : 'Marta Soler' });
    const citizen = await pageOf();
    await signInAs(citizen, citizenUser.email.split('@')[0] as string, lang);
    await expect.poll(() => citizen.getAttribute('html', 'lang')).toBe(lang);

    // The citizen files: a wrong NIF letter first, caught by the error summary, then the right one.
    await menu(citizen, lang, t('nav.new'));
    await fillTopicForm(citizen, lang, '12345678A');
    const subject = `${lang === 'oc' ? 'Naua professionau' : 'Alta de professional'} ${Date.now()}`;
    await citizen.getByLabel(t('new.subject'), { exact: false }).fill(subject);
    await citizen.getByLabel(t('new.description'), { exact: false }).fill('Cal donar d’alta una professional nova.');
    await expectAccessible(citizen, 'the new ticket form');
    await shot(citizen, 'new-ticket');
    await citizen.getByRole('button', { name: t('new.submit') }).click();
    const summary = citizen.getByRole('alert').filter({ hasText: t('errorSummary.title') });
    await summary.getByRole('link', { name: t('v.nifLetter') }).click();
    const nif = await nationalIdInput(citizen, lang);
    expect(await nif.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(citizen, 'the form with errors');
    await shot(citizen, 'error-summary');
    await nif.fill('12345678Z');
    await citizen.getByRole('button', { name: t('new.submit') }).click();
    const heading = citizen.getByRole('heading', { level: 1, name: /HESTIA-\d{4}-\d+/ });
    const number = /HESTIA-\d{4}-\d+/.exec((await heading.textContent()) ?? '')?.[0] as string;
    await expectAccessible(citizen, 'the ticket page');
    await menu(citizen, lang, t('nav.tickets'));
    await citizen.getByRole('cell', { name: subject }).waitFor();
    await expectAccessible(citizen, 'my tickets');
    await shot(citizen, 'my-tickets');

    // An agent takes it from the team's queue and asks the citizen for information.
    const agent = await pageOf();
    await signInAs(agent, 'agent.hestia', lang);
    await agent.getByRole('link', { name: desk('view.queue') }).click();
    await agent.getByRole('link', { name: number }).waitFor();
    await expectAccessible(agent, 'the unassigned queue');
    await shot(agent, 'queue');
    await agent.getByRole('link', { name: number }).click();
    await agent.getByRole('button', { name: desk('take.submit') }).click();
    await agent.getByText(desk('take.done')).waitFor();
    const question = lang === 'oc' ? 'Quin ei eth sòn numèro de collegiada?' : 'Quin és el seu número de col·legiada?';
    await agent.getByRole('radio', { name: desk('reply.kind.requestInfo') }).check();
    await agent.getByLabel(desk('reply.body')).fill(question);
    await agent.getByRole('button', { name: desk('reply.submit') }).click();
    await agent.getByText(desk('reply.sent.requestInfo')).waitFor();
    await expectAccessible(agent, 'the work view');
    await shot(agent, 'work-view');

    // The citizen sees the question on the ticket and answers it.
    await menu(citizen, lang, t('nav.tickets'));
    await citizen.getByRole('link', { name: number }).click();
    await citizen.getByText(question).waitFor();
    await citizen.getByLabel(t('ticket.reply')).fill('El número és el 08-12345.');
    await citizen.getByRole('button', { name: t('ticket.replySubmit') }).click();
    await citizen.getByText(t('ticket.replySent')).waitFor();

    // The agent reads the answer and resolves the ticket.
    await agent.getByRole('link', { name: desk('work.back') }).click();
    await agent.getByRole('link', { name: desk('view.assigned') }).click();
    await agent.getByRole('link', { name: number }).click();
    await agent.getByText('El número és el 08-12345.').waitFor();
    await agent.getByLabel(desk('status.label')).selectOption({ label: desk('st.resolved') });
    await agent.getByRole('button', { name: desk('status.submit') }).click();
    await agent.getByText(desk('status.done', { status: desk('st.resolved') })).waitFor();

    // The resolution mail's link opens the rating page; the citizen gives a 5.
    const mails = await mailsAbout(citizenUser.email, number, since, 3);
    const link = /https?:\/\/\S+\/satisfaction\/[A-Za-z0-9_-]+/.exec(mails.map((m) => m.body.text).join('\n'))?.[0];
    expect(link?.startsWith(portalUrl('/satisfaction/'))).toBe(true);
    await citizen.goto(link as string);
    await citizen.getByRole('radio', { name: t('score.5') }).check();
    await expectAccessible(citizen, 'the rating page');
    await shot(citizen, 'rating');
    await citizen.getByRole('button', { name: t('ticket.rateSubmit') }).click();
    await citizen.getByRole('heading', { level: 1, name: t('rating.thanks') }).waitFor();

    // A guest follows the link of their first mail to their ticket.
    const guest = await fileAsGuest();
    const guestPage = await pageOf();
    await guestPage.goto(portalUrl(`/public/tickets/${guest.ticket.id}#token=${guest.token}`));
    await guestPage.locator('#language').selectOption(lang);
    await guestPage
      .getByRole('heading', { level: 1, name: t('ticket.title', { number: guest.ticket.number }) })
      .waitFor();
    // The token leaves the address bar (and so the history and any shared screenshot).
    expect(guestPage.url()).not.toContain(guest.token);
    await expectAccessible(guestPage, 'a guest’s ticket');
    await shot(guestPage, 'guest-ticket');

    // The supervisor's month: the CSV counts the rating among the month's figures.
    const supervisor = await pageOf();
    await signInAs(supervisor, 'supervisor.hestia', lang);
    await menu(supervisor, lang, t('nav.reports'));
    await supervisor.getByRole('heading', { level: 1, name: reports('reports.title') }).waitFor();
    await expectAccessible(supervisor, 'the monthly indicators');
    await shot(supervisor, 'indicators');
    const [download] = await Promise.all([
      supervisor.waitForEvent('download'),
      supervisor.getByRole('button', { name: reports('csv.download') }).click(),
    ]);
    const csv = await readFile((await download.path()) as string, 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // This month in Hèstia's time zone, which the page shows first.
    const month = new Date().toLocaleString('sv-SE', { timeZone: 'Europe/Madrid' }).slice(0, 7);
    const report = await api<{ received: { total: number }; satisfaction: { count: number } }>(
      'GET',
      `/reports/monthly?month=${month}`,
      { token: await tokenAs('supervisor.hestia') },
    );
    expect(report.body.satisfaction.count).toBeGreaterThan(0);
    const received = { ca: 'Tiquets rebuts;Total', oc: 'Tiquets recebuts;Totau' }[lang as 'ca' | 'oc'];
    expect(csv.split('\r\n')).toContain(`${received};;${report.body.received.total}`);
  });
});
