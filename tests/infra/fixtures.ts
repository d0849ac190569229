import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { EnvKey } from '../../functions/platform/env';
import type { ApiRoute, Capability, FunctionSpec } from '../../functions/platform/functions';
import { FUNCTION_METADATA_KEY } from '../../lib/constructs/finestreta-function';
import { type CreateAppOptions, createApp, type FinestretaApp } from '../../lib/finestreta-stack';

export type Synthesized = FinestretaApp & { readonly template: Template };

/**
 * Synthesizes the stack in-process with esbuild skipped. Synthesis runs cdk-nag, so it
 * throws on any unacknowledged finding. The template is kept in memory; the output dir is removed.
 */
export function synth(context: Record<string, unknown> = {}, options: CreateAppOptions = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), 'finestreta-infra-'));
  try {
    const built = createApp({ 'aws:cdk:bundling-stacks': [], ...context }, { outdir, ...options });
    return { ...built, template: Template.fromStack(built.stack) };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * A function table that exercises every capability, on handler files that exist; used to
 * prove the capability → IAM mapping before the real FUNCTIONS grow into it.
 */
export const CAPABILITY_FUNCTIONS: Record<string, FunctionSpec> = {
  reader: { entry: 'functions/ops/api/openapi.ts', description: 'reads items', uses: ['table:read'] },
  writer: {
    entry: 'functions/ops/api/openapi.ts',
    description: 'writes items and mails',
    uses: ['table:write', 'mail:send'],
  },
  prober: { entry: 'functions/ops/api/health.ts', description: 'health', uses: ['health:probe'] },
  // The attachments capabilities without the trigger: the grants alone (attachments.test.ts has the events).
  presigner: { entry: 'functions/ops/api/openapi.ts', description: 'presigns files', uses: ['attachments:presign'] },
  checker: { entry: 'functions/ops/api/openapi.ts', description: 'checks files', uses: ['attachments:check'] },
  purger: { entry: 'functions/ops/api/openapi.ts', description: 'deletes files', uses: ['attachments:purge'] },
  bare: { entry: 'functions/ops/api/openapi.ts', description: 'touches nothing', uses: [] },
};

export const CAPABILITY_ROUTES: ApiRoute[] = [
  { method: 'GET', path: '/items/{itemId}', function: 'reader', auth: 'jwt' },
  { method: 'POST', path: '/items', function: 'writer', auth: 'jwt' },
  { method: 'GET', path: '/health', function: 'prober', auth: 'public' },
  { method: 'GET', path: '/public/topics', function: 'bare', auth: 'public' },
];

/**
 * Actions each capability implies: the spec the tests hold the CDK code to. Written out
 * again here on purpose, so a widened grant in lib/ fails a test instead of passing silently.
 */
export const CAPABILITY_ACTIONS: Record<Capability, readonly string[]> = {
  'table:read': ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'],
  'table:write': [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:ConditionCheckItem',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:BatchWriteItem',
  ],
  'mail:send': ['ses:SendEmail', 'ses:SendRawEmail'],
  'health:probe': ['dynamodb:DescribeTable', 's3:ListBucket', 'ses:GetAccount'],
  // Configuration only: the secrets are resolved at deploy time, the limits are a value.
  'cursors:seal': [],
  'tickets:file': [],
  'links:sign': [],
  // Presigned URLs act with the signer's permissions: these two, on the ticket prefix only.
  'attachments:presign': ['s3:PutObject', 's3:GetObject'],
  // Reads and deletes uploads (any version); writes infected ones to the quarantine prefix.
  'attachments:check': [
    's3:GetObject',
    's3:GetObjectVersion',
    's3:DeleteObject',
    's3:DeleteObjectVersion',
    's3:GetObjectTagging',
    's3:GetObjectVersionTagging',
    's3:PutObject',
    's3:PutObjectTagging',
  ],
  // Deletes expired files under either prefix; the lifecycle rule removes noncurrent versions.
  'attachments:purge': ['s3:DeleteObject'],
  // Start executions of the one state machine; describe and stop them; answer their waiting tasks.
  'forms:workflow': [
    'states:StartExecution',
    'states:DescribeExecution',
    'states:StopExecution',
    'states:SendTaskSuccess',
    'states:SendTaskFailure',
  ],
  // Store and read templates, under the form-requests prefix only.
  'forms:templates': ['s3:PutObject', 's3:GetObject'],
  // Configuration only: the directorate is a value.
  'forms:directorate': [],
};

/** Every function may write its own logs and traces. */
/** What the outbox stream trigger adds: reading the table's stream, and the dead-letter queue. */
export const TRIGGER_ACTIONS: Record<NonNullable<FunctionSpec['trigger']>, readonly string[]> = {
  'outbox-stream': [
    'dynamodb:DescribeStream',
    'dynamodb:GetRecords',
    'dynamodb:GetShardIterator',
    'dynamodb:ListStreams',
    'sqs:GetQueueAttributes',
    'sqs:GetQueueUrl',
    'sqs:SendMessage',
  ],
  // SNS invokes it through the function's resource policy: nothing on its role.
  'mail-feedback': [],
  // The raw replies SES stores, read only.
  'inbound-mail': ['s3:GetObject'],
  // S3 and EventBridge invoke it through the function's resource policy: nothing on its role.
  'attachment-events': [],
  // The state machine invokes it with its own role (lambda:InvokeFunction there): nothing on the function's.
  'form-workflow-task': [],
};

/** What a trigger sets beside its capabilities' environment: where the inbound function reads replies. */
export const TRIGGER_ENV: Record<NonNullable<FunctionSpec['trigger']>, readonly EnvKey[]> = {
  'outbox-stream': [],
  'mail-feedback': [],
  'inbound-mail': ['inboundMailBucket'],
  // The bucket and the scanning mode come with the `attachments:check` capability.
  'attachment-events': [],
  // The directorate comes with the `forms:directorate` capability; the task token with each invocation.
  'form-workflow-task': [],
};

export const BASELINE_ACTIONS = [
  'logs:CreateLogStream',
  'logs:PutLogEvents',
  'xray:PutTraceSegments',
  'xray:PutTelemetryRecords',
];

export interface CfnResource {
  Type: string;
  Properties: Record<string, unknown>;
  Metadata?: Record<string, unknown>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export interface PolicyStatement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, unknown>;
}

export const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** Logical id and resource of the function tagged with `finestreta:function` = `name`. */
export function functionResource(template: Template, name: string): [string, CfnResource] {
  const found = Object.entries(template.findResources('AWS::Lambda::Function') as Record<string, CfnResource>).filter(
    ([, resource]) => resource.Metadata?.[FUNCTION_METADATA_KEY] === name,
  );
  if (found.length !== 1) throw new Error(`Expected one function named ${name}, found ${found.length}`);
  return found[0] as [string, CfnResource];
}

/** Every IAM statement attached to the function's role. */
export function statementsOf(template: Template, name: string): PolicyStatement[] {
  const [, fn] = functionResource(template, name);
  const roleLogicalId = ((fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'] ?? [])[0];
  const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, CfnResource>).filter(
    (policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleLogicalId),
  );
  const role = template.findResources('AWS::IAM::Role')[roleLogicalId ?? ''] as CfnResource | undefined;
  if (!role) throw new Error(`Role of ${name} not found`);
  const inline = (role.Properties.Policies as { PolicyDocument: { Statement: PolicyStatement[] } }[] | undefined) ?? [];
  return [
    ...policies.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement),
    ...inline.flatMap((policy) => policy.PolicyDocument.Statement),
  ];
}

export function actionsOf(template: Template, name: string): string[] {
  return [...new Set(statementsOf(template, name).flatMap((statement) => asArray(statement.Action)))].sort();
}

/** Logical id of the only resource of `type`, failing loudly if there are more. */
export function onlyLogicalId(template: Template, type: string, props?: Record<string, unknown>): string {
  const ids = Object.keys(template.findResources(type, props ? { Properties: props } : undefined));
  if (ids.length !== 1) throw new Error(`Expected one ${type}, found ${ids.length}`);
  return ids[0] as string;
}
