import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launch, newContext, screenshot, signInAs } from './browser';

/**
 * A form request through its seven steps in a real Chromium, across the three parties, each in
 * their own language and checked with axe-core on every screen: the department (Laia, Catalan)
 * files it; the directorate (Carmen, Spanish) asks for changes; the department adds Aranese;
 * the directorate approves; the department sends the header and footer of each language (the
 * first with an `onclick`, which the API refuses line by line; one read from an .html file) and
 * the form's parameters; the technical office (Arnau, Catalan) reads the templates as text and
 * gives the form's URLs; the department confirms its links. Then the completed request on a
 * phone, in Aranese.
 */
const RUN = Date.now().toString(36);
const SITE = `https://salut.gencat.cat/contacte-${RUN}`;
/** A level-1 topic of the portal (an area), offered as a whole. */
const TOPIC = 'Serveis socials';

const HEADER = '<header class="capcalera">\n  <img src="https://salut.gencat.cat/logo.png" alt="Salut">\n</header>';
const FOOTER = '<footer>\n  <p>Departament de Salut</p>\n</footer>';
const CLICKY = '<header>\n  <p onclick="alert(1)">Salut</p>\n</header>';
const URLS = {
  ca: `https://contacte.gencat.cat/ca/salut-${RUN}`,
  es: `https://contacte.gencat.cat/es/salut-${RUN}`,
  oc: `https://contacte.gencat.cat/oc/salut-${RUN}`,
};

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// Browser-side code as text: these tests compile for Node, without the DOM's types.
const focusedId = (page: Page) => page.evaluate<string>('document.activeElement?.id ?? ""');
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

/** A party signed in, on its form-request inbox (in-app navigation: a reload would sign out). */
async function inboxAs(login: string, language: 'ca' | 'es' | 'oc' | 'en', title: string, width?: number) {
  const context = await newContext(browser, { width });
  const page = await context.newPage();
  await signInAs(page, login, language);
  await page.locator('nav.site-nav a[href="/form-requests"]').click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  return { context, page };
}

/** From the inbox, the request whose website is ours. */
async function openOurs(page: Page, reference: string) {
  await page.getByRole('row').filter({ hasText: SITE }).getByRole('link', { name: reference }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(reference) }).waitFor();
}

/** Back to the inbox and into the request again: what the API says now. */
async function reopen(page: Page, back: string, reference: string) {
  await page.getByRole('link', { name: back }).first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await openOurs(page, reference);
}

const currentStep = (page: Page) => page.locator('.fr-timeline li[aria-current="step"]').innerText();
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

