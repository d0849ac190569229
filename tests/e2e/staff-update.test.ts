import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { mailsAbout, nowSeconds } from '../support/mail';
import { fileAs, portalIncident, type TicketBody } from '../support/tickets';

const patch = (id: string, body: unknown, version: number | undefined, as = 'agent') =>
  api<TicketBody>('PATCH', `/tickets/${id}`, {
    as,
    body,
    headers: version === undefined ? {} : { 'if-match': `"${version}"` },
  });

describe('staff changing a ticket (PATCH with If-Match)', () => {
  it('resolves a ticket, records it in the history and mails the requester in their language', async () => {
    const since = nowSeconds();
    const ticket = await fileAs('citizen', portalIncident(), { 'accept-language': 'es' });
    const resolved = await patch(ticket.id, { status: 'resolved' }, ticket.version);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', statusLabel: 'Resolt', version: ticket.version + 1 });
    expect(resolved.headers.get('etag')).toBe(`"${ticket.version + 1}"`);
    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(page.body.history?.at(-1)).toMatchObject({ action: 'status_changed', from: 'open', to: 'resolved' });
    const mails = await mailsAbout('citizen@finestreta.local', ticket.number, since, 2);
    expect(mails.map((m) => m.subject)).toContain(`[${ticket.number}] Su tique se ha resuelto`);
  });

  it('forwards to a second-level team, and changes priority only with a reason', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const forwarded = await patch(ticket.id, { teamId: 'dipu-systems' }, ticket.version, 'supervisor');
    expect(forwarded.status).toBe(200);
    expect(forwarded.body.status).toBe('forwarded');
    const noReason = await patch(ticket.id, { priority: 'P1' }, forwarded.body.version, 'supervisor');
    expect(noReason.status).toBe(400);
    const withReason = await patch(
      ticket.id,
      { priority: 'P5', reason: 'Only the test portal is affected' },
      forwarded.body.version,
      'supervisor',
    );
    expect(withReason.body.priority).toBe('P5');
    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'supervisor' });
    expect(page.body.history?.map((h) => h.action)).toEqual([
      'created',
      'status_changed',
      'forwarded',
      'priority_changed',
    ]);
  });

  it('answers 409 for a stale If-Match and for a move the lifecycle does not allow', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    expect((await patch(ticket.id, { status: 'in_progress' }, ticket.version)).status).toBe(200);
    expect((await patch(ticket.id, { status: 'resolved' }, ticket.version)).status).toBe(409);
    const closed = await patch(ticket.id, { status: 'resolved' }, ticket.version + 1);
    const done = await patch(ticket.id, { status: 'closed' }, closed.body.version);
    expect(done.body.status).toBe('closed');
    const reopen = await patch(ticket.id, { status: 'in_progress' }, done.body.version);
    expect(reopen.status).toBe(409);
  });

  it('requires If-Match, and refuses requesters and agents of other organisations', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const missing = await api<{ errors: { path: string }[] }>('PATCH', `/tickets/${ticket.id}`, {
      as: 'agent',
      body: { status: 'in_progress' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e) => e.path)).toEqual(['headers.if-match']);
    expect((await patch(ticket.id, { status: 'resolved' }, ticket.version, 'citizen')).status).toBe(403);
    const hestia = await fileAs('citizen', {
      type: 'query',
      topicId: 'hestia-query',
      subject: 'Export question',
      description: 'How do I export?',
      fields: {},
    });
    expect((await patch(hestia.id, { status: 'resolved' }, hestia.version)).status).toBe(404);
  });
});
