import { Entity, Service } from 'electrodb';
import { readEnv } from '../shared/env';
import { documentClient } from './dynamodb-client';
import { OUTBOX_ENTITY, TABLE_KEYS } from './keys';

/**
 * The single table's entities and collections, declared once. Access patterns:
 * - `catalogue`: organisations, teams and topics in one partition, read with one Query;
 * - `thread`: a ticket, its messages and history in one item collection, read with one Query;
 * - `byRequester` (gsi1): a requester's tickets, newest first;
 * - ticket number sequences and monthly counters, written in the filing transaction.
 */
const table = readEnv('tableName').tableName;
const service = 'finestreta';
const { partitionKey: pk, sortKey: sk, gsi1 } = TABLE_KEYS;

const catalogueIndex = <K extends string>(key: K) =>
  ({
    collection: 'catalogue',
    pk: { field: pk, composite: [] as [] },
    sk: { field: sk, composite: [key] as [K] },
  }) as const;

export const OrganisationEntity = new Entity(
  {
    model: { entity: 'organisation', version: '1', service },
    attributes: {
      organisationId: { type: 'string', required: true },
      definition: { type: 'any', required: true },
    },
    indexes: { record: catalogueIndex('organisationId') },
  },
  { table, client: documentClient },
);

export const TeamEntity = new Entity(
  {
    model: { entity: 'team', version: '1', service },
    attributes: {
      teamId: { type: 'string', required: true },
      definition: { type: 'any', required: true },
    },
    indexes: { record: catalogueIndex('teamId') },
  },
  { table, client: documentClient },
);

export const TopicEntity = new Entity(
  {
    model: { entity: 'topic', version: '1', service },
    attributes: {
      topicId: { type: 'string', required: true },
      definition: { type: 'any', required: true },
    },
    indexes: { record: catalogueIndex('topicId') },
  },
  { table, client: documentClient },
);

export const TicketEntity = new Entity(
  {
    model: { entity: 'ticket', version: '1', service },
    attributes: {
      ticketId: { type: 'string', required: true },
      organisationId: { type: 'string', required: true },
      number: { type: 'string', required: true },
      type: { type: 'string', required: true },
      status: { type: 'string', required: true },
      priority: { type: 'string', required: true },
      topicId: { type: 'string', required: true },
      subject: { type: 'string', required: true },
      description: { type: 'string', required: true },
      fields: { type: 'any' },
      channel: { type: 'string', required: true },
      impact: { type: 'any' },
      callback: { type: 'any' },
      requesterId: { type: 'string', required: true },
      requesterName: { type: 'string', required: true },
      requesterEmail: { type: 'string', required: true },
      requesterLanguage: { type: 'string', required: true },
      guestTokenHash: { type: 'string' },
      teamId: { type: 'string' },
      assigneeId: { type: 'string' },
      sla: { type: 'any' },
      satisfaction: { type: 'any' },
      createdAt: { type: 'string', required: true },
      updatedAt: { type: 'string', required: true },
      version: { type: 'number', required: true },
    },
    indexes: {
      record: { collection: 'thread', pk: { field: pk, composite: ['ticketId'] }, sk: { field: sk, composite: [] } },
      byRequester: {
        index: gsi1.indexName,
        pk: { field: gsi1.partitionKey, composite: ['requesterId'] },
        sk: { field: gsi1.sortKey, composite: ['createdAt', 'ticketId'] },
      },
    },
  },
  { table, client: documentClient },
);

export const MessageEntity = new Entity(
  {
    model: { entity: 'message', version: '1', service },
    attributes: {
      ticketId: { type: 'string', required: true },
      messageId: { type: 'string', required: true },
      authorKind: { type: ['requester', 'staff', 'system'] as const, required: true },
      authorId: { type: 'string' },
      authorName: { type: 'string', required: true },
      body: { type: 'string', required: true },
      internal: { type: 'boolean', required: true, default: false },
      requestsInfo: { type: 'boolean', default: false },
      createdAt: { type: 'string', required: true },
    },
    indexes: {
      record: {
        collection: 'thread',
        pk: { field: pk, composite: ['ticketId'] },
        sk: { field: sk, composite: ['messageId'] },
      },
    },
  },
  { table, client: documentClient },
);

