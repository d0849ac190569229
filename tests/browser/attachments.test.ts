import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contracts/vocabulary';
import { messages as filesMessages } from '../../web/src/components/attachments-messages';
import { translateIn } from '../../web/src/i18n/bundle';
import { translate } from '../../web/src/i18n/translate';
import * as web from '../../web/src/lib/attachments';
import { messages as deskMessages } from '../../web/src/screens/desk/messages';
import { endpoints, newUser } from '../support/api';
import { mailTo, nowSeconds } from '../support/mail';
import { expectAccessible, fillTopicForm, launch, newContext, portalUrl, screenshot, signInAs } from './browser';

/**
 * Files in the portal, in a real Chromium with axe-core: a citizen files with a screenshot, sees
 * it scanned clean, and an agent downloads the very bytes from the desk; a guest's too-large file
 * is refused at the field before anything is sent, and the EICAR test file they send instead
 * ends up quarantined.
 */

/** A 1×1 PNG: what a screenshot's bytes start like, small enough to compare whole. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
/** A PDF as far as its bytes say (the check sniffs the type from them). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
/** The anti-malware test file every scanner knows (68 bytes, harmless). */
const EICAR = String.raw`X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*`;
/** How long a file may take from upload to its scan result here. */
const SCAN_MS = 45_000;

let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
});

const pageOf = async (width?: number) => {
  const context = await newContext(browser, width ? { width } : {});
  contexts.push(context);
  return context.newPage();
};

const words = (lang: Language) => ({
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params),
  files: (key: keyof (typeof filesMessages)['ca'], params?: Record<string, string | number>) =>
    translateIn(filesMessages, lang, key, params),
  desk: (key: keyof (typeof deskMessages)['ca'], params?: Record<string, string | number>) =>
    translateIn(deskMessages, lang, key, params),
});

/** Another screen without reloading the page: a reload would end the session (kept in memory). */
const open = (page: Page, path: string) =>
  page.evaluate(`history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`);

/** A link of the header's main menu (in Catalan). */
const menu = (page: Page, name: string) =>
  page
    .getByRole('navigation', { name: translate('ca', 'nav.label') })
    .getByRole('link', { name })
    .click();

// Browser-side code as text: these tests compile for Node, without the DOM's types.
const fitsWidth = (page: Page) =>
  page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth');

