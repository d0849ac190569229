import { describe, expect, it } from 'vitest';
import { cryptoIds } from '../../../functions/platform/ids';
import { Forbidden, InvalidTransition, ValidationFailed } from '../../../functions/platform/kernel/errors';
import type { Profile } from '../../../functions/profiles/domain/index';
import { reply } from '../../../functions/tickets/domain/conversation';
import { openTicket } from '../../../functions/tickets/domain/filing';
import { reopenTicket } from '../../../functions/tickets/domain/reopening';
import { updateTicket } from '../../../functions/tickets/domain/staff-changes';
import {
  agentCaller,
  agentProfile,
  CLIENT,
  citizen,
  citizenProfile,
  colleague,
  incident,
  profile,
  staffAccess,
  world,
} from './world';

const requester = { kind: 'user' as const, caller: citizen, profile: citizenProfile, client: CLIENT };

describe('filing', () => {
  it('stores a P2 ticket with its team and topic names, and puts the creation mail for the requester in the outbox', async () => {
    const { deps, outbox } = world();
    const ticket = await openTicket(deps, requester, incident);
    expect(ticket).toMatchObject({ status: 'open', priority: 'P2', teamId: 'dipu-web', requesterName: 'Anna' });
    expect(ticket.topicPaths.en).toEqual(['Technology and applications', 'Web portals']);
    expect(ticket.teamName?.ca).toBeTruthy();
    expect(outbox).toEqual([
      expect.objectContaining({ event: 'created', number: ticket.number, recipient: { userId: 'u-citizen' } }),
    ]);
  });

  it('sends a guest’s first mail at once with the token, stores only its hash, and queues nothing', async () => {
    const { deps, outbox, sentNow } = world();
    const ticket = await openTicket(
      deps,
      { kind: 'guest', name: 'Pere', email: 'pere@example.org', language: 'es', client: CLIENT },
      incident,
    );
    expect(outbox).toEqual([]);
    expect(sentNow).toHaveLength(1);
    expect(sentNow[0]?.message.recipient).toEqual({ name: 'Pere', email: 'pere@example.org', language: 'es' });
    expect(ticket.guest?.tokenHash).toBe(cryptoIds.hash(sentNow[0]?.token ?? ''));
    expect(JSON.stringify(ticket)).not.toContain(sentNow[0]?.token);
  });

  it('refuses internal topics to requesters as if they did not exist, but not to staff of the organisation', async () => {
    const { deps } = world();
    const internal = {
      ...incident,
      type: 'query' as const,
      topicId: 'gencat-escalation-department',
      impact: undefined,
    };
    await expect(openTicket(deps, requester, internal)).rejects.toThrow(ValidationFailed);
    const gencatStaff = {
      ...agentProfile,
      staff: { organisationId: 'gencat', teamIds: [], topicIds: [], supervisor: true },
    };
    await expect(
      openTicket(deps, { kind: 'user', caller: agentCaller, profile: gencatStaff, client: CLIENT }, internal),
    ).resolves.toMatchObject({ topicId: 'gencat-escalation-department' });
  });

  it('lets only staff of the organisation record a ticket that came by phone', async () => {
    const { deps } = world();
    await expect(openTicket(deps, requester, { ...incident, channel: 'phone' })).rejects.toThrow(Forbidden);
    const ticket = await openTicket(
      deps,
      { kind: 'user', caller: agentCaller, profile: agentProfile, client: CLIENT },
      {
        ...incident,
        channel: 'phone',
      },
    );
    expect(ticket.channel).toBe('phone');
  });
});

