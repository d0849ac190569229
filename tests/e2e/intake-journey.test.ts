import { describe, expect, it } from 'vitest';
import { api, newUser, type TokenKind, tokenFor } from '../support/api';
import { mailsAbout, nowSeconds } from '../support/mail';
import { portalIncident, type TicketBody } from '../support/tickets';

/**
 * The whole intake journey, once with ID tokens and once with access tokens (what OAuth 2.0
 * clients, the portal included, send to APIs). The requester is new to Finestreta each time,
 * so their profile is created on first use: from the ID token's claims, or from Cognito. As
 * the portal does, they first say which language they want their mails in.
 */
describe.each<TokenKind>(['id', 'access'])('the intake journey with %s tokens', (kind) => {
  it('files, follows, answers, is answered and resolved, with every mail to the requester’s address', async () => {
    const since = nowSeconds();
    const person = await newUser({ locale: 'en', name: `Marta ${kind}` });
    const requester = { token: await person.token(kind) };
    const agent = { token: await tokenFor('agent', kind) };

    const me = await api<{ email: string }>('GET', '/me', requester);
    expect(me.body.email).toBe(person.email);
    const chosen = await api('PATCH', '/me', { ...requester, body: { name: `Marta ${kind}`, language: 'en' } });
    expect(chosen.body).toMatchObject({ name: `Marta ${kind}`, language: 'en' });

    const filed = await api<TicketBody>('POST', '/tickets', { ...requester, body: portalIncident() });
    expect(filed.status).toBe(201);
    const ticket = filed.body;
    const mine = await api<{ items: TicketBody[] }>('GET', '/tickets', requester);
    expect(mine.body.items.map((t) => t.id)).toEqual([ticket.id]);

    const asked = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      ...agent,
      body: { body: 'Since when does it fail?', requestInfo: true },
    });
    expect(asked.body.status).toBe('waiting_on_requester');
    const answered = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      ...requester,
      body: { body: 'Since nine this morning.' },
    });
    expect(answered.body.status).toBe('in_progress');
    const resolved = await api<TicketBody>('PATCH', `/tickets/${ticket.id}`, {
      ...agent,
      body: { status: 'resolved' },
      headers: { 'if-match': `"${answered.body.version}"` },
    });
    expect(resolved.status).toBe(200);

    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, requester);
    expect(page.body.requester).toEqual({ name: `Marta ${kind}` });
    expect(page.body.thread?.map((m) => m.body)).toEqual([
      ticket.description,
      'Since when does it fail?',
      'Since nine this morning.',
    ]);
    const mails = await mailsAbout(person.email, ticket.number, since, 3);
    expect(mails.map((mail) => mail.subject.replace(`[${ticket.number}] `, ''))).toEqual([
      'We have received your ticket',
      'We need more information',
      'Your ticket has been resolved',
    ]);
  });
});
