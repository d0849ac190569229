import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
// The function construct tags each Lambda with its FUNCTIONS key under this metadata key.
import { FUNCTION_METADATA_KEY } from '../constructs/finestreta-function';

/**
 * Reads what the local stack needs from the CloudFormation template CDK synthesizes:
 * the table, buckets, functions (entry, environment, timeout), routes, JWT authorizer,
 * CORS, stream mappings and schedules. Nothing here is declared twice: if CDK changes, the local mirror follows.
 */
export interface CfnResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

export interface CfnTemplate {
  readonly Resources: Record<string, CfnResource>;
}

/** The account and region the local stack pretends to run in: every local ARN names them. */
export const LOCAL_REGION = 'eu-west-1';
export const LOCAL_ACCOUNT = '000000000000';

export interface LocalFunctionPlan {
  readonly logicalId: string;
  readonly name: string;
  /** `arn:aws:lambda:<region>:<account>:function:<logicalId>` (a local function's name is its logical id). */
  readonly arn: string;
  readonly environment: Record<string, unknown>;
  readonly timeoutSeconds: number;
  readonly memoryMiB: number;
}

export interface LocalRoutePlan {
  readonly method: string;
  readonly path: string;
  readonly auth: 'jwt' | 'public';
  readonly functionLogicalId: string;
}

/** A stream event source: new items on a table's stream invoke a function, if they match a filter. */
export interface LocalStreamPlan {
  readonly functionLogicalId: string;
  readonly tableLogicalId: string;
  readonly batchSize: number;
  /** EventBridge-style patterns (parsed from the mapping's FilterCriteria); none means all records. */
  readonly filters: readonly unknown[];
  /** The first attempt plus the mapping's `MaximumRetryAttempts`. */
  readonly maxAttempts: number;
}

/** An EventBridge Scheduler schedule: a function invoked at a fixed rate. */
export interface LocalSchedulePlan {
  readonly functionLogicalId: string;
  /** The `rate(…)` expression in milliseconds. */
  readonly everyMs: number;
  /**
   * The target's input, a JSON document that may hold Scheduler's context placeholders such as
   * `<aws.scheduler.scheduled-time>`; `{}` when the target declares none.
   */
  readonly input: string;
}

/** An S3 event notification: new objects in a bucket (under a prefix) invoke a function. */
export interface LocalBucketNotificationPlan {
  readonly bucketLogicalId: string;
  readonly functionLogicalId: string;
  /** As S3 writes them, e.g. `s3:ObjectCreated:*`. */
  readonly events: readonly string[];
  readonly prefix?: string;
  readonly suffix?: string;
}

/** GuardDuty Malware Protection for S3 on a bucket: what the local scanner stands in for. */
export interface LocalMalwareProtectionPlan {
  readonly logicalId: string;
  readonly bucketLogicalId: string;
  /** Object key prefixes scanned; empty means the whole bucket. */
  readonly prefixes: readonly string[];
  /** Whether each scanned object is tagged `GuardDutyMalwareScanStatus=<result>`. */
  readonly tagging: boolean;
}

/**
 * An EventBridge rule on the default bus for GuardDuty's events, with the functions it targets.
 * Its pattern is kept as the template has it: leaf values may be intrinsics (`{ Ref }` of a
 * bucket), resolved by {@link resolvePattern} once the local names are known.
 */
export interface LocalEventRulePlan {
  readonly logicalId: string;
  readonly pattern: Record<string, unknown>;
  readonly functionLogicalIds: readonly string[];
}

/** A Step Functions state machine, its definition resolved to local ARNs. */
export interface LocalStateMachinePlan {
  readonly logicalId: string;
  /** `arn:aws:states:<region>:<account>:stateMachine:<logicalId>`: also what `Ref` of it resolves to. */
  readonly arn: string;
  /** The parsed ASL definition, Lambda tasks naming the local functions' ARNs. */
  readonly definition: Record<string, unknown>;
}

