import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, newUser, tokenAs } from '../support/api';
import { fileAs, type TicketBody } from '../support/tickets';
import { expectAccessible, launch, newContext, screenshot, signInAs } from './browser';

/**
 * The agents' desk in a real Chromium, checked with axe-core in Catalan and Aranese: an agent
 * of the council's service desk finds a new ticket in the unassigned queue with its commitment
 * in words, takes it, writes an internal note, asks the requester for information (the clock
 * pauses), changes the priority with a reason and forwards it to another team.
 * `dipu-other` routes to dipu-service-desk, which assigns by hand, so new tickets wait unassigned.
 */
const TEAM = { ca: 'Atenció a entitats locals', oc: 'Atencion as entitats locaus' };

let browser: Browser;
/** The ticket the journey works, and one left waiting in the queue for the other views. */
let worked: TicketBody;
let waiting: TicketBody;

const file = async (token: string, subject: string) =>
  fileAs(
    { token },
    {
      type: 'incident',
      topicId: 'dipu-other',
      subject,
      description: 'La impressora de l’oficina d’atenció no imprimeix des d’aquest matí.',
      fields: {},
      impact: { blocksWork: true, affectsOthers: false, affectsCitizens: true, note: 'Només hi ha una impressora.' },
    },
  );

beforeAll(async () => {
  browser = await launch();
  const requester = await newUser({ name: 'Marta Soler' });
  const token = await requester.token();
  worked = await file(token, `No imprimeix ${randomUUID().slice(0, 8)}`);
  waiting = await file(token, `Escàner espatllat ${randomUUID().slice(0, 8)}`);
  // A note on the waiting one, so the Aranese work view shows one.
  const note = await api('POST', `/tickets/${waiting.id}/messages`, {
    token: await tokenAs('agent'),
    body: { body: 'Truco a l’ajuntament per saber el model.', internal: true },
  });
  expect(note.status).toBe(201);
});
afterAll(async () => {
  await browser?.close();
});

// Browser-side code as text: these tests compile for Node, without the DOM's types.
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

