import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, tokenAs } from '../support/api';
import { expectAccessible, launch, newContext, screenshot, signInAs } from './browser';

/**
 * Hèstia's supervisor administers the service in a real Chromium, checked with axe-core in
 * Catalan and Aranese: creates a team (first with empty names, then with an id that is taken),
 * edits it, meets someone else's save (409), puts an agent in it and back, adds a holiday and
 * removes it, changes an SLA target and puts it back. What the screens save is read back from
 * the API; the shared catalogue is left as it was found (the new team has an id of its own).
 * An agent gets the "no access" page; an admin chooses the organisation first.
 */
const SUPERVISOR = 'supervisor.hestia';
const TEAM_ID = `hestia-proves-${randomUUID().slice(0, 8)}`;
const HOLIDAY = '2031-07-17';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Stored {
  version: number;
  [key: string]: unknown;
}
async function read<T = Stored>(path: string): Promise<T> {
  const response = await api<T>('GET', path, { token: await tokenAs(SUPERVISOR) });
  expect(response.status, path).toBe(200);
  return response.body;
}

// Browser-side code as text: these tests compile for Node, without the DOM's types.
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');
const focusedId = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');
const focusIn = (page: Page, selector: string) =>
  page.evaluate<boolean>(`document.activeElement?.closest(${JSON.stringify(selector)}) !== null`);
/** In-app navigation to an address no link leads to (a reload would sign out: tokens live in memory). */
const goInApp = (page: Page, path: string) =>
  page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);

const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
const said = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
const menu = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: /^(Menú principal|Menú principau)$/ })
    .getByRole('link', { name })
    .click();
const section = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: /^(Seccions de l’administració|Seccions dera administracion)$/ })
    .getByRole('link', { name, exact: true })
    .click();

