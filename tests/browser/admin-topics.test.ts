import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueDocuments } from '../../contracts/admin-views';
import { api, tokenAs } from '../support/api';
import { expectAccessible, launch, newContext, screenshot, signInAs } from './browser';

/**
 * A supervisor of Hèstia administers its topics in a real Chromium, checked with axe-core in
 * Catalan and Aranese: the tree of topics, a new level-3 topic with a form of two fields put in
 * order (which citizens then get in that order), its guidance changed, a conflict with someone
 * else's save, and the API's errors at the field. The topic ends internal: no citizen sees it.
 */
const TOPIC = `hestia-test-${Date.now().toString(36)}`;
const PARENT = 'hestia-users';
const LANGS = ['ca', 'es', 'oc', 'en'] as const;
type Words = Record<(typeof LANGS)[number], string>;
const LABEL: Record<(typeof LANGS)[number], string> = { ca: 'Català', es: 'Español', oc: 'Aranés', en: 'English' };

const NAME: Words = {
  ca: 'Prova de formulari',
  es: 'Prueba de formulario',
  oc: 'Pròva de formulari',
  en: 'Form test',
};
const CASE_NUMBER: Words = {
  ca: 'Número d’expedient',
  es: 'Número de expediente',
  oc: 'Numèro d’expedient',
  en: 'Case file number',
};
const OFFICE: Words = { ca: 'Oficina', es: 'Oficina', oc: 'Oficina', en: 'Office' };

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  // Should the test stop half-way, citizens still never see its topic.
  const token = await tokenAs('supervisor.hestia');
  const { body } = await api<CatalogueDocuments>('GET', '/catalogues/hestia', { token });
  const topic = body.topics.find((candidate) => candidate.id === TOPIC);
  if (topic && !topic.internal) {
    const { id: _, version, updatedAt: _at, updatedBy: _by, ...document } = topic;
    await api('PUT', `/topics/${TOPIC}`, {
      token,
      headers: { 'if-match': String(version) },
      body: { ...document, internal: true },
    });
  }
});

