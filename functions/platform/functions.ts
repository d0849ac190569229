import type { RouteSpec } from '../../contracts/http';
import { ROUTE_KEYS, ROUTES, type RouteKey } from '../../contracts/routes';
import type { EnvKey } from './env';
import type { LogMetric } from './log-metrics';

/**
 * What each Lambda function touches. The CDK app turns `uses` into IAM grants and
 * environment variables; the local gateway and the benchmark find handlers by `entry`.
 */
export type Capability =
  | 'table:read'
  | 'table:write'
  | 'mail:send'
  /** DescribeTable, HeadBucket, SES GetAccount (no resource-level permission exists) and the issuer's JWKS. */
  | 'health:probe'
  /** Seals list cursors with the stack's secret (platform/table/cursor.ts). */
  | 'cursors:seal'
  /** Files tickets under the stage's abuse limits (tickets/domain/limits.ts). */
  | 'tickets:file'
  /** Signs the tokens of links it mails or whose hash it stores (platform/links.ts). */
  | 'links:sign'
  /**
   * Presigns uploads to and downloads from the attachments bucket's ticket prefix: the URLs act
   * with the function's own permissions (s3:PutObject and s3:GetObject there, nothing more).
   */
  | 'attachments:presign'
  /**
   * Reads uploaded attachments' first bytes, deletes rejected ones and moves infected ones to
   * the quarantine prefix.
   */
  | 'attachments:check'
  /** Deletes the files of closed tickets whose retention ended, under either prefix. */
  | 'attachments:purge'
  /**
   * Starts, describes and stops form-request executions and completes their waiting tasks
   * (SendTaskSuccess, SendTaskFailure) on the one state machine.
   */
  | 'forms:workflow'
  /** Reads and writes form-request templates under the attachments bucket's `form-requests/` prefix. */
  | 'forms:templates'
  /** Knows the directorate: its calendar's organisation, its supervisors, the parties' mailboxes. */
  | 'forms:directorate';

export interface FunctionSpec {
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly uses: readonly Capability[];
  /** Routes of the contract this function serves. */
  readonly routes?: readonly RouteKey[];
  /**
   * Invoked by new outbox items on the table's stream; by SES's bounce and complaint events (SNS,
   * wired by lib/constructs/mail.ts); or by replies SES's receipt rule stores in S3 (S3 event,
   * wired by lib/constructs/mail-inbound.ts); or by uploads to the attachments bucket (S3 event)
   * and GuardDuty's scan results for them (EventBridge), wired by lib/constructs/attachments-bucket.ts;
   * or by the form-request state machine's waiting tasks (`lambda:invoke.waitForTaskToken`, wired
   * by lib/constructs/form-workflow.ts).
   */
  readonly trigger?: 'outbox-stream' | 'mail-feedback' | 'inbound-mail' | 'attachment-events' | 'form-workflow-task';
  /**
   * Invoked on a schedule (EventBridge Scheduler; an interval in the local stack) with
   * `{ scheduledTime }`, the ISO instant the invocation was scheduled for.
   */
  readonly schedule?: { readonly everyMinutes: number };
  /** Metrics CloudWatch counts from its log lines. */
  readonly logMetrics?: readonly LogMetric[];
  /** @default 256 */
  readonly memoryMiB?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
}

