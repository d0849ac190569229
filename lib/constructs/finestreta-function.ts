import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { FilterPattern, LogGroup, MetricFilter, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { ENV, type EnvKey } from '../../functions/platform/env';
import { LOG_METRICS, type LogMetric } from '../../functions/platform/log-metrics';
import { BUNDLE_RUNTIME_ENV, BUNDLING, LAZY_MODULES, lazyModuleCommands } from '../bundling';
import { acknowledge } from '../nag';
import type { AttachmentsBucket } from './attachments-bucket';
import type { DataTable } from './data-table';
import type { Mail } from './mail';

/** Repository root: entries in `FUNCTIONS` are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * CloudFormation metadata key on each `AWS::Lambda::Function` naming its `FUNCTIONS` key,
 * so the local gateway can map synthesized resources back to handlers.
 */
export const FUNCTION_METADATA_KEY = 'finestreta:function';

export const METRICS_NAMESPACE = 'Finestreta';
export const SERVICE_NAME = 'finestreta';

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

export interface FinestretaFunctionProps {
  /** Key of the function in `FUNCTIONS`; also written to the resource metadata. */
  readonly name: string;
  /** Handler module relative to the repository root; it exports `handler`. */
  readonly entry: string;
  readonly description: string;
  /** Stage name, exposed to the handler as `ENV.stage`. */
  readonly stageName: string;
  /** Retention of the function's own log group. */
  readonly logRetention: RetentionDays;
  /** @default 256 */
  readonly memoryMiB?: number;
  /** @default Duration.seconds(10) */
  readonly timeout?: Duration;
  /** @default 'INFO' */
  readonly logLevel?: LogLevel;
  /** Extra environment, merged with the defaults; a clash with a default is an error. */
  readonly environment?: Readonly<Record<string, string>>;
}

/**
 * A Lambda function with Finestreta's fixed defaults: Node 22 on arm64, ESM bundle built
 * locally by esbuild, X-Ray tracing, its own log group and role. Access is granted by intent
 * (`useTable`, `useMail`, `useHealthProbe`), each setting the environment the grant implies.
 */
export class FinestretaFunction extends Construct {
  public readonly name: string;
  public readonly fn: NodejsFunction;
  public readonly role: Role;
  public readonly logGroup: LogGroup;
  private readonly env = new Map<string, string>();

  constructor(scope: Construct, id: string, props: FinestretaFunctionProps) {
    super(scope, id);
    this.name = props.name;

    this.logGroup = new LogGroup(this, 'Logs', { retention: props.logRetention });
    // Own role without AWSLambdaBasicExecutionRole: logs go to this log group only.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Finestreta ${props.name} function`,
    });
    this.logGroup.grantWrite(this.role);

    const environment: Record<string, string> = {
      ...BUNDLE_RUNTIME_ENV,
      POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
      POWERTOOLS_LOG_LEVEL: props.logLevel ?? 'INFO',
      [ENV.stage]: props.stageName,
    };
    for (const [key, value] of Object.entries(props.environment ?? {})) {
      if (key in environment) throw new Error(`${props.name}: environment ${key} is set by FinestretaFunction`);
      environment[key] = value;
    }
    for (const [key, value] of Object.entries(environment)) this.env.set(key, value);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: join(PROJECT_ROOT, props.entry),
      handler: 'handler',
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memoryMiB ?? 256,
      timeout: props.timeout ?? Duration.seconds(10),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      role: this.role,
      environment,
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: BUNDLING.target,
        mainFields: [...BUNDLING.mainFields],
        minify: BUNDLING.minify,
        sourceMap: BUNDLING.sourcemap,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: BUNDLING.sourcesContent,
        banner: BUNDLING.banner,
        bundleAwsSDK: BUNDLING.bundleAwsSdk,
        externalModules: LAZY_MODULES.map((lazy) => `./${lazy.file}`),
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir, outputDir) => lazyModuleCommands(inputDir, outputDir, props.name),
        },
      },
    });
    (this.fn.node.defaultChild as CfnFunction).addMetadata(FUNCTION_METADATA_KEY, props.name);

    acknowledge(
      this.role,
      'AwsSolutions-IAM5[Resource::*]',
      'Only actions without resource-level permissions are granted on "*": xray:PutTraceSegments and ' +
        'xray:PutTelemetryRecords (Tracing.ACTIVE) and, for the health probe, read-only ses:GetAccount. ' +
        'Infra tests assert no other action on any function role is granted on "*".',
    );
    acknowledge(
      this.fn,
      'AwsSolutions-L1',
      'Pinned to nodejs22.x, a supported LTS runtime, so it matches the esbuild target (node22) in ' +
        'lib/bundling.ts that bundles are built and benchmarked with; moving to nodejs24.x is a deliberate, ' +
        'tested change rather than a silent bump on a CDK upgrade.',
    );
  }

  /** The function's environment as configured so far. */
  get environment(): Readonly<Record<string, string>> {
    return Object.fromEntries(this.env);
  }

  /** Sets an `ENV` variable; setting it twice to different values is a bug, so it throws. */
  /** A metric counted from this function's log lines (functions/platform/log-metrics.ts). */
  countFromLogs(name: LogMetric): void {
    const { message, metric, dimensions } = LOG_METRICS[name];
    new MetricFilter(this, `Metric-${metric}`, {
      logGroup: this.logGroup,
      metricNamespace: METRICS_NAMESPACE,
      metricName: metric,
      filterPattern: FilterPattern.stringValue('$.message', '=', message),
      metricValue: '1',
      dimensions: Object.fromEntries(dimensions.map((field) => [field, `$.${field}`])),
    });
  }

  setEnv(key: EnvKey, value: string): void {
    const name = ENV[key];
    const existing = this.env.get(name);
    if (existing !== undefined) {
      if (existing !== value) throw new Error(`${this.name}: environment ${name} is already set to another value`);
      return;
    }
    this.env.set(name, value);
    this.fn.addEnvironment(name, value);
  }

  /** Items of the table: `read` (no Scan) or `write` (read + put/update/delete). */
  useTable(table: DataTable, access: 'read' | 'write'): void {
    table.grantItems(this.role, access);
    this.setEnv('tableName', table.tableName);
  }

  /** Send mail as the configured sender; links in mail point at `webBaseUrl`. */
  useMail(mail: Mail, webBaseUrl: string): void {
    mail.grantSend(this.role);
    this.setEnv('mailFrom', mail.fromAddress);
    this.setEnv('mailConfigurationSet', mail.configurationSetName);
    this.setEnv('webBaseUrl', webBaseUrl);
  }

  /**
   * A secret (list cursors' or mailed links' key) as a CloudFormation dynamic reference:
   * resolved at deploy time, so no function reads Secrets Manager on a cold start.
   */
  useSecret(env: 'cursorKey' | 'linkKey', secret: ISecret): void {
    this.setEnv(env, secret.secretValue.unsafeUnwrap());
  }

  /** Cheapest read of each backing service, for the health check; no data access. */
  useHealthProbe(deps: { table: DataTable; bucket: AttachmentsBucket; mail: Mail; issuerUrl: string }): void {
    deps.table.grantDescribe(this.role);
    deps.bucket.grantHead(this.role);
    deps.mail.grantAccountRead(this.role);
    this.setEnv('tableName', deps.table.tableName);
    this.setEnv('attachmentsBucket', deps.bucket.bucketName);
    this.setEnv('jwtIssuer', deps.issuerUrl);
  }
}