describe('working a ticket', () => {
  it('a request for information waits on the requester, whose answer puts it back in progress', async () => {
    const { deps, outbox } = world();
    const ticket = await openTicket(deps, requester, incident);
    const waiting = await reply(deps, staffAccess(ticket), { body: 'Which browser?', requestInfo: true });
    expect(waiting.status).toBe('waiting_on_requester');
    expect(outbox.at(-1)).toMatchObject({ event: 'info_requested', message: 'Which browser?' });
    const answered = await reply(deps, { as: 'requester', ticket: waiting }, { body: 'Firefox' });
    expect(answered.status).toBe('in_progress');
  });

  it('refuses a request for information on a closed ticket, and accepts it on an open one', async () => {
    const { deps, history } = world();
    const ticket = await openTicket(deps, requester, incident);
    const closed = await updateTicket(deps, staffAccess(ticket), { status: 'closed' }, ticket.version, undefined);
    const before = history.length;
    await expect(reply(deps, staffAccess(closed), { body: 'Still there?', requestInfo: true })).rejects.toThrow(
      InvalidTransition,
    );
    expect(history).toHaveLength(before);
    const other = await openTicket(deps, requester, incident);
    await expect(reply(deps, staffAccess(other), { body: 'Which browser?', requestInfo: true })).resolves.toMatchObject(
      { status: 'waiting_on_requester' },
    );
  });

  it('an internal note changes nothing for the requester and mails nobody', async () => {
    const { deps, outbox } = world();
    const ticket = await openTicket(deps, requester, incident);
    const noted = await reply(deps, staffAccess(ticket), { body: 'CDN again', internal: true });
    expect(noted.status).toBe('open');
    expect(outbox.map((n) => n.event)).toEqual(['created']);
  });

  it('refuses a note that is internal and asks the requester at once, and staff-only flags from requesters', async () => {
    const { deps } = world();
    const ticket = await openTicket(deps, requester, incident);
    await expect(reply(deps, staffAccess(ticket), { body: 'x', internal: true, requestInfo: true })).rejects.toThrow(
      ValidationFailed,
    );
    await expect(reply(deps, { as: 'requester', ticket }, { body: 'x', internal: true })).rejects.toThrow(Forbidden);
  });

  it('takes no more replies from the requester once resolved', async () => {
    const { deps } = world();
    const ticket = await openTicket(deps, requester, incident);
    const resolved = await updateTicket(deps, staffAccess(ticket), { status: 'resolved' }, ticket.version, undefined);
    await expect(reply(deps, { as: 'requester', ticket: resolved }, { body: 'Thanks' })).rejects.toThrow(
      InvalidTransition,
    );
  });

  it('resolving records the change and queues the resolution mail; a closed ticket stays closed', async () => {
    const { deps, outbox, history } = world();
    const ticket = await openTicket(deps, requester, incident);
    const resolved = await updateTicket(deps, staffAccess(ticket), { status: 'resolved' }, ticket.version, undefined);
    expect(history.at(-1)).toMatchObject({ action: 'status_changed', from: 'open', to: 'resolved', byName: 'Jordi' });
    expect(outbox.at(-1)?.event).toBe('resolved');
    const closed = await updateTicket(deps, staffAccess(resolved), { status: 'closed' }, resolved.version, undefined);
    await expect(
      updateTicket(deps, staffAccess(closed), { status: 'in_progress' }, closed.version, undefined),
    ).rejects.toThrow(InvalidTransition);
  });

  it('changes priority only with a reason, and forwards only to a team of the same organisation', async () => {
    const { deps } = world();
    const ticket = await openTicket(deps, requester, incident);
    const access = staffAccess(ticket);
    await expect(updateTicket(deps, access, { priority: 'P1' }, 1, undefined)).rejects.toThrow(ValidationFailed);
    await expect(updateTicket(deps, access, { teamId: 'hestia-technical' }, 1, undefined)).rejects.toThrow(
      ValidationFailed,
    );
    const forwarded = await updateTicket(deps, access, { teamId: 'dipu-systems' }, 1, undefined);
    expect(forwarded).toMatchObject({ status: 'forwarded', teamId: 'dipu-systems' });
    expect(forwarded.teamName?.en).toBeTruthy();
  });

  it('assigns only to staff who may work the ticket as it will be, recording names, never ids, in the history', async () => {
    const { deps, history } = world();
    const ticket = await openTicket(deps, requester, incident);
    const refused = (assigneeId: string, profile: Profile | undefined, teamId?: string) =>
      expect(
        updateTicket(deps, staffAccess(ticket), { assigneeId, ...(teamId ? { teamId } : {}) }, 1, profile),
      ).rejects.toThrow(ValidationFailed);
    await refused('u-citizen', citizenProfile);
    await refused('u-nobody', undefined);
    // Marta works on systems, not on the web team this ticket is with…
    await refused('u-colleague', colleague);
    // …unless it is forwarded to her team in the same change.
    const moved = await updateTicket(
      deps,
      staffAccess(ticket),
      { assigneeId: 'u-colleague', teamId: 'dipu-systems' },
      1,
      colleague,
    );
    expect(moved).toMatchObject({ assigneeId: 'u-colleague', assigneeName: 'Marta', teamId: 'dipu-systems' });
    expect(history.find((entry) => entry.action === 'assigned')).toMatchObject({ to: 'Marta' });
    const again = await updateTicket(
      deps,
      staffAccess(moved),
      { assigneeId: 'u-agent', teamId: 'dipu-web' },
      2,
      agentProfile,
    );
    expect(again.assigneeId).toBe('u-agent');
    expect(history.findLast((entry) => entry.action === 'assigned')).toMatchObject({ from: 'Marta', to: 'Jordi' });
  });
});

