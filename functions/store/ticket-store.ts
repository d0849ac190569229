import { Conflict, ValidationFailed } from '../domain/errors';
import type { HistoryRecord, MessageRecord, Page, TicketRecord } from '../domain/tickets/model';
import type { Notification } from '../domain/tickets/notifications';
import { formatTicketNumber } from '../domain/tickets/number';
import type { NewTicket, TicketStore } from '../domain/tickets/ports';
import type { Status } from '../domain/tickets/status';
import { store, TicketEntity, TicketSequenceEntity } from './entities';
import { TABLE_KEYS } from './keys';

/** Outbox items outlive their delivery by a week, for investigation, then TTL removes them. */
const OUTBOX_RETENTION_SECONDS = 7 * 24 * 60 * 60;

const outboxItem = (notification: Notification) => ({
  ...notification,
  ttl: Math.floor(Date.parse(notification.createdAt) / 1000) + OUTBOX_RETENTION_SECONDS,
});

const stripEntityFields = <T extends object>(item: T) => item as unknown as TicketRecord;

/** The cursor is ElectroDB's, checked to belong to this requester's partition so it cannot be forged across. */
function checkCursor(cursor: string | undefined, expectedPartition: string): string | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (key[TABLE_KEYS.gsi1.partitionKey] === expectedPartition && typeof key[TABLE_KEYS.gsi1.sortKey] === 'string') {
      return cursor;
    }
  } catch {
    // fall through to the 400 below
  }
  throw new ValidationFailed([{ path: 'query.cursor', message: 'Invalid cursor.' }], 'The cursor is not valid.');
}

export const dynamoTicketStore: TicketStore = {
  async file(
    ticket: NewTicket,
    first: MessageRecord,
    history: HistoryRecord,
    numberPrefix: string,
    notify: (ticket: TicketRecord) => Notification[],
  ) {
    const year = Number(ticket.createdAt.slice(0, 4));
    const month = ticket.createdAt.slice(0, 7);
    // An atomic increment hands out each number once, however many file at the same moment.
    // (A number check inside the transaction made concurrent filings retry each other: at 16 at
    // once most timed out.) The price: a filing whose transaction then fails leaves a gap.
    const sequence = await TicketSequenceEntity.update({ organisationId: ticket.organisationId, year })
      .add({ last: 1 })
      .go({ response: 'updated_new' });
    const last = sequence.data.last;
    if (typeof last !== 'number') throw new Error('The ticket sequence returned no number');
    const record: TicketRecord = { ...ticket, number: formatTicketNumber(numberPrefix, year, last) };
    const counters = [
      ['total', 'all'],
      ['type', ticket.type],
      ['channel', ticket.channel],
      ['topic', ticket.topicId],
    ] as const;
    const result = await store.transaction
      .write(({ ticket: tickets, message, history: entries, monthlyCount, outbox }) => [
        tickets.create(record).commit(),
        message.create(first).commit(),
        entries.create(history).commit(),
        ...notify(record).map((notification) => outbox.create(outboxItem(notification)).commit()),
        ...counters.map(([dimension, value]) =>
          monthlyCount
            .update({ organisationId: ticket.organisationId, month, dimension, value })
            .add({ count: 1 })
            .commit(),
        ),
      ])
      .go();
    if (result.canceled) throw new Conflict('The ticket could not be filed; try again.');
    return record;
  },

  async thread(ticketId: string) {
    const { data } = await store.collections.thread({ ticketId }).go({ pages: 'all' });
    const ticket = data.ticket[0];
    if (!ticket) return undefined;
    return {
      ticket: stripEntityFields(ticket),
      messages: data.message as unknown as MessageRecord[],
      history: data.history as unknown as HistoryRecord[],
    };
  },

  async ticket(ticketId: string) {
    const { data } = await TicketEntity.get({ ticketId }).go();
    return data ? stripEntityFields(data) : undefined;
  },

  async listByRequester(requesterId: string, options: { status?: Status; limit: number; cursor?: string }) {
    const query = TicketEntity.query.byRequester({ requesterId });
    const partition = (query.params() as { ExpressionAttributeValues: Record<string, unknown> })
      .ExpressionAttributeValues[':pk'] as string;
    const cursor = checkCursor(options.cursor, partition);
    const filtered = options.status ? query.where(({ status }, { eq }) => eq(status, options.status as string)) : query;
    const page = await filtered.go({ order: 'desc', limit: options.limit, cursor: cursor ?? null });
    return { items: page.data.map(stripEntityFields), nextCursor: page.cursor } satisfies Page<TicketRecord>;
  },

  async update(
    ticket: TicketRecord,
    expectedVersion: number,
    history: readonly HistoryRecord[],
    notifications: readonly Notification[],
  ) {
    const result = await store.transaction
      .write(({ ticket: tickets, history: entries, outbox }) => [
        tickets
          .patch({ ticketId: ticket.ticketId })
          .set({
            status: ticket.status,
            priority: ticket.priority,
            topicId: ticket.topicId,
            updatedAt: ticket.updatedAt,
            version: ticket.version,
            ...(ticket.teamId ? { teamId: ticket.teamId } : {}),
            ...(ticket.assigneeId ? { assigneeId: ticket.assigneeId } : {}),
          })
          .where(({ version }, { eq }) => eq(version, expectedVersion))
          .commit(),
        ...history.map((entry) => entries.create(entry).commit()),
        ...notifications.map((notification) => outbox.create(outboxItem(notification)).commit()),
      ])
      .go();
    if (result.canceled) throw new Conflict('The ticket changed meanwhile; reload it and try again.');
    return ticket;
  },

  async addMessage(
    ticket: TicketRecord,
    message: MessageRecord,
    status: Status,
    history?: HistoryRecord,
    notifications: Notification[] = [],
  ) {
    const updated: TicketRecord = { ...ticket, status, updatedAt: message.createdAt, version: ticket.version + 1 };
    const result = await store.transaction
      .write(({ ticket: tickets, message: messages, history: entries, outbox }) => [
        messages.create(message).commit(),
        tickets
          .patch({ ticketId: ticket.ticketId })
          .set({ status, updatedAt: updated.updatedAt, version: updated.version })
          .where(({ version }, { eq }) => eq(version, ticket.version))
          .commit(),
        ...(history ? [entries.create(history).commit()] : []),
        ...notifications.map((notification) => outbox.create(outboxItem(notification)).commit()),
      ])
      .go();
    if (result.canceled) throw new Conflict('The ticket changed meanwhile; reload it and try again.');
    return updated;
  },
};