describe('attachments in the portal', () => {
  it('a citizen files with a screenshot; once clean, an agent downloads the same bytes', {
    timeout: 120_000,
  }, async () => {
    const lang: Language = 'ca';
    const { t, files, desk } = words(lang);
    const citizenUser = await newUser({ locale: lang, name: 'Marta Soler' });
    const citizen = await pageOf();
    await signInAs(citizen, citizenUser.email.split('@')[0] as string, lang);
    await open(citizen, '/new');
    await fillTopicForm(citizen, lang, '12345678Z');
    await citizen.getByLabel(t('new.subject'), { exact: false }).fill(`Pantalla en blanc ${Date.now()}`);
    await citizen.getByLabel(t('new.description'), { exact: false }).fill('Adjunto una captura de la pantalla.');
    await citizen
      .getByLabel(files('files.label'), { exact: false })
      .setInputFiles([{ name: 'captura.png', mimeType: 'image/png', buffer: PNG }]);
    const chosen = citizen.getByRole('list', { name: files('files.chosen') });
    await chosen.getByRole('listitem').filter({ hasText: 'captura.png' }).getByText(files('files.ready')).waitFor();
    await expectAccessible(citizen, 'the new ticket form with a file chosen');
    await screenshot(citizen, 'attachments-ca-new-ticket');
    await citizen.getByRole('button', { name: t('new.submit') }).click();

    // The ticket's page: the file under the description, checked, then ready to download.
    const heading = citizen.getByRole('heading', { level: 1, name: /HESTIA-\d{4}-\d+/ });
    const number = /HESTIA-\d{4}-\d+/.exec((await heading.textContent()) ?? '')?.[0] as string;
    const ticketId = new URL(citizen.url()).pathname.split('/').pop() as string;
    const thread = citizen.getByRole('list', { name: files('files.ofMessage') });
    await thread.getByText('captura.png').waitFor();
    await thread.getByText(files('files.status.clean')).waitFor({ timeout: SCAN_MS });
    await expectAccessible(citizen, 'the ticket page with a clean file');
    await screenshot(citizen, 'attachments-ca-ticket');

    // The agent downloads it from the work view: the very bytes the citizen sent.
    const agent = await pageOf();
    await signInAs(agent, 'agent.hestia', lang);
    await open(agent, `/desk/tickets/${ticketId}`);
    await agent.getByRole('heading', { level: 2, name: desk('work.thread') }).waitFor();
    const link = agent.getByRole('button', { name: `${files('files.download')} captura.png` });
    await expectAccessible(agent, 'the work view with a file');
    await screenshot(agent, 'attachments-ca-work-view');
    const [download] = await Promise.all([agent.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('captura.png');
    expect(Buffer.compare(await readFile((await download.path()) as string), PNG)).toBe(0);

    // An internal note with a file: staff see it tagged, checked like any other.
    await agent.getByRole('radio', { name: desk('reply.kind.internal') }).check();
    await agent.getByLabel(desk('reply.body')).fill('L’informe del proveïdor, per a l’equip.');
    await agent
      .getByLabel(files('files.label'), { exact: false })
      .setInputFiles([{ name: 'informe.pdf', mimeType: 'application/pdf', buffer: PDF }]);
    await agent.getByRole('button', { name: desk('reply.submit') }).click();
    await agent.getByText(desk('reply.sent.internal')).waitFor();
    const note = agent
      .getByRole('list', { name: files('files.ofMessage') })
      .getByRole('listitem')
      .filter({ hasText: 'informe.pdf' });
    await note.getByText(files('files.internal')).waitFor();
    await note.getByText(files('files.status.clean')).waitFor({ timeout: SCAN_MS });

    // The citizen never sees it, and answers with a CSV their system gave no type (by its extension, then).
    await menu(citizen, t('nav.tickets'));
    await citizen.getByRole('link', { name: number }).click();
    await citizen.getByText('captura.png').first().waitFor();
    expect(await citizen.getByText('informe.pdf').count()).toBe(0);
    await citizen.getByLabel(t('ticket.reply')).fill('Us envio també les dades.');
    await citizen
      .getByLabel(files('files.label'), { exact: false })
      .setInputFiles([{ name: 'dades.csv', mimeType: '', buffer: Buffer.from('nom;rol\nMarta;professional\n') }]);
    // The storage made slow for a moment, to see the file on its way.
    const storage = `${new URL(endpoints().services.s3).origin}/**`;
    await citizen.route(storage, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await citizen.getByRole('button', { name: t('ticket.replySubmit') }).click();
    await citizen.getByRole('progressbar', { name: files('files.progress', { name: 'dades.csv' }) }).waitFor();
    await expectAccessible(citizen, 'a reply’s file on its way');
    await screenshot(citizen, 'attachments-ca-reply-sending');
    await citizen.getByText(t('ticket.replySent')).waitFor();
    await citizen.unroute(storage);
    const reply = citizen.getByRole('article').filter({ hasText: 'Us envio també les dades.' });
    await reply.getByText(files('files.status.clean')).waitFor({ timeout: SCAN_MS });
    await reply.getByRole('button', { name: `${files('files.download')} dades.csv` }).waitFor();
    await expectAccessible(citizen, 'the ticket page after a reply with a file');
  });

  it('a guest’s too-large file is refused at the field; the EICAR file sent instead is quarantined', {
    timeout: 120_000,
  }, async () => {
    const lang: Language = 'oc';
    const { t, files } = words(lang);
    const guest = await pageOf(390);
    await guest.goto(portalUrl('/new'));
    await guest.locator('#language').selectOption(lang);
    await fillTopicForm(guest, lang, '12345678Z', 'dipu-web-portals');
    const type = guest.getByRole('radio', { name: t('type.incident'), exact: true });
    if ((await type.count()) > 0) await type.check();
    await guest.getByLabel(t('new.subject'), { exact: false }).fill(`Error en portau ${Date.now()}`);
    await guest.getByLabel(t('new.description'), { exact: false }).fill('Eth portau respon damb ua error.');
    const email = `guest-${Date.now()}@example.org`;
    await guest.getByLabel(t('new.name'), { exact: true }).fill('Aran Boya');
    await guest.getByLabel(t('new.email'), { exact: true }).fill(email);

    // Over the limit: said at the field and in the error summary, and nothing is filed.
    const input = guest.getByLabel(files('files.label'), { exact: false });
    const big = Buffer.alloc(web.DEFAULT_ATTACHMENT_MAX_BYTES + 1, 0x41);
    await input.setInputFiles([{ name: 'gran.png', mimeType: 'image/png', buffer: big }]);
    await guest.getByRole('button', { name: t('new.submit') }).click();
    const summary = guest.getByRole('alert').filter({ hasText: t('errorSummary.title') });
    await summary.waitFor();
    const problem = files('files.problem.size', { name: 'gran.png', size: '10 MB', max: '10 MB' });
    await guest.locator('#f-attachments-error').getByText(problem).waitFor();
    await summary.getByRole('link', { name: problem }).click();
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await fitsWidth(guest)).toBe(true);
    await expectAccessible(guest, 'a refused file at the field, on a phone');
    await screenshot(guest, 'attachments-oc-refused-phone');

    // Removed, and the EICAR test file dropped on the zone instead (a text file, as it says).
    await guest.getByRole('button', { name: `${files('files.remove')} gran.png` }).click();
    const dropped = await guest.evaluateHandle(
      `(() => { const files = new DataTransfer(); files.items.add(new File([${JSON.stringify(EICAR)}], 'eicar.txt', { type: 'text/plain' })); return files; })()`,
    );
    await guest.locator('.dropzone').dispatchEvent('drop', { dataTransfer: dropped });
    await guest
      .getByRole('list', { name: files('files.chosen') })
      .getByText(files('files.ready'))
      .waitFor();
    const since = nowSeconds();
    await guest.getByRole('button', { name: t('new.submit') }).click();
    await guest.getByRole('heading', { level: 1, name: t('filed.title') }).waitFor();
    await guest.getByText(files('files.filedSent')).waitFor();
    await guest
      .getByRole('listitem')
      .filter({ hasText: /^eicar\.txt$/ })
      .waitFor();
    await expectAccessible(guest, 'the filed page with its files');
    await screenshot(guest, 'attachments-oc-filed-phone');

    // The mailed link shows the file quarantined (each visit is a fresh page: the token lives in memory).
    const [mail] = await mailTo(email, since);
    const link = /https?:\/\/\S+\/public\/tickets\/[^\s#]+#token=[^\s]+/.exec(mail?.body.text ?? '')?.[0];
    expect(link).toBeDefined();
    const quarantined = files('files.status.infected');
    const deadline = Date.now() + SCAN_MS;
    let seen = '';
    for (;;) {
      await guest.goto(link as string);
      const row = guest
        .getByRole('list', { name: files('files.ofMessage') })
        .getByRole('listitem')
        .filter({ hasText: 'eicar.txt' });
      await row.waitFor();
      seen = (await row.textContent()) ?? '';
      if (seen.includes(quarantined) || Date.now() > deadline) break;
      await guest.waitForTimeout(2_000);
    }
    expect(seen).toContain(quarantined);
    // Quarantined files are never a download.
    expect(await guest.getByRole('button', { name: /eicar\.txt/ }).count()).toBe(0);
    await expectAccessible(guest, 'a guest’s ticket with a quarantined file');
    await screenshot(guest, 'attachments-oc-quarantined-phone');
  });
});