describe('form requests', () => {
  let reference = '';

  it('go through the seven steps across the department, the directorate and the technical office', async () => {
    // 1. The department files its petition.
    const department = await inboxAs('department', 'ca', 'Sol·licituds de formulari');
    const laia = department.page;
    await expectAccessible(laia, 'the department’s form requests');
    await laia.getByRole('link', { name: 'Demana un formulari nou' }).click();
    await laia.getByRole('heading', { level: 1, name: 'Demana un formulari de contacte nou' }).waitFor();
    await laia.getByRole('checkbox', { name: TOPIC, exact: true }).waitFor();
    // Sent empty: every problem at once, in the summary and at its field.
    await laia.getByRole('button', { name: 'Envia la petició' }).click();
    const summary = laia.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    await summary.getByRole('link', { name: /comenci per https/ }).waitFor();
    await summary.getByRole('link', { name: 'Marqueu almenys un tema.' }).waitFor();
    await expectAccessible(laia, 'the petition with its errors');
    await screenshot(laia, 'form-request-new');

    await laia.getByLabel('Adreça del vostre lloc web').fill(SITE);
    await laia.getByRole('checkbox', { name: TOPIC, exact: true }).check();
    // A level-2 topic, nested under its area (several organisations name theirs alike: by its id).
    await laia.locator('input[name="topics"][value="salut-application-error"]').check();
    await laia.getByRole('checkbox', { name: 'Aranès' }).uncheck();
    await laia.getByRole('checkbox', { name: 'Anglès' }).uncheck();
    // The contact starts as the person signed in.
    expect(await laia.getByLabel('Adreça electrònica').inputValue()).toBe('department@finestreta.local');
    await laia.getByRole('button', { name: 'Envia la petició' }).click();
    await status(laia, 'S’ha enviat la petició a la direcció.');
    reference = `FR-${new URL(laia.url()).pathname.split('/').at(-1)?.slice(0, 8)}`;
    await laia.getByRole('heading', { level: 1, name: `Sol·licitud ${reference}` }).waitFor();
    expect(await currentStep(laia)).toMatch(/Revisió[\s\S]*A càrrec de la direcció[\s\S]*Pas actual/);
    expect(await laia.locator('.fr-timeline li').first().innerText()).toMatch(/Petició[\s\S]*Fet/);
    expect(await laia.locator('.fr-timeline li').nth(2).innerText()).toMatch(/Pendent/);
    await laia.getByText('Ara li toca a la direcció').waitFor();
    await expectAccessible(laia, 'the request, waiting for the review');

    // 2. The directorate (in Spanish) finds it first in its inbox and asks for changes.
    const reviewer = await inboxAs('reviewer', 'es', 'Solicitudes de formulario: revisión');
    const carmen = reviewer.page;
    await carmen.locator('#fr-waiting').getByRole('row').filter({ hasText: SITE }).waitFor();
    await expectAccessible(carmen, 'the directorate’s inbox');
    await screenshot(carmen, 'form-requests-reviewer');
    await openOurs(carmen, reference);
    await carmen.getByRole('heading', { level: 2, name: 'Su decisión' }).waitFor();
    // The petition, to decide on.
    await carmen.getByRole('heading', { level: 2, name: 'Petición' }).waitFor();
    expect(await carmen.locator('.fr-facts').nth(1).innerText()).toMatch(/catalán, castellano/);
    await carmen.getByRole('radio', { name: 'Pedir cambios al departamento' }).check();
    await carmen.getByRole('button', { name: 'Enviar la decisión' }).click();
    await carmen.getByRole('alert').getByRole('link', { name: 'Explique el porqué al departamento.' }).waitFor();
    await carmen.getByLabel('Comentario para el departamento').fill('Añadid la versión en aranés, por favor.');
    await expectAccessible(carmen, 'the review form');
    await screenshot(carmen, 'form-request-review');
    await carmen.getByRole('button', { name: 'Enviar la decisión' }).click();
    await status(carmen, 'Ha pedido cambios al departamento.');

    // 3. The department reads why, adds Aranese and sends it again.
    await reopen(laia, 'Torna a les sol·licituds de formulari', reference);
    await laia.getByRole('heading', { level: 2, name: 'La direcció us demana canvis' }).waitFor();
    await laia.getByText('Añadid la versión en aranés, por favor.').first().waitFor();
    expect(await currentStep(laia)).toContain('la direcció ha demanat canvis al departament');
    await expectAccessible(laia, 'the petition to revise');
    await laia.getByRole('checkbox', { name: 'Aranès' }).check();
    await laia.getByRole('button', { name: 'Torna a enviar la petició' }).click();
    await status(laia, 'S’ha tornat a enviar la petició a la direcció.');

    // 4. The directorate approves (no comment needed).
    await reopen(carmen, 'Volver a las solicitudes de formulario', reference);
    expect(await carmen.locator('.fr-facts').nth(1).innerText()).toMatch(/catalán, castellano, aranés/);
    await carmen.getByRole('radio', { name: 'Aprobar la petición' }).check();
    await carmen.getByRole('button', { name: 'Enviar la decisión' }).click();
    await status(carmen, 'Ha aprobado la petición.');

    // 5. The department's header and footer: first one with an onclick, refused where it is.
    await reopen(laia, 'Torna a les sol·licituds de formulari', reference);
    await laia.getByRole('heading', { level: 2, name: 'Envieu la capçalera i el peu de pàgina' }).waitFor();
    await laia.getByLabel('Capçalera en català (HTML)').fill(CLICKY);
    await laia.getByLabel('Peu de pàgina en català (HTML)').fill(FOOTER);
    await laia.getByRole('button', { name: 'Envia la capçalera i el peu en català' }).click();
    const refused = laia.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    const line = refused.getByRole('link', { name: /Capçalera en català, línia 2, columna \d+: .*onclick/ });
    await line.waitFor();
    await laia
      .locator('#f-templates-ca-header-error')
      .getByText(/Línia 2, columna \d+:.*onclick/)
      .waitFor();
    expect(await laia.getByLabel('Capçalera en català (HTML)').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(laia, 'the templates refused');
    await screenshot(laia, 'form-request-templates-error');
    // The summary's link takes the focus to the field.
    await line.click();
    expect(await focusedId(laia)).toBe('f-templates-ca-header');

    await laia.getByLabel('Capçalera en català (HTML)').fill(HEADER);
    await laia.getByRole('button', { name: 'Envia la capçalera i el peu en català' }).click();
    await status(laia, 'S’han desat la capçalera i el peu en català.');
    // Spanish: the header read from an .html file.
    await reopen(laia, 'Torna a les sol·licituds de formulari', reference);
    await laia
      .getByText(/Rebuts el/)
      .first()
      .waitFor();
    await laia.getByLabel('O bé trieu el fitxer .html de la capçalera en castellà').setInputFiles({
      name: 'capcalera-es.html',
      mimeType: 'text/html',
      buffer: Buffer.from(HEADER.replace('Salut', 'Salud')),
    });
    await expect.poll(() => laia.getByLabel('Capçalera en castellà (HTML)').inputValue()).toContain('Salud');
    await laia.getByLabel('Peu de pàgina en castellà (HTML)').fill(FOOTER);
    await laia.getByRole('button', { name: 'Envia la capçalera i el peu en castellà' }).click();
    await status(laia, 'S’han desat la capçalera i el peu en castellà.');
    await reopen(laia, 'Torna a les sol·licituds de formulari', reference);
    await laia.getByLabel('Capçalera en aranès (HTML)').fill(HEADER);
    await laia.getByLabel('Peu de pàgina en aranès (HTML)').fill(FOOTER);
    await laia.getByRole('button', { name: 'Envia la capçalera i el peu en aranès' }).click();
    await status(laia, 'Ja hi són tots');

    // 6. The form's parameters, with one field of its own.
    await laia.getByRole('heading', { level: 2, name: 'Paràmetres del formulari' }).first().waitFor();
    expect(await laia.getByLabel('Adreça del vostre lloc web').inputValue()).toBe(SITE);
    expect(await laia.getByRole('checkbox', { name: TOPIC, exact: true }).isChecked()).toBe(true);
    await laia.getByRole('button', { name: 'Afegeix un camp' }).click();
    await expect.poll(() => focusedId(laia)).toBe('f-fields-0-name');
    const field = laia.getByRole('group', { name: /^Camp 1/ });
    await field.getByLabel('Clau').fill('num-targeta');
    await field.getByLabel('Tipus de camp').selectOption('text');
    await field.getByRole('checkbox', { name: 'Obligatori' }).check();
    await field.getByLabel('Català').fill('Número de targeta sanitària');
    await field.getByLabel('Castellà').fill('Número de tarjeta sanitaria');
    await laia.getByRole('button', { name: 'Envia els paràmetres' }).click();
    // Aranese was left out: said at its field.
    await laia
      .getByRole('alert')
      .getByRole('link', { name: 'Escriviu el text del camp en aquesta llengua.' })
      .waitFor();
    await field.getByLabel('Aranès').fill('Numèro de carta sanitària');
    await expectAccessible(laia, 'the parameters form');
    await screenshot(laia, 'form-request-parameters');
    await laia.getByRole('button', { name: 'Envia els paràmetres' }).click();
    await status(laia, 'S’han enviat els paràmetres a l’oficina tècnica.');

    // 7. The technical office reads the templates as text and gives one URL per language.
    const operator = await inboxAs('operator', 'ca', 'Sol·licituds de formulari: configuració');
    const arnau = operator.page;
    await arnau.locator('#fr-waiting').getByRole('row').filter({ hasText: SITE }).waitFor();
    await expectAccessible(arnau, 'the technical office’s inbox');
    await openOurs(arnau, reference);
    await arnau.getByRole('heading', { level: 2, name: 'Configureu el formulari' }).waitFor();
    await arnau.getByRole('button', { name: 'Mostra l’HTML en català' }).click();
    const code = arnau.locator('#fr-stored-ca pre').first();
    await expect.poll(() => code.innerText()).toContain('<header class="capcalera">');
    // Shown, never drawn: no element of the template made it into the page.
    expect(await arnau.locator('main img[src^="https://salut.gencat.cat"]').count()).toBe(0);
    expect(await arnau.locator('main header.capcalera').count()).toBe(0);
    expect(await arnau.getByRole('table').filter({ hasText: 'num-targeta' }).innerText()).toMatch(/Sí/);
    await arnau.getByLabel('Adreça del formulari en català').fill(URLS.ca);
    await arnau.getByLabel('Adreça del formulari en castellà').fill('http://contacte.gencat.cat/es');
    await arnau.getByLabel('Adreça del formulari en aranès').fill(URLS.oc);
    await arnau.getByRole('button', { name: 'Envia les adreces al departament' }).click();
    await arnau
      .getByRole('alert')
      .getByRole('link', { name: /comenci per https/ })
      .waitFor();
    await expectAccessible(arnau, 'the set-up, with the templates as text');
    await screenshot(arnau, 'form-request-setup');
    await arnau.getByLabel('Adreça del formulari en castellà').fill(URLS.es);
    await arnau.getByRole('button', { name: 'Envia les adreces al departament' }).click();
    await status(arnau, 'S’han enviat les adreces al departament.');

    // 8. The department sees the URLs and confirms its links: completed.
    await reopen(laia, 'Torna a les sol·licituds de formulari', reference);
    await laia.getByRole('heading', { level: 2, name: 'Actualitzeu els enllaços' }).waitFor();
    await laia.getByRole('link', { name: URLS.oc }).waitFor();
    await laia.getByRole('button', { name: 'Confirmo que els enllaços estan actualitzats' }).click();
    await status(laia, 'el formulari és en servei');
    const steps = laia.locator('.fr-timeline li');
    expect(await steps.count()).toBe(7);
    for (let index = 0; index < 7; index++) expect(await steps.nth(index).innerText()).toMatch(/Fet$/);
    expect(await currentStep(laia)).toMatch(/Formulari en servei/);
    const history = await laia.locator('.fr-history').innerText();
    for (const [who, what] of [
      ['Laia Costa Riera', 'Ha presentat la petició.'],
      ['Carmen López Martín', 'Ha demanat canvis en la petició.'],
      ['Laia Costa Riera', 'Ha revisat la petició i l’ha tornat a enviar.'],
      ['Carmen López Martín', 'Ha aprovat la petició.'],
      ['Laia Costa Riera', 'Ha enviat la capçalera i el peu de pàgina en aranès.'],
      ['Laia Costa Riera', 'Ha enviat els paràmetres del formulari.'],
      ['Arnau Font Mas', 'Ha configurat el formulari i n’ha donat les adreces.'],
      ['Laia Costa Riera', 'Ha confirmat que els enllaços ja porten al formulari nou.'],
    ]) {
      expect(history).toContain(who);
      expect(history).toContain(what);
    }
    expect(await laia.locator('.fr-history > li').count()).toBe(10);
    await expectAccessible(laia, 'the completed request');
    await screenshot(laia, 'form-request-completed');

    // The department's inbox: nothing waits for it; the request is completed.
    await laia.getByRole('link', { name: 'Torna a les sol·licituds de formulari' }).first().click();
    const row = laia.locator('#fr-others').getByRole('row').filter({ hasText: SITE });
    expect(await row.innerText()).toMatch(/Completada[\s\S]*Ningú: s’ha acabat/);
    await screenshot(laia, 'form-requests-department');

    await Promise.all([department.context.close(), reviewer.context.close(), operator.context.close()]);
  });

  it('reads on a phone, in Aranese', async () => {
    expect(reference, 'the first test filed the request').not.toBe('');
    const { context, page } = await inboxAs('department', 'oc', 'Sollicituds de formulari', 375);
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'the inbox on a phone');
    await openOurs(page, reference);
    await page.getByRole('heading', { level: 2, name: 'Passi' }).waitFor();
    expect(await currentStep(page)).toMatch(/Formulari en servici[\s\S]*Hèt/);
    await page.getByText('Eth formulari ja ei en servici').waitFor();
    expect(await fitsWidth(page)).toBe(true);
    await expectAccessible(page, 'the completed request on a phone, in Aranese');
    await screenshot(page, 'form-request-phone-oc');
    await context.close();
  });
});
