import { describe, expect, it } from 'vitest';
import { InvalidTransition, ValidationFailed } from '../../../functions/domain/errors';
import { cryptoIds } from '../../../functions/domain/tickets/ids';
import { type Deps, openTicket, replyAsRequester } from '../../../functions/domain/tickets/intake';
import type { HistoryRecord, MessageRecord, TicketRecord } from '../../../functions/domain/tickets/model';
import type { Notification } from '../../../functions/domain/tickets/notifications';
import type { TicketStore } from '../../../functions/domain/tickets/ports';
import { type AgentProfile, replyAsStaff } from '../../../functions/domain/tickets/staff';
import { updateTicket } from '../../../functions/domain/tickets/staff-update';
import type { Caller } from '../../../functions/http/auth';
import { DEMO_CATALOGUE } from '../../../lib/local/demo-catalogue';

/** An in-memory store: the use cases' behaviour, without DynamoDB. */
function world() {
  const tickets = new Map<string, TicketRecord>();
  const outbox: Notification[] = [];
  const history: HistoryRecord[] = [];
  const messages: MessageRecord[] = [];
  const sentNow: { notification: Notification; token: string }[] = [];
  let last = 0;
  const store: TicketStore = {
    async file(ticket, first, entry, prefix, notify) {
      const record = { ...ticket, number: `${prefix}-2026-${String(++last).padStart(6, '0')}` };
      tickets.set(record.ticketId, record);
      messages.push(first);
      history.push(entry);
      outbox.push(...notify(record));
      return record;
    },
    async thread() {
      return undefined;
    },
    async ticket(id) {
      return tickets.get(id);
    },
    async listByRequester() {
      return { items: [], nextCursor: null };
    },
    async addMessage(ticket, message, status, entry, notifications = []) {
      const updated = { ...ticket, status, version: ticket.version + 1 };
      tickets.set(ticket.ticketId, updated);
      messages.push(message);
      if (entry) history.push(entry);
      outbox.push(...notifications);
      return updated;
    },
    async update(ticket, _version, entries, notifications) {
      tickets.set(ticket.ticketId, ticket);
      history.push(...entries);
      outbox.push(...notifications);
      return ticket;
    },
  };
  const deps: Deps = {
    store,
    catalogue: { load: async () => DEMO_CATALOGUE },
    mailer: { sendNow: async (notification, token) => void sentNow.push({ notification, token }) },
    clock: { now: () => new Date('2026-11-23T09:00:00Z') },
    ids: cryptoIds,
  };
  return { deps, outbox, history, messages, sentNow };
}

const citizen: Caller = { userId: 'u-citizen', email: 'anna@example.org', groups: [] };
const requester = { kind: 'user' as const, caller: citizen, name: 'Anna', email: 'anna@example.org' };
const agent: AgentProfile = {
  userId: 'u-agent',
  organisationId: 'dipu',
  name: 'Jordi',
  teamIds: ['dipu-web'],
  topicIds: [],
  supervisor: false,
};
const incident = {
  type: 'incident' as const,
  topicId: 'dipu-web-portals',
  subject: 'Portal down',
  description: 'Error 500',
  fields: {},
  impact: { blocksWork: true, affectsOthers: true, affectsCitizens: false },
};

describe('filing', () => {
  it('stores a P2 ticket on the topic’s team and puts the creation mail in the outbox', async () => {
    const { deps, outbox } = world();
    const { ticket } = await openTicket(deps, requester, incident, 'es');
    expect(ticket).toMatchObject({ status: 'open', priority: 'P2', teamId: 'dipu-web', requesterLanguage: 'es' });
    expect(outbox).toEqual([expect.objectContaining({ event: 'created', number: ticket.number, language: 'es' })]);
  });

  it('sends a guest’s first mail at once with the token, stores only its hash, and queues nothing', async () => {
    const { deps, outbox, sentNow } = world();
    const { ticket } = await openTicket(
      deps,
      { kind: 'guest', name: 'Pere', email: 'pere@example.org' },
      incident,
      'ca',
    );
    expect(outbox).toEqual([]);
    expect(sentNow).toHaveLength(1);
    expect(ticket.guestTokenHash).toBe(cryptoIds.hash(sentNow[0]?.token ?? ''));
    expect(JSON.stringify(ticket)).not.toContain(sentNow[0]?.token);
  });

  it('refuses internal topics to requesters as if they did not exist', async () => {
    const { deps } = world();
    await expect(
      openTicket(deps, requester, { ...incident, type: 'query', topicId: 'gencat-escalation-department' }, 'ca'),
    ).rejects.toThrow(ValidationFailed);
  });
});

describe('working a ticket', () => {
  it('a request for information waits on the requester, whose answer puts it back in progress', async () => {
    const { deps, outbox } = world();
    const { ticket } = await openTicket(deps, requester, incident, 'ca');
    const waiting = await replyAsStaff(deps, ticket, agent, { body: 'Which browser?', requestInfo: true });
    expect(waiting.status).toBe('waiting_on_requester');
    expect(outbox.at(-1)).toMatchObject({ event: 'info_requested', message: 'Which browser?' });
    const answered = await replyAsRequester(deps, waiting, 'Firefox');
    expect(answered.status).toBe('in_progress');
  });

  it('an internal note changes nothing for the requester and mails nobody', async () => {
    const { deps, outbox } = world();
    const { ticket } = await openTicket(deps, requester, incident, 'ca');
    const noted = await replyAsStaff(deps, ticket, agent, { body: 'CDN again', internal: true });
    expect(noted.status).toBe('open');
    expect(outbox.map((n) => n.event)).toEqual(['created']);
  });

  it('resolving records the change and queues the resolution mail; a closed ticket stays closed', async () => {
    const { deps, outbox, history } = world();
    const { ticket } = await openTicket(deps, requester, incident, 'ca');
    const resolved = await updateTicket(deps, ticket, agent, { status: 'resolved' }, ticket.version);
    expect(history.at(-1)).toMatchObject({ action: 'status_changed', from: 'open', to: 'resolved', byName: 'Jordi' });
    expect(outbox.at(-1)?.event).toBe('resolved');
    const closed = await updateTicket(deps, resolved, agent, { status: 'closed' }, resolved.version);
    await expect(updateTicket(deps, closed, agent, { status: 'in_progress' }, closed.version)).rejects.toThrow(
      InvalidTransition,
    );
  });

  it('changes priority only with a reason, and forwards only to a team of the same organisation', async () => {
    const { deps } = world();
    const { ticket } = await openTicket(deps, requester, incident, 'ca');
    await expect(updateTicket(deps, ticket, agent, { priority: 'P1' }, 1)).rejects.toThrow(ValidationFailed);
    await expect(updateTicket(deps, ticket, agent, { teamId: 'hestia-technical' }, 1)).rejects.toThrow(
      ValidationFailed,
    );
    const forwarded = await updateTicket(deps, ticket, agent, { teamId: 'dipu-systems' }, 1);
    expect(forwarded).toMatchObject({ status: 'forwarded', teamId: 'dipu-systems' });
  });
});
