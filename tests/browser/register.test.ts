import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, endpoints, newUser } from '../support/api';
import { mailTo, nowSeconds } from '../support/mail';
import { expectAccessible, launch, newContext, portalUrl, screenshot } from './browser';

/**
 * Registration from the portal: the account is created in the user pool, which mails a code
 * (locally, through the SES stand-in, as the deployed pool would); typing it back confirms the
 * address and signs the person in. A forgotten password is reset the same way.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PASSWORD = 'Registre-Prova-2026!';

/** The 6-digit code in the verification mail sent to `email`. */
async function mailedCode(email: string, since: number): Promise<string> {
  const [mail] = await mailTo(email, since);
  expect(mail?.subject).toContain('codi de verificació');
  const code = /\b(\d{6})\b/.exec(mail?.body.text ?? '')?.[1];
  expect(code).toMatch(/^\d{6}$/);
  return code as string;
}

const submit = (page: Page) => page.locator('main form button[type="submit"]').click();

describe('registering in the portal', () => {
  it('creates the account, confirms the address with the mailed code and signs the person in', async () => {
    const since = nowSeconds();
    const email = `registre-${Date.now()}@example.cat`;
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(portalUrl('/sign-in'));
    await expectAccessible(page, 'sign in');
    await screenshot(page, 'ca-sign-in');
    await page.getByRole('link', { name: 'Crea un compte' }).click();
    await page.getByRole('heading', { level: 1, name: 'Crea un compte' }).waitFor();
    await expectAccessible(page, 'registration');
    await screenshot(page, 'ca-register');

    // Everything wrong at once: the summary lists each problem, linked to its field.
    await page.getByLabel('Contrasenya').fill('curta');
    await submit(page);
    const summary = page.getByRole('alert').filter({ hasText: 'Hi ha un problema' });
    await summary.waitFor();
    expect(await summary.getByRole('link').allTextContents()).toEqual([
      'Cal omplir «Nom i cognoms».',
      'Cal omplir «Adreça electrònica».',
      'La contrasenya ha de tenir com a mínim 12 caràcters, amb majúscules, minúscules, xifres i algun símbol.',
    ]);
    await expectAccessible(page, 'registration with errors');

    await page.getByLabel('Nom i cognoms').fill('Pau Registre Nou');
    await page.getByLabel('Adreça electrònica').fill(email);
    await page.getByLabel('Contrasenya').fill(PASSWORD);
    await submit(page);
    await page.getByRole('heading', { level: 1, name: 'Confirmeu l’adreça electrònica' }).waitFor();
    expect(await page.getByLabel('Adreça electrònica').inputValue()).toBe(email);
    await expectAccessible(page, 'address confirmation');
    await screenshot(page, 'ca-register-confirm');

    // A wrong code is refused at the field; the mailed one confirms and signs in.
    const code = await mailedCode(email, since);
    const wrong = code.replace(/^\d/, (digit) => String((Number(digit) + 1) % 10));
    await page.getByLabel('Codi de verificació').fill(wrong);
    await submit(page);
    await page.getByRole('link', { name: 'El codi no és correcte. Reviseu-lo o demaneu-ne un altre.' }).waitFor();
    await page.getByLabel('Codi de verificació').fill(code);
    await submit(page);
    await page.waitForURL((url) => url.pathname === '/tickets');
    await page.getByText('Sessió de Pau Registre Nou').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Les meves sol·licituds' }).waitFor();
    await context.close();

    // The new account is a citizen's, with its profile made on first use.
    const signIn = await fetch(endpoints().services.cognito, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: endpoints().userPoolClientId,
        AuthParameters: { USERNAME: email, PASSWORD },
      }),
    });
    const token = ((await signIn.json()) as { AuthenticationResult: { IdToken: string } }).AuthenticationResult.IdToken;
    const me = await api<{ email: string; name: string; groups: string[]; emailVerified: boolean }>('GET', '/me', {
      token,
    });
    expect(me.body).toMatchObject({ email, name: 'Pau Registre Nou', groups: [], emailVerified: true });
  });

  it('is offered in Aranese too, and an address already registered is told to sign in', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(portalUrl('/register'));
    await page.locator('#language').selectOption('oc');
    await page.getByRole('heading', { level: 1, name: 'Crear un compde' }).waitFor();
    await page.getByLabel('Nom e cognoms').fill('Núria Puig');
    await page.getByLabel('Adreça electronica').fill('citizen@finestreta.local');
    await page.getByLabel('Contrasenha').fill(PASSWORD);
    await submit(page);
    await page.getByRole('link', { name: 'Ja i a un compde damb aguesta adreça. Inicietz era session.' }).waitFor();
    await expectAccessible(page, 'registration in Aranese');
    await screenshot(page, 'oc-register');
    await context.close();
  });

  it('resets a forgotten password with the mailed code, and signs the person in with the new one', async () => {
    const person = await newUser({ name: 'Pere Oblidadís' });
    const since = nowSeconds();
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(portalUrl('/sign-in'));
    await page.getByRole('link', { name: 'Heu oblidat la contrasenya?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Recupereu la contrasenya' }).waitFor();
    await expectAccessible(page, 'a forgotten password');
    await page.getByLabel('Adreça electrònica').fill(person.email);
    await submit(page);
    await page.getByRole('heading', { level: 1, name: 'Poseu una contrasenya nova' }).waitFor();
    const code = await mailedCode(person.email, since);
    await page.getByLabel('Codi de verificació').fill(code);
    await page.getByLabel('Contrasenya nova').fill('massa-curta');
    await submit(page);
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^La contrasenya ha de tenir/ })
      .waitFor();
    await expectAccessible(page, 'a new password, refused');
    await page.getByLabel('Contrasenya nova').fill(PASSWORD);
    await submit(page);
    await page.waitForURL((url) => url.pathname === '/tickets');
    await page.getByText('Sessió de Pere Oblidadís').waitFor();
    await context.close();
  });
});