/** The Administration in the main menu, then its topics section (a reload would sign out). */
async function openTopics(page: Page, menu: string, admin: string, title: string) {
  await page.getByRole('navigation', { name: menu }).getByRole('link', { name: admin }).click();
  await page.locator('a[href="/admin/topics"]').first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** The same text in the four languages of a group of controls ("Nom", "Etiqueta"…). */
async function fillLanguages(group: Locator, words: Words) {
  for (const lang of LANGS) await group.getByLabel(LABEL[lang], { exact: true }).fill(words[lang]);
}

/** A field of the form being edited, by its place: its fieldset has the id of the API's path. */
const fieldAt = (page: Page, index: number) => page.locator(`#f-form-fields-${index}`);

// Browser-side code as text: these tests compile for Node, without the DOM's types.
const focusedText = (page: Page) => page.evaluate<string>('document.activeElement?.textContent ?? ""');
const focusedId = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

/** What citizens get asking for the topic (GET /topics/{id}). */
async function citizensTopic() {
  return (await api('GET', `/topics/${TOPIC}`)).status;
}

describe('the topics administration', () => {
  it('creates a topic with a form in the order set, edits it, and shows conflicts and the API’s errors', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'supervisor.hestia', 'ca');
    await openTopics(page, 'Menú principal', 'Administració', 'Temes');

    // The tree: Hèstia's level-2 topics under the shared level-1 one, level 3 under them, facts in words.
    await page.getByRole('heading', { level: 2, name: 'Serveis socials' }).waitFor();
    const users = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Usuaris professionals' }) });
    await users.getByRole('list').getByRole('link', { name: 'Alta de professional' }).waitFor();
    await expect.poll(() => users.first().innerText()).toMatch(/Equip\s*Suport Hèstia/);
    await expect.poll(() => users.first().innerText()).toMatch(/Visibilitat\s*Públic/);
    await expectAccessible(page, 'the topics list');
    await screenshot(page, 'admin-topics');

    // A new topic under "Usuaris professionals" (level 2): a level-3 topic.
    await page.getByLabel('Tema superior del nou tema').selectOption(PARENT);
    await page.getByRole('button', { name: 'Crea el tema' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nou tema' }).waitFor();
    expect(await page.getByLabel('Tema superior', { exact: true }).inputValue()).toBe(PARENT);
    await page.getByText('aquest tema és de nivell 3').waitFor();
    await page.getByLabel('Identificador').fill(TOPIC);
    await fillLanguages(page.getByRole('group', { name: 'Nom', exact: true }), NAME);
    await page.getByRole('checkbox', { name: 'Petició' }).check();
    await page.getByLabel('Equip que rep les sol·licituds').selectOption('hestia-support');
    // Internal from the start: other tests' citizens never meet it.
    await page.getByRole('checkbox', { name: 'Tema intern' }).check();

    // First a select with two options, then a required text field, which then moves up.
    await page.getByRole('button', { name: 'Afegeix un camp' }).click();
    await expect.poll(() => focusedId(page)).toBe('f-form-fields-0-name');
    const office = fieldAt(page, 0);
    await office.getByLabel('Clau').fill('office');
    await office.getByLabel('Tipus de camp').selectOption('select');
    await fillLanguages(office.getByRole('group', { name: 'Etiqueta' }), OFFICE);
    for (const [index, city] of ['Girona', 'Lleida'].entries()) {
      await office.getByRole('button', { name: 'Afegeix una opció a «Oficina»' }).click();
      const option = office.getByRole('group', { name: `Opció ${index + 1}` });
      await option.getByLabel('Valor que es desa').fill(city.toLowerCase());
      await fillLanguages(option.getByRole('group', { name: 'Text de l’opció' }), {
        ca: city,
        es: city,
        oc: city,
        en: city,
      });
    }
    await page.getByRole('button', { name: 'Afegeix un camp' }).click();
    const caseNumber = fieldAt(page, 1);
    await caseNumber.getByLabel('Clau').fill('caseNumber');
    await caseNumber.getByRole('checkbox', { name: 'Obligatori' }).check();
    await fillLanguages(caseNumber.getByRole('group', { name: 'Etiqueta' }), CASE_NUMBER);

    await page.getByRole('button', { name: 'Mou «Número d’expedient» amunt' }).click();
    // The field moved, and the focus with it: pressing again would move it on.
    await page.getByRole('group', { name: 'Camp 1: Número d’expedient' }).waitFor();
    await expect.poll(() => focusedText(page)).toContain('Mou «Número d’expedient» amunt');
    await page.getByRole('status').filter({ hasText: 'ara és el 1 de 2' }).waitFor();
    // The preview draws the form as citizens will get it, in the new order.
    const preview = await page.getByRole('region', { name: 'Vista prèvia del formulari' }).innerText();
    expect(preview.indexOf('Número d’expedient')).toBeLessThan(preview.indexOf('Oficina'));
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('button', { name: 'Desa el tema' }).click();
    await page.getByRole('status').filter({ hasText: 'S’ha creat el tema.' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/topics/${TOPIC}`);
    await page.getByRole('heading', { level: 1, name: `Tema «${NAME.ca}»` }).waitFor();
    await expectAccessible(page, 'the topic editor');
    await screenshot(page, 'admin-topic');

    // Stored with its form in that order.
    const supervisor = await tokenAs('supervisor.hestia');
    const read = async () =>
      (await api<CatalogueDocuments>('GET', '/catalogues/hestia', { token: supervisor })).body.topics.find(
        (topic) => topic.id === TOPIC,
      );
    const created = await read();
    expect(created?.form.fields.map((field) => [field.name, field.required])).toEqual([
      ['caseNumber', true],
      ['office', false],
    ]);
    expect(created?.form.fields[1]?.options?.map((option) => option.value)).toEqual(['girona', 'lleida']);

    // The guidance changes.
    const guidance = page.getByRole('group', { name: /^Orientació abans del formulari/ });
    await fillLanguages(guidance, {
      ca: 'Indiqueu el número d’expedient complet.',
      es: 'Indique el número de expediente completo.',
      oc: 'Indicatz eth numèro d’expedient complet.',
      en: 'Give the whole case file number.',
    });
    await page.getByRole('button', { name: 'Desa el tema' }).click();
    await page.getByRole('status').filter({ hasText: 'S’ha desat el tema.' }).waitFor();
    expect(await read()).toMatchObject({
      version: 2,
      internal: true,
      guidance: { ca: 'Indiqueu el número d’expedient complet.' },
    });

    // Someone else saves first: the editor says so, and reloads their version.
    const stored = await read();
    if (!stored) throw new Error('The topic is gone.');
    const { id: _, version, updatedAt: _at, updatedBy: _by, ...document } = stored;
    const renamed = { ...document, name: { ...document.name, en: 'Form test, renamed' } };
    const theirs = await api('PUT', `/topics/${TOPIC}`, {
      token: supervisor,
      headers: { 'if-match': String(version) },
      body: renamed,
    });
    expect(theirs.status).toBe(200);
    await guidance.getByLabel('English', { exact: true }).fill('Give the whole number.');
    await page.getByRole('button', { name: 'Desa el tema' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: 'Algú altre ha desat aquest tema' });
    await conflict.waitFor();
    // The focus goes to the explanation, next to its way out.
    await expect.poll(() => focusedText(page)).toContain('Algú altre ha desat aquest tema');
    await conflict.getByRole('button', { name: 'Torna a carregar el tema' }).click();
    await page.getByRole('status').filter({ hasText: 'S’ha tornat a carregar el tema.' }).waitFor();
    const names = page.getByRole('group', { name: 'Nom', exact: true });
    expect(await names.getByLabel('English', { exact: true }).inputValue()).toBe('Form test, renamed');
    expect(await guidance.getByLabel('English', { exact: true }).inputValue()).toBe('Give the whole case file number.');

    // A select without options: the API's error in the summary, linking to the field's options.
    const officeNow = fieldAt(page, 1);
    await officeNow.getByRole('button', { name: 'Suprimeix l’opció 2 de «Oficina»' }).click();
    await officeNow.getByRole('button', { name: 'Suprimeix l’opció 1 de «Oficina»' }).click();
    await page.getByRole('button', { name: 'Desa el tema' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    await summary.waitFor();
    await summary.getByRole('link', { name: 'Select and multiselect fields need options.' }).click();
    await expect.poll(() => focusedId(page)).toBe('f-form-fields-1-options');
    expect(await focusedText(page)).toBe('Afegeix una opció a «Oficina»');
    await officeNow.getByText('Select and multiselect fields need options.').waitFor();
    await expectAccessible(page, 'the topic editor with an error');
    expect((await read())?.version).toBe(3);
    await context.close();
  });

  it('reads in Aranese, and fits 320 px', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'supervisor.hestia', 'oc');
    await openTopics(page, 'Menú principau', 'Administracion', 'Tèmes');
    const users = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: 'Usatgèrs professionaus' }) });
    await expect.poll(() => users.first().innerText()).toMatch(/Visibilitat\s*Public/);
    await expectAccessible(page, 'the topics list in Aranese');
    await page.setViewportSize({ width: 320, height: 900 });
    expect(await fitsWidth(page)).toBe(true);

    await page.getByRole('link', { name: NAME.oc }).click();
    await page.getByRole('heading', { level: 1, name: `Tèma «${NAME.oc}»` }).waitFor();
    await page.getByRole('group', { name: 'Camp 1: Numèro d’expedient' }).waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });
    await expectAccessible(page, 'the topic editor in Aranese');
    await screenshot(page, 'admin-topic-oc');
    await context.close();
  });

  it('leaves the topic internal: citizens never get it', async () => {
    expect(await citizensTopic()).toBe(404);
  });
});
