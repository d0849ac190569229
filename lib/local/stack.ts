import { randomBytes } from 'node:crypto';
import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { GROUPS } from '../../contracts/vocabulary';
import { ENV } from '../../functions/platform/env';
import { FUNCTIONS, type FunctionName } from '../../functions/platform/functions';
import type { FilingLimits } from '../../functions/tickets/domain/limits';
import { siteHeaders } from '../site-headers';
import { provisionUserPool, startCognito } from './cognito';
import type { SeedInput } from './demo-seed';
import { DEMO_PASSWORD, DEMO_USERS } from './demo-users';
import { localDynamoDbClientConfig, startDynamoDb } from './dynamodb';
import { type Gateway, startGateway } from './gateway';
import { type Invocation, LocalFunction } from './lambda-host';
import { type MalwareScanner, type Scanner, startMalwareScanner } from './malware-scanner';
import { startPortal } from './portal';
import { assertPortFree, freePort, LOOPBACK } from './ports';
import { runAsFunction } from './run-as-function';
import { ensureBucket, s3EventMatches, s3NotificationEvent, startS3 } from './s3';
import { startScheduler } from './scheduler';
import { mailVerificationCode, startSes, type VerificationMail } from './ses';
import { type LocalStepFunctions, startStepFunctions } from './step-functions';
import { matches, startStreamPoller } from './stream-poller';
import { synthesizeStack } from './synth';
import {
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  localArns,
  planFromTemplate,
  type ResolveContext,
  resolvePattern,
  resolveValue,
} from './template';

export { LOCAL_REGION } from './template';

const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
/** s3rver only accepts this key pair; the other emulators accept any. */
const LOCAL_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

export interface LocalPorts {
  readonly gateway: number;
  readonly dynamodb: number;
  readonly s3: number;
  readonly ses: number;
  readonly cognito: number;
  /** The built portal, as CloudFront serves it in AWS. */
  readonly portal: number;
  readonly stepFunctions: number;
}

/** Any free ports: tests and the benchmark run beside a developer's `npm start`. */
export const freePorts = async (): Promise<LocalPorts> => ({
  gateway: await freePort(),
  dynamodb: await freePort(),
  s3: await freePort(),
  ses: await freePort(),
  cognito: await freePort(),
  portal: await freePort(),
  stepFunctions: await freePort(),
});

/** Fixed default ports, shifted together by `--port-base`. */
export const portsFrom = (base: number): LocalPorts => ({
  gateway: base,
  dynamodb: base + 1,
  s3: base + 2,
  ses: base + 3,
  cognito: base + 4,
  portal: base + 5,
  stepFunctions: base + 6,
});

/** Limits no test or benchmark run reaches (they file hundreds of tickets from 127.0.0.1). */
export const UNLIMITED_FILING: FilingLimits = {
  perAddress: { hour: 1_000_000, day: 1_000_000 },
  perClient: { hour: 1_000_000, day: 1_000_000 },
};

export interface LocalStackOptions {
  /** Where data lives between restarts (`.local`). */
  readonly dataDir: string;
  /** Wipe `dataDir` first. */
  readonly fresh?: boolean;
  /** Keep DynamoDB in memory (tests, benchmark). @default false */
  readonly inMemory?: boolean;
  readonly ports: LocalPorts;
  /** Expose per-request DynamoDB counts in x-local-* headers. */
  readonly meter?: boolean;
  /** Overrides the functions' log level (the template's is INFO); tests and the benchmark keep to warnings. */
  readonly functionLogLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /**
   * Replaces the stage's abuse limits: the test suite and the benchmark file hundreds of
   * tickets from one address and one client, which the stage's limits rightly refuse.
   */
  readonly filingLimits?: FilingLimits;
  /**
   * How long functions keep the catalogue (60 s in the stage): the browser tests change it
   * through administration and file at once, as a supervisor trying a change would.
   */
  readonly catalogueCacheSeconds?: number;
  /**
   * Runs the template's schedules (EventBridge Scheduler in AWS) as intervals. The test suite
   * and the benchmark turn them off: tests invoke scheduled handlers themselves, at instants
   * they choose, and a run on the real clock would change data under them. @default true
   */
  readonly schedules?: boolean;
  readonly log?: (line: string) => void;
  /** Seed the town hall's demo tickets (`npm start`); tests and the benchmark start without. @default false */
  readonly demoTickets?: boolean;
  /**
   * Serve the built portal from this directory (`web/dist`) on `ports.portal`: mails then link
   * to it and the API allows its origin, as `webOrigins[0]` does in AWS. Without it (API tests,
   * the benchmark) mails keep the stage's web origin.
   */
  readonly portalDir?: string;
  /**
   * Decides the local stand-in for GuardDuty's malware scans, when the template protects a
   * bucket. @default the EICAR test-file detector (lib/local/malware-scanner.ts)
   */
  readonly malwareScanner?: Scanner;
  /** How long after an upload the scan result is published. @default 200 */
  readonly malwareScanDelayMs?: number;
}

