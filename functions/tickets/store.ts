import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { belongsToOrganisation } from '../catalogue';
import { type OutboxMessage, outboxPut } from '../mail';
import { Conflict, ValidationFailed } from '../platform/kernel/errors';
import { documents } from '../platform/table/client';
import { decodeCursor, encodeCursor } from '../platform/table/cursor';
import { KEYS, KIND_ATTRIBUTE, KINDS, TABLE_KEYS } from '../platform/table/keys';
import {
  decode,
  getItem,
  getItems,
  item,
  kindOf,
  queryPage,
  queryPartition,
  TABLE_NAME,
  type TransactItem,
  transact,
  updateOf,
} from '../platform/table/table';
import { decodeProfile, type Profile, profileKey } from '../profiles';
import { type LimitCounter, limitReached } from './domain/limits';
import { HistoryRecord, MessageRecord, type NewTicket, type Page, type Thread, TicketRecord } from './domain/model';
import { formatTicketNumber } from './domain/numbering';
import type { ListOptions, References, TicketStore } from './domain/ports';
import { queuePlace } from './domain/queues';

const { gsi1, gsi2 } = TABLE_KEYS;

/** The ticket's index keys in the work queues (gsi2, gsi3): absent ones are not in that queue. */
function queueKeys(ticket: TicketRecord): Record<string, string> {
  const place = queuePlace(ticket);
  return {
    ...(place?.teamId ? KEYS.ticket.inTeam(place.teamId, place.due) : {}),
    ...(place?.assigneeId ? KEYS.ticket.assignedTo(place.assigneeId, place.due) : {}),
  };
}
const QUEUE_KEY_NAMES = [gsi2.partitionKey, gsi2.sortKey, TABLE_KEYS.gsi3.partitionKey, TABLE_KEYS.gsi3.sortKey];

const ticketItem = (ticket: TicketRecord) =>
  item(KINDS.ticket, KEYS.ticket.item(ticket.ticketId), {
    ...ticket,
    ...KEYS.ticket.byRequester(ticket.requesterId, ticket.createdAt, ticket.ticketId),
    ...queueKeys(ticket),
  });

const putMessage = (message: MessageRecord): TransactItem => ({
  Put: {
    Item: item(KINDS.message, KEYS.ticket.message(message.ticketId, message.messageId), message),
  },
});

const putHistory = (entry: HistoryRecord): TransactItem => ({
  Put: { Item: item(KINDS.history, KEYS.ticket.history(entry.ticketId, entry.entryId), entry) },
});

/** The ticket as given, if nobody changed it since `version`: a lost update is a 409, never silent. */
const putTicketAtVersion = (ticket: TicketRecord, version: number): TransactItem => ({
  Put: {
    Item: ticketItem(ticket),
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': version },
  },
});

const staleTicket = () => new Conflict('The ticket changed meanwhile; reload it and try again.');

