import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../contracts/reports-views';
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '../../lib/local/demo-users';
import { monthOf, monthsUpTo } from '../../web/src/screens/reports/format';
import { api, newUser, tokenAs } from '../support/api';
import { fileAs, type TicketBody } from '../support/tickets';
import { expectAccessible, launch, newContext, portalUrl, screenshot, signInAs } from './browser';

/**
 * The supervisors' monthly indicators in a real Chromium: this month's figures, charts that each
 * carry their data as a table, the CSV download, another month without data, Catalan and
 * Aranese checked with axe-core, a 320-pixel phone and 200 % zoom; and no way in for an agent.
 */
const MONTH = monthOf(new Date());

let browser: Browser;
/** The month's report as the API gives it to the supervisor, once this file's tickets are in. */
let expected: MonthlyReport;

async function resolve(token: string, ticket: TicketBody) {
  const resolved = await api<TicketBody>('PATCH', `/tickets/${ticket.id}`, {
    token,
    body: { status: 'resolved' },
    headers: { 'if-match': `"${ticket.version}"` },
  });
  expect(resolved.status).toBe(200);
}

beforeAll(async () => {
  browser = await launch();
  // Three new citizens file on Hèstia's topics; staff answer and resolve two; one is rated.
  const filed: { token: string; ticket: TicketBody }[] = [];
  for (const [type, topicId] of [
    ['incident', 'hestia-incident'],
    ['incident', 'hestia-incident'],
    ['query', 'hestia-query'],
  ] as const) {
    const token = await (await newUser()).token();
    const ticket = await fileAs(
      { token },
      {
        type,
        topicId,
        subject: `Indicadors ${randomUUID().slice(0, 8)}`,
        description: 'No puc desar la fitxa.',
        fields: {},
      },
    );
    filed.push({ token, ticket });
  }
  const [first, second] = filed as [(typeof filed)[0], (typeof filed)[0]];
  const agent = await tokenAs('agent.hestia');
  const answered = await api<TicketBody>('POST', `/tickets/${first.ticket.id}/messages`, {
    token: agent,
    body: { body: 'Ho mirem ara mateix.' },
  });
  expect(answered.status).toBe(201);
  await resolve(agent, answered.body);
  await resolve(agent, second.ticket);
  const rated = await api('POST', `/tickets/${first.ticket.id}/satisfaction`, {
    token: first.token,
    body: { score: 4 },
  });
  expect(rated.status).toBe(201);

  const report = await api<MonthlyReport>('GET', `/reports/monthly?month=${MONTH}`, {
    token: await tokenAs('supervisor.hestia'),
    headers: { 'accept-language': 'ca' },
  });
  expect(report.status).toBe(200);
  expected = report.body;
  // Other files of the run may have added to the month; these at least are in it.
  expect(expected.received.total).toBeGreaterThanOrEqual(3);
  expect(expected.resolved).toBeGreaterThanOrEqual(2);
  expect(expected.satisfaction.count).toBeGreaterThanOrEqual(1);
});

afterAll(async () => {
  await browser?.close();
});