export interface LocalEndpoints {
  readonly apiUrl: string;
  /** The portal, when served. */
  readonly portalUrl?: string;
  readonly healthUrl: string;
  readonly openapiUrl: string;
  readonly mailPageUrl: string;
  readonly region: string;
  readonly services: {
    readonly dynamodb: string;
    readonly s3: string;
    readonly ses: string;
    readonly cognito: string;
    /** The local Step Functions endpoint (`AWS_ENDPOINT_URL_SFN` of every function). */
    readonly stepFunctions: string;
  };
  /** The template's state machines, by logical id, with the local ARNs functions are given for them. */
  readonly stateMachines: readonly { readonly logicalId: string; readonly arn: string }[];
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly tableName: string;
  readonly attachmentsBucket: string;
  readonly mailConfigurationSet: string;
  /**
   * Stream records a function kept failing on, one JSON line each: the local dead-letter
   * queue of the event source mappings (in AWS the queue receives the batch's coordinates).
   */
  readonly deadLetterFile: string;
  /** Functions the local scheduler invokes at a fixed rate (none when `schedules` is off). */
  readonly schedules: readonly { readonly function: string; readonly everyMs: number }[];
  /** Route keys the gateway serves, as read from the synthesized template. */
  readonly routes: readonly string[];
  /** Environment each local function runs with, for integration tests that call handlers directly. */
  readonly functionEnvironment: Readonly<Record<string, string>>;
  readonly demoUsers: readonly { role: string; email: string; password: string; groups: readonly string[] }[];
}

export interface LocalStack {
  readonly endpoints: LocalEndpoints;
  stop(): Promise<void>;
}

const bucketNameFor = (logicalId: string) => `local-${logicalId.toLowerCase()}`.slice(0, 63);

/** Lambda retries a failed asynchronous invocation (S3 and EventBridge events) twice. */
const ASYNC_ATTEMPTS = 3;
/** Between attempts; Lambda waits a minute, then two: locally a moment is enough. */
const ASYNC_RETRY_MS = 500;

/**
 * Starts every local stand-in, creates what the synthesized template declares (table,
 * buckets, user pool), and serves the template's routes through the local gateway.
 */