/** Next human number of an organisation's year: one atomic increment, so each is handed out once. */
async function nextNumber(organisationId: string, year: number): Promise<number> {
  const { Attributes } = await documents.send(
    new UpdateCommand({
      TableName: TABLE_NAME,
      Key: { ...KEYS.ticketSequence(organisationId, year) },
      ...updateOf({ set: { _kind: KINDS.ticketSequence, organisationId, year }, add: { last: 1 } }),
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  const last = Attributes?.last;
  if (typeof last !== 'number') throw new Error('The ticket sequence returned no number');
  return last;
}

/** Monthly counters for the supervisors' report, incremented in the filing transaction. */
function countFiling(ticket: TicketRecord): TransactItem[] {
  const month = ticket.createdAt.slice(0, 7);
  const dimensions = [
    ['total', 'all'],
    ['type', ticket.type],
    ['channel', ticket.channel],
    ['topic', ticket.topicId],
  ] as const;
  return dimensions.map(([dimension, value]) => ({
    Update: {
      Key: { ...KEYS.monthlyCount(ticket.organisationId, month, dimension, value) },
      ...updateOf({
        set: { _kind: KINDS.monthlyCount, organisationId: ticket.organisationId, month, dimension, value },
        add: { count: 1 },
      }),
    },
  }));
}

/** One more filing on an abuse-limit counter, unless it is full; the table deletes it when its window ends. */
const countAgainstLimit = (counter: LimitCounter): TransactItem => ({
  Update: {
    Key: { ...KEYS.limitCounter(counter.subject, counter.window) },
    UpdateExpression: 'SET #kind = :kind, #ttl = :ttl ADD #count :one',
    ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
    ExpressionAttributeNames: { '#kind': KIND_ATTRIBUTE, '#ttl': TABLE_KEYS.ttl, '#count': 'count' },
    ExpressionAttributeValues: {
      ':kind': KINDS.limitCounter,
      ':ttl': Math.ceil(counter.resetsAt.getTime() / 1000),
      ':one': 1,
      ':limit': counter.limit,
    },
  },
});

/** The first full counter, read consistently, so a refused filing costs one read and writes nothing. */
async function fullCounter(counters: readonly LimitCounter[]): Promise<LimitCounter | undefined> {
  if (counters.length === 0) return undefined;
  const stored = await getItems(
    counters.map((counter) => KEYS.limitCounter(counter.subject, counter.window)),
    { consistent: true },
  );
  return counters.find((counter, index) => Number(stored[index]?.count ?? 0) >= counter.limit);
}

/**
 * How a message moves the ticket: its status, on the condition that it is still the one the
 * lifecycle step started from, and its version incremented in place. A status change writes
 * the SLA clock whole (the condition lets one such change through); a reply that changes only
 * the first response sets it unless another reply at the same moment already did.
 */
function messageUpdate(ticket: TicketRecord, updated: TicketRecord, message: MessageRecord) {
  const { status, sla } = updated;
  const names: Record<string, string> = { '#status': 'status', '#updatedAt': 'updatedAt', '#version': 'version' };
  const values: Record<string, unknown> = {
    ':status': status,
    ':from': ticket.status,
    ':updatedAt': message.createdAt,
    ':one': 1,
  };
  const set = ['#status = :status', '#updatedAt = :updatedAt'];
  if (sla && sla !== ticket.sla) {
    names['#sla'] = 'sla';
    if (status !== ticket.status || !ticket.sla) {
      set.push('#sla = :sla');
      values[':sla'] = sla;
    } else if (sla.firstRespondedAt && !ticket.sla.firstRespondedAt) {
      names['#first'] = 'firstRespondedAt';
      set.push('#sla.#first = if_not_exists(#sla.#first, :first)');
      values[':first'] = sla.firstRespondedAt;
    }
  }
  // Its place in the queues follows its status and next due time, and its team and assignee:
  // the write holds only while those are still as read, so a change of hands in between
  // (PATCH) makes it retry instead of filing the ticket under the old ones.
  const conditions = ['#status = :from'];
  for (const [attribute, value] of [
    ['teamId', ticket.teamId],
    ['assigneeId', ticket.assigneeId],
  ] as const) {
    names[`#${attribute}`] = attribute;
    if (value === undefined) conditions.push(`attribute_not_exists(#${attribute})`);
    else {
      conditions.push(`#${attribute} = :${attribute}`);
      values[`:${attribute}`] = value;
    }
  }
  const keys = queueKeys(updated);
  const remove: string[] = [];
  QUEUE_KEY_NAMES.forEach((name, index) => {
    names[`#q${index}`] = name;
    if (keys[name] === undefined) remove.push(`#q${index}`);
    else {
      set.push(`#q${index} = :q${index}`);
      values[`:q${index}`] = keys[name];
    }
  });
  return {
    UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''} ADD #version :one`,
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

type Index = (typeof TABLE_KEYS)['gsi1' | 'gsi2' | 'gsi3'];

/**
 * One page of tickets from one partition of an index: one Query, the filters applied by
 * DynamoDB (a page may hold fewer than `limit`; the cursor goes on from where it stopped).
 */
async function ticketPage(
  index: Index,
  partition: string,
  order: 'newest' | 'earliest due',
  options: ListOptions,
  unassignedOnly = false,
): Promise<Page<TicketRecord>> {
  const filters = { status: options.status, topicId: options.topicId, priority: options.priority };
  // A cursor serves the list and the filters it was made for, and no other.
  const scope = `${index.indexName}|${partition}|${JSON.stringify(filters)}|${unassignedOnly}`;
  const start = decodeCursor(options.cursor, scope, { [index.partitionKey]: partition }, [
    TABLE_KEYS.partitionKey,
    TABLE_KEYS.sortKey,
    index.partitionKey,
    index.sortKey,
  ]);
  const names: Record<string, string> = { '#pk': index.partitionKey };
  const values: Record<string, unknown> = { ':pk': partition };
  const conditions: string[] = [];
  for (const [name, value] of Object.entries(filters)) {
    if (value === undefined) continue;
    names[`#${name}`] = name;
    values[`:${name}`] = value;
    conditions.push(`#${name} = :${name}`);
  }
  if (unassignedOnly) {
    names['#assignee'] = 'assigneeId';
    conditions.push('attribute_not_exists(#assignee)');
  }
  const page = await queryPage({
    IndexName: index.indexName,
    KeyConditionExpression: '#pk = :pk',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ...(conditions.length > 0 ? { FilterExpression: conditions.join(' AND ') } : {}),
    ScanIndexForward: order === 'earliest due',
    Limit: options.limit,
    ...(start ? { ExclusiveStartKey: start } : {}),
  });
  return {
    items: page.items.map((stored) => decode(TicketRecord, stored)),
    nextCursor: encodeCursor(page.lastKey, scope),
  };
}

export const dynamoTicketStore: TicketStore = {
  async file(ticket: NewTicket, first, history, numberPrefix, notify, counters) {
    const now = new Date(ticket.createdAt);
    const full = await fullCounter(counters);
    if (full) throw limitReached(full, now);
    const year = Number(ticket.createdAt.slice(0, 4));
    // An atomic increment hands out each number once, however many file at the same moment.
    // (A number check inside the transaction made concurrent filings retry each other: at 16 at
    // once most timed out.) The price: a filing whose transaction then fails leaves a gap.
    const number = formatTicketNumber(numberPrefix, year, await nextNumber(ticket.organisationId, year));
    const record: TicketRecord = { ...ticket, number };
    await transact(
      [
        {
          Put: {
            Item: ticketItem(record),
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
          },
        },
        putMessage(first),
        putHistory(history),
        ...notify(record).map(outboxPut),
        ...countFiling(record),
        ...counters.map(countAgainstLimit),
      ],
      (reasons) => {
        // Filings at once can fill a counter between the read and this write.
        const offset = reasons.length - counters.length;
        const counter = counters.find((_, i) => reasons[offset + i] === 'ConditionalCheckFailed');
        return counter ? limitReached(counter, now) : new Conflict('The ticket could not be filed; try again.');
      },
    );
    return record;
  },

  async thread(ticketId, { consistent = false } = {}) {
    let ticket: TicketRecord | undefined;
    const messages: MessageRecord[] = [];
    const history: HistoryRecord[] = [];
    for (const stored of await queryPartition(KEYS.ticket.partition(ticketId), { consistent })) {
      const kind = kindOf(stored);
      if (kind === KINDS.ticket) ticket = decode(TicketRecord, stored);
      else if (kind === KINDS.message) messages.push(decode(MessageRecord, stored));
      else if (kind === KINDS.history) history.push(decode(HistoryRecord, stored));
    }
    return { ticket, messages, history } satisfies Thread;
  },

  async ticket(ticketId) {
    const stored = await getItem(KEYS.ticket.item(ticketId), { consistent: true });
    return stored ? decode(TicketRecord, stored) : undefined;
  },

  async ticketAndProfiles(ticketId, userIds) {
    const [stored, ...people] = await getItems([KEYS.ticket.item(ticketId), ...userIds.map(profileKey)], {
      consistent: true,
    });
    const profiles = new Map<string, Profile>();
    for (const person of people) {
      if (!person) continue;
      const profile = decodeProfile(person);
      profiles.set(profile.userId, profile);
    }
    return { ticket: stored ? decode(TicketRecord, stored) : undefined, profiles };
  },

  listByRequester(requesterId, options) {
    return ticketPage(gsi1, KEYS.ticket.requesterPartition(requesterId), 'newest', options);
  },

  listWork(list, options) {
    return list.index === 'assignee'
      ? ticketPage(TABLE_KEYS.gsi3, KEYS.ticket.assigneePartition(list.userId), 'earliest due', options)
      : ticketPage(gsi2, KEYS.ticket.teamPartition(list.teamId), 'earliest due', options, list.unassignedOnly);
  },

  /**
   * A message does not depend on the ticket's version, only on the status its lifecycle step
   * started from: the ticket is updated on that condition, its version incremented in place,
   * so people answering at once do not make each other retry. The version returned is the one
   * this write made; if another landed too, a client's If-Match with it gets the 409 it should.
   */
  async addMessage(ticket, message, status, history, notifications: readonly OutboxMessage[] = [], sla = ticket.sla) {
    const updated: TicketRecord = {
      ...ticket,
      status,
      ...(sla ? { sla } : {}),
      updatedAt: message.createdAt,
      version: ticket.version + 1,
    };
    await transact(
      [
        putMessage(message),
        { Update: { Key: { ...KEYS.ticket.item(ticket.ticketId) }, ...messageUpdate(ticket, updated, message) } },
        ...(history ? [putHistory(history)] : []),
        ...notifications.map(outboxPut),
      ],
      staleTicket,
    );
    return updated;
  },

  async update(ticket, expectedVersion, history, notifications, references: References) {
    const checks = [
      ...(references.teamId
        ? [['teamId', belongsToOrganisation('team', references.teamId, ticket.organisationId)] as const]
        : []),
      ...(references.topicId
        ? [['topicId', belongsToOrganisation('topic', references.topicId, ticket.organisationId)] as const]
        : []),
    ];
    await transact(
      [
        putTicketAtVersion(ticket, expectedVersion),
        ...history.map(putHistory),
        ...notifications.map(outboxPut),
        ...checks.map(([, check]) => check),
      ],
      (reasons) => {
        const firstCheck = 1 + history.length + notifications.length;
        const gone = checks.filter((_, index) => reasons[firstCheck + index] === 'ConditionalCheckFailed');
        if (gone.length > 0 && reasons[0] !== 'ConditionalCheckFailed') {
          return new ValidationFailed(
            gone.map(([path]) => ({ path, message: `No such ${path === 'teamId' ? 'team' : 'topic'} here.` })),
          );
        }
        return staleTicket();
      },
    );
    return ticket;
  },
};