describe('a supervisor administers their organisation, in Catalan', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await newContext(browser);
    page = await context.newPage();
    await signInAs(page, SUPERVISOR, 'ca');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('opens an overview of what each section holds and the latest changes', async () => {
    await menu(page, 'Administració');
    await h1(page, 'Administració');
    await page.getByText('Hèstia — suport als serveis socials').waitFor();
    await page.getByText(/^\d+ equips$/).waitFor();
    await page.getByText(/^\d+ agents$/).waitFor();
    await page.getByText('Zona horària: Europe/Madrid').waitFor();
    await page.getByText(/^Per defecte: primera resposta en 1 dia laborable, fins al tancament/).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Darrers canvis' }).waitFor();
    await expectAccessible(page, 'the administration overview');
    await screenshot(page, 'admin');
  });

  it('lists the teams, refuses a new one without names or with a taken id, then creates and edits it', async () => {
    await section(page, 'Equips');
    await h1(page, 'Equips');
    const support = page.locator('table.admin-table tbody tr').filter({ hasText: 'Suport Hèstia' });
    await expect.poll(() => support.textContent()).toContain('Automàtica');
    await expectAccessible(page, 'the teams');
    await screenshot(page, 'admin-teams');

    await page.getByRole('link', { name: 'Nou equip' }).click();
    await h1(page, 'Nou equip');
    await page.getByLabel('Identificador').fill(TEAM_ID);
    await page.getByRole('button', { name: 'Crea l’equip' }).click();
    // GOV.UK's pattern: the summary first, focused, each line a link to its field.
    const summary = page.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    await summary.waitFor();
    await expect.poll(() => focusIn(page, '.error-summary')).toBe(true);
    await summary.getByRole('link', { name: 'Cal omplir «Nom (aranès)».' }).click();
    await expect.poll(() => focusedId(page)).toBe('f-name-oc');
    expect(await page.locator('#f-name-oc').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'the new team with errors');
    await screenshot(page, 'admin-team-errors');

    await page.getByLabel('Català', { exact: true }).fill('Equip de proves');
    await page.getByLabel('Castellà', { exact: true }).fill('Equipo de pruebas');
    await page.getByLabel('Aranès', { exact: true }).fill('Equip de pròves');
    await page.getByLabel('Anglès', { exact: true }).fill('Test team');
    // The API's answer for an id that exists lands at the id field.
    await page.getByLabel('Identificador').fill('hestia-support');
    await page.getByRole('button', { name: 'Crea l’equip' }).click();
    const taken = 'Ja hi ha un equip amb aquest identificador. Trieu-ne un altre.';
    await summary.getByRole('link', { name: taken }).waitFor();
    await expect.poll(() => page.locator('#f-id-error').textContent()).toBe(taken);
    expect((await read(`/teams/hestia-support`)).name).toMatchObject({ ca: 'Suport Hèstia' });

    await page.getByLabel('Identificador').fill(TEAM_ID);
    await page.getByRole('button', { name: 'Crea l’equip' }).click();
    await h1(page, 'Equip de proves');
    await said(page, 'S’ha creat l’equip.');
    expect(new URL(page.url()).pathname).toBe(`/admin/teams/${TEAM_ID}`);
    expect(await read(`/teams/${TEAM_ID}`)).toMatchObject({
      organisationId: 'hestia',
      name: { ca: 'Equip de proves', oc: 'Equip de pròves' },
      level: 1,
      assignment: 'manual',
      version: 1,
    });

    await page.getByLabel('Català', { exact: true }).fill('Equip de proves tècniques');
    await page.getByRole('radio', { name: /^Segon nivell/ }).check();
    await page.getByRole('button', { name: 'Desa els canvis' }).click();
    await said(page, 'S’han desat els canvis.');
    expect(await read(`/teams/${TEAM_ID}`)).toMatchObject({
      name: { ca: 'Equip de proves tècniques' },
      level: 2,
      version: 2,
    });
    await expectAccessible(page, 'a team');
    await screenshot(page, 'admin-team');
  });

  it('explains a save someone else made first, saves nothing, and shows their version', async () => {
    const theirs = await read(`/teams/${TEAM_ID}`);
    const name = {
      ca: 'Equip de proves (de la Rosa)',
      es: 'Equipo de pruebas',
      oc: 'Equip de pròves',
      en: 'Test team',
    };
    const put = await api('PUT', `/teams/${TEAM_ID}`, {
      token: await tokenAs(SUPERVISOR),
      headers: { 'if-match': `"${theirs.version}"` },
      body: { organisationId: 'hestia', name, level: 2, assignment: 'manual' },
    });
    expect(put.status).toBe(200);

    await page.getByLabel('Anglès', { exact: true }).fill('Technical test team');
    await page.getByRole('radio', { name: /^Automàtica/ }).check();
    await page.getByRole('button', { name: 'Desa els canvis' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Algú altre ha desat abans' });
    await conflict.waitFor();
    await expect.poll(() => focusIn(page, '.admin-conflict')).toBe(true);
    await expectAccessible(page, 'a team saved by someone else');
    // No partial save: the API still has the other person's version, whole.
    expect(await read(`/teams/${TEAM_ID}`)).toMatchObject({ name, assignment: 'manual', version: theirs.version + 1 });

    await conflict.getByRole('button', { name: 'Carrega la versió desada' }).click();
    await expect.poll(() => page.getByLabel('Català', { exact: true }).inputValue()).toBe(name.ca);
    expect(await page.getByLabel('Anglès', { exact: true }).inputValue()).toBe('Test team');
    expect(await page.getByRole('radio', { name: /^Manual/ }).isChecked()).toBe(true);
    expect(await conflict.count()).toBe(0);
  });

  it('puts an agent in the new team and takes them out again', async () => {
    await section(page, 'Agents');
    await h1(page, 'Agents');
    const elena = page.locator('table.admin-table tbody tr').filter({ hasText: 'Elena Sala Prat' });
    await expect.poll(() => elena.textContent()).toContain('Suport Hèstia');
    await expectAccessible(page, 'the agents');
    await screenshot(page, 'admin-agents');

    await elena.getByRole('link', { name: 'Elena Sala Prat' }).click();
    await h1(page, 'Elena Sala Prat');
    const userId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
    const before = await read<Stored & { teamIds: string[] }>(`/agents/${userId}`);
    expect(before.teamIds).toEqual(['hestia-support']);
    expect(await page.getByRole('checkbox', { name: 'Suport Hèstia' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: 'Equip de proves (de la Rosa)' }).check();
    await page.getByRole('button', { name: 'Desa els canvis' }).click();
    await said(page, 'S’han desat els canvis.');
    const joined = await read<{ teamIds: string[] }>(`/agents/${userId}`);
    expect(joined.teamIds.toSorted()).toEqual(['hestia-support', TEAM_ID].toSorted());
    await expectAccessible(page, 'an agent');

    await page.getByRole('checkbox', { name: 'Equip de proves (de la Rosa)' }).uncheck();
    await page.getByRole('button', { name: 'Desa els canvis' }).click();
    await expect
      .poll(async () => (await read<{ teamIds: string[] }>(`/agents/${userId}`)).teamIds)
      .toEqual(before.teamIds);
  });

  it('adds a holiday to the calendar, then removes it, leaving the calendar as it was', async () => {
    const original = await read<Stored & { holidays: unknown[]; week: unknown; timeZone: string }>('/calendars/hestia');
    await section(page, 'Calendari laboral');
    await h1(page, 'Calendari laboral');
    expect(await page.locator('#f-week-mon-0-from').inputValue()).toBe('08:00');
    await expect
      .poll(() => page.locator('fieldset.admin-day').filter({ hasText: 'Dissabte' }).textContent())
      .toContain('Tancat');
    await expectAccessible(page, 'the calendar');
    await screenshot(page, 'admin-calendar');

    // A window that closes before it opens is refused before anything is sent.
    await page.locator('#f-week-mon-0-to').fill('07:00');
    await page.getByRole('button', { name: 'Desa el calendari' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    await summary.getByRole('link', { name: 'Ha de tancar després d’obrir.' }).click();
    await expect.poll(() => focusedId(page)).toBe('f-week-mon-0-to');
    await page.locator('#f-week-mon-0-to').fill('15:00');

    await page.getByLabel('Data', { exact: true }).fill(HOLIDAY);
    await page.getByRole('button', { name: 'Afegeix el festiu a la llista' }).click();
    await said(page, 'S’ha afegit a la llista: 17 de juliol del 2031.');
    await page.getByRole('button', { name: 'Desa el calendari' }).click();
    await said(page, 'S’han desat els canvis.');
    const added = await read<Stored & { holidays: unknown[] }>('/calendars/hestia');
    expect(added.holidays).toEqual([...original.holidays, { date: HOLIDAY }]);
    expect(added.version).toBe(original.version + 1);

    await page.getByRole('button', { name: 'Treu el festiu: 17 de juliol del 2031' }).click();
    await said(page, 'S’ha tret de la llista: 17 de juliol del 2031.');
    await expect.poll(() => focusedId(page)).toBe('holidays-title');
    await page.getByRole('button', { name: 'Desa el calendari' }).click();
    await expect.poll(async () => (await read<Stored>('/calendars/hestia')).version).toBe(original.version + 2);
    expect(await read('/calendars/hestia')).toMatchObject({
      timeZone: original.timeZone,
      week: original.week,
      holidays: original.holidays,
    });
  });

  it('changes an SLA target and puts it back', async () => {
    const original = await read<Stored & { rules: unknown[]; warnAtPercent: number }>('/sla-policies/hestia');
    await section(page, 'Terminis de servei (ANS)');
    await h1(page, 'Terminis de servei (ANS)');
    // The default rule's resolution: 5 business days.
    const resolution = page.locator('#f-rules-0-resolution');
    expect(await resolution.inputValue()).toBe('5');
    await expectAccessible(page, 'the SLA policy');
    await screenshot(page, 'admin-sla');

    await resolution.fill('6');
    await page.getByRole('button', { name: 'Desa els terminis' }).click();
    await said(page, 'S’han desat els canvis.');
    const changed = await read<Stored & { rules: { resolution: unknown }[] }>('/sla-policies/hestia');
    expect(changed.rules[0]?.resolution).toEqual({ days: 6 });

    await resolution.fill('5');
    await page.getByRole('button', { name: 'Desa els terminis' }).click();
    await expect.poll(async () => (await read<Stored>('/sla-policies/hestia')).version).toBe(original.version + 2);
    expect(await read('/sla-policies/hestia')).toMatchObject({
      rules: original.rules,
      warnAtPercent: original.warnAtPercent,
    });
  });

  it('shows the change history, newest first', async () => {
    await section(page, 'Historial de canvis');
    await h1(page, 'Historial de canvis');
    const rows = page.locator('table.admin-table tbody tr');
    // Newest first: the SLA policy put back.
    await expect.poll(() => rows.first().textContent()).toContain('Terminis de servei');
    // The team's lines name it as it is called now: created, changed here, changed by the API.
    await expect.poll(() => rows.filter({ hasText: 'Equip de proves (de la Rosa)' }).count()).toBeGreaterThanOrEqual(3);
    await expectAccessible(page, 'the change history');
  });
});

describe('a supervisor administers their organisation, in Aranese', () => {
  it('opens every section, each accessible', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, SUPERVISOR, 'oc');
    await menu(page, 'Administracion');
    await h1(page, 'Administracion');
    await page.getByText('Hèstia — supòrt as servicis sociaus').waitFor();
    await page.getByText(/^\d+ equips$/).waitFor();
    await expectAccessible(page, 'the overview in Aranese');
    await screenshot(page, 'admin-oc');

    await section(page, 'Equips');
    await h1(page, 'Equips');
    await page.getByRole('link', { name: 'Supòrt Hèstia' }).click();
    await h1(page, 'Supòrt Hèstia');
    await expectAccessible(page, 'a team in Aranese');

    await section(page, 'Agents');
    await h1(page, 'Agents');
    await expectAccessible(page, 'the agents in Aranese');
    await page.getByRole('link', { name: 'Elena Sala Prat' }).click();
    await h1(page, 'Elena Sala Prat');
    await expectAccessible(page, 'an agent in Aranese');

    await section(page, 'Tèmes');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'the topics in Aranese');

    await section(page, 'Calendari laborau');
    await h1(page, 'Calendari laborau');
    await page.getByRole('row', { name: /24 de junh \(cada an\)/ }).waitFor();
    await expectAccessible(page, 'the calendar in Aranese');

    await section(page, 'Terminis de servici (ANS)');
    await h1(page, 'Terminis de servici (ANS)');
    await expectAccessible(page, 'the SLA policy in Aranese');

    await section(page, 'Istoric de cambis');
    await h1(page, 'Istoric de cambis');
    await expectAccessible(page, 'the change history in Aranese');
    await context.close();
  });
});

describe('the administration on a phone', () => {
  it('fits 320 px: forms in one column, tables as cards', async () => {
    const context = await newContext(browser, { width: 320 });
    const page = await context.newPage();
    await signInAs(page, SUPERVISOR, 'ca');
    await menu(page, 'Administració');
    await h1(page, 'Administració');
    expect(await fitsWidth(page)).toBe(true);
    // Each section's menu link is named as its page.
    for (const name of ['Equips', 'Agents', 'Calendari laboral', 'Terminis de servei (ANS)', 'Historial de canvis']) {
      await section(page, name);
      await h1(page, name);
      expect(await fitsWidth(page), name).toBe(true);
      if (name === 'Calendari laboral') await screenshot(page, 'admin-calendar-phone');
    }
    await context.close();
  });
});

describe('who may administer', () => {
  it('shows an agent the "no access" page', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'agent.hestia', 'ca');
    expect(await page.getByRole('link', { name: 'Administració' }).count()).toBe(0);
    await goInApp(page, '/admin');
    await h1(page, 'No hi teniu accés');
    await expectAccessible(page, 'no access');
    await context.close();
  });

  it('has an admin choose the organisation first', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'admin', 'ca');
    await menu(page, 'Administració');
    await h1(page, 'Administració');
    await page.getByLabel('Organització').selectOption('hestia');
    await page.getByRole('button', { name: 'Administra-la' }).click();
    await page.getByText('Hèstia — suport als serveis socials').waitFor();
    await expectAccessible(page, 'the overview for an admin');
    await context.close();
  });
});