describe('response-time commitments', () => {
  /** The council answers a P2 incident within two business hours, and resolves it by the end of the next business day. */
  const madrid = (iso: string) => new Date(`${iso}+01:00`).toISOString();

  it('start at filing, from the organisation’s calendar and the policy for the ticket’s priority', async () => {
    const { deps } = world();
    const ticket = await openTicket(deps, requester, incident);
    expect(ticket.priority).toBe('P2');
    expect(ticket.sla).toEqual({
      firstResponseDueAt: madrid('2026-11-23T12:00:00'),
      resolutionDueAt: madrid('2026-11-24T15:00:00'),
      // Warned once three quarters of each commitment's business time have gone (the council's policy).
      firstResponseWarnAt: madrid('2026-11-23T11:30:00'),
      resolutionWarnAt: madrid('2026-11-24T12:00:00'),
      pausedMinutes: 0,
    });
  });

  it('take the first public staff answer as the first response, never an internal note', async () => {
    const { deps, setNow } = world();
    const ticket = await openTicket(deps, requester, incident);
    setNow(new Date(madrid('2026-11-23T10:20:00')));
    const noted = await reply(deps, staffAccess(ticket), { body: 'Checking the CDN', internal: true });
    expect(noted.sla?.firstRespondedAt).toBeUndefined();
    setNow(new Date(madrid('2026-11-23T10:40:00')));
    const answered = await reply(deps, staffAccess(noted), { body: 'On it.' });
    expect(answered.sla?.firstRespondedAt).toBe(madrid('2026-11-23T10:40:00'));
  });

  it('pause while waiting on the requester, and their answer moves the resolution due time by the business time paused', async () => {
    const { deps, setNow } = world();
    const ticket = await openTicket(deps, requester, incident);
    setNow(new Date(madrid('2026-11-23T11:00:00')));
    const asked = await reply(deps, staffAccess(ticket), { body: 'Which page fails?', requestInfo: true });
    expect(asked.sla?.pausedSince).toBe(madrid('2026-11-23T11:00:00'));
    // The citizen answers on Tuesday at 9:00: Monday 11–15 and Tuesday 8–9 were paused (300 minutes).
    setNow(new Date(madrid('2026-11-24T09:00:00')));
    const answered = await reply(deps, { as: 'requester', ticket: asked }, { body: 'The home page.' });
    expect(answered.status).toBe('in_progress');
    expect(answered.sla).toMatchObject({ resolutionDueAt: madrid('2026-11-25T13:00:00'), pausedMinutes: 300 });
    expect(answered.sla?.pausedSince).toBeUndefined();
  });

  it('follow a priority raised by staff: a P1 is answered within the hour', async () => {
    const { deps } = world();
    const ticket = await openTicket(deps, requester, incident);
    const raised = await updateTicket(
      deps,
      staffAccess(ticket),
      { priority: 'P1', reason: 'The whole county is down' },
      1,
      undefined,
    );
    expect(raised.sla).toMatchObject({
      firstResponseDueAt: madrid('2026-11-23T11:00:00'),
      // A working day of 7 open hours: Monday 10–15, then Tuesday 8–10.
      resolutionDueAt: madrid('2026-11-24T10:00:00'),
    });
  });

  it('stop the resolution clock when staff resolve the ticket', async () => {
    const { deps, setNow } = world();
    const ticket = await openTicket(deps, requester, incident);
    setNow(new Date(madrid('2026-11-23T13:00:00')));
    const resolved = await updateTicket(deps, staffAccess(ticket), { status: 'resolved' }, 1, undefined);
    expect(resolved.sla?.resolvedAt).toBe(madrid('2026-11-23T13:00:00'));
  });
});

describe('reopening', () => {
  async function resolvedTicket() {
    const w = world();
    const ticket = await openTicket(w.deps, requester, incident);
    w.setNow(new Date('2026-11-23T12:00:00Z'));
    const resolved = await updateTicket(w.deps, staffAccess(ticket), { status: 'resolved' }, 1, undefined);
    return { ...w, resolved };
  }

  it('puts a resolved ticket back in progress within the organisation’s window, with the reason in the thread', async () => {
    const { deps, setNow, resolved, history, messages } = await resolvedTicket();
    // The council gives 15 days.
    setNow(new Date('2026-12-08T11:00:00Z'));
    const reopened = await reopenTicket(deps, { as: 'requester', ticket: resolved }, history, 'Still failing.');
    expect(reopened.status).toBe('in_progress');
    expect(reopened.sla?.resolvedAt).toBeUndefined();
    expect(messages.at(-1)).toMatchObject({ authorKind: 'requester', body: 'Still failing.' });
    expect(history.at(-1)).toMatchObject({ action: 'status_changed', from: 'resolved', to: 'in_progress' });
  });

  it('refuses with 409 after the window, pointing to a new ticket, and for a ticket that is not resolved', async () => {
    const { deps, setNow, resolved, history } = await resolvedTicket();
    setNow(new Date('2026-12-08T12:00:01Z'));
    const late = await reopenTicket(deps, { as: 'requester', ticket: resolved }, history, 'Still failing.').catch(
      (error: unknown) => error,
    );
    expect(late).toBeInstanceOf(InvalidTransition);
    expect((late as Error).message).toContain(`file a new ticket quoting ${resolved.number}`);
    const open = await openTicket(deps, requester, incident);
    await expect(reopenTicket(deps, { as: 'requester', ticket: open }, history, 'Why?')).rejects.toThrow(
      InvalidTransition,
    );
  });
});

