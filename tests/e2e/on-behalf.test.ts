import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../contracts/reports-views';
import { api, tokenAs } from '../support/api';
import { mailsAbout, mailTo, nowSeconds, outboxOf } from '../support/mail';
import { fileAs, portalIncident, type TicketBody } from '../support/tickets';

/**
 * Staff record tickets that reached them by phone, email or in person (sources 003 and 004):
 * the ticket is the caller's, its history names the agent who recorded it.
 */
const onBehalf = (requester: Record<string, unknown>, over: Record<string, unknown> = {}) =>
  portalIncident({ channel: 'phone', onBehalfOf: requester, ...over });

const inPersonCount = async () => {
  const month = new Date().toISOString().slice(0, 7);
  const report = await api<MonthlyReport>('GET', `/reports/monthly?month=${month}`, { as: 'supervisor' });
  return report.body.received.byChannel.find((tally) => tally.key === 'in_person')?.count ?? 0;
};

describe('staff recording a ticket on behalf of a requester', () => {
  it('files a phone call for someone with an email: theirs, mailed with an access link that opens it', async () => {
    const email = `caller-${randomUUID().slice(0, 8)}@example.org`;
    const since = nowSeconds();
    const ticket = await fileAs('agent', onBehalf({ name: 'Montserrat Call', email, phone: '+34 600 11 22 33' }), {
      'accept-language': 'es',
    });
    expect(ticket).toMatchObject({
      channel: 'phone',
      requester: { name: 'Montserrat Call', email, phone: '+34600112233' },
    });

    const [mail] = await mailsAbout(email, ticket.number, since);
    expect(mail?.subject).toBe(`[${ticket.number}] Hemos recibido su tique`);
    const token = decodeURIComponent(/#token=([^\s]+)/.exec(mail?.body.text ?? '')?.[1] ?? '');
    const asGuest = await api<TicketBody>('GET', `/public/tickets/${ticket.id}`, {
      headers: { 'x-ticket-token': token },
    });
    expect(asGuest.status).toBe(200);
    expect(asGuest.body).toMatchObject({ requester: { name: 'Montserrat Call' }, channel: 'phone' });
    // The requester is not shown their own contact details, nor who recorded the ticket by id.
    expect(asGuest.body.requester).toEqual({ name: 'Montserrat Call' });

    const asStaff = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'agent' });
    expect(asStaff.body.history?.[0]).toMatchObject({
      action: 'created',
      to: 'open',
      by: { name: 'Jordi Vidal Soler' },
    });
    expect(asStaff.body.thread?.[0]?.author).toEqual({ kind: 'requester', name: 'Montserrat Call' });
  });

  it('files for someone without an email: no mail is written for them, then, on an answer or on resolution', async () => {
    const ticket = await fileAs('agent', onBehalf({ name: 'Pau Sense Correu' }, { channel: 'in_person' }));
    expect(ticket).toMatchObject({ channel: 'in_person', requester: { name: 'Pau Sense Correu' } });
    expect(ticket.requester).not.toHaveProperty('email');
    const answered = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      as: 'agent',
      body: { body: 'Fet.' },
    });
    expect(answered.status).toBe(201);
    const resolved = await api('PATCH', `/tickets/${ticket.id}`, {
      as: 'agent',
      body: { status: 'resolved' },
      headers: { 'if-match': `"${answered.body.version}"` },
    });
    expect(resolved.status).toBe(200);
    // Staff mails (an assignment) may be written; none is for the requester, who has no address.
    const events = (await outboxOf(ticket.id)).map((mail) => mail.event);
    expect(events).not.toContain('created');
    expect(events).not.toContain('staff_replied');
    expect(events).not.toContain('resolved');
  });

  it('refuses a citizen who sends onBehalfOf: 403, and files nothing', async () => {
    const email = `forged-${randomUUID().slice(0, 8)}@example.org`;
    const since = nowSeconds();
    const response = await api('POST', '/tickets', { as: 'citizen', body: onBehalf({ name: 'Someone', email }) });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ status: 403, detail: expect.stringContaining('on someone’s behalf') });
    expect(await mailTo(email, since)).toEqual([]);
  });

  it('refuses an agent of another organisation recording on this one’s topic: 403', async () => {
    const response = await api('POST', '/tickets', {
      token: await tokenAs('agent.salut'),
      body: onBehalf({ name: 'Someone' }),
    });
    expect(response.status).toBe(403);
  });

  it('answers bad input with 400 and each field’s path, and writes nothing', async () => {
    const before = await inPersonCount();
    const email = `bad-${randomUUID().slice(0, 8)}@example.org`;
    const since = nowSeconds();
    const invalid = await api<{ errors: { path: string }[] }>('POST', '/tickets', {
      as: 'agent',
      body: onBehalf({ name: '', email: 'not-an-email', phone: '12' }, { channel: 'in_person' }),
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error) => error.path).sort()).toEqual([
      'onBehalfOf.email',
      'onBehalfOf.name',
      'onBehalfOf.phone',
    ]);
    const noChannel = await api<{ errors: { path: string; message: string }[] }>('POST', '/tickets', {
      as: 'agent',
      body: onBehalf({ name: 'Anna', email }, { channel: 'web' }),
    });
    expect(noChannel.status).toBe(400);
    expect(noChannel.body.errors).toEqual([{ path: 'channel', message: expect.stringContaining('phone') }]);
    expect(await inPersonCount()).toBe(before);
    expect(await mailTo(email, since)).toEqual([]);
  });
});