/** Signed in, to the indicators through the header's menu (a reload would sign out). */
async function openIndicators(page: Page, heading: string) {
  await page.locator('.site-nav').getByRole('link', { name: 'Indicadors' }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await page.locator('.key-figures').waitFor();
}

const keyFigure = (page: Page, label: string) =>
  page.locator('.key-figures > div').filter({ has: page.locator('dt', { hasText: label }) });

const chart = (page: Page, caption: string) =>
  page.locator('figure.chart').filter({ has: page.locator('figcaption', { hasText: caption }) });

/** Opens every "show the data as a table", so axe checks the tables too. */
async function openTables(page: Page) {
  for (const summary of await page.locator('details.chart-data > summary').all()) await summary.click();
}

// Browser-side code as text: these tests compile for Node, without the DOM's types.
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

describe('the monthly indicators, for a supervisor', () => {
  it('show this month’s figures and charts, each chart with its table, in Catalan', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'supervisor.hestia');
    await openIndicators(page, 'Indicadors del mes');

    // The key figures are the API's.
    expect(await keyFigure(page, 'Sol·licituds rebudes').locator('.key-figure').textContent()).toBe(
      String(expected.received.total),
    );
    expect(await keyFigure(page, 'Resoltes').locator('.key-figure').textContent()).toBe(String(expected.resolved));
    expect(await keyFigure(page, 'Satisfacció mitjana').locator('.key-figure-note').textContent()).toBe(
      expected.satisfaction.meetsTarget ? 'Assoleix l’objectiu de 4 de 5.' : 'No assoleix l’objectiu de 4 de 5.',
    );
    await page.getByText(`Aquest mes s’han rebut ${expected.received.total} sol·licituds.`).waitFor();

    // Every drawn chart is one image named by its data, with the same data as a table beside it.
    const figures = await page.locator('figure.chart').all();
    expect(figures.length).toBeGreaterThanOrEqual(8);
    let drawn = 0;
    for (const figure of figures) {
      const images = figure.locator('svg[role=img]');
      if ((await images.count()) === 0) {
        await figure.locator('.chart-empty').waitFor();
        continue;
      }
      drawn += 1;
      expect(await images.getAttribute('aria-label')).toMatch(/\S: \S/);
      expect(await figure.locator('details table caption').count()).toBe(1);
    }
    expect(drawn).toBeGreaterThanOrEqual(5);

    // The tally by type: bars with their values, and the table saying the same.
    const incidents = expected.received.byType.find((item) => item.key === 'incident')?.count ?? 0;
    const queries = expected.received.byType.find((item) => item.key === 'query')?.count ?? 0;
    const byType = chart(page, 'Per tipus');
    const label = (await byType.locator('svg').getAttribute('aria-label')) ?? '';
    expect(label).toContain(`Incidència: ${incidents}`);
    expect(label).toContain(`Consulta: ${queries}`);
    expect(await byType.locator('svg text').allTextContents()).toEqual(
      expect.arrayContaining(['Incidència', String(incidents)]),
    );
    await screenshot(page, 'reports');

    await byType.getByText('Mostra les dades en una taula').click();
    const row = byType.getByRole('row', { name: /Incidència/ });
    expect(await row.getByRole('rowheader').textContent()).toBe('Incidència');
    expect(await row.getByRole('cell').textContent()).toBe(String(incidents));
    // The satisfaction gauge says the average against the target of 4.
    expect(await chart(page, 'Satisfacció mitjana, sobre 5').locator('svg').getAttribute('aria-label')).toContain(
      'Objectiu: 4',
    );
    await openTables(page);
    await expectAccessible(page, 'the indicators in Catalan, their tables open');
    await context.close();
  });

  it('download as a CSV for a spreadsheet: byte order mark, semicolons, the month’s received count', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'supervisor.hestia');
    await openIndicators(page, 'Indicadors del mes');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Baixa el CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`indicadors-hestia-${MONTH}.csv`);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]?.split(';')).toEqual(['Secció', 'Indicador', 'Desglossament', 'Valor']);
    expect(lines).toContain(`Tiquets rebuts;Total;;${expected.received.total}`);
    // Decimals with a comma, as Catalan spreadsheets read them.
    expect(lines).toContain(`Satisfacció;Mitjana;;${String(expected.satisfaction.average).replace('.', ',')}`);
    await page
      .getByRole('status')
      .filter({ hasText: `S’ha baixat el fitxer indicadors-hestia-${MONTH}.csv.` })
      .waitFor();
    await context.close();
  });

  it('offer the last 24 months, keep the chosen one in the address, and say kindly when a month has no data', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'supervisor.hestia');
    await openIndicators(page, 'Indicadors del mes');
    const months = page.getByLabel('Mes', { exact: true });
    expect(await months.inputValue()).toBe(MONTH);
    const offered = await Promise.all(
      (await months.locator('option').all()).map(async (option) => (await option.getAttribute('value')) ?? ''),
    );
    expect(offered).toEqual(monthsUpTo(MONTH, 24));

    const oldest = offered.at(-1) as string;
    await months.selectOption(oldest);
    await page.getByRole('button', { name: 'Mostra' }).click();
    await page.waitForURL((url) => url.pathname === '/reports' && url.searchParams.get('month') === oldest);
    await page.getByRole('heading', { level: 2, name: 'Encara no hi ha dades d’aquest mes' }).waitFor();
    expect(await page.locator('figure.chart').count()).toBe(0);
    expect(await page.getByLabel('Mes', { exact: true }).inputValue()).toBe(oldest);
    await expectAccessible(page, 'a month without data');
    await context.close();
  });

  it('speak Aranese to a supervisor who reads it, and pass axe there too', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'supervisor.hestia', 'oc');
    await openIndicators(page, 'Indicadors deth mes');
    expect(await keyFigure(page, 'Sollicituds recebudes').locator('.key-figure').textContent()).toBe(
      String(expected.received.total),
    );
    await page.getByRole('button', { name: 'Descargar eth CSV' }).waitFor();
    await chart(page, 'Per tipe').locator('svg[role=img]').waitFor();
    await screenshot(page, 'reports-oc');
    await openTables(page);
    await expectAccessible(page, 'the indicators in Aranese, their tables open');
    await context.close();
  });

  it('fit a 320-pixel phone and 200 % zoom without sideways scrolling', async () => {
    for (const width of [320, 640]) {
      const context = await newContext(browser, { width });
      const page = await context.newPage();
      await signInAs(page, 'supervisor.hestia');
      await openIndicators(page, 'Indicadors del mes');
      await chart(page, 'Per tipus').locator('svg[role=img]').waitFor();
      expect(await fitsWidth(page), `${width} px`).toBe(true);
      if (width === 320) await screenshot(page, 'reports-phone');
      await openTables(page);
      expect(await fitsWidth(page), `${width} px, tables open`).toBe(true);
      if (width === 320) await expectAccessible(page, 'the indicators on a phone');
      await context.close();
    }
  });
});