describe('staff mail', () => {
  it('tells whoever is given a ticket, unless they took it themselves, and the team a ticket is forwarded to', async () => {
    const { deps, outbox } = world();
    const ticket = await openTicket(deps, requester, incident);
    const taken = await updateTicket(deps, staffAccess(ticket), { assigneeId: 'u-agent' }, 1, agentProfile);
    expect(outbox.filter((mail) => mail.event === 'assigned')).toEqual([]);
    await updateTicket(deps, staffAccess(taken), { assigneeId: 'u-colleague', teamId: 'dipu-systems' }, 2, colleague);
    expect(outbox.filter((mail) => mail.event === 'assigned').map((mail) => mail.recipient)).toEqual([
      { userId: 'u-colleague' },
    ]);
    expect(outbox.filter((mail) => mail.event === 'forwarded').map((mail) => mail.recipient)).toEqual([
      { teamId: 'dipu-systems', organisationId: 'dipu' },
    ]);
  });
});

describe('automatic assignment', () => {
  /** Hèstia's support team opted in; its citizens' queries go to it. */
  const query = {
    type: 'query' as const,
    topicId: 'hestia-query',
    subject: 'Export',
    description: 'Where?',
    fields: {},
  };
  const hestiaAgent = (userId: string, name: string) =>
    profile(userId, name, { organisationId: 'hestia', teamIds: ['hestia-support'], topicIds: [], supervisor: false });

  it('gives each new ticket to the agent with the fewest open tickets, equals taking turns', async () => {
    const { deps, staff, workloads, history, outbox } = world();
    staff.push(hestiaAgent('u-b', 'Bet'), hestiaAgent('u-a', 'Abril'));
    const assignees = [];
    for (let i = 0; i < 3; i++) assignees.push((await openTicket(deps, requester, query)).assigneeId);
    expect(assignees).toEqual(['u-a', 'u-b', 'u-a']);
    expect(Object.fromEntries(workloads)).toEqual({ 'u-a': 2, 'u-b': 1 });
    expect(history.filter((entry) => entry.action === 'assigned').map((entry) => entry.byName)).toEqual([
      'Finestreta',
      'Finestreta',
      'Finestreta',
    ]);
    expect(outbox.filter((mail) => mail.event === 'assigned').map((mail) => mail.recipient)).toEqual([
      { userId: 'u-a' },
      { userId: 'u-b' },
      { userId: 'u-a' },
    ]);
  });

  it('counts a ticket for its agent until it is resolved or passed to someone else', async () => {
    const { deps, staff, workloads } = world();
    const abril = hestiaAgent('u-a', 'Abril');
    staff.push(abril, hestiaAgent('u-b', 'Bet'));
    const first = await openTicket(deps, requester, query);
    const second = await openTicket(deps, requester, query);
    const access = (ticket: typeof first) => ({
      ...staffAccess(ticket),
      member: { ...abril, staff: abril.staff as NonNullable<typeof abril.staff> },
    });
    await updateTicket(deps, access(first), { status: 'resolved' }, first.version, undefined);
    expect(Object.fromEntries(workloads)).toEqual({ 'u-a': 0, 'u-b': 1 });
    await updateTicket(deps, access(second), { assigneeId: 'u-a' }, second.version, abril);
    expect(Object.fromEntries(workloads)).toEqual({ 'u-a': 1, 'u-b': 0 });
    // The next one goes to whoever now holds fewest.
    expect((await openTicket(deps, requester, query)).assigneeId).toBe('u-b');
  });

  it('leaves the ticket in its team’s queue when nobody there may take it, and never assigns in teams that did not opt in', async () => {
    const { deps, staff } = world();
    staff.push(
      profile('u-s', 'Sílvia', {
        organisationId: 'hestia',
        teamIds: ['hestia-support'],
        topicIds: [],
        supervisor: true,
      }),
    );
    expect((await openTicket(deps, requester, query)).assigneeId).toBeUndefined();
    staff.push(
      profile('u-w', 'Wenceslau', { organisationId: 'dipu', teamIds: ['dipu-web'], topicIds: [], supervisor: false }),
    );
    expect((await openTicket(deps, requester, incident)).assigneeId).toBeUndefined();
  });
});