export async function startLocalStack(options: LocalStackOptions): Promise<LocalStack> {
  const log = options.log ?? (() => undefined);
  const dataDir = resolve(options.dataDir);
  if (options.fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    stops.length = 0;
  };

  try {
    // Checked first so a taken port is a one-line message, not a half-started stack.
    await assertPortFree(options.ports.gateway, 'The local API gateway');
    await assertPortFree(options.ports.stepFunctions, 'Step Functions (local)');
    if (options.portalDir) await assertPortFree(options.ports.portal, 'The local portal');
    log('Synthesizing the CDK stack…');
    const { template, config } = synthesizeStack();
    const plan = planFromTemplate(template);
    const verificationMail = verificationMailOf(template);

    log('Starting DynamoDB Local, s3rver, SES and Cognito stand-ins…');
    // allSettled, not all: a failed start must not leave the others running unstopped.
    const started = await Promise.allSettled([
      startDynamoDb({
        port: options.ports.dynamodb,
        dataDir: options.inMemory ? undefined : join(dataDir, 'dynamodb'),
      }),
      startS3({ port: options.ports.s3, dataDir: join(dataDir, 's3') }),
      startSes({ port: options.ports.ses }),
      startCognito({
        port: options.ports.cognito,
        dataDir: join(dataDir, 'cognito'),
        onCode: ({ destination, code }) =>
          void mailVerificationCode(
            `http://${LOOPBACK}:${options.ports.ses}`,
            verificationMail,
            destination,
            code,
          ).catch((error: unknown) => log(`Could not mail a verification code to ${destination}: ${String(error)}`)),
      }),
    ]);
    for (const result of started) if (result.status === 'fulfilled') stops.push(result.value.stop);
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const [dynamodb, s3, ses, cognito] = started.map((result) => (result as PromiseFulfilledResult<unknown>).value) as [
      Awaited<ReturnType<typeof startDynamoDb>>,
      Awaited<ReturnType<typeof startS3>>,
      Awaited<ReturnType<typeof startSes>>,
      Awaited<ReturnType<typeof startCognito>>,
    ];

    const refs: Record<string, string> = Object.fromEntries(Object.keys(template.Resources).map((id) => [id, id]));
    const dynamo = new DynamoDBClient(localDynamoDbClientConfig(dynamodb.endpoint));
    for (const table of plan.tables) {
      refs[table.logicalId] = table.logicalId;
      await ensureTable(dynamo, table.logicalId, table.definition, ttlAttributeOf(template, table.logicalId));
    }
    // The portal's address is known before it starts: function environments link mails to it,
    // and browsers upload from it straight to the buckets.
    const portalUrl = options.portalDir ? `http://127.0.0.1:${options.ports.portal}` : undefined;
    const bucketOrigins = plan.cors ? [...plan.cors.allowOrigins, ...(portalUrl ? [portalUrl] : [])] : undefined;
    for (const bucket of plan.buckets) {
      refs[bucket.logicalId] = bucketNameFor(bucket.logicalId);
      await ensureBucket(s3.endpoint, refs[bucket.logicalId] as string, bucketOrigins);
    }

    const pool = await provisionUserPool(cognito.endpoint, {
      poolName: `finestreta-${config.stageName}`,
      clientName: 'web',
      groups: [...GROUPS],
      users: DEMO_USERS,
    });
    for (const [id, resource] of Object.entries(template.Resources)) {
      if (resource.Type === 'AWS::Cognito::UserPool') refs[id] = pool.userPoolId;
      if (resource.Type === 'AWS::Cognito::UserPoolClient') refs[id] = pool.clientId;
    }

    // `Ref` of a state machine is its ARN; `Fn::GetAtt [fn, Arn]` the ARN the local Step Functions invokes.
    for (const machine of plan.stateMachines) refs[machine.logicalId] = machine.arn;
    const resolveContext: ResolveContext = {
      refs,
      arns: localArns(template),
      region: LOCAL_REGION,
      accountId: LOCAL_ACCOUNT,
    };
    const awsIssuer = `https://cognito-idp.${LOCAL_REGION}.amazonaws.com/${pool.userPoolId}`;
    // Values that differ by design: the local user pool answers at cognito-local's URL, and
    // secrets CloudFormation would resolve at deploy time are made here, fresh each start.
    const secrets = new Map<string, string>();
    const resolveLocal = (value: unknown) => {
      const resolved = resolveValue(value, resolveContext);
      const secret = /^\{\{resolve:secretsmanager:([^:}]+):SecretString:::\}\}$/.exec(resolved)?.[1];
      if (secret) {
        if (!secrets.has(secret)) secrets.set(secret, randomBytes(32).toString('base64url'));
        return secrets.get(secret) as string;
      }
      return resolved === awsIssuer ? pool.issuer : resolved;
    };
    const output = (name: string) => resolveLocal(template.Outputs?.[name]?.Value);

    // Known before it starts: functions are created first, as the executions it resumes invoke them.
    const stepFunctionsEndpoint = `http://${LOOPBACK}:${options.ports.stepFunctions}`;
    const serviceEnv = {
      ...LOCAL_CREDENTIALS,
      AWS_REGION: LOCAL_REGION,
      AWS_DEFAULT_REGION: LOCAL_REGION,
      AWS_ENDPOINT_URL_DYNAMODB: dynamodb.endpoint,
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ENDPOINT_URL_SES: ses.endpoint,
      AWS_ENDPOINT_URL_SESV2: ses.endpoint,
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
      AWS_ENDPOINT_URL_SFN: stepFunctionsEndpoint,
      // s3rver stores the SDK's aws-chunked framing unless checksums are only sent when required.
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
      // No X-Ray daemon locally: traces off.
      POWERTOOLS_TRACE_ENABLED: 'false',
    };

    const functions = new Map<string, LocalFunction>();
    const environments: Record<string, string>[] = [];
    for (const fn of plan.functions) {
      const spec = FUNCTIONS[fn.name as FunctionName];
      if (!spec) throw new Error(`Template function ${fn.logicalId} names unknown handler ${fn.name}`);
      const environment = {
        ...Object.fromEntries(Object.entries(fn.environment).map(([k, v]) => [k, resolveLocal(v)])),
        ...(portalUrl && fn.environment[ENV.webBaseUrl] !== undefined ? { [ENV.webBaseUrl]: portalUrl } : {}),
        ...serviceEnv,
        ...(options.functionLogLevel ? { POWERTOOLS_LOG_LEVEL: options.functionLogLevel } : {}),
        ...(options.filingLimits && fn.environment[ENV.filingLimits] !== undefined
          ? { [ENV.filingLimits]: JSON.stringify(options.filingLimits) }
          : {}),
        ...(options.catalogueCacheSeconds !== undefined
          ? { [ENV.catalogueCacheSeconds]: String(options.catalogueCacheSeconds) }
          : {}),
        AWS_LAMBDA_FUNCTION_NAME: fn.name,
      };
      environments.push(environment);
      functions.set(
        fn.logicalId,
        new LocalFunction({
          name: fn.name,
          entry: join(PROJECT_ROOT, spec.entry),
          environment,
          timeoutSeconds: fn.timeoutSeconds,
          memoryMiB: fn.memoryMiB,
        }),
      );
    }

    const functionEnvironment = mergeEnvironments(environments);
    log('Loading demo data…');
    const userIds = Object.fromEntries(
      DEMO_USERS.map((user) => [user.email, pool.userIds[user.email]]).filter(([, id]) => id !== undefined),
    ) as Record<string, string>;
    await runAsFunction(
      join(import.meta.dirname, 'demo-seed.ts'),
      { userIds, tickets: options.demoTickets ?? false } satisfies SeedInput,
      functionEnvironment,
    );

    // Every function, routed, stream-triggered or scheduled, stops with the stack (after whatever invokes it).
    stops.push(async () => {
      await Promise.all([...functions.values()].map((fn) => fn.stop()));
    });

    // After the functions' stop is registered, so it stops before them: no task invokes a stopped function.
    const stepFunctions = await startLocalStepFunctions({
      port: options.ports.stepFunctions,
      plan,
      functions,
      dataDir: options.inMemory ? undefined : join(dataDir, 'step-functions'),
      log,
    });
    stops.push(stepFunctions.stop);

    const gateway: Gateway = await startGateway({
      port: options.ports.gateway,
      routes: plan.routes.map((route) => ({
        method: route.method,
        path: route.path,
        auth: route.auth,
        fn: functions.get(route.functionLogicalId) as LocalFunction,
      })),
      authorizer: { issuer: pool.issuer, audience: [pool.clientId], jwksUrl: pool.jwksUrl },
      cors: plan.cors && portalUrl ? { ...plan.cors, allowOrigins: [...plan.cors.allowOrigins, portalUrl] } : plan.cors,
      exposeMetering: options.meter,
    });
    stops.push(gateway.stop);

    stops.push(
      deliverBucketEvents({
        s3,
        plan,
        functions,
        refs,
        resolve: resolveLocal,
        log,
        scanner: options.malwareScanner,
        scanDelayMs: options.malwareScanDelayMs,
      }),
    );

    const deadLetterFile = join(dataDir, 'dead-letters.jsonl');
    for (const stream of plan.streams) {
      const fn = functions.get(stream.functionLogicalId);
      if (!fn) throw new Error(`Event source mapping names unknown function ${stream.functionLogicalId}`);
      const poller = await startStreamPoller({
        endpoint: dynamodb.endpoint,
        tableName: refs[stream.tableLogicalId] as string,
        subscriptions: [{ fn, batchSize: stream.batchSize, filters: stream.filters, maxAttempts: stream.maxAttempts }],
        region: LOCAL_REGION,
        log,
        deadLetter: (record) =>
          appendFileSync(deadLetterFile, `${JSON.stringify({ function: stream.functionLogicalId, record })}\n`),
      });
      stops.push(poller.stop);
    }

    // Last to start, so first to stop: no scheduled run starts once the stack is stopping.
    const schedules =
      (options.schedules ?? true)
        ? plan.schedules.map((schedule) => {
            const fn = functions.get(schedule.functionLogicalId);
            const name = plan.functions.find((candidate) => candidate.logicalId === schedule.functionLogicalId)?.name;
            if (!fn || !name) throw new Error(`Schedule names unknown function ${schedule.functionLogicalId}`);
            return { name, everyMs: schedule.everyMs, input: schedule.input, fn };
          })
        : [];
    if (schedules.length > 0) stops.push(startScheduler({ schedules, log }).stop);

    if (options.portalDir && portalUrl) {
      const portal = await startPortal({
        port: options.ports.portal,
        dir: options.portalDir,
        config: {
          apiUrl: gateway.url,
          cognito: { endpoint: cognito.endpoint, clientId: pool.clientId, region: LOCAL_REGION },
        },
        // s3rver: browsers POST attachments straight to the bucket, as to S3's regional endpoint in AWS.
        headers: siteHeaders({ connectSrc: [gateway.url, cognito.endpoint, s3.endpoint] }),
      });
      stops.push(portal.stop);
    }

    const endpoints: LocalEndpoints = {
      apiUrl: gateway.url,
      ...(portalUrl ? { portalUrl } : {}),
      healthUrl: `${gateway.url}/health`,
      openapiUrl: `${gateway.url}/openapi.json`,
      mailPageUrl: ses.mailPageUrl,
      region: LOCAL_REGION,
      services: {
        dynamodb: dynamodb.endpoint,
        s3: s3.endpoint,
        ses: ses.endpoint,
        cognito: cognito.endpoint,
        stepFunctions: stepFunctions.endpoint,
      },
      stateMachines: plan.stateMachines.map((machine) => ({ logicalId: machine.logicalId, arn: machine.arn })),
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.clientId,
      issuer: pool.issuer,
      jwksUrl: pool.jwksUrl,
      tableName: output('TableName'),
      attachmentsBucket: output('AttachmentsBucketName'),
      mailConfigurationSet: output('MailConfigurationSetName'),
      deadLetterFile,
      schedules: schedules.map((schedule) => ({ function: schedule.name, everyMs: schedule.everyMs })),
      routes: plan.routes.map((route) => `${route.method} ${route.path}`),
      functionEnvironment,
      demoUsers: DEMO_USERS.map((user) => ({
        role: user.role,
        email: user.email,
        password: DEMO_PASSWORD,
        groups: user.groups,
      })),
    };
    writeFileSync(join(dataDir, 'endpoints.json'), `${JSON.stringify(endpoints, null, 2)}\n`);
    return { endpoints, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * S3 event notifications and GuardDuty's malware scans, as the template declares them: each
 * object s3rver creates is delivered to the functions notified for its bucket and prefix, and
 * scanned by the local stand-in for GuardDuty where a plan protects it, whose result event goes
 * to the GuardDuty rules it matches. Invocations are asynchronous, as in AWS: nobody waits for
 * them, a failure is logged and retried twice. Returns the stop: no event is delivered after it.
 */
function deliverBucketEvents(options: {
  readonly s3: Awaited<ReturnType<typeof startS3>>;
  readonly plan: ReturnType<typeof planFromTemplate>;
  readonly functions: ReadonlyMap<string, LocalFunction>;
  readonly refs: Readonly<Record<string, string>>;
  readonly resolve: (value: unknown) => string;
  readonly log: (line: string) => void;
  readonly scanner?: Scanner;
  readonly scanDelayMs?: number;
}): () => Promise<void> {
  const { plan, functions, refs, log } = options;
  const nameOf = (logicalId: string) =>
    plan.functions.find((candidate) => candidate.logicalId === logicalId)?.name ?? logicalId;
  const target = (logicalId: string, what: string) => {
    const fn = functions.get(logicalId);
    if (!fn) throw new Error(`${what} names unknown function ${logicalId}`);
    return { fn, name: nameOf(logicalId) };
  };

  const inFlight = new Set<Promise<void>>();
  let stopped = false;
  const invokeAsync = (to: { fn: LocalFunction; name: string }, event: unknown, source: string) => {
    if (stopped) return;
    const run = (async () => {
      for (let attempt = 1; attempt <= ASYNC_ATTEMPTS && !stopped; attempt++) {
        const { error }: Invocation = await to.fn.invoke(event);
        if (!error || stopped) return;
        log(`${source}: ${to.name} failed (attempt ${attempt} of ${ASYNC_ATTEMPTS}): ${error.name}: ${error.message}`);
        if (attempt < ASYNC_ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, ASYNC_RETRY_MS * attempt));
      }
    })()
      .catch((error: unknown) => log(`${source}: ${to.name} failed: ${(error as Error).message}`))
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
  };

  const notifications = plan.bucketNotifications.map((notification) => ({
    ...notification,
    bucket: refs[notification.bucketLogicalId] as string,
    to: target(notification.functionLogicalId, `Bucket notification of ${notification.bucketLogicalId}`),
  }));
  const rules = plan.guardDutyRules.map((rule) => ({
    pattern: resolvePattern(rule.pattern, options.resolve),
    targets: rule.functionLogicalIds.map((id) => target(id, `Rule ${rule.logicalId}`)),
  }));
  const scanner: MalwareScanner | undefined =
    plan.malwareProtection.length > 0
      ? startMalwareScanner({
          endpoint: options.s3.endpoint,
          plans: plan.malwareProtection.map((protection) => ({
            bucket: refs[protection.bucketLogicalId] as string,
            prefixes: protection.prefixes,
            tagging: protection.tagging,
            planArn: `arn:aws:guardduty:${LOCAL_REGION}:${LOCAL_ACCOUNT}:malware-protection-plan/${protection.logicalId}`,
          })),
          publish: async (event) => {
            for (const rule of rules) {
              if (!matches(rule.pattern, event)) continue;
              for (const to of rule.targets) invokeAsync(to, event, 'GuardDuty scan result');
            }
          },
          account: LOCAL_ACCOUNT,
          region: LOCAL_REGION,
          scanner: options.scanner,
          delayMs: options.scanDelayMs,
          log,
        })
      : undefined;

  const unsubscribe = options.s3.onEvent((record) => {
    const { bucket, object } = record.s3;
    for (const notification of notifications) {
      if (notification.bucket !== bucket.name || !s3EventMatches(notification, record.eventName, object.key)) continue;
      invokeAsync(notification.to, s3NotificationEvent(record, { region: LOCAL_REGION }), `S3 event ${bucket.name}`);
    }
    scanner?.observe(record);
  });

  return async () => {
    unsubscribe();
    await scanner?.stop();
    stopped = true;
    await Promise.all(inFlight);
  };
}

/**
 * The template's state machines on the local Step Functions endpoint, their Lambda tasks run by
 * the local functions. Kept in `dataDir` when given (executions resume after a restart), as
 * DynamoDB's data is; in memory otherwise.
 */
async function startLocalStepFunctions(options: {
  readonly port: number;
  readonly plan: ReturnType<typeof planFromTemplate>;
  readonly functions: ReadonlyMap<string, LocalFunction>;
  readonly dataDir?: string;
  readonly log: (line: string) => void;
}): Promise<LocalStepFunctions> {
  const { plan, functions } = options;
  // By ARN as the definitions name them, and by name (a function's local name is its logical id).
  const byArn = new Map<string, LocalFunction>();
  for (const fn of plan.functions) {
    const local = functions.get(fn.logicalId);
    if (!local) continue;
    byArn.set(fn.arn, local);
    byArn.set(fn.logicalId, local);
  }
  const invokeLambda = async (functionArnOrName: string, payload: unknown): Promise<unknown> => {
    // A qualified ARN (`…:function:name:alias`) runs the one local version.
    const unqualified = functionArnOrName.replace(/^(arn:[^:]+:lambda:[^:]+:\d{12}:function:[^:]+):[^:]+$/, '$1');
    const fn = byArn.get(unqualified);
    if (!fn) {
      const error = new Error(`Function not found: ${functionArnOrName}`);
      error.name = 'Lambda.ResourceNotFoundException';
      throw error;
    }
    const { result, error } = await fn.invoke(payload);
    if (error) {
      // Named after the function's error type, so the definition's Retry and Catch match it.
      const failure = new Error(error.message);
      failure.name = error.name;
      throw failure;
    }
    return result;
  };
  return startStepFunctions({
    port: options.port,
    stateMachines: plan.stateMachines.map((machine) => ({
      arn: machine.arn,
      definition: machine.definition,
      invokeLambda,
    })),
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    log: options.log,
  });
}

/** The variables every function agrees on: what an integration test needs to call any handler. */
function mergeEnvironments(environments: Record<string, string>[]): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const environment of environments) {
    for (const [key, value] of Object.entries(environment)) {
      if (key === 'AWS_LAMBDA_FUNCTION_NAME' || key === 'POWERTOOLS_SERVICE_NAME') continue;
      merged[key] = value;
    }
  }
  return merged;
}

