import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../contracts/vocabulary';
import { translate } from '../../web/src/i18n/translate';
import { mailTo, nowSeconds } from '../support/mail';
import { expectAccessible, fillTopicForm, launch, newContext, screenshot, signInAs } from './browser';

/**
 * The town hall's agents record what comes by phone, email or in person: on behalf of the
 * person, who is mailed the link to follow it when they gave an address.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe.each<Language>(['ca', 'oc'])('an agent recording a phone call, in %s', (lang) => {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
    translate(lang, key, params);

  it('files it on behalf of the caller, who gets the mail with their link', async () => {
    const since = nowSeconds();
    const email = `trucada-${randomUUID().slice(0, 8)}@example.cat`;
    const context = await newContext(browser);
    const page = await context.newPage();
    await signInAs(page, 'agent.oac360', lang);
    await page.getByRole('link', { name: t('record.link') }).click();
    await page.getByRole('heading', { level: 1, name: t('record.title') }).waitFor();
    await fillTopicForm(page, lang, '', 'oac360-notifications');
    await page.getByRole('radio', { name: t('type.query'), exact: true }).check();
    await page.getByLabel(t('new.subject'), { exact: false }).fill('No rep les notificacions electròniques');
    await page.getByLabel(t('new.description'), { exact: false }).fill('Ha trucat perquè no li arriben els avisos.');

    // Who called, and how, are asked for: the summary links to them.
    await page.getByRole('button', { name: t('new.submit') }).click();
    const summary = page.getByRole('alert').filter({ hasText: t('errorSummary.title') });
    await summary.getByRole('link', { name: t('v.choose', { label: t('record.channel') }) }).waitFor();
    await summary.getByRole('link', { name: t('v.required', { label: t('record.name') }) }).waitFor();
    await expectAccessible(page, 'recording a ticket, with errors');

    await page.getByRole('radio', { name: t('record.channel.phone') }).check();
    await page.getByLabel(t('record.name')).fill('Josep Trucada Puig');
    await page.getByLabel(t('record.email'), { exact: false }).fill(email);
    await page.getByLabel(t('record.phone'), { exact: false }).fill('972 123 456');
    await expectAccessible(page, 'recording a ticket');
    await screenshot(page, lang === 'ca' ? 'desk-record' : 'desk-record-oc');
    await page.getByRole('button', { name: t('new.submit') }).click();

    // The agent lands on the ticket's work view; the caller is its requester.
    await page.waitForURL((url) => url.pathname.startsWith('/desk/tickets/'));
    await page.getByText('Josep Trucada Puig').first().waitFor();
    const [mail] = await mailTo(email, since);
    expect(mail?.body.text).toMatch(/\/public\/tickets\/[0-9a-f-]{36}#token=/);
    await context.close();
  });
});