export const FUNCTIONS = {
  health: {
    entry: 'functions/ops/api/health.ts',
    description: 'Reports whether each backing service answers',
    uses: ['health:probe'],
    routes: ['GET /health'],
  },
  openapi: {
    entry: 'functions/ops/api/openapi.ts',
    description: 'Serves the OpenAPI document generated from the contract',
    uses: [],
    routes: ['GET /openapi.json'],
  },
  me: {
    entry: 'functions/profiles/api/me.ts',
    description: 'Shows and changes the caller’s profile (name, mail language)',
    uses: ['table:write'],
    routes: ['GET /me', 'PATCH /me'],
  },
  topics: {
    entry: 'functions/catalogue/api/topics.ts',
    description: 'Topic tree and each topic’s form, for requesters',
    uses: ['table:read'],
    routes: ['GET /topics', 'GET /topics/{topicId}'],
  },
  tickets: {
    entry: 'functions/tickets/api/tickets.ts',
    description: 'Signed-in requesters file and follow tickets; staff work them',
    // mail:send: the access link of someone staff record a ticket for goes out in the request.
    uses: ['table:write', 'cursors:seal', 'tickets:file', 'links:sign', 'mail:send'],
    routes: [
      'POST /tickets',
      'GET /tickets',
      'GET /tickets/{ticketId}',
      'PATCH /tickets/{ticketId}',
      'POST /tickets/{ticketId}/messages',
      'POST /tickets/{ticketId}/reopen',
    ],
    logMetrics: ['ticketFiled'],
  },
  attachments: {
    entry: 'functions/tickets/api/attachments.ts',
    description: 'Requesters, guests and staff attach files to tickets (presigned uploads) and download clean ones',
    // links:sign: a guest's upload token, handed out when they file, is checked here.
    uses: ['table:write', 'attachments:presign', 'links:sign'],
    routes: [
      'POST /tickets/{ticketId}/attachments',
      'GET /tickets/{ticketId}/attachments/{attachmentId}',
      'POST /public/tickets/{ticketId}/attachments',
      'GET /public/tickets/{ticketId}/attachments/{attachmentId}',
    ],
  },
  attachmentCheck: {
    entry: 'functions/tickets/jobs/attachment-check.ts',
    description:
      'Verifies each uploaded attachment (real size, sniffed type) and records its malware scan: clean, or quarantined and reported',
    uses: ['table:write', 'attachments:check'],
    trigger: 'attachment-events',
  },
  desk: {
    entry: 'functions/desk/api/directory.ts',
    description: 'Staff pick whom to forward or assign to: their organisation’s teams and staff',
    uses: ['table:read'],
    routes: ['GET /teams', 'GET /agents'],
  },
  publicTickets: {
    entry: 'functions/tickets/api/public-tickets.ts',
    description: 'Guests file and follow a ticket through an emailed access link',
    // links:sign: the upload token a guest gets with their new ticket.
    uses: ['table:write', 'mail:send', 'tickets:file', 'links:sign'],
    routes: ['POST /public/tickets', 'GET /public/tickets/{ticketId}', 'POST /public/tickets/{ticketId}/messages'],
    logMetrics: ['ticketFiled'],
  },
  satisfaction: {
    entry: 'functions/tickets/api/satisfaction.ts',
    description: 'Requesters rate their resolved tickets: signed in, as guests, or through the resolution mail’s link',
    uses: ['table:write'],
    routes: [
      'POST /tickets/{ticketId}/satisfaction',
      'GET /public/satisfaction/{token}',
      'POST /public/satisfaction/{token}',
      'POST /public/tickets/{ticketId}/satisfaction',
    ],
  },
  reports: {
    entry: 'functions/reports/api/monthly.ts',
    description: 'Supervisors read their organisation’s monthly indicators, as JSON or CSV',
    uses: ['table:read'],
    routes: ['GET /reports/monthly'],
  },
  admin: {
    entry: 'functions/admin/api/admin.ts',
    description:
      'Supervisors and admins administer topics, teams, staff, calendars and SLA policies, every change audited',
    uses: ['table:write', 'cursors:seal'],
    routes: [
      'GET /catalogues/{organisationId}',
      'PUT /organisations/{organisationId}',
      'GET /calendars/{organisationId}',
      'PUT /calendars/{organisationId}',
      'GET /sla-policies/{organisationId}',
      'PUT /sla-policies/{organisationId}',
      'GET /teams/{teamId}',
      'PUT /teams/{teamId}',
      'PUT /topics/{topicId}',
      'GET /agents/{userId}',
      'PUT /agents/{userId}',
      'GET /audit',
    ],
  },
  notify: {
    entry: 'functions/mail/jobs/notify.ts',
    description: 'Sends the notification mails waiting in the outbox',
    uses: ['table:write', 'mail:send', 'links:sign'],
    trigger: 'outbox-stream',
  },
  mailFeedback: {
    entry: 'functions/mail/jobs/feedback.ts',
    description: 'Records SES bounces and complaints and stops mailing those addresses',
    uses: ['table:write'],
    trigger: 'mail-feedback',
  },
  mailInbound: {
    entry: 'functions/mail/jobs/inbound.ts',
    description: 'Answers replies to notification mails once, with where to follow the ticket; never adds them to it',
    // The bucket's read grant and its name come with the S3 trigger (lib/constructs/mail-inbound.ts).
    uses: ['table:write', 'mail:send'],
    trigger: 'inbound-mail',
  },
  formRequests: {
    entry: 'functions/form-requests/api/form-requests.ts',
    description:
      'Departments request new contact forms; the directorate reviews them and the technical office sets them up, step by step',
    uses: ['table:write', 'forms:workflow', 'forms:templates'],
    routes: [
      'POST /form-requests',
      'GET /form-requests',
      'GET /form-requests/{requestId}',
      'POST /form-requests/{requestId}/review',
      'PUT /form-requests/{requestId}/petition',
      'PUT /form-requests/{requestId}/templates/{language}',
      'GET /form-requests/{requestId}/templates/{language}',
      'PUT /form-requests/{requestId}/parameters',
      'POST /form-requests/{requestId}/setup',
      'POST /form-requests/{requestId}/links-updated',
    ],
  },
  formRequestTask: {
    entry: 'functions/form-requests/jobs/task.ts',
    description:
      'Each waiting step of a form request: keeps the task token on the request, sets its deadline and mails who must act',
    uses: ['table:write', 'forms:directorate'],
    trigger: 'form-workflow-task',
  },
  formRequestDeadlines: {
    entry: 'functions/form-requests/jobs/deadlines.ts',
    description: 'Reminds whoever must act on a form request before its step is due, and escalates late steps',
    uses: ['table:write', 'forms:directorate'],
    schedule: { everyMinutes: 15 },
    timeoutSeconds: 50,
  },
  sweeper: {
    entry: 'functions/tickets/jobs/sweep.ts',
    description:
      'Warns of response-time commitments nearing their due time, escalates breaches, releases staff mail held outside opening hours, closes resolved tickets after the reopen window and deletes closed tickets’ files after the retention period',
    uses: ['table:write', 'attachments:purge'],
    schedule: { everyMinutes: 1 },
    timeoutSeconds: 50,
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;

/** Environment each capability needs at run time. */
const CAPABILITY_ENV: Record<Capability, readonly EnvKey[]> = {
  'table:read': ['tableName'],
  'table:write': ['tableName'],
  'mail:send': ['mailFrom', 'mailConfigurationSet', 'webBaseUrl'],
  'health:probe': ['tableName', 'attachmentsBucket', 'jwtIssuer'],
  'cursors:seal': ['cursorKey'],
  'tickets:file': ['filingLimits'],
  'links:sign': ['linkKey'],
  'attachments:presign': ['attachmentsBucket'],
  'attachments:check': ['attachmentsBucket', 'attachmentScanning'],
  'attachments:purge': ['attachmentsBucket'],
  'forms:workflow': ['formWorkflowArn'],
  'forms:templates': ['attachmentsBucket'],
  'forms:directorate': ['formDirectorate'],
};

export function envKeysFor(spec: FunctionSpec): EnvKey[] {
  return [...new Set(spec.uses.flatMap((use) => CAPABILITY_ENV[use]))];
}

/** A contract route with the function that serves it: what CDK turns into an API Gateway route. */
export type ApiRoute = Pick<RouteSpec, 'method' | 'path' | 'auth'> & { readonly function: string };

/**
 * Every route of the contract with the function serving it. Throws if a route is served by
 * no function or by two, so the deployed API is exactly the contract.
 */
export function apiRoutes(): ApiRoute[] {
  const servedBy = new Map<string, string>();
  for (const [name, spec] of Object.entries(FUNCTIONS as Readonly<Record<string, FunctionSpec>>)) {
    for (const key of spec.routes ?? []) {
      const other = servedBy.get(key);
      if (other) throw new Error(`${key} is served by both ${other} and ${name}`);
      servedBy.set(key, name);
    }
  }
  const unserved = ROUTE_KEYS.filter((key) => !servedBy.has(key));
  if (unserved.length > 0) throw new Error(`No function serves ${unserved.join(', ')}`);
  return [...servedBy].map(([key, name]) => {
    const { method, path, auth } = ROUTES[key as RouteKey];
    return { method, path, auth, function: name };
  });
}
