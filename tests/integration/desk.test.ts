import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { findOrganisation } from '../../functions/catalogue/domain/index';
import { KEYS } from '../../functions/platform/table/keys';
import { getItems } from '../../functions/platform/table/table';
import { addBusinessTime } from '../../functions/sla/domain/index';
import { handler as sweeper } from '../../functions/tickets/jobs/sweep';
import { DEMO_CATALOGUE } from '../../lib/local/demo-catalogue';
import { api, tokenAs } from '../support/api';
import { heldMailOf, mailsAbout, nowSeconds } from '../support/mail';
import { fileAs, type TicketBody } from '../support/tickets';

type Page = { items: TicketBody[]; nextCursor: string | null };
const context = { functionName: 'sweeper', awsRequestId: 'test' } as Context;
const sweepAt = (at: Date, organisationIds: string[]) =>
  sweeper({ scheduledTime: at.toISOString(), organisationIds }, context);
const userIdOf = async (login: string) =>
  (await api<{ userId: string }>('GET', '/me', { token: await tokenAs(login) })).body.userId;
const openTicketsOf = async (userIds: string[]) =>
  (await getItems(userIds.map(KEYS.workload), { consistent: true })).map((item) => Number(item?.open ?? 0));

describe('automatic assignment (Hèstia’s support team opted in)', () => {
  it('shares tickets filed at the same moment out evenly: nobody is counted twice or skipped', async () => {
    const logins = ['agent.hestia', 'agent2.hestia'];
    const agents = await Promise.all(logins.map(userIdOf));
    const names = await Promise.all(
      logins.map(
        async (login) => (await api<{ name: string }>('GET', '/me', { token: await tokenAs(login) })).body.name,
      ),
    );
    const before = await openTicketsOf(agents);
    const filed = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        fileAs('citizen', {
          type: 'query',
          topicId: 'hestia-query',
          subject: `At once ${i}`,
          description: 'Where is the export button?',
          fields: {},
        }),
      ),
    );
    // Requesters see who has their ticket by name only.
    const given = filed.map((ticket) => agents[names.indexOf(ticket.assignee?.name ?? '')]);
    expect(given.every((id) => id !== undefined)).toBe(true);
    const after = await openTicketsOf(agents);
    // Each count grew by exactly the tickets its agent was given…
    expect(after.map((count, i) => count - (before[i] ?? 0))).toEqual(
      agents.map((id) => given.filter((assignee) => assignee === id).length),
    );
    // …and the least-loaded kept getting them: the counts end as even as they can be.
    const total = before.reduce((sum, n) => sum + n, 0) + filed.length;
    expect(Math.max(...after) - Math.min(...after)).toBeLessThanOrEqual(
      Math.max(1, Math.max(...before) - Math.min(...before) - filed.length),
    );
    expect(after.reduce((sum, n) => sum + n, 0)).toBe(total);
  });
});