export const HistoryEntity = new Entity(
  {
    model: { entity: 'history', version: '1', service },
    attributes: {
      ticketId: { type: 'string', required: true },
      entryId: { type: 'string', required: true },
      action: { type: 'string', required: true },
      from: { type: 'string' },
      to: { type: 'string' },
      byId: { type: 'string' },
      byName: { type: 'string', required: true },
      at: { type: 'string', required: true },
    },
    indexes: {
      record: {
        collection: 'thread',
        pk: { field: pk, composite: ['ticketId'] },
        sk: { field: sk, composite: ['entryId'] },
      },
    },
  },
  { table, client: documentClient },
);

/** Last human number handed out per organisation and year. */
export const TicketSequenceEntity = new Entity(
  {
    model: { entity: 'ticketSequence', version: '1', service },
    attributes: {
      organisationId: { type: 'string', required: true },
      year: { type: 'number', required: true },
      last: { type: 'number', required: true },
    },
    indexes: {
      record: { pk: { field: pk, composite: ['organisationId', 'year'] }, sk: { field: sk, composite: [] } },
    },
  },
  { table, client: documentClient },
);

/** Monthly counters for the supervisors' report: one item per organisation, month and dimension value. */
export const MonthlyCountEntity = new Entity(
  {
    model: { entity: 'monthlyCount', version: '1', service },
    attributes: {
      organisationId: { type: 'string', required: true },
      month: { type: 'string', required: true },
      dimension: { type: 'string', required: true },
      value: { type: 'string', required: true },
      count: { type: 'number', default: 0 },
    },
    indexes: {
      record: {
        pk: { field: pk, composite: ['organisationId', 'month'] },
        sk: { field: sk, composite: ['dimension', 'value'] },
      },
    },
  },
  { table, client: documentClient },
);

/** Staff profile: which organisation an agent or supervisor works for, and in which teams. */
export const AgentEntity = new Entity(
  {
    model: { entity: 'agent', version: '1', service },
    attributes: {
      userId: { type: 'string', required: true },
      organisationId: { type: 'string', required: true },
      name: { type: 'string', required: true },
      teamIds: { type: 'list', items: { type: 'string' }, default: [] },
      topicIds: { type: 'list', items: { type: 'string' }, default: [] },
      supervisor: { type: 'boolean', default: false },
    },
    indexes: { record: { pk: { field: pk, composite: ['userId'] }, sk: { field: sk, composite: [] } } },
  },
  { table, client: documentClient },
);

/** Mails waiting to be sent: written with the change they report, delivered from the table's stream. */
export const OutboxEntity = new Entity(
  {
    model: { entity: OUTBOX_ENTITY.name, version: '1', service },
    attributes: {
      notificationId: { type: 'string', required: true },
      event: { type: 'string', required: true },
      ticketId: { type: 'string', required: true },
      number: { type: 'string', required: true },
      subject: { type: 'string', required: true },
      requesterName: { type: 'string', required: true },
      requesterEmail: { type: 'string', required: true },
      language: { type: 'string', required: true },
      guest: { type: 'boolean', required: true },
      message: { type: 'string' },
      createdAt: { type: 'string', required: true },
      /** Kept a week for investigation, then removed by the table's TTL. */
      ttl: { type: 'number', required: true },
    },
    indexes: {
      record: {
        pk: { field: pk, composite: ['ticketId'] },
        sk: { field: sk, composite: ['notificationId'] },
      },
    },
  },
  { table, client: documentClient },
);

export const store = new Service(
  {
    organisation: OrganisationEntity,
    team: TeamEntity,
    topic: TopicEntity,
    ticket: TicketEntity,
    message: MessageEntity,
    history: HistoryEntity,
    ticketSequence: TicketSequenceEntity,
    monthlyCount: MonthlyCountEntity,
    outbox: OutboxEntity,
  },
  { table, client: documentClient },
);
