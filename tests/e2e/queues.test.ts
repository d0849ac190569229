import { describe, expect, it } from 'vitest';
import { api, tokenAs } from '../support/api';
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
});