function ttlAttributeOf(template: ReturnType<typeof synthesizeStack>['template'], logicalId: string) {
  const ttl = template.Resources[logicalId]?.Properties?.TimeToLiveSpecification as
    | { AttributeName?: string; Enabled?: boolean }
    | undefined;
  return ttl?.Enabled ? ttl.AttributeName : undefined;
}

/**
 * Creates the table as the template declares it or, for data kept from an earlier version of
 * the template, brings it up to date as a CloudFormation update would: the stream turned on,
 * indexes added since (their items are indexed as they are next written).
 */
export async function ensureTable(
  client: DynamoDBClient,
  name: string,
  definition: ReturnType<typeof planFromTemplate>['tables'][number]['definition'],
  ttlAttribute: string | undefined,
) {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (definition.StreamSpecification && !Table?.StreamSpecification?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({ TableName: name, StreamSpecification: definition.StreamSpecification }),
      );
    }
    const existing = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
    for (const index of definition.GlobalSecondaryIndexes ?? []) {
      if (existing.has(index.IndexName)) continue;
      await client.send(
        new UpdateTableCommand({
          TableName: name,
          AttributeDefinitions: definition.AttributeDefinitions,
          GlobalSecondaryIndexUpdates: [
            { Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } },
          ],
        }),
      );
    }
    return;
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
  }
  await client.send(new CreateTableCommand({ ...definition, TableName: name }));
  if (ttlAttribute) {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: name,
        TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true },
      }),
    );
  }
}

/** The user pool's verification mail as the template sets it, for the local relay of codes. */
function verificationMailOf(template: ReturnType<typeof synthesizeStack>['template']): VerificationMail {
  const pool = Object.values(template.Resources).find((resource) => resource.Type === 'AWS::Cognito::UserPool');
  const message = (pool?.Properties as { VerificationMessageTemplate?: Record<string, string> } | undefined)
    ?.VerificationMessageTemplate;
  return {
    subject: message?.EmailSubject ?? 'Your verification code',
    html: message?.EmailMessage ?? 'Your verification code is {####}.',
  };
}
