import { describe, expect, it } from 'vitest';
import { api, newUser } from '../support/api';
import { mailsAbout, nowSeconds } from '../support/mail';
import { fileAs, portalIncident } from '../support/tickets';

interface Me {
  userId: string;
  name: string;
  email: string;
  emailVerified: boolean;
  language: string;
  groups: string[];
  staff?: { organisationId: string };
}

describe('me', () => {
  it('is created on first use from what Cognito holds, with an access token as with an ID token', async () => {
    const person = await newUser({ locale: 'oc', name: 'Aran Pujòl' });
    const first = await api<Me>('GET', '/me', { token: await person.token('access') });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ name: 'Aran Pujòl', email: person.email, emailVerified: true, language: 'oc' });
    const again = await api<Me>('GET', '/me', { token: await person.token('id') });
    expect(again.body).toEqual(first.body);
  });

  it('shows staff where they work', async () => {
    const me = await api<Me>('GET', '/me', { as: 'agent', tokenKind: 'access' });
    expect(me.body).toMatchObject({ groups: ['agent'], staff: { organisationId: 'dipu' } });
  });

  it('changes the name and the language of later mails, not of responses', async () => {
    const since = nowSeconds();
    const person = await newUser({ locale: 'ca' });
    const token = await person.token('access');
    const changed = await api<Me>('PATCH', '/me', {
      token,
      body: { name: 'Joana Riu', language: 'es' },
      headers: { 'accept-language': 'en' },
    });
    expect(changed.body).toMatchObject({ name: 'Joana Riu', language: 'es' });
    const ticket = await fileAs({ token }, portalIncident(), { 'accept-language': 'en' });
    expect(ticket.statusLabel).toBe('Open');
    const [mail] = await mailsAbout(person.email, ticket.number, since);
    expect(mail?.subject).toBe(`[${ticket.number}] Hemos recibido su tique`);
    expect(mail?.body.text).toContain('Hola, Joana Riu:');
  });

  it('refuses an empty change and unknown fields, listing them', async () => {
    const person = await newUser();
    const token = await person.token();
    const empty = await api<{ errors: { path: string }[] }>('PATCH', '/me', { token, body: {} });
    expect(empty.status).toBe(400);
    const unknown = await api<{ errors: { path: string }[] }>('PATCH', '/me', {
      token,
      body: { language: 'fr', email: 'other@example.org' },
    });
    expect(unknown.body.errors.map((error) => error.path).sort()).toEqual(['email', 'language']);
  });
});
