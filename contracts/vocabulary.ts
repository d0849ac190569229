/**
 * The words the API, the portal and the back end share: languages, roles, ticket types,
 * statuses, priorities, channels and form field types. Plain constants, no dependencies, so
 * every side (Lambdas, domain, CDK, web) imports the same lists.
 */

/** Catalan (default), Spanish, Aranese (Occitan) and English. */
export const LANGUAGES = ['ca', 'es', 'oc', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'ca';

/** Cognito groups. A citizen with an account has none. */
export const GROUPS = ['agent', 'supervisor', 'admin', 'reviewer', 'operator', 'department'] as const;
export type Group = (typeof GROUPS)[number];
/** Groups whose members work tickets, given a staff profile in the ticket's organisation. */
export const STAFF_GROUPS = ['agent', 'supervisor'] as const satisfies readonly Group[];
/** Groups that administer an organisation (supervisors, their own) or any (admins), and read its indicators. */
export const ADMIN_GROUPS = ['supervisor', 'admin'] as const satisfies readonly Group[];

export const TICKET_TYPES = ['incident', 'request', 'query', 'complaint', 'suggestion', 'callback'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const STATUSES = ['open', 'in_progress', 'waiting_on_requester', 'forwarded', 'resolved', 'closed'] as const;
export type Status = (typeof STATUSES)[number];

/** ITIL priority: P1 (high impact, high urgency) … P5 (low, low). */
export const PRIORITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Staff views of the tickets list (GET /tickets?view=). */
export const WORK_VIEWS = ['queue', 'assigned', 'team'] as const;
export type WorkView = (typeof WORK_VIEWS)[number];

export const CHANNELS = ['web', 'phone', 'email', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Call-back slots of the town hall's "Call me" service: morning 8–14, afternoon 14–20. */
export const CALLBACK_SLOTS = ['morning', 'afternoon'] as const;
export type CallbackSlot = (typeof CALLBACK_SLOTS)[number];

export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'corporate_email',
  'national_id',
  'phone',
  'select',
  'multiselect',
  'checkbox',
  'date',
  'number',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const HISTORY_ACTIONS = [
  'created',
  'status_changed',
  'assigned',
  'forwarded',
  'priority_changed',
  'topic_changed',
  /** Staff only: whoever held the ticket was warned that a commitment (`to`) was nearing its due time (`from`). */
  'sla_warning',
  /** Staff only: a commitment (`to`) passed its due time (`from`) and was escalated to the supervisors. */
  'sla_escalated',
] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const AUTHOR_KINDS = ['requester', 'staff', 'system'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];
