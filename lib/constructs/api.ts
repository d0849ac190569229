import { Duration } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  type HttpRoute,
  type HttpStage,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { routeKey } from '../../contracts/http';
import { ENV } from '../../functions/platform/env';
import {
  type ApiRoute,
  apiRoutes,
  type Capability,
  envKeysFor,
  FUNCTIONS,
  type FunctionSpec,
} from '../../functions/platform/functions';
import { KIND_ATTRIBUTE, KINDS } from '../../functions/platform/table/keys';
import type { StageConfig } from '../config';
import { acknowledge } from '../nag';
import type { AttachmentsBucket } from './attachments-bucket';
import type { Auth } from './auth';
import type { DataTable } from './data-table';
import { FinestretaFunction } from './finestreta-function';
import { FormWorkflow } from './form-workflow';
import { FunctionSchedule } from './function-schedule';
import type { Mail } from './mail';

/** Request headers the web client sends; everything else is refused at preflight. */
export const CORS_ALLOW_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'If-Match',
  'X-Ticket-Token',
  'Accept-Language',
];
/** Response headers the web client may read: concurrency token and created-resource location. */
export const CORS_EXPOSE_HEADERS = ['ETag', 'Location'];

/** Default route limits: a helpdesk sees bursts at office opening, not sustained floods. */
export const DEFAULT_THROTTLE = { burstLimit: 100, rateLimit: 50 } as const;

export interface ApiProps {
  readonly config: StageConfig;
  readonly table: DataTable;
  readonly attachments: AttachmentsBucket;
  readonly mail: Mail;
  readonly auth: Auth;
  /** @default FUNCTIONS from functions/platform/functions.ts */
  readonly functions?: Readonly<Record<string, FunctionSpec>>;
  /** @default every route of the contract, with the function that serves it */
  readonly routes?: readonly ApiRoute[];
}

/**
 * The HTTP API: one function per entry of the function table, one route per entry of the
 * route table, Cognito JWT on every route not declared public.
 */
