import { describe, expect, it } from 'vitest';
import type { Me } from '../../contracts/me';
import { KEYS } from '../../functions/platform/table/keys';
import { getItem } from '../../functions/platform/table/table';
import { saveProfile } from '../../functions/profiles';
import { api, newUser, tokenAs } from '../support/api';
import { fileAs, type TicketBody } from '../support/tickets';

type Page = { items: TicketBody[]; nextCursor: string | null };
const dueOf = (ticket: TicketBody) =>
  ticket.sla?.firstRespondedAt ? ticket.sla.resolutionDueAt : ticket.sla?.firstResponseDueAt;
const howTo = (subject: string) => ({
  type: 'query',
  topicId: 'salut-how-to',
  subject,
  description: 'How do I…?',
  fields: {},
});

describe('work queues', () => {
  it('give a team’s unassigned tickets, earliest due first; taking one moves it to the taker’s own list', async () => {
    const agent = await tokenAs('agent.salut');
    const filed = await fileAs('citizen', howTo(`Queue ${Date.now()}`));
    // The health agency's agent has one team, so need not name it.
    const queue = await api<Page>('GET', '/tickets?view=queue&limit=100', { token: agent });
    expect(queue.status).toBe(200);
    expect(queue.body.items.map((ticket) => ticket.id)).toContain(filed.id);
    const dues = queue.body.items.map(dueOf);
    expect(dues).toEqual([...dues].sort());

    const me = await api<{ userId: string }>('GET', '/me', { token: agent });
    const taken = await api<TicketBody>('PATCH', `/tickets/${filed.id}`, {
      token: agent,
      body: { assigneeId: me.body.userId, status: 'in_progress' },
      headers: { 'if-match': `"${filed.version}"` },
    });
    expect(taken.status).toBe(200);
    const after = await api<Page>('GET', '/tickets?view=queue&limit=100', { token: agent });
    expect(after.body.items.map((ticket) => ticket.id)).not.toContain(filed.id);
    const mine = await api<Page>('GET', '/tickets?view=assigned', { token: agent });
    expect(mine.body.items.map((ticket) => ticket.id)).toContain(filed.id);
    const team = await api<Page>('GET', '/tickets?view=team&limit=100', { token: agent });
    expect(team.body.items.map((ticket) => ticket.id)).toContain(filed.id);

    const resolved = await api<TicketBody>('PATCH', `/tickets/${filed.id}`, {
      token: agent,
      body: { status: 'resolved' },
      headers: { 'if-match': `"${taken.body.version}"` },
    });
    expect(resolved.status).toBe(200);
    const done = await api<Page>('GET', '/tickets?view=assigned', { token: agent });
    expect(done.body.items.map((ticket) => ticket.id)).not.toContain(filed.id);
  });

  it('follow the ticket through replies: one waiting on the requester sorts last, with nothing due', async () => {
    const agent = await tokenAs('agent.salut');
    const filed = await fileAs('citizen', howTo(`Waiting ${Date.now()}`));
    await api('POST', `/tickets/${filed.id}/messages`, {
      token: agent,
      body: { body: 'Which screen?', requestInfo: true },
    });
    const queue = await api<Page>('GET', '/tickets?view=queue&limit=100&status=waiting_on_requester', { token: agent });
    expect(queue.body.items.map((ticket) => ticket.id)).toContain(filed.id);
    expect(queue.body.items.every((ticket) => ticket.status === 'waiting_on_requester')).toBe(true);
  });

  it('are staff’s, of their own teams; supervisors see any team of their organisation', async () => {
    expect((await api('GET', '/tickets?view=queue', { as: 'citizen' })).status).toBe(403);
    // The council's agent works in three teams: they name the one they want.
    const unnamed = await api<{ errors: { path: string }[] }>('GET', '/tickets?view=queue', { as: 'agent' });
    expect(unnamed.status).toBe(400);
    expect(unnamed.body.errors.map((error) => error.path)).toEqual(['query.teamId']);
    expect((await api('GET', '/tickets?view=queue&teamId=dipu-web', { as: 'agent' })).status).toBe(200);
    expect((await api('GET', '/tickets?view=queue&teamId=dipu-accounting', { as: 'agent' })).status).toBe(403);
    expect((await api('GET', '/tickets?view=queue&teamId=salut-support', { as: 'agent' })).status).toBe(403);
    expect((await api('GET', '/tickets?view=team&teamId=salut-support', { as: 'supervisor' })).status).toBe(400);
    expect((await api('GET', '/tickets?view=team&teamId=dipu-accounting', { as: 'supervisor' })).status).toBe(200);
  });

  it('page with sealed cursors that hold only for the queue they came from', async () => {
    const agent = await tokenAs('agent.salut');
    for (let i = 0; i < 2; i++) await fileAs('citizen', howTo(`Paging ${Date.now()} ${i}`));
    const first = await api<Page>('GET', '/tickets?view=team&limit=1', { token: agent });
    expect(first.body.nextCursor).toBeTruthy();
    const next = await api<Page>('GET', `/tickets?view=team&limit=1&cursor=${first.body.nextCursor}`, { token: agent });
    expect(next.status).toBe(200);
    expect(next.body.items[0]?.id).not.toBe(first.body.items[0]?.id);
    const elsewhere = await api('GET', `/tickets?view=queue&limit=1&cursor=${first.body.nextCursor}`, { token: agent });
    expect(elsewhere.status).toBe(400);
  });

  it('let one of two agents taking the same ticket at once have it: the other gets 409, and only the winner counts it', async () => {
    const ticket = await fileAs('citizen', {
      type: 'request',
      topicId: 'dipu-other',
      subject: `Both take it ${Date.now()}`,
      description: 'A request for the service desk.',
      fields: {},
    });
    // Two agents of the council's service desk of the test's own, so no other test moves their counts.
    const agents = await Promise.all([1, 2].map(async () => (await newUser({ role: 'agent' })).token()));
    const ids = await Promise.all(
      agents.map(async (token, i) => {
        const { body: me } = await api<Me>('GET', '/me', { token });
        const at = new Date().toISOString();
        await saveProfile({
          userId: me.userId,
          // A name, not the address the test account was made with: the directory never shows addresses.
          name: `Service desk agent ${i + 1}`,
          email: me.email,
          emailVerified: true,
          language: me.language,
          staff: { organisationId: 'dipu', teamIds: ['dipu-service-desk'], topicIds: [], supervisor: false },
          createdAt: at,
          updatedAt: at,
        });
        return me.userId;
      }),
    );
    const openTickets = async () =>
      Promise.all(ids.map(async (id) => Number((await getItem(KEYS.workload(id), { consistent: true }))?.open ?? 0)));
    const before = await openTickets();
    const takes = await Promise.all(
      agents.map((token, i) =>
        api<TicketBody>('PATCH', `/tickets/${ticket.id}`, {
          token,
          body: { assigneeId: ids[i], status: 'in_progress' },
          headers: { 'if-match': `"${ticket.version}"` },
        }),
      ),
    );
    expect(takes.map((take) => take.status).sort()).toEqual([200, 409]);
    const winner = takes.findIndex((take) => take.status === 200);
    const stored = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { token: agents[winner] as string });
    expect(stored.body.assignee?.id).toBe(ids[winner]);
    expect(stored.body.history?.filter((entry) => entry.action === 'assigned')).toHaveLength(1);
    const after = await openTickets();
    expect(after.map((count, i) => count - (before[i] ?? 0))).toEqual(ids.map((_, i) => (i === winner ? 1 : 0)));
  });
});