/** The unassigned queue of the service desk, through the view's link and the team chooser. */
async function openQueue(page: Page, words: { view: string; team: string; show: string; heading: string }) {
  await page.getByRole('heading', { level: 1, name: words.heading }).waitFor();
  await page.getByRole('link', { name: words.view, exact: true }).click();
  await page.waitForURL((url) => url.searchParams.get('view') === 'queue');
  const team = page.locator('#desk-team');
  // Someone in several teams chooses one; the address keeps it.
  if ((await team.count()) > 0) {
    await team.selectOption({ label: words.team });
    await page.getByRole('button', { name: words.show, exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('team') === 'dipu-service-desk');
  }
  await page.locator('table.desk-queue').waitFor();
}

const row = (page: Page, ticket: TicketBody) =>
  page.locator('table.desk-queue tbody tr').filter({ hasText: ticket.number });
const said = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();
const fact = (page: Page, label: string) =>
  page
    .locator('.desk-facts div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd');

describe('an agent at the desk, in Catalan', () => {
  it('takes a new ticket from the queue, notes, asks, reprioritises and forwards it, and hears of a change made meanwhile', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'agent');
    expect(new URL(page.url()).pathname).toBe('/desk');
    await openQueue(page, { view: 'Sense assignar', team: TEAM.ca, show: 'Mostra', heading: 'Safata de treball' });

    // The commitment in words, with its marker, in the row.
    const queued = row(page, worked);
    await queued.waitFor();
    expect(await queued.locator('.desk-sla').textContent()).toMatch(/Venç d’aquí a \d+ (d|h|min)/);
    expect(await queued.locator('td[data-label="Assignada a"]').textContent()).toBe('Sense assignar');
    await expectAccessible(page, 'the unassigned queue');
    await screenshot(page, 'desk-queue');

    // Back from a ticket returns to the same view and team.
    const queueUrl = page.url();
    await queued.getByRole('link', { name: worked.number }).click();
    await page.getByRole('heading', { level: 1, name: `Sol·licitud ${worked.number}` }).waitFor();
    await page.goBack();
    await page.locator('table.desk-queue').waitFor();
    expect(page.url()).toBe(queueUrl);
    await row(page, worked).getByRole('link', { name: worked.number }).click();
    await page.getByRole('heading', { level: 1, name: `Sol·licitud ${worked.number}` }).waitFor();
    expect(await fact(page, 'Assignada a').textContent()).toBe('Sense assignar');
    expect(await fact(page, 'Sol·licitant').textContent()).toBe('Marta Soler');

    await page.getByRole('button', { name: 'Assigna-me-la' }).click();
    await said(page, 'Ara teniu assignada la sol·licitud.');
    expect(await fact(page, 'Assignada a').textContent()).toMatch(/\(vós\)$/);
    expect(await page.getByRole('button', { name: 'Assigna-me-la' }).count()).toBe(0);
    // The button went with the change: the focus stays in the actions, on their heading.
    await expect.poll(() => page.evaluate<string>('document.activeElement?.id ?? ""')).toBe('actions-title');

    // An internal note: set apart in words, not only by colour.
    const note = `Provo de reinstal·lar el controlador ${Date.now()}`;
    await page.getByRole('radio', { name: 'Una nota interna (només la veu el personal)' }).check();
    await page.getByLabel('Text', { exact: true }).fill(note);
    await page.getByRole('button', { name: 'Envia', exact: true }).click();
    await said(page, 'S’ha afegit la nota interna.');
    const noted = page.locator('.thread article').filter({ hasText: note });
    expect(await noted.locator('.desk-tag--internal').textContent()).toContain('Nota interna');

    // Asking for information: the ticket waits on the requester and the clock pauses.
    await page.getByRole('radio', { name: 'Una petició d’informació al sol·licitant' }).check();
    await page.getByLabel('Text', { exact: true }).fill('Quin model d’impressora és? Hi surt algun missatge?');
    await page.getByRole('button', { name: 'Envia', exact: true }).click();
    await said(page, 'S’ha demanat informació al sol·licitant.');
    await expect.poll(() => fact(page, 'Estat').textContent()).toBe('Pendent del sol·licitant');
    expect(await fact(page, 'Ara').textContent()).toContain('En pausa (a l’espera del sol·licitant)');
    expect(await page.locator('.thread article.desk-asks').count()).toBe(1);

    // A new priority needs a reason: the error summary first, then the message at the field.
    const priority = worked.priority === 'P2' ? 'P3' : 'P2';
    await page.getByLabel('Prioritat', { exact: true }).selectOption(priority);
    await page.getByRole('button', { name: 'Canvia la prioritat' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    await summary.getByRole('link', { name: 'Cal omplir «Motiu del canvi de prioritat».' }).click();
    expect(await page.locator('#f-reason').getAttribute('aria-invalid')).toBe('true');
    await page.locator('#f-reason').fill('Tota l’oficina d’atenció n’està afectada');
    await page.getByRole('button', { name: 'Canvia la prioritat' }).click();
    await said(page, `La prioritat ara és ${priority}`);
    expect(await summary.count()).toBe(0);

    await page.getByLabel('Deriva a un altre equip').selectOption({ label: 'Portals web' });
    await page.getByRole('button', { name: 'Deriva', exact: true }).click();
    await said(page, 'S’ha derivat la sol·licitud a l’equip Portals web.');
    expect(await fact(page, 'Equip').textContent()).toBe('Portals web');

    // The history, newest first, in words.
    const history = page.locator('.desk-history li');
    expect(await history.first().textContent()).toContain(
      'l’ha derivada de l’equip Atenció a entitats locals a l’equip Portals web.',
    );
    expect(await history.allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining(`ha canviat la prioritat de ${worked.priority} a ${priority}`)]),
    );
    await expectAccessible(page, 'the work view');
    await screenshot(page, 'desk-ticket');

    // What the page sent is what the API kept.
    const { body } = await api<TicketBody>('GET', `/tickets/${worked.id}`, { token: await tokenAs('agent') });
    expect(body).toMatchObject({ status: 'forwarded', priority, team: { id: 'dipu-web' } });
    expect(body.thread?.find((message) => message.body === note)).toMatchObject({ internal: true });
    expect(body.thread?.some((message) => message.requestsInfo)).toBe(true);

    // Someone else changes it meanwhile: the page's next change is refused, the ticket read again, and it says so.
    const other = await api('PATCH', `/tickets/${worked.id}`, {
      token: await tokenAs('supervisor'),
      body: { status: 'in_progress' },
      headers: { 'if-match': `"${body.version}"` },
    });
    expect(other.status).toBe(200);
    await page.getByLabel('Estat nou').selectOption({ label: 'Resolta' });
    await page.getByRole('button', { name: 'Canvia l’estat' }).click();
    await summary.filter({ hasText: 'Algú altre ha canviat aquesta sol·licitud mentrestant.' }).waitFor();
    await expect.poll(() => fact(page, 'Estat').textContent()).toBe('En curs');
    await page.getByLabel('Estat nou').selectOption({ label: 'Resolta' });
    await page.getByRole('button', { name: 'Canvia l’estat' }).click();
    await said(page, 'L’estat ara és «Resolta».');
    expect(await fact(page, 'Ara').textContent()).toContain('Complert');
    expect(await summary.count()).toBe(0);
    await context.close();
  });
});

describe('the desk in Aranese', () => {
  it('speaks Aranese in the queue and the work view, and passes axe', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'agent', 'oc');
    await openQueue(page, { view: 'Sense assignar', team: TEAM.oc, show: 'Mostrar', heading: 'Safata de trabalh' });
    const queued = row(page, waiting);
    await queued.waitFor();
    expect(await queued.locator('.desk-sla').textContent()).toMatch(/Vence d’aciu a \d+ (d|h|min)/);
    await expectAccessible(page, 'the queue in Aranese');
    await screenshot(page, 'desk-queue-oc');

    await queued.getByRole('link', { name: waiting.number }).click();
    await page.getByRole('heading', { level: 1, name: `Sollicitud ${waiting.number}` }).waitFor();
    await page.locator('.desk-tag--internal').filter({ hasText: 'Nòta intèrna' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Istoric' }).waitFor();
    await expectAccessible(page, 'the work view in Aranese');
    await screenshot(page, 'desk-ticket-oc');
    await context.close();
  });
});

describe('the desk on a phone', () => {
  it('shows the queue as cards and the work view stacked, 320 pixels wide without sideways scrolling', async () => {
    const context = await newContext(browser, { width: 320 });
    const page = await context.newPage();
    await signInAs(page, 'agent');
    await openQueue(page, { view: 'Sense assignar', team: TEAM.ca, show: 'Mostra', heading: 'Safata de treball' });
    await row(page, waiting).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'the queue on a phone');
    await screenshot(page, 'desk-phone');
    await row(page, waiting).getByRole('link', { name: waiting.number }).click();
    await page.getByRole('button', { name: 'Assigna-me-la' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await screenshot(page, 'desk-phone-ticket');
    await context.close();
  });
});