describe('the monthly indicators, for an admin', () => {
  it('ask first which organisation, then show its month', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'admin');
    await page.locator('.site-nav').getByRole('link', { name: 'Indicadors' }).click();
    await page.getByText('Trieu una organització i un mes per veure’n els indicadors.').waitFor();
    const organisations = page.getByLabel('Organització', { exact: true });
    // The organisations come from the topic catalogue, read once the page is up.
    await organisations.getByRole('option', { name: 'hestia', exact: true }).waitFor({ state: 'attached' });
    await organisations.selectOption('hestia');
    await page.getByRole('button', { name: 'Mostra' }).click();
    await page.waitForURL((url) => url.searchParams.get('organisation') === 'hestia');
    expect(await keyFigure(page, 'Sol·licituds rebudes').locator('.key-figure').textContent()).toBe(
      String(expected.received.total),
    );
    await expectAccessible(page, 'the indicators of an organisation an admin chose');
    await context.close();
  });
});

describe('the monthly indicators, for an agent', () => {
  it('are out of reach: the page says there is no access', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // Straight to the address: sign-in first, then back to it.
    await page.goto(portalUrl('/reports'));
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.locator('#language').selectOption('ca');
    await page.locator('#f-email').fill(`agent.hestia@${DEMO_EMAIL_DOMAIN}`);
    await page.locator('#f-password').fill(DEMO_PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/reports');
    await page.getByRole('heading', { level: 1, name: 'No hi teniu accés' }).waitFor();
    expect(await page.locator('.key-figures').count()).toBe(0);
    expect(await page.locator('.site-nav').getByRole('link', { name: 'Indicadors' }).count()).toBe(0);
    await context.close();
  });
});
