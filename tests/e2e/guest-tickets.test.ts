import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { fileAsGuest, portalIncident, type TicketBody } from '../support/tickets';

describe('guests (no account)', () => {
  it('may not record a ticket as if it came by phone, email or in person: 403', async () => {
    const response = await api('POST', '/public/tickets', {
      body: { ...portalIncident(), channel: 'phone', requester: { name: 'Pere', email: 'pere@example.org' } },
    });
    expect(response.status).toBe(403);
  });

  it('file a ticket and get the access link by email only', async () => {
    const { ticket, token, mail, raw } = await fileAsGuest();
    expect(ticket.number).toMatch(/^DIPU-/);
    expect(mail?.subject).toBe(`[${ticket.number}] Hemos recibido su tique`);
    expect(token.length).toBeGreaterThanOrEqual(40);
    expect(raw).not.toContain(token);
  });

  it('read and answer their ticket with the token from the link', async () => {
    const { ticket, token } = await fileAsGuest();
    const read = await api<TicketBody>('GET', `/public/tickets/${ticket.id}`, { headers: { 'x-ticket-token': token } });
    expect(read.status).toBe(200);
    expect(read.body.thread).toHaveLength(1);
    const reply = await api('POST', `/public/tickets/${ticket.id}/messages`, {
      headers: { 'x-ticket-token': token },
      body: { body: 'I forgot: it also fails on the intranet.' },
    });
    expect(reply.status).toBe(201);
    const again = await api<TicketBody>('GET', `/public/tickets/${ticket.id}`, {
      headers: { 'x-ticket-token': token },
    });
    expect(again.body.thread?.at(-1)?.body).toBe('I forgot: it also fails on the intranet.');
  });

  it('get 404 with a wrong or missing token, and for another guest’s ticket with their own token', async () => {
    const first = await fileAsGuest();
    const second = await fileAsGuest();
    const attempts: Record<string, string>[] = [
      {},
      { 'x-ticket-token': 'not-the-token' },
      { 'x-ticket-token': second.token },
    ];
    for (const headers of attempts) {
      expect((await api('GET', `/public/tickets/${first.ticket.id}`, { headers })).status).toBe(404);
      const reply = await api('POST', `/public/tickets/${first.ticket.id}/messages`, { headers, body: { body: 'hi' } });
      expect(reply.status).toBe(404);
    }
  });

  it('cannot open a guest ticket through the signed-in routes', async () => {
    const { ticket } = await fileAsGuest();
    expect((await api('GET', `/tickets/${ticket.id}`, { as: 'citizen' })).status).toBe(404);
  });
});