export interface LocalPlan {
  readonly tables: { logicalId: string; definition: Omit<CreateTableCommandInput, 'TableName'> }[];
  readonly buckets: { logicalId: string }[];
  readonly functions: LocalFunctionPlan[];
  readonly routes: LocalRoutePlan[];
  readonly streams: LocalStreamPlan[];
  readonly schedules: LocalSchedulePlan[];
  readonly bucketNotifications: LocalBucketNotificationPlan[];
  readonly malwareProtection: LocalMalwareProtectionPlan[];
  /** Rules for events whose source is GuardDuty (`aws.guardduty`), the only ones the local stack emits. */
  readonly guardDutyRules: LocalEventRulePlan[];
  readonly stateMachines: LocalStateMachinePlan[];
  readonly cors?: {
    allowOrigins: string[];
    allowMethods: string[];
    allowHeaders: string[];
    exposeHeaders?: string[];
    maxAgeSeconds?: number;
    allowCredentials?: boolean;
  };
}

const byType = (template: CfnTemplate, type: string) =>
  Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);

/** Reads the logical id out of `{ Ref }` or `{ Fn::GetAtt: [id, attr] }`. */
function referencedId(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const node = value as Record<string, unknown>;
  if (typeof node.Ref === 'string') return node.Ref;
  const getAtt = node['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') return getAtt[0];
  const join = node['Fn::Join'];
  if (Array.isArray(join) && Array.isArray(join[1])) {
    for (const part of join[1]) {
      const id = referencedId(part);
      if (id) return id;
    }
  }
  return undefined;
}

/** The local ARN of a function, as state machines and `Fn::GetAtt [fn, Arn]` name it. */
export const localFunctionArn = (logicalId: string, region = LOCAL_REGION, accountId = LOCAL_ACCOUNT) =>
  `arn:aws:lambda:${region}:${accountId}:function:${logicalId}`;

/** The local ARN of a state machine; `Ref` of it resolves to this, as in CloudFormation. */
export const localStateMachineArn = (logicalId: string, region = LOCAL_REGION, accountId = LOCAL_ACCOUNT) =>
  `arn:aws:states:${region}:${accountId}:stateMachine:${logicalId}`;

/**
 * The ARNs the local stack gives the template's functions and state machines, by logical id:
 * what `Fn::GetAtt [id, Arn]` resolves to (see {@link ResolveContext.arns}).
 */
export function localArns(template: CfnTemplate, region = LOCAL_REGION, accountId = LOCAL_ACCOUNT) {
  const arns: Record<string, string> = {};
  for (const [id, resource] of Object.entries(template.Resources)) {
    if (resource.Type === 'AWS::Lambda::Function') arns[id] = localFunctionArn(id, region, accountId);
    if (resource.Type === 'AWS::StepFunctions::StateMachine') arns[id] = localStateMachineArn(id, region, accountId);
  }
  return arns;
}

