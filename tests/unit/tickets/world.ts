import type { OutboxMessage } from '../../../functions/mail/domain/index';
import { cryptoIds } from '../../../functions/platform/ids';
import type { Caller } from '../../../functions/platform/kernel/caller';
import { Conflict } from '../../../functions/platform/kernel/errors';
import type { Profile } from '../../../functions/profiles/domain/index';
import type { StaffAccess } from '../../../functions/tickets/domain/access';
import { DEFAULT_FILING_LIMITS, limitReached } from '../../../functions/tickets/domain/limits';
import type { HistoryRecord, MessageRecord, TicketRecord } from '../../../functions/tickets/domain/model';
import type { GuestMailer, TicketDeps, TicketStore } from '../../../functions/tickets/domain/ports';
import { sweepAt, workloadChanges } from '../../../functions/tickets/domain/queues';
import type { SweepIndex } from '../../../functions/tickets/domain/sweep';
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
  /** The organisations' staff, as the roster index would list them. */
  const staff: Profile[] = [];
  /** Open tickets per member of staff, and whom each team's last automatic assignment went to. */
  const workloads = new Map<string, number>();
  const rotations = new Map<string, string>();
  const countWorkload = (before: TicketRecord | undefined, after: TicketRecord) => {
    for (const [userId, change] of workloadChanges(before, after)) {
      workloads.set(userId, (workloads.get(userId) ?? 0) + change);
    }
  };
  /** Mails as the outbox gets them: held staff mail is kept apart until the sweeper lets it go. */
  const held: OutboxMessage[] = [];
  const mail = (messages: readonly OutboxMessage[]) => {
    for (const message of messages) (message.holdUntil ? held : outbox).push(message);
  };
  const store: TicketStore = {
    async file(ticket, first, entry, prefix, notify, counters, assignment) {
      const full = counters.find((counter) => (counts.get(counter.subject + counter.window) ?? 0) >= counter.limit);
      if (full) throw limitReached(full, new Date(ticket.createdAt));
      for (const counter of counters) {
        counts.set(counter.subject + counter.window, (counts.get(counter.subject + counter.window) ?? 0) + 1);
      }
      let record: TicketRecord = { ...ticket, number: `${prefix}-2026-${String(++last).padStart(6, '0')}` };
      const candidates = assignment?.eligible(staff.filter((p) => p.staff?.organisationId === ticket.organisationId));
      if (assignment && candidates?.length) {
        const ids = candidates.map((candidate) => candidate.userId);
        const chosen = assignment.choose(ids, workloads, rotations.get(assignment.teamId));
        const agent = candidates.find((candidate) => candidate.userId === chosen) as Profile;
        record = { ...record, assigneeId: agent.userId, assigneeName: agent.name };
        rotations.set(assignment.teamId, agent.userId);
        const given = assignment.given(record, agent);
        history.push(given.history);
        mail([given.notification]);
      }
      tickets.set(record.ticketId, record);
      countWorkload(undefined, record);
      messages.push(first);
      history.push(entry);
      mail(notify(record));
      return record;
    },
    async thread(ticketId) {
      return {
        ticket: tickets.get(ticketId),
        messages: messages.filter((m) => m.ticketId === ticketId),
        attachments: [],
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
      const { autoCloseAt, ...rest } = ticket;
      const updated = {
        ...rest,
        ...(status === 'resolved' && autoCloseAt ? { autoCloseAt } : {}),
        status,
        ...(sla ? { sla } : {}),
        version: ticket.version + 1,
      };
      tickets.set(ticket.ticketId, updated);
      countWorkload(ticket, updated);
      messages.push(message);
      if (entry) history.push(entry);
      mail(notifications);
      return updated;
    },
    async update({ before, after, expectedVersion, history: entries = [], notifications = [] }) {
      if (tickets.get(after.ticketId)?.version !== expectedVersion) throw new Conflict('The ticket changed meanwhile.');
      tickets.set(after.ticketId, after);
      countWorkload(before, after);
      history.push(...entries);
      mail(notifications);
      return after;
    },
    async rate(ticket, satisfaction) {
      const stored = tickets.get(ticket.ticketId);
      if (!stored || stored.satisfaction || !['resolved', 'closed'].includes(stored.status)) {
        throw new Conflict('This ticket has been rated already, or is no longer resolved.');
      }
      const rated = { ...stored, satisfaction, version: stored.version + 1 };
      tickets.set(ticket.ticketId, rated);
      return rated;
    },
  };
  /** The sweep index: what has come due, as the DynamoDB one reads it. */
  const index: SweepIndex = {
    async dueBy(organisationId, at) {
      const due = (instant: string | undefined) => instant !== undefined && instant <= at.toISOString();
      return {
        tickets: [...tickets.values()].filter((t) => t.organisationId === organisationId && due(sweepAt(t))),
        heldMail: held.filter((message) => message.organisationId === organisationId && due(message.holdUntil)),
      };
    },
  };
  const mailer: GuestMailer = { sendAccessLink: async (message, token) => void sentNow.push({ message, token }) };
  const deps: TicketDeps & { mailer: GuestMailer } = {
    store,
    catalogue: { load: async () => DEMO_CATALOGUE },
    clock: { now: () => now },
    ids: cryptoIds,
    // What the mail makes the rating link's token from; the real one is an HMAC of the same.
    links: { ratingToken: (ticketId, resolvedAt) => `rating-${ticketId}-${resolvedAt}` },
    limits: DEFAULT_FILING_LIMITS,
    mailer,
  };
  /** Moves the world's clock. */
  const setNow = (at: Date) => {
    now = at;
  };
  /** What the sweeper's release does: the held mail goes to the outbox. */
  const release = async (message: OutboxMessage) => {
    const index = held.indexOf(message);
    if (index < 0) return false;
    held.splice(index, 1);
    const { holdUntil: _, ...sendable } = message;
    outbox.push(sendable);
    return true;
  };
  return { deps, index, tickets, outbox, held, history, messages, sentNow, counts, staff, workloads, setNow, release };
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