export class Api extends Construct {
  public readonly httpApi: HttpApi;
  public readonly stage: HttpStage;
  public readonly authorizer: HttpJwtAuthorizer;
  public readonly accessLogs: LogGroup;
  /** Keyed by function name (the key in the function table). */
  public readonly functions: Readonly<Record<string, FinestretaFunction>>;
  /** Keyed by function name, for the functions the table declares a `schedule` for. */
  public readonly schedules: Readonly<Record<string, FunctionSchedule>>;
  /** Keyed by route key, e.g. `GET /health`. */
  public readonly routes: Readonly<Record<string, HttpRoute>>;
  /** The form-request state machine; absent when the function table has no task function (tests). */
  public readonly formWorkflow?: FormWorkflow;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { config } = props;
    const specs: Readonly<Record<string, FunctionSpec>> = props.functions ?? FUNCTIONS;
    const routeSpecs: readonly ApiRoute[] = props.routes ?? apiRoutes();
    const webBaseUrl = config.webOrigins[0];
    if (webBaseUrl === undefined) throw new Error('webOrigins must not be empty');

    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: `Finestreta helpdesk API (${config.stageName})`,
      // The default stage is created below, with access logs and throttling.
      createDefaultStage: false,
      corsPreflight: {
        // The configured origins only, never the portal distribution's domain: the portal's CSP and
        // config.json name this API, so that would be a cycle (see lib/finestreta-stack.ts).
        // `webOrigins[0]` is the portal's public URL.
        allowOrigins: [...config.webOrigins],
        allowMethods: [
          CorsHttpMethod.GET,
          CorsHttpMethod.POST,
          CorsHttpMethod.PUT,
          CorsHttpMethod.PATCH,
          CorsHttpMethod.DELETE,
          CorsHttpMethod.OPTIONS,
        ],
        allowHeaders: CORS_ALLOW_HEADERS,
        exposeHeaders: CORS_EXPOSE_HEADERS,
        maxAge: Duration.hours(1),
      },
    });

    this.accessLogs = new LogGroup(this, 'AccessLogs', { retention: config.retentionDays });
    this.stage = this.httpApi.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: DEFAULT_THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationStatus: '$context.integrationStatus',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            // Who called, without personal data: the Cognito subject, never the email.
            sub: '$context.authorizer.claims.sub',
            sourceIp: '$context.identity.sourceIp',
            userAgent: '$context.identity.userAgent',
          }),
        ),
      },
    });

    this.authorizer = new HttpJwtAuthorizer('CognitoJwt', props.auth.issuerUrl, {
      jwtAudience: [props.auth.client.userPoolClientId],
    });

    const functions: Record<string, FinestretaFunction> = {};
    for (const [name, spec] of Object.entries(specs)) {
      functions[name] = new FinestretaFunction(this, `Fn-${name}`, {
        name,
        entry: spec.entry,
        description: spec.description,
        stageName: config.stageName,
        logRetention: config.retentionDays,
        memoryMiB: spec.memoryMiB,
        timeout: spec.timeoutSeconds === undefined ? undefined : Duration.seconds(spec.timeoutSeconds),
      });
    }
    // The workflow invokes its task function, and the API functions that run it need its ARN:
    // every function exists before any is granted anything.
    const tasks = Object.keys(specs).filter((name) => specs[name]?.trigger === 'form-workflow-task');
    if (tasks.length > 1) throw new Error(`Only one function may run the form workflow's tasks: ${tasks.join(', ')}`);
    const [task] = tasks;
    if (task) {
      this.formWorkflow = new FormWorkflow(this, 'FormWorkflow', {
        task: functions[task] as FinestretaFunction,
        logRetention: config.retentionDays,
      });
    }
    const schedules: Record<string, FunctionSchedule> = {};
    for (const [name, spec] of Object.entries(specs)) {
      const fn = functions[name] as FinestretaFunction;
      for (const use of new Set(spec.uses)) this.grant(fn, use, props, webBaseUrl);
      if (spec.trigger === 'outbox-stream') this.deliverOutbox(fn, props.table);
      for (const metric of spec.logMetrics ?? []) fn.countFromLogs(metric);
      if (spec.schedule) {
        schedules[name] = new FunctionSchedule(this, `${fn.node.id}-Schedule`, {
          fn,
          everyMinutes: spec.schedule.everyMinutes,
        });
      }
      // The contract in functions/platform/functions.ts: each capability's env must be set.
      const missing = envKeysFor(spec).filter((key) => fn.environment[ENV[key]] === undefined);
      if (missing.length > 0) throw new Error(`${name}: capabilities set no value for ${missing.join(', ')}`);
    }
    this.functions = functions;
    this.schedules = schedules;

    const integrations = new Map<string, HttpLambdaIntegration>();
    const routes: Record<string, HttpRoute> = {};
    for (const route of routeSpecs) {
      const key = routeKey(route);
      const fn = functions[route.function];
      if (!fn) throw new Error(`Route ${key} names unknown function "${route.function}"`);
      if (routes[key]) throw new Error(`Route ${key} is declared twice`);
      let integration = integrations.get(route.function);
      if (!integration) {
        integration = new HttpLambdaIntegration(`Integration-${route.function}`, fn.fn);
        integrations.set(route.function, integration);
      }
      const [httpRoute] = this.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration,
        authorizer: route.auth === 'public' ? new HttpNoneAuthorizer() : this.authorizer,
      });
      if (!httpRoute) throw new Error(`Route ${key} was not created`);
      if (route.auth === 'public') {
        acknowledge(
          httpRoute,
          'AwsSolutions-APIG4',
          `${key} is declared auth: 'public' in contracts/routes.ts and is open to anonymous callers by ` +
            'design (health check, API document, topic catalogue, guest filing under /public/*); the handler ' +
            'validates its input and the stage throttles every route.',
        );
      }
      routes[key] = httpRoute;
    }
    this.routes = routes;
  }

  /** Base URL of the API (the `$default` stage). */
  get url(): string {
    return this.stage.url;
  }

  /**
   * New outbox items on the table's stream invoke `fn`; nothing else does (the filter runs in
   * the event source mapping, so other writes cost no invocation). Mails that keep failing
   * land in an encrypted dead-letter queue for operators.
   */
  private deliverOutbox(fn: FinestretaFunction, table: DataTable): void {
    const deadLetters = new Queue(this, `${fn.node.id}-DeadLetters`, {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      deadLetters,
      'AwsSolutions-SQS3',
      'This queue is itself the dead-letter destination of the outbox stream mapping; a queue for its own failures would only move the problem. Operators inspect and redrive it.',
    );
    fn.fn.addEventSource(
      new DynamoEventSource(table.table, {
        startingPosition: StartingPosition.LATEST,
        batchSize: 10,
        retryAttempts: 5,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { [KIND_ATTRIBUTE]: { S: FilterRule.isEqual(KINDS.outbox) } } },
          }),
        ],
      }),
    );
  }

  private secrets = new Map<string, Secret>();
  /**
   * Key material created with the first function that needs it, read at deploy time (no
   * function reads Secrets Manager on a cold start). Replacing one only invalidates what was
   * signed with it: list cursors in flight, or the links in mails already sent.
   */
  private secret(id: 'CursorKey' | 'LinkKey', description: string, replaced: string): Secret {
    let secret = this.secrets.get(id);
    if (!secret) {
      secret = new Secret(this, id, {
        description,
        generateSecretString: { passwordLength: 64, excludePunctuation: true },
      });
      acknowledge(
        secret,
        'AwsSolutions-SMG4',
        `Key material read only at deploy time; replacing it merely invalidates ${replaced}, so no rotation Lambda is kept`,
      );
      this.secrets.set(id, secret);
    }
    return secret;
  }

  private grant(fn: FinestretaFunction, use: Capability, props: ApiProps, webBaseUrl: string): void {
    // A Record, not a switch: adding a Capability without a grant fails to compile.
    const grants: Record<Capability, () => void> = {
      'table:read': () => fn.useTable(props.table, 'read'),
      'table:write': () => fn.useTable(props.table, 'write'),
      'mail:send': () => fn.useMail(props.mail, webBaseUrl),
      'cursors:seal': () =>
        fn.useSecret(
          'cursorKey',
          this.secret(
            'CursorKey',
            'Seals the list cursors the API hands out (AES-256-GCM key material)',
            'cursors clients hold',
          ),
        ),
      'links:sign': () =>
        fn.useSecret(
          'linkKey',
          this.secret(
            'LinkKey',
            'Signs the tokens of links mailed to people (HMAC-SHA256 key material)',
            'links in mails already sent',
          ),
        ),
      'tickets:file': () => fn.setEnv('filingLimits', JSON.stringify(props.config.filingLimits)),
      'attachments:presign': () => props.attachments.grantPresign(fn),
      'attachments:check': () => props.attachments.grantCheck(fn, props.config.malwareProtection ? 'guardduty' : 'off'),
      'attachments:purge': () => props.attachments.grantPurge(fn),
      'forms:workflow': () => {
        if (!this.formWorkflow) throw new Error(`${fn.name} runs the form workflow, but no function runs its tasks`);
        this.formWorkflow.grantRun(fn);
        fn.setEnv('formWorkflowArn', this.formWorkflow.stateMachine.stateMachineArn);
      },
      'forms:templates': () => props.attachments.grantFormTemplates(fn),
      'forms:directorate': () => fn.setEnv('formDirectorate', JSON.stringify(props.config.formRequests)),
      'health:probe': () =>
        fn.useHealthProbe({
          table: props.table,
          bucket: props.attachments,
          mail: props.mail,
          issuerUrl: props.auth.issuerUrl,
        }),
    };
    grants[use]();
  }
}
