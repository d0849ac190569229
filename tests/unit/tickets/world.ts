import type { OutboxMessage } from '../../../functions/mail/domain/index';
import { cryptoIds } from '../../../functions/platform/ids';
import type { Caller } from '../../../functions/platform/kernel/caller';
import type { Profile } from '../../../functions/profiles/domain/index';
import type { StaffAccess } from '../../../functions/tickets/domain/access';
import type { HistoryRecord, MessageRecord, TicketRecord } from '../../../functions/tickets/domain/model';
import type { GuestMailer, TicketDeps, TicketStore } from '../../../functions/tickets/domain/ports';
import { DEMO_CATALOGUE } from '../../../lib/local/demo-catalogue';

export const NOW = new Date('2026-11-23T09:00:00Z');

/** The ticket use cases over an in-memory store: their behaviour, without DynamoDB. */
export function world() {
  const tickets = new Map<string, TicketRecord>();
  const outbox: OutboxMessage[] = [];
  const history: HistoryRecord[] = [];
  const messages: MessageRecord[] = [];
  const sentNow: { message: OutboxMessage; token: string }[] = [];
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
    async thread(ticketId) {
      return {
        ticket: tickets.get(ticketId),
        messages: messages.filter((m) => m.ticketId === ticketId),
        history: history.filter((h) => h.ticketId === ticketId),
      };
    },
    async ticket(id) {
      return tickets.get(id);
    },
    async ticketAndProfiles(id) {
      return { ticket: tickets.get(id), profiles: new Map() };
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
  const mailer: GuestMailer = { sendAccessLink: async (message, token) => void sentNow.push({ message, token }) };
  const deps: TicketDeps & { mailer: GuestMailer } = {
    store,
    catalogue: { load: async () => DEMO_CATALOGUE },
    clock: { now: () => NOW },
    ids: cryptoIds,
    mailer,
  };
  return { deps, tickets, outbox, history, messages, sentNow };
}

const profile = (userId: string, name: string, staff?: Profile['staff']): Profile => ({
  userId,
  name,
  email: `${userId}@example.org`,
  emailVerified: true,
  language: 'ca',
  ...(staff ? { staff } : {}),
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
});

export const citizen: Caller = { userId: 'u-citizen', groups: [], token: { use: 'id', email: 'anna@example.org' } };
export const citizenProfile = profile('u-citizen', 'Anna');

export const agentCaller: Caller = { userId: 'u-agent', groups: ['agent'], token: { use: 'access', raw: 'token' } };
const agentStaff = { organisationId: 'dipu', teamIds: ['dipu-web'], topicIds: [], supervisor: false };
export const agentProfile = profile('u-agent', 'Jordi', agentStaff);

export const colleague = profile('u-colleague', 'Marta', {
  organisationId: 'dipu',
  teamIds: ['dipu-systems'],
  topicIds: [],
  supervisor: false,
});

export const staffAccess = (ticket: TicketRecord): StaffAccess => ({
  as: 'staff',
  ticket,
  member: { ...agentProfile, staff: agentStaff },
});

export const incident = {
  type: 'incident' as const,
  topicId: 'dipu-web-portals',
  subject: 'Portal down',
  description: 'Error 500',
  fields: {},
  impact: { blocksWork: true, affectsOthers: true, affectsCitizens: false },
};
