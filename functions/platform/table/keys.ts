/**
 * The single table's key design, in one place: attribute and index names (the CDK table is
 * built from them) and the key of every kind of item. Prefixes keep kinds apart within a
 * partition; ids are UUIDs or slugs, so they never contain the `#` separator.
 */
export const TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** A requester's tickets, newest first. */
  gsi1: { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** A team's work queue: its open tickets, ordered by the next SLA due time (sparse). */
  gsi2: { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /** A member of staff's assigned open tickets, ordered by the next SLA due time (sparse). */
  gsi3: { indexName: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
  /**
   * What the sweeper must do in an organisation, by when (sparse): tickets to warn of, escalate
   * or close, and staff mail held until opening time. Ordered by that instant, so each run reads
   * only what has come due.
   */
  gsi4: { indexName: 'gsi4', partitionKey: 'gsi4pk', sortKey: 'gsi4sk' },
  /** Epoch seconds after which DynamoDB may delete the item. */
  ttl: 'ttl',
} as const;

export const GLOBAL_INDEXES = [TABLE_KEYS.gsi1, TABLE_KEYS.gsi2, TABLE_KEYS.gsi3, TABLE_KEYS.gsi4] as const;

/**
 * Every item names its kind in this attribute. The outbox stream's event-source filter (CDK)
 * and the local stream poller both select new outbox items by it.
 */
export const KIND_ATTRIBUTE = '_kind';
export const KINDS = {
  organisation: 'organisation',
  calendar: 'calendar',
  slaPolicy: 'slaPolicy',
  team: 'team',
  topic: 'topic',
  ticket: 'ticket',
  message: 'message',
  history: 'history',
  ticketSequence: 'ticketSequence',
  monthlyCount: 'monthlyCount',
  outbox: 'outbox',
  profile: 'profile',
  idempotency: 'idempotency',
  limitCounter: 'limitCounter',
  workload: 'workload',
  rotation: 'rotation',
  heldMail: 'heldMail',
  backlog: 'backlog',
  audit: 'audit',
  mailSuppression: 'mailSuppression',
  autoAnswer: 'autoAnswer',
  attachment: 'attachment',
  attachmentCount: 'attachmentCount',
  formRequest: 'formRequest',
  formRequestEntry: 'formRequestEntry',
} as const;
export type Kind = (typeof KINDS)[keyof typeof KINDS];

export type ItemKey = { readonly pk: string; readonly sk: string };

const key = (pk: string, sk: string): ItemKey => ({ pk, sk });
const CATALOGUE = 'CATALOGUE';
const ticketPartition = (ticketId: string) => `TICKET#${ticketId}`;

export const KEYS = {
  /**
   * Organisations, their calendars and SLA policies, teams and topics share one partition: the
   * whole catalogue is one Query. Each is its own item, so each has its own version.
   */
  catalogue: {
    partition: CATALOGUE,
    organisation: (id: string) => key(CATALOGUE, `ORGANISATION#${id}`),
    calendar: (organisationId: string) => key(CATALOGUE, `CALENDAR#${organisationId}`),
    slaPolicy: (organisationId: string) => key(CATALOGUE, `SLAPOLICY#${organisationId}`),
    team: (id: string) => key(CATALOGUE, `TEAM#${id}`),
    topic: (id: string) => key(CATALOGUE, `TOPIC#${id}`),
  },
  /** A ticket, its messages and its history share a partition: the ticket page is one Query. */
  ticket: {
    partition: ticketPartition,
    item: (ticketId: string) => key(ticketPartition(ticketId), '#TICKET'),
    message: (ticketId: string, messageId: string) => key(ticketPartition(ticketId), `MESSAGE#${messageId}`),
    history: (ticketId: string, entryId: string) => key(ticketPartition(ticketId), `HISTORY#${entryId}`),
    /** A file attached to the ticket: read with the thread, in the same Query. */
    attachment: (ticketId: string, attachmentId: string) =>
      key(ticketPartition(ticketId), `ATTACHMENT#${attachmentId}`),
    /** How many files the ticket has been given: each declaration counts, under a ceiling. */
    attachmentCount: (ticketId: string) => key(ticketPartition(ticketId), '#ATTACHMENTS'),
    /** gsi1: the requester's tickets, newest first. */
    byRequester: (requesterId: string, createdAt: string, ticketId: string) => ({
      [TABLE_KEYS.gsi1.partitionKey]: `REQUESTER#${requesterId}`,
      [TABLE_KEYS.gsi1.sortKey]: `${createdAt}#${ticketId}`,
    }),
    requesterPartition: (requesterId: string) => `REQUESTER#${requesterId}`,
    /** gsi2: the team's queue, by `due` (next due time, then ticket id). */
    inTeam: (teamId: string, due: string) => ({
      [TABLE_KEYS.gsi2.partitionKey]: `TEAM#${teamId}`,
      [TABLE_KEYS.gsi2.sortKey]: due,
    }),
    teamPartition: (teamId: string) => `TEAM#${teamId}`,
    /** gsi3: what a member of staff has assigned, by `due`. */
    assignedTo: (userId: string, due: string) => ({
      [TABLE_KEYS.gsi3.partitionKey]: `ASSIGNEE#${userId}`,
      [TABLE_KEYS.gsi3.sortKey]: due,
    }),
    assigneePartition: (userId: string) => `ASSIGNEE#${userId}`,
  },
  /** gsi4: the sweeper's work in an organisation, by the instant it comes due (then the item's id). */
  sweep: {
    partition: (organisationId: string) => `SWEEP#${organisationId}`,
    entry: (organisationId: string, at: string, id: string) => ({
      [TABLE_KEYS.gsi4.partitionKey]: `SWEEP#${organisationId}`,
      [TABLE_KEYS.gsi4.sortKey]: `${at}#${id}`,
    }),
    /** The greatest sort key of what is due at `at`: ISO instants of one length sort as they fall. */
    dueBy: (at: string) => `${at}#~`,
  },
  /** Staff mail held until the organisation's opening time, beside the ticket's outbox. */
  heldMail: (ticketId: string, notificationId: string) => key(`OUTBOX#${ticketId}`, `HELD#${notificationId}`),
  /** Last human number handed out per organisation and year. */
  ticketSequence: (organisationId: string, year: number) => key(`SEQUENCE#${organisationId}#${year}`, '#SEQUENCE'),
  /** Counters for the monthly report, one per dimension value: a month's report is one Query. */
  monthlyCount: (organisationId: string, month: string, dimension: string, value: string) =>
    key(`COUNTS#${organisationId}#${month}`, `${dimension}#${value}`),
  monthlyCounts: (organisationId: string, month: string) => `COUNTS#${organisationId}#${month}`,
  /**
   * The net change of an organisation's unresolved tickets in each month: the backlog at a
   * month's end is the sum of its months up to then, one Query of a partition of months.
   */
  backlog: {
    partition: (organisationId: string) => `BACKLOG#${organisationId}`,
    month: (organisationId: string, month: string) => key(`BACKLOG#${organisationId}`, month),
  },
  /** Changes made through administration, per organisation, newest last. */
  audit: {
    partition: (organisationId: string) => `AUDIT#${organisationId}`,
    entry: (organisationId: string, at: string, id: string) => key(`AUDIT#${organisationId}`, `${at}#${id}`),
  },
  /**
   * Mails waiting to be sent, a partition per ticket: the stream keeps the order of writes to
   * one partition key, so a ticket's mails arrive in the order they were written.
   */
  outbox: (ticketId: string, notificationId: string) => key(`OUTBOX#${ticketId}`, `MAIL#${notificationId}`),
  profile: (userId: string) => key(`USER#${userId}`, '#PROFILE'),
  /** How many open tickets a member of staff holds: written with every change that gives or takes one. */
  workload: (userId: string) => key(`USER#${userId}`, '#WORKLOAD'),
  /** Who was given a team's last automatically assigned ticket: where its round-robin goes on from. */
  rotation: (teamId: string) => key(`ROTATION#${teamId}`, '#ROTATION'),
  /** gsi1: an organisation's staff, on their profiles (sparse: only profiles with a staff part). */
  staff: {
    partition: (organisationId: string) => `STAFF#${organisationId}`,
    entry: (organisationId: string, userId: string) => ({
      [TABLE_KEYS.gsi1.partitionKey]: `STAFF#${organisationId}`,
      [TABLE_KEYS.gsi1.sortKey]: userId,
    }),
  },
  /** Filings per hashed address or client in one hour or day, deleted by TTL when the window ends. */
  limitCounter: (subject: string, window: string) => key(`LIMIT#${subject}`, window),
  /**
   * An address SES reported as hard-bounced or complaining: no notification goes to it again.
   * Keyed by the SHA-256 of the lower-cased address, so the key carries no personal data.
   */
  mailSuppression: (addressHash: string) => key(`SUPPRESSED#${addressHash}`, '#SUPPRESSED'),
  /**
   * The automatic answer to a reply mail, one per sender (hashed), ticket (or `generic`, for the
   * answer naming no ticket) and UTC day: written with a condition, deleted by TTL after the day.
   */
  autoAnswer: (senderHash: string, day: string, ticketRef: string) =>
    key(`AUTOANSWER#${senderHash}`, `${day}#${ticketRef}`),
  /** What a request with an Idempotency-Key did, kept a day (Powertools idempotency records). */
  idempotency: (hash: string) => key('IDEMPOTENCY', hash),
} as const;

/**
 * Apart from KEYS so that only the functions that use them bundle them (an object's properties
 * are not tree-shaken; a module's unused constants are).
 *
 * A department's form request and its history share a partition: its page is one Query. It is
 * listed for its department (gsi1) and for the directorate and technical office (gsi2), newest
 * first, and sits on gsi4 while a reminder or an escalation is due.
 */
export const FORM_REQUEST_KEYS = {
  partition: (requestId: string) => `FORMREQUEST#${requestId}`,
  item: (requestId: string) => key(`FORMREQUEST#${requestId}`, '#REQUEST'),
  entry: (requestId: string, at: string, id: string) => key(`FORMREQUEST#${requestId}`, `HISTORY#${at}#${id}`),
  byDepartment: (userId: string, createdAt: string, requestId: string) => ({
    [TABLE_KEYS.gsi1.partitionKey]: `FORMREQUESTS#${userId}`,
    [TABLE_KEYS.gsi1.sortKey]: `${createdAt}#${requestId}`,
  }),
  departmentPartition: (userId: string) => `FORMREQUESTS#${userId}`,
  all: (createdAt: string, requestId: string) => ({
    [TABLE_KEYS.gsi2.partitionKey]: 'FORMREQUESTS',
    [TABLE_KEYS.gsi2.sortKey]: `${createdAt}#${requestId}`,
  }),
  allPartition: 'FORMREQUESTS',
  /** Upper case, so no organisation's slug can share the sweep partition. */
  deadline: (at: string, requestId: string) => ({
    [TABLE_KEYS.gsi4.partitionKey]: 'SWEEP#FORMREQUESTS',
    [TABLE_KEYS.gsi4.sortKey]: `${at}#${requestId}`,
  }),
  deadlinePartition: 'SWEEP#FORMREQUESTS',
} as const;