export function planFromTemplate(template: CfnTemplate): LocalPlan {
  const tables = byType(template, 'AWS::DynamoDB::GlobalTable').map(([logicalId, resource]) => {
    const p = resource.Properties ?? {};
    return {
      logicalId,
      definition: {
        KeySchema: p.KeySchema,
        AttributeDefinitions: p.AttributeDefinitions,
        GlobalSecondaryIndexes: (p.GlobalSecondaryIndexes as Record<string, unknown>[] | undefined)?.map((gsi) => ({
          IndexName: gsi.IndexName,
          KeySchema: gsi.KeySchema,
          Projection: gsi.Projection,
        })),
        BillingMode: 'PAY_PER_REQUEST',
        ...(p.StreamSpecification
          ? {
              StreamSpecification: {
                StreamEnabled: true,
                StreamViewType: (p.StreamSpecification as { StreamViewType: string }).StreamViewType,
              },
            }
          : {}),
      } as Omit<CreateTableCommandInput, 'TableName'>,
    };
  });

  const buckets = byType(template, 'AWS::S3::Bucket').map(([logicalId]) => ({ logicalId }));

  const functions = byType(template, 'AWS::Lambda::Function')
    .filter(([, resource]) => typeof resource.Metadata?.[FUNCTION_METADATA_KEY] === 'string')
    .map(([logicalId, resource]) => {
      const p = resource.Properties ?? {};
      const env = (p.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables ?? {};
      return {
        logicalId,
        name: resource.Metadata?.[FUNCTION_METADATA_KEY] as string,
        arn: localFunctionArn(logicalId),
        environment: env,
        timeoutSeconds: typeof p.Timeout === 'number' ? p.Timeout : 3,
        memoryMiB: typeof p.MemorySize === 'number' ? p.MemorySize : 128,
      };
    });

  const integrations = new Map(
    byType(template, 'AWS::ApiGatewayV2::Integration').map(([id, resource]) => [
      id,
      referencedId(resource.Properties?.IntegrationUri),
    ]),
  );
  const routes = byType(template, 'AWS::ApiGatewayV2::Route').map(([id, resource]) => {
    const p = resource.Properties ?? {};
    const [method = '', path = ''] = String(p.RouteKey).split(' ');
    const integrationId = referencedId(p.Target);
    const functionLogicalId = integrationId ? integrations.get(integrationId) : undefined;
    if (!functionLogicalId) throw new Error(`Route ${id} (${String(p.RouteKey)}) has no Lambda integration`);
    return {
      method,
      path,
      auth: p.AuthorizationType === 'JWT' ? ('jwt' as const) : ('public' as const),
      functionLogicalId,
    };
  });

  const streams = byType(template, 'AWS::Lambda::EventSourceMapping').flatMap(([, resource]) => {
    const p = resource.Properties ?? {};
    const source = p.EventSourceArn as { 'Fn::GetAtt'?: [string, string] } | undefined;
    const [tableLogicalId, attribute] = source?.['Fn::GetAtt'] ?? [];
    const functionLogicalId = referencedId(p.FunctionName);
    if (attribute !== 'StreamArn' || !tableLogicalId || !functionLogicalId) return [];
    const filters = ((p.FilterCriteria as { Filters?: { Pattern: string }[] } | undefined)?.Filters ?? []).map(
      (filter) => JSON.parse(filter.Pattern) as unknown,
    );
    return [
      {
        functionLogicalId,
        tableLogicalId,
        batchSize: typeof p.BatchSize === 'number' ? p.BatchSize : 100,
        filters,
        maxAttempts: 1 + (typeof p.MaximumRetryAttempts === 'number' ? p.MaximumRetryAttempts : 0),
      },
    ];
  });

  const schedules = byType(template, 'AWS::Scheduler::Schedule').flatMap(([id, resource]) => {
    const p = resource.Properties ?? {};
    // A disabled schedule is deployed but never fires.
    if (p.State === 'DISABLED') return [];
    const target = (p.Target ?? {}) as { Arn?: unknown; Input?: unknown };
    const functionLogicalId = referencedId(target.Arn);
    if (!functionLogicalId) throw new Error(`Schedule ${id} targets no function of this template`);
    if (target.Input !== undefined && typeof target.Input !== 'string') {
      throw new Error(`Schedule ${id} has an input the local stack cannot read: ${JSON.stringify(target.Input)}`);
    }
    return [{ functionLogicalId, everyMs: rateMs(id, p.ScheduleExpression), input: target.Input ?? '{}' }];
  });

  const bucketNotifications = byType(template, 'Custom::S3BucketNotifications').flatMap(([id, resource]) => {
    const p = resource.Properties ?? {};
    const bucketLogicalId = referencedId(p.BucketName);
    if (!bucketLogicalId) throw new Error(`Bucket notifications ${id} name no bucket of this template`);
    const configuration = (p.NotificationConfiguration ?? {}) as {
      LambdaFunctionConfigurations?: {
        Events?: string[];
        Filter?: { Key?: { FilterRules?: { Name: string; Value: string }[] } };
        LambdaFunctionArn?: unknown;
      }[];
    };
    return (configuration.LambdaFunctionConfigurations ?? []).map((target) => {
      const functionLogicalId = referencedId(target.LambdaFunctionArn);
      if (!functionLogicalId) throw new Error(`Bucket notifications ${id} target no function of this template`);
      const rule = (name: string) =>
        target.Filter?.Key?.FilterRules?.find((candidate) => candidate.Name.toLowerCase() === name)?.Value;
      const prefix = rule('prefix');
      const suffix = rule('suffix');
      return {
        bucketLogicalId,
        functionLogicalId,
        events: target.Events ?? [],
        ...(prefix !== undefined ? { prefix } : {}),
        ...(suffix !== undefined ? { suffix } : {}),
      };
    });
  });

  const malwareProtection = byType(template, 'AWS::GuardDuty::MalwareProtectionPlan').map(([logicalId, resource]) => {
    const p = resource.Properties ?? {};
    const s3Bucket = (p.ProtectedResource as { S3Bucket?: { BucketName?: unknown; ObjectPrefixes?: string[] } })
      ?.S3Bucket;
    const bucketLogicalId = referencedId(s3Bucket?.BucketName);
    if (!bucketLogicalId) throw new Error(`Malware protection plan ${logicalId} protects no bucket of this template`);
    const tagging = (p.Actions as { Tagging?: { Status?: string } } | undefined)?.Tagging?.Status === 'ENABLED';
    return { logicalId, bucketLogicalId, prefixes: s3Bucket?.ObjectPrefixes ?? [], tagging };
  });

  const guardDutyRules = byType(template, 'AWS::Events::Rule').flatMap(([logicalId, resource]) => {
    const p = resource.Properties ?? {};
    const pattern = p.EventPattern as Record<string, unknown> | undefined;
    // Only the default bus: GuardDuty publishes nowhere else.
    if (!pattern || p.EventBusName !== undefined || p.State === 'DISABLED') return [];
    if (!(Array.isArray(pattern.source) && pattern.source.includes('aws.guardduty'))) return [];
    const functionIds = new Set(Object.keys(template.Resources));
    const functionLogicalIds = ((p.Targets as { Arn?: unknown }[] | undefined) ?? [])
      .map((target) => referencedId(target.Arn))
      .filter((id): id is string => id !== undefined && template.Resources[id]?.Type === 'AWS::Lambda::Function')
      .filter((id) => functionIds.has(id));
    return functionLogicalIds.length > 0 ? [{ logicalId, pattern, functionLogicalIds }] : [];
  });

  const arns = localArns(template);
  const stateMachines = byType(template, 'AWS::StepFunctions::StateMachine').map(([logicalId, resource]) => {
    const p = resource.Properties ?? {};
    if (p.DefinitionString === undefined) {
      throw new Error(`State machine ${logicalId} has no DefinitionString (DefinitionS3Location is not read locally)`);
    }
    // `Ref` of a function is its name (its logical id locally), of a state machine its ARN. Only
    // Lambda tasks run locally (lib/local/step-functions.ts refuses others), so no other resource
    // a definition might name (a table's physical name…) needs resolving here.
    const refs = Object.fromEntries(
      Object.entries(template.Resources).map(([id, r]) => [
        id,
        r.Type === 'AWS::StepFunctions::StateMachine' ? (arns[id] as string) : id,
      ]),
    );
    const text = resolveValue(p.DefinitionString, {
      refs,
      arns,
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
    });
    let definition: Record<string, unknown>;
    try {
      definition = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new Error(`State machine ${logicalId}: its resolved definition is not JSON`, { cause: error });
    }
    return { logicalId, arn: localStateMachineArn(logicalId), definition };
  });

  const api = byType(template, 'AWS::ApiGatewayV2::Api')[0]?.[1];
  const cors = api?.Properties?.CorsConfiguration as Record<string, unknown> | undefined;
  return {
    tables,
    buckets,
    functions,
    routes,
    streams,
    schedules,
    bucketNotifications,
    malwareProtection,
    guardDutyRules,
    stateMachines,
    ...(cors
      ? {
          cors: {
            allowOrigins: (cors.AllowOrigins as string[]) ?? [],
            allowMethods: (cors.AllowMethods as string[]) ?? [],
            allowHeaders: (cors.AllowHeaders as string[]) ?? [],
            exposeHeaders: cors.ExposeHeaders as string[] | undefined,
            maxAgeSeconds: cors.MaxAge as number | undefined,
            allowCredentials: cors.AllowCredentials as boolean | undefined,
          },
        }
      : {}),
  };
}

const RATE_UNIT_MS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** `rate(5 minutes)`, `rate(1 hour)`, … in milliseconds; the local stack runs no cron or one-time schedules. */
function rateMs(scheduleId: string, expression: unknown): number {
  const match = /^rate\((\d+) (minute|hour|day)s?\)$/.exec(String(expression));
  const [, count, unit] = match ?? [];
  const ms = Number(count) * (RATE_UNIT_MS[unit ?? ''] ?? Number.NaN);
  if (!(ms > 0))
    throw new Error(`Schedule ${scheduleId}: the local stack runs rate() schedules, not ${String(expression)}`);
  return ms;
}

/**
 * An EventBridge pattern with its intrinsic leaf values (`{ Ref: bucket }` in a list of allowed
 * values) resolved by `resolve`; the structure and literal values are kept.
 */
export function resolvePattern(pattern: unknown, resolve: (value: unknown) => string): unknown {
  if (Array.isArray(pattern)) {
    return pattern.map((value) => (value && typeof value === 'object' && isIntrinsic(value) ? resolve(value) : value));
  }
  if (pattern && typeof pattern === 'object') {
    return Object.fromEntries(Object.entries(pattern).map(([key, value]) => [key, resolvePattern(value, resolve)]));
  }
  return pattern;
}

const isIntrinsic = (value: object): boolean =>
  Object.keys(value).length === 1 && /^(Ref|Fn::[A-Za-z]+)$/.test(Object.keys(value)[0] as string);

export interface ResolveContext {
  /** Physical names of the resources the local stack created, by logical id. */
  readonly refs: Readonly<Record<string, string>>;
  /** ARNs by logical id for `Fn::GetAtt [id, Arn]` (functions, state machines); others get a made-up `arn:aws:local:…`. */
  readonly arns?: Readonly<Record<string, string>>;
  readonly region: string;
  readonly accountId: string;
}

/** Resolves the CloudFormation intrinsics CDK emits in function environments. */
export function resolveValue(value: unknown, context: ResolveContext): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (!value || typeof value !== 'object') throw new Error(`Cannot resolve ${JSON.stringify(value)}`);
  const node = value as Record<string, unknown>;
  if (typeof node.Ref === 'string') return resolveRef(node.Ref, context);
  if (Array.isArray(node['Fn::GetAtt'])) {
    const [id, attribute] = node['Fn::GetAtt'] as [string, string];
    const arn = attribute === 'Arn' ? context.arns?.[id] : undefined;
    if (arn !== undefined) return arn;
    const name = resolveRef(id, context);
    if (attribute === 'Arn') return `arn:aws:local:${context.region}:${context.accountId}:${name}`;
    return name;
  }
  if (Array.isArray(node['Fn::Join'])) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map((part) => resolveValue(part, context)).join(separator);
  }
  if (Array.isArray(node['Fn::Select'])) {
    const [index, list] = node['Fn::Select'] as [number, unknown];
    const values = Array.isArray(list) ? list : resolveValue(list, context).split(',');
    return resolveValue(values[Number(index)], context);
  }
  if (Array.isArray(node['Fn::Split'])) {
    const [separator, source] = node['Fn::Split'] as [string, unknown];
    return resolveValue(source, context).split(separator).join(',');
  }
  throw new Error(`Unsupported intrinsic in local template: ${JSON.stringify(value)}`);
}

function resolveRef(id: string, context: ResolveContext): string {
  switch (id) {
    case 'AWS::Region':
      return context.region;
    case 'AWS::AccountId':
      return context.accountId;
    case 'AWS::Partition':
      return 'aws';
    case 'AWS::URLSuffix':
      return 'amazonaws.com';
    case 'AWS::StackName':
      return 'local';
  }
  const name = context.refs[id];
  if (name === undefined) throw new Error(`The local stack has no stand-in for resource ${id}`);
  return name;
}
