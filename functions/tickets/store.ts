import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { belongsToOrganisation, findOrganisation, loadCatalogue, topicLevels } from '../catalogue';
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
import { decodeProfile, type Profile, profileKey, staffOf } from '../profiles';
import { counterUpdates, countsOfChange, countsOfRating } from '../reports';
import { DEFAULT_TIME_ZONE, TicketSla } from '../sla/domain/index';
import { type LimitCounter, limitReached } from './domain/limits';
import {
  AttachmentRecord,
  HistoryRecord,
  MessageRecord,
  type NewTicket,
  type Page,
  type Thread,
  TicketRecord,
} from './domain/model';
import { formatTicketNumber } from './domain/numbering';
import type { ListOptions, TicketStore } from './domain/ports';
import { queuePlace, sweepAt, workloadChanges } from './domain/queues';

const { gsi1, gsi2, gsi3, gsi4 } = TABLE_KEYS;

/**
 * The ticket's keys on the indexes that find it by what is due: its team's and its assignee's
 * work queues (gsi2, gsi3) and the sweeper's (gsi4). An absent key takes it off that index.
 */
function indexKeys(ticket: TicketRecord): Record<string, string> {
  const place = queuePlace(ticket);
  const sweep = sweepAt(ticket);
  return {
    ...(place?.teamId ? KEYS.ticket.inTeam(place.teamId, place.due) : {}),
    ...(place?.assigneeId ? KEYS.ticket.assignedTo(place.assigneeId, place.due) : {}),
    ...(sweep ? KEYS.sweep.entry(ticket.organisationId, sweep, ticket.ticketId) : {}),
  };
}
const INDEX_KEY_NAMES = [gsi2, gsi3, gsi4].flatMap((index) => [index.partitionKey, index.sortKey]);

/**
 * The ticket as stored, with every index key its state gives it (bulk loads use it too: the
 * benchmark's thousands of open tickets).
 */
export const storedTicket = (ticket: TicketRecord) =>
  item(KINDS.ticket, KEYS.ticket.item(ticket.ticketId), {
    ...ticket,
    ...KEYS.ticket.byRequester(ticket.requesterId, ticket.createdAt, ticket.ticketId),
    ...indexKeys(ticket),
  });

/** The open tickets each member of staff holds, moved by a change (see workloadChanges). */
const countWorkload = (before: TicketRecord | undefined, after: TicketRecord): TransactItem[] =>
  workloadChanges(before, after).map(([userId, change]) => ({
    Update: {
      Key: { ...KEYS.workload(userId) },
      ...updateOf({ set: { [KIND_ATTRIBUTE]: KINDS.workload, userId }, add: { open: change } }),
    },
  }));

/**
 * One more open ticket for the agent automatic assignment chose, on the condition that they
 * still hold as many as it saw: two filings that chose by the same count cannot both count on it.
 */
function claimWorkload(userId: string, seen: number): TransactItem {
  const update = updateOf({ set: { [KIND_ATTRIBUTE]: KINDS.workload, userId }, add: { open: 1 } });
  return {
    Update: {
      Key: { ...KEYS.workload(userId) },
      ...update,
      ConditionExpression: seen === 0 ? 'attribute_not_exists(#open) OR #open = :seen' : '#open = :seen',
      ExpressionAttributeNames: { ...update.ExpressionAttributeNames, '#open': 'open' },
      ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':seen': seen },
    },
  };
}

const setRotation = (teamId: string, userId: string): TransactItem => ({
  Update: {
    Key: { ...KEYS.rotation(teamId) },
    ...updateOf({ set: { [KIND_ATTRIBUTE]: KINDS.rotation, lastAssigneeId: userId } }),
  },
});

/**
 * Tries of automatic assignment against filings at the same moment, before the ticket waits in
 * the team's queue instead. Filings at once all choose the least-loaded agent and one wins each
 * round, so this is about how many may file for one team in the same instant.
 */
const ASSIGNMENT_ATTEMPTS = 12;
/** Jittered, so the losers of a round do not all come back together. */
const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 5)));

/** A filing lost a race for an agent's count to another: choose again. */
class AssignmentContended extends Error {}

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
    Item: storedTicket(ticket),
    ConditionExpression: '#version = :version',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: { ':version': version },
  },
});

const staleTicket = () => new Conflict('The ticket changed meanwhile; reload it and try again.');

