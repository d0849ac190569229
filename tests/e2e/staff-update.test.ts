import { describe, expect, it } from 'vitest';
import { api, newUser } from '../support/api';
import { mailsAbout, nowSeconds, staffMailsAbout } from '../support/mail';
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
    const requester = await newUser({ locale: 'es' });
    const ticket = await fileAs({ token: await requester.token('access') }, portalIncident());
    const resolved = await patch(ticket.id, { status: 'resolved' }, ticket.version);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', statusLabel: 'Resolt', version: ticket.version + 1 });
    expect(resolved.headers.get('etag')).toBe(`"${ticket.version + 1}"`);
    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { token: await requester.token() });
    expect(page.body.history?.at(-1)).toMatchObject({ action: 'status_changed', from: 'open', to: 'resolved' });
    const mails = await mailsAbout(requester.email, ticket.number, since, 2);
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

  it('refuses a request for information on a closed ticket with 409, naming both statuses; on an open one it works', async () => {
    const closed = await fileAs('citizen', portalIncident());
    expect((await patch(closed.id, { status: 'closed' }, closed.version)).status).toBe(200);
    const refused = await api<{ status: number; type: string; detail: string }>(
      'POST',
      `/tickets/${closed.id}/messages`,
      {
        as: 'agent',
        body: { body: 'Is it still failing?', requestInfo: true },
      },
    );
    expect(refused.status).toBe(409);
    expect(refused.body.type).toBe('https://finestreta.dev/problems/invalid-transition');
    expect(refused.body.detail).toContain('closed → waiting_on_requester');
    const page = await api<TicketBody>('GET', `/tickets/${closed.id}`, { as: 'agent' });
    expect(page.body.status).toBe('closed');
    expect(page.body.thread?.map((m) => m.body)).not.toContain('Is it still failing?');

    const open = await fileAs('citizen', portalIncident());
    const asked = await api<TicketBody>('POST', `/tickets/${open.id}/messages`, {
      as: 'agent',
      body: { body: 'Is it still failing?', requestInfo: true },
    });
    expect(asked.status).toBe(201);
    expect(asked.body.status).toBe('waiting_on_requester');
  });

  it('tells the requester which team a forwarded ticket went to', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const forwarded = await patch(ticket.id, { teamId: 'dipu-systems' }, ticket.version);
    const seen = await api<TicketBody & { team: { name: string } }>('GET', `/tickets/${ticket.id}`, {
      as: 'citizen',
      headers: { 'accept-language': 'en' },
    });
    expect(forwarded.status).toBe(200);
    expect(seen.body.statusLabel).toBe(`Forwarded to ${seen.body.team.name}`);
  });

  it('assigns only to staff who may work the ticket; requesters see them by name, never by id', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const me = await api<{ userId: string; name: string }>('GET', '/me', { as: 'agent' });
    const citizen = await api<{ userId: string }>('GET', '/me', { as: 'citizen' });
    for (const assigneeId of [citizen.body.userId, crypto.randomUUID(), '<script>alert(1)</script>']) {
      const wrong = await patch(ticket.id, { assigneeId }, ticket.version, 'supervisor');
      expect(wrong.status, assigneeId).toBe(400);
    }
    const assigned = await patch(ticket.id, { assigneeId: me.body.userId }, ticket.version, 'supervisor');
    expect(assigned.status).toBe(200);
    expect((assigned.body as TicketBody & { assignee: unknown }).assignee).toEqual({
      id: me.body.userId,
      name: me.body.name,
    });
    const self = await patch(ticket.id, { assigneeId: me.body.userId }, assigned.body.version, 'agent');
    expect(self.status).toBe(200);
    const seen = await api<TicketBody & { assignee: unknown }>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(seen.body.assignee).toEqual({ name: me.body.name });
    expect(seen.body.history?.at(-1)).toEqual(expect.objectContaining({ action: 'assigned', to: me.body.name }));
    expect(JSON.stringify(seen.body)).not.toContain(me.body.userId);
  });

  it('tells a caller outside staff 403 before looking at what they sent, whatever they sent', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    for (const body of [{}, 'not json', { status: 'resolved' }]) {
      const refused = await api<{ type: string }>('PATCH', `/tickets/${ticket.id}`, { as: 'citizen', body });
      expect(refused.status, JSON.stringify(body)).toBe(403);
    }
    const admin = await api('PATCH', `/tickets/${ticket.id}`, { as: 'admin', body: {} });
    expect(admin.status).toBe(403);
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

describe('the requester reopening a resolved ticket', () => {
  it('puts it back in progress with their reason, once; nobody else may', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const resolved = await patch(ticket.id, { status: 'resolved' }, ticket.version);
    expect(resolved.status).toBe(200);
    const stranger = await newUser();
    const theirs = await api('POST', `/tickets/${ticket.id}/reopen`, {
      token: await stranger.token(),
      body: { reason: 'Mine too?' },
    });
    expect(theirs.status).toBe(404);
    const reopened = await api<TicketBody>('POST', `/tickets/${ticket.id}/reopen`, {
      as: 'citizen',
      body: { reason: 'It fails again since this morning.' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.body.status).toBe('in_progress');
    const page = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'agent' });
    expect(page.body.thread?.at(-1)?.body).toBe('It fails again since this morning.');
    const again = await api<{ detail: string }>('POST', `/tickets/${ticket.id}/reopen`, {
      as: 'citizen',
      body: { reason: 'Again.' },
    });
    expect(again.status).toBe(409);
  });
});

describe('staff mail', () => {
  it('reaches the team a ticket is forwarded to and the colleague it is assigned to, in their language', async () => {
    const since = nowSeconds();
    const ticket = await fileAs('citizen', portalIncident());
    const forwarded = await patch(ticket.id, { teamId: 'dipu-systems' }, ticket.version, 'supervisor');
    expect(forwarded.status).toBe(200);
    // Marta (agent2@, Spanish) works in the systems team.
    const agents = await api<{ items: { userId: string; name: string }[] }>('GET', '/agents', { as: 'supervisor' });
    const marta = agents.body.items.find((agent) => agent.name === 'Marta Pons Vila');
    const assigned = await patch(ticket.id, { assigneeId: marta?.userId }, forwarded.body.version, 'supervisor');
    expect(assigned.status).toBe(200);
    const mails = await staffMailsAbout('agent2@finestreta.local', ticket, since, 2);
    expect(mails.map((mail) => mail.subject).sort()).toEqual([
      `[${ticket.number}] Se le ha asignado un tique`,
      `[${ticket.number}] Tique derivado a su equipo`,
    ]);
  });
});
