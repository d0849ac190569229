import type { OutboxMessage } from '../../../functions/mail/domain/index';
import { cryptoIds } from '../../../functions/platform/ids';
import type { Caller } from '../../../functions/platform/kernel/caller';
import type { Profile } from '../../../functions/profiles/domain/index';
import type { StaffAccess } from '../../../functions/tickets/domain/access';
import { DEFAULT_FILING_LIMITS, limitReached } from '../../../functions/tickets/domain/limits';
import type { HistoryRecord, MessageRecord, TicketRecord } from '../../../functions/tickets/domain/model';
import type { GuestMailer, TicketDeps, TicketStore } from '../../../functions/tickets/domain/ports';
import { DEMO_CATALOGUE } from '../../../lib/local/demo-catalogue';

export const NOW = new Date('2026-11-23T09:00:00Z');
/** The address requests come from (TEST-NET-1). */
export const CLIENT = '192.0.2.1';

/** The ticket use cases over an in-memory store: their behaviour, without DynamoDB. */
export function world() {
  const tickets = new Map<string, TicketRecord>();
  const outbox: OutboxMessage[] = [];
  const history: HistoryRecord[] = [];
  const messages: MessageRecord[] = [];
  const sentNow: { message: OutboxMessage; token: string }[] = [];
  let last = 0;
  let now = NOW;
  /** Abuse-limit counters by subject and window, enforced as the DynamoDB store does. */
  const counts = new Map<string, number>();
  const store: TicketStore = {
    async file(ticket, first, entry, prefix, notify, counters) {
      const full = counters.find((counter) => (counts.get(counter.subject + counter.window) ?? 0) >= counter.limit);
      if (full) throw limitReached(full, new Date(ticket.createdAt));
      for (const counter of counters) {
        counts.set(counter.subject + counter.window, (counts.get(counter.subject + counter.window) ?? 0) + 1);
      }
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
    async listWork() {
      return { items: [], nextCursor: null };
    },
    async addMessage(ticket, message, status, entry, notifications = [], sla = ticket.sla) {
      const updated = { ...ticket, status, ...(sla ? { sla } : {}), version: ticket.version + 1 };
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
    clock: { now: () => now },
    ids: cryptoIds,
    limits: DEFAULT_FILING_LIMITS,
    mailer,
  };
  /** Moves the world's clock. */
  const setNow = (at: Date) => {
    now = at;
  };
  return { deps, tickets, outbox, history, messages, sentNow, counts, setNow };
}

/** A stored profile; staff ones with where they work. */
export const profile = (userId: string, name: string, staff?: Profile['staff']): Profile => ({
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
