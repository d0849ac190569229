import type { EnvKey } from './env';

/**
 * What each Lambda function touches. The CDK app turns `uses` into IAM grants and
 * environment variables; the local gateway and the benchmark find handlers by `entry`.
 */
export type Capability =
  | 'table:read'
  | 'table:write'
  | 'attachments:read'
  | 'attachments:write'
  | 'mail:send'
  /** DescribeTable, HeadBucket, SES GetAccount (no resource-level permission exists) and the issuer's JWKS. */
  | 'health:probe';

export interface FunctionSpec {
  /** Handler module, relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  readonly uses: readonly Capability[];
  /** Invoked by new outbox items on the table's stream instead of (or besides) HTTP routes. */
  readonly trigger?: 'outbox-stream';
  /** @default 256 */
  readonly memoryMiB?: number;
  /** @default 10 */
  readonly timeoutSeconds?: number;
}

export const FUNCTIONS = {
  health: {
    entry: 'functions/api/health.ts',
    description: 'Reports whether each backing service answers',
    uses: ['health:probe'],
  },
  me: {
    entry: 'functions/api/me.ts',
    description: 'Tells the signed-in caller who the API takes them for',
    uses: [],
  },
  topics: {
    entry: 'functions/api/topics.ts',
    description: 'Topic tree and each topic’s form, for requesters',
    uses: ['table:read'],
  },
  tickets: {
    entry: 'functions/api/tickets.ts',
    description: 'Signed-in requesters file and follow tickets; staff answer them',
    uses: ['table:write', 'mail:send'],
  },
  publicTickets: {
    entry: 'functions/api/public-tickets.ts',
    description: 'Guests file and follow a ticket through an emailed access link',
    uses: ['table:write', 'mail:send'],
  },
  notify: {
    entry: 'functions/jobs/notify.ts',
    description: 'Sends the notification mails waiting in the outbox',
    uses: ['mail:send'],
    trigger: 'outbox-stream',
  },
  openapi: {
    entry: 'functions/api/openapi.ts',
    description: 'Serves the OpenAPI document generated from the zod schemas',
    uses: [],
  },
} as const satisfies Record<string, FunctionSpec>;

export type FunctionName = keyof typeof FUNCTIONS;

/** Environment each capability needs at run time. */
export const CAPABILITY_ENV: Record<Capability, readonly EnvKey[]> = {
  'table:read': ['tableName'],
  'table:write': ['tableName'],
  'attachments:read': ['attachmentsBucket'],
  'attachments:write': ['attachmentsBucket'],
  'mail:send': ['mailFrom', 'mailConfigurationSet', 'webBaseUrl'],
  'health:probe': ['tableName', 'attachmentsBucket', 'jwtIssuer'],
};

export function envKeysFor(spec: FunctionSpec): EnvKey[] {
  return [...new Set(spec.uses.flatMap((use) => CAPABILITY_ENV[use]))];
}