describe('a day at the town hall', () => {
  const calendar = findOrganisation(DEMO_CATALOGUE, 'oac360')?.calendar;
  if (!calendar) throw new Error('The demo town hall has a calendar');
  /** An instant the town hall is open, an hour (of business time) after `instant`. */
  const openHourAfter = (instant: string) =>
    addBusinessTime(calendar, new Date(Date.parse(instant) + 60_000), { minutes: 60 });

  it('routes, queues, forwards, pauses and escalates a breach once, all through the API and the sweeper', async () => {
    const agent = await tokenAs('agent.oac360');
    const tech = await tokenAs('tech.oac360');
    const supervisor = await tokenAs('supervisor.oac360');
    // A citizen files: the ticket joins the first-level agents' queue, earliest due first.
    const ticket = await fileAs('citizen', {
      type: 'complaint',
      topicId: 'oac360-service-feedback',
      subject: `Queue at the desk ${Date.now()}`,
      description: 'I waited an hour at the citizen service desk.',
      fields: {},
    });
    expect(ticket.team?.id).toBe('oac360-agents');
    const queue = await api<Page>('GET', '/tickets?view=queue&limit=100', { token: agent });
    expect(queue.body.items.map((t) => t.id)).toContain(ticket.id);
    const dues = queue.body.items.map((t) => t.sla?.firstResponseDueAt ?? '~');
    expect(dues).toEqual([...dues].sort());
    const supervised = await api<Page>('GET', '/tickets?view=team&teamId=oac360-agents&limit=100', {
      token: supervisor,
    });
    expect(supervised.body.items.map((t) => t.id)).toContain(ticket.id);

    // The agent takes it, and forwards it to technical services: the citizen sees where it went.
    const me = await userIdOf('agent.oac360');
    const taken = await api<TicketBody>('PATCH', `/tickets/${ticket.id}`, {
      token: agent,
      body: { assigneeId: me, status: 'in_progress' },
      headers: { 'if-match': `"${ticket.version}"` },
    });
    expect(taken.status).toBe(200);
    const forwarded = await api<TicketBody>('PATCH', `/tickets/${ticket.id}`, {
      token: agent,
      body: { teamId: 'oac360-technical-services' },
      headers: { 'if-match': `"${taken.body.version}"` },
    });
    expect(forwarded.body.status).toBe('forwarded');
    const techQueue = await api<Page>('GET', '/tickets?view=team&limit=100', { token: tech });
    expect(techQueue.body.items.map((t) => t.id)).toContain(ticket.id);
    const asCitizen = await api<TicketBody>('GET', `/tickets/${ticket.id}`, {
      as: 'citizen',
      headers: { 'accept-language': 'en' },
    });
    expect(asCitizen.body.statusLabel).toBe('Forwarded to Town hall technical services');

    // Technical services ask the citizen: the clock stops, and no sweep finds it due however late.
    const asked = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      token: tech,
      body: { body: 'At which desk, and on what day?', requestInfo: true },
    });
    expect(asked.body.sla).toMatchObject({ paused: true });
    const longAfter = openHourAfter(ticket.sla?.resolutionDueAt ?? '');
    expect(await sweepAt(longAfter, ['oac360'])).toMatchObject({ escalations: 0 });

    // The citizen answers; the clock runs again, its due time moved by the business time paused.
    const answered = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      as: 'citizen',
      body: { body: 'Desk 3, on Monday morning.' },
    });
    const sla = answered.body.sla;
    expect(sla).toMatchObject({ paused: false });
    expect(Date.parse(sla?.resolutionDueAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(ticket.sla?.resolutionDueAt ?? ''),
    );

    // Nobody resolves it in time: the first sweep after the due time escalates to the supervisor, once.
    const since = nowSeconds();
    const late = openHourAfter(sla?.resolutionDueAt ?? '');
    expect(await sweepAt(late, ['oac360'])).toMatchObject({ escalations: 1 });
    expect(await sweepAt(new Date(late.getTime() + 60_000), ['oac360'])).toMatchObject({ escalations: 0 });
    expect(await heldMailOf(ticket.id)).toEqual([]);
    const mails = await mailsAbout('supervisor.oac360@finestreta.local', ticket.number, since);
    expect(mails.map((mail) => mail.subject)).toEqual([`[${ticket.number}] Termini de resolució incomplert`]);
    const staffView = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { token: supervisor });
    expect(staffView.body.sla?.breached.resolution).toBe(true);
    expect(staffView.body.history?.filter((entry) => entry.action === 'sla_escalated')).toHaveLength(1);
    const citizenView = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(citizenView.body.history?.map((entry) => entry.action)).not.toContain('sla_escalated');
  });

  it('holds the escalation of a breach found after hours until the town hall opens', async () => {
    const ticket = await fileAs('citizen', {
      type: 'suggestion',
      topicId: 'oac360-service-feedback',
      subject: `Opening hours ${Date.now()}`,
      description: 'Please open on Saturday mornings.',
      fields: {},
    });
    const due = ticket.sla?.firstResponseDueAt ?? '';
    // Due at a closing time (the end of a business day), found a minute later: closed.
    const found = new Date(Date.parse(due) + 60_000);
    expect(await sweepAt(found, ['oac360'])).toMatchObject({ escalations: 1 });
    const [held] = await heldMailOf(ticket.id);
    const opening = addBusinessTime(calendar, found, { minutes: 0 }).toISOString();
    expect(held).toMatchObject({ event: 'sla_escalated', holdUntil: opening });
    expect(await sweepAt(new Date(Date.parse(opening) - 60_000), ['oac360'])).toMatchObject({ mailReleased: 0 });
    const since = nowSeconds();
    expect(await sweepAt(new Date(opening), ['oac360'])).toMatchObject({ mailReleased: 1 });
    expect(await heldMailOf(ticket.id)).toEqual([]);
    expect(await mailsAbout('supervisor.oac360@finestreta.local', ticket.number, since)).toHaveLength(1);
  });
});