/** Next human number of an organisation's year: one atomic increment, so each is handed out once. */
async function nextNumber({ organisationId, createdAt }: NewTicket): Promise<number> {
  const year = Number(createdAt.slice(0, 4));
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

/**
 * What a change adds to the monthly indicators' counters, as items of its own transaction: the
 * figures can never disagree with the tickets. The catalogue (for the organisation's calendar
 * and the topic's levels) is the instance's cached one.
 */
async function reportCounts(before: TicketRecord | undefined, after: TicketRecord): Promise<TransactItem[]> {
  const catalogue = await loadCatalogue();
  const calendar = findOrganisation(catalogue, after.organisationId)?.calendar;
  const counts = countsOfChange(before, after, {
    timeZone: calendar?.timeZone ?? DEFAULT_TIME_ZONE,
    ...(calendar ? { calendar } : {}),
    topicLevels: topicLevels(catalogue, after.topicId),
  });
  return counterUpdates(after.organisationId, counts);
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

/**
 * What a filing reads before it writes, in one consistent BatchGet: the first full abuse-limit
 * counter (so a refused filing writes nothing), and for automatic assignment each candidate's
 * open tickets and whom the team's last ticket went to. Consistent, as the conditions that
 * follow will see them.
 */
async function readBeforeFiling(
  counters: readonly LimitCounter[],
  candidates: readonly string[],
  teamId: string | undefined,
): Promise<{ full?: LimitCounter; openTickets: Map<string, number>; previous?: string }> {
  const keys = [
    ...counters.map((counter) => KEYS.limitCounter(counter.subject, counter.window)),
    ...candidates.map((userId) => KEYS.workload(userId)),
    ...(teamId && candidates.length > 0 ? [KEYS.rotation(teamId)] : []),
  ];
  if (keys.length === 0) return { openTickets: new Map() };
  const stored = await getItems(keys, { consistent: true });
  const full = counters.find((counter, index) => Number(stored[index]?.count ?? 0) >= counter.limit);
  const openTickets = new Map(
    candidates.map((userId, index) => [userId, Number(stored[counters.length + index]?.open ?? 0)]),
  );
  const previous = stored[counters.length + candidates.length]?.lastAssigneeId;
  return { ...(full ? { full } : {}), openTickets, ...(typeof previous === 'string' ? { previous } : {}) };
}

/** The SLA clock's own fields: all but the marks the sweeper keeps of the alerts it sent. */
const CLOCK_FIELDS = (Object.keys(TicketSla.shape) as (keyof TicketSla)[]).filter(
  (field) => field !== 'warned' && field !== 'escalated',
);

/**
 * How a message moves the ticket: its status, on the condition that it is still the one the
 * lifecycle step started from, and its version incremented in place. A status change writes
 * the SLA clock (the condition lets one such change through), all but the sweeper's marks; a
 * reply that changes only the first response sets it unless another reply at the same moment
 * already did.
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
  const remove: string[] = [];
  if (sla && sla !== ticket.sla) {
    names['#sla'] = 'sla';
    if (!ticket.sla) {
      set.push('#sla = :sla');
      values[':sla'] = sla;
    } else if (status !== ticket.status) {
      // The clock, field by field, but not the sweeper's marks of the alerts it sent: a sweep
      // landing between this step's read and this write keeps them, and sends nothing twice.
      CLOCK_FIELDS.forEach((field, index) => {
        names[`#c${index}`] = field;
        if (sla[field] === undefined) remove.push(`#sla.#c${index}`);
        else {
          set.push(`#sla.#c${index} = :c${index}`);
          values[`:c${index}`] = sla[field];
        }
      });
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
  if (ticket.autoCloseAt && !updated.autoCloseAt) {
    names['#autoCloseAt'] = 'autoCloseAt';
    remove.push('#autoCloseAt');
  }
  const keys = indexKeys(updated);
  INDEX_KEY_NAMES.forEach((name, index) => {
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
  async file(ticket: NewTicket, first, history, numberPrefix, notify, counters, assignment) {
    const now = new Date(ticket.createdAt);
    const candidates = assignment ? assignment.eligible(await staffOf(ticket.organisationId)) : [];
    let number: string | undefined;
    for (let attempt = 1; ; attempt++) {
      // After a few lost races the ticket waits in its team's queue rather than keep its requester waiting.
      const choosing = candidates.length > 0 && attempt < ASSIGNMENT_ATTEMPTS ? candidates : [];
      if (attempt > 1) await pause(attempt);
      const read = await readBeforeFiling(
        counters,
        choosing.map((agent) => agent.userId),
        assignment?.teamId,
      );
      if (read.full) throw limitReached(read.full, now);
      // An atomic increment hands out each number once, however many file at the same moment.
      // (A number check inside the transaction made concurrent filings retry each other: at 16 at
      // once most timed out.) The price: a filing whose transaction then fails leaves a gap.
      number ??= formatTicketNumber(numberPrefix, Number(ticket.createdAt.slice(0, 4)), await nextNumber(ticket));
      let record: TicketRecord = { ...ticket, number };
      const assigning: TransactItem[] = [];
      if (assignment && choosing.length > 0) {
        const chosen = assignment.choose(
          choosing.map((agent) => agent.userId),
          read.openTickets,
          read.previous,
        );
        const agent = choosing.find((candidate) => candidate.userId === chosen) as Profile;
        record = { ...record, assigneeId: agent.userId, assigneeName: agent.name };
        const given = assignment.given(record, agent);
        assigning.push(
          claimWorkload(agent.userId, read.openTickets.get(agent.userId) ?? 0),
          setRotation(assignment.teamId, agent.userId),
          putHistory(given.history),
          outboxPut(given.notification),
        );
      }
      const items: TransactItem[] = [
        {
          Put: {
            Item: storedTicket(record),
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
          },
        },
        putMessage(first),
        putHistory(history),
        ...notify(record).map(outboxPut),
        ...(await reportCounts(undefined, record)),
        ...counters.map(countAgainstLimit),
        ...assigning,
      ];
      try {
        await transact(items, (reasons) => {
          // Filings at once can fill a counter between the read and this write.
          const offset = items.length - assigning.length - counters.length;
          const counter = counters.find((_, i) => reasons[offset + i] === 'ConditionalCheckFailed');
          if (counter) return limitReached(counter, now);
          const raced = reasons.some((reason) => reason === 'TransactionConflict');
          const claimLost =
            assigning.length > 0 && reasons[items.length - assigning.length] === 'ConditionalCheckFailed';
          return raced || claimLost
            ? new AssignmentContended()
            : new Conflict('The ticket could not be filed; try again.');
        });
        return record;
      } catch (error) {
        if (!(error instanceof AssignmentContended)) throw error;
        if (attempt > ASSIGNMENT_ATTEMPTS) throw new Conflict('The ticket could not be filed; try again.');
      }
    }
  },

  async thread(ticketId, { consistent = false } = {}) {
    let ticket: TicketRecord | undefined;
    const messages: MessageRecord[] = [];
    const attachments: AttachmentRecord[] = [];
    const history: HistoryRecord[] = [];
    for (const stored of await queryPartition(KEYS.ticket.partition(ticketId), { consistent })) {
      const kind = kindOf(stored);
      if (kind === KINDS.ticket) ticket = decode(TicketRecord, stored);
      else if (kind === KINDS.message) messages.push(decode(MessageRecord, stored));
      else if (kind === KINDS.attachment) attachments.push(decode(AttachmentRecord, stored));
      else if (kind === KINDS.history) history.push(decode(HistoryRecord, stored));
    }
    return { ticket, messages, attachments, history } satisfies Thread;
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
    // Only a resolved ticket closes itself; reopening it stops that.
    const { autoCloseAt, ...rest } = ticket;
    const updated: TicketRecord = {
      ...rest,
      ...(status === 'resolved' && autoCloseAt ? { autoCloseAt } : {}),
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
        ...countWorkload(ticket, updated),
        ...(await reportCounts(ticket, updated)),
      ],
      staleTicket,
    );
    return updated;
  },

  async update({ before, after, expectedVersion, history = [], notifications = [], references = {} }) {
    const checks = [
      ...(references.teamId
        ? [['teamId', belongsToOrganisation('team', references.teamId, after.organisationId)] as const]
        : []),
      ...(references.topicId
        ? [['topicId', belongsToOrganisation('topic', references.topicId, after.organisationId)] as const]
        : []),
    ];
    await transact(
      [
        putTicketAtVersion(after, expectedVersion),
        ...history.map(putHistory),
        ...notifications.map(outboxPut),
        ...checks.map(([, check]) => check),
        ...countWorkload(before, after),
        ...(await reportCounts(before, after)),
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
    return after;
  },

  async rate(ticket, satisfaction) {
    const catalogue = await loadCatalogue();
    const timeZone = findOrganisation(catalogue, ticket.organisationId)?.calendar?.timeZone ?? DEFAULT_TIME_ZONE;
    const score = satisfaction.score as 1 | 2 | 3 | 4 | 5;
    const counts = countsOfRating(ticket, score, new Date(satisfaction.ratedAt), timeZone);
    await transact(
      [
        {
          Update: {
            Key: { ...KEYS.ticket.item(ticket.ticketId) },
            UpdateExpression: 'SET #satisfaction = :satisfaction ADD #version :one',
            // Once per ticket, and only while it is resolved or closed: whatever else changed meanwhile.
            ConditionExpression: 'attribute_not_exists(#satisfaction) AND #status IN (:resolved, :closed)',
            ExpressionAttributeNames: { '#satisfaction': 'satisfaction', '#version': 'version', '#status': 'status' },
            ExpressionAttributeValues: {
              ':satisfaction': satisfaction,
              ':one': 1,
              ':resolved': 'resolved',
              ':closed': 'closed',
            },
          },
        },
        ...counterUpdates(ticket.organisationId, counts),
      ],
      () => new Conflict('This ticket has been rated already, or is no longer resolved.'),
    );
    return { ...ticket, satisfaction, version: ticket.version + 1 };
  },
};
