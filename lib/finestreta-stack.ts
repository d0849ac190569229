import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, CfnOutput, Stack, type StackProps, Tags } from 'aws-cdk-lib';
import type { AwsSolutionsChecks } from 'cdk-nag';
import type { Construct } from 'constructs';
import { type ApiRoute, FUNCTIONS, type FunctionSpec } from '../functions/platform/functions';
import { readStageConfig, type StageConfig, stackEnv } from './config';
import { Alarms } from './constructs/alarms';
import { Api } from './constructs/api';
import { AttachmentsBucket } from './constructs/attachments-bucket';
import { Auth } from './constructs/auth';
import { DataTable } from './constructs/data-table';
import { PROJECT_ROOT } from './constructs/finestreta-function';
import { Mail } from './constructs/mail';
import { InboundMail } from './constructs/mail-inbound';
import { Portal } from './constructs/portal';
import { applyNagChecks } from './nag';

export interface FinestretaStackProps extends StackProps {
  readonly config: StageConfig;
  /** @default FUNCTIONS from functions/platform/functions.ts */
  readonly functions?: Readonly<Record<string, FunctionSpec>>;
  /** @default every route of the contract */
  readonly routes?: readonly ApiRoute[];
  /** The built web portal. @default {@link DEFAULT_WEB_DIST} */
  readonly webDistDir?: string;
}

/** Where Vite builds the web portal (`web/dist`); when absent, a placeholder page is deployed. */
export const DEFAULT_WEB_DIST = join(PROJECT_ROOT, 'web', 'dist');

/** The whole helpdesk: composes the feature constructs, holds no logic of its own. */
export class FinestretaStack extends Stack {
  public readonly config: StageConfig;
  public readonly data: DataTable;
  public readonly attachments: AttachmentsBucket;
  public readonly mail: Mail;
  /** Replies to notification mails; absent when the function table has no `mailInbound` (tests). */
  public readonly inboundMail?: InboundMail;
  public readonly auth: Auth;
  public readonly api: Api;
  public readonly alarms: Alarms;
  public readonly portal: Portal;

  constructor(scope: Construct, id: string, props: FinestretaStackProps) {
    super(scope, id, props);
    const { config } = props;
    this.config = config;

    this.data = new DataTable(this, 'Data');
    this.attachments = new AttachmentsBucket(this, 'Attachments', { webOrigins: config.webOrigins });
    this.mail = new Mail(this, 'Mail', config.mail);
    this.auth = new Auth(this, 'Auth');
    this.api = new Api(this, 'Api', {
      config,
      table: this.data,
      attachments: this.attachments,
      mail: this.mail,
      auth: this.auth,
      functions: props.functions,
      routes: props.routes,
    });
    const { mailFeedback, mailInbound } = this.api.functions;
    if (mailFeedback) this.mail.deliverFeedbackTo(mailFeedback);
    if (mailInbound) {
      this.inboundMail = new InboundMail(this, 'InboundMail', {
        fromAddress: config.mail.fromAddress,
        fn: mailInbound,
        accessLogsBucket: this.attachments.accessLogsBucket,
      });
    }
    // Uploads (S3 event) and, where the stage scans, GuardDuty's results (EventBridge) reach the
    // function the table marks `trigger: 'attachment-events'`; a bucket notifies one function.
    const specs: Readonly<Record<string, FunctionSpec>> = props.functions ?? FUNCTIONS;
    const attachmentChecks = Object.keys(specs).filter((name) => specs[name]?.trigger === 'attachment-events');
    if (attachmentChecks.length > 1) {
      throw new Error(`Only one function may take the attachments bucket's events: ${attachmentChecks.join(', ')}`);
    }
    for (const name of attachmentChecks) {
      const fn = this.api.functions[name];
      if (!fn) throw new Error(`Function ${name} was not created`);
      this.attachments.deliverEventsTo(fn, { malwareProtection: config.malwareProtection });
    }
    // The portal needs the API (config.json, the CSP's connect-src) and the API's CORS would
    // need the portal's domain: HttpApi → Distribution → ResponseHeadersPolicy → HttpApi is a
    // cycle CloudFormation refuses. So CORS stays on `config.webOrigins`, a value known at synth,
    // and `webOrigins[0]` must be the portal's public URL (its custom domain, or the PortalUrl
    // output after the first deployment); it is also where mails link to.
    this.portal = new Portal(this, 'Portal', {
      distDir: props.webDistDir ?? DEFAULT_WEB_DIST,
      apiUrl: this.api.httpApi.apiEndpoint,
      userPoolClientId: this.auth.client.userPoolClientId,
      // Browsers POST attachments straight to the bucket with the presigned policy the API hands out.
      uploadOrigins: [this.attachments.uploadOrigin],
      logRetention: config.retentionDays,
    });
    this.alarms = new Alarms(this, 'Alarms', {
      email: config.alarmEmail,
      httpApi: this.api.httpApi,
      functions: Object.values(this.api.functions),
      stateMachines: this.api.formWorkflow ? [this.api.formWorkflow.stateMachine] : [],
    });

    const outputs: Record<string, string> = {
      ApiUrl: this.api.url,
      UserPoolId: this.auth.userPool.userPoolId,
      UserPoolClientId: this.auth.client.userPoolClientId,
      IssuerUrl: this.auth.issuerUrl,
      TableName: this.data.tableName,
      AttachmentsBucketName: this.attachments.bucketName,
      MailConfigurationSetName: this.mail.configurationSetName,
      // Put it first in `webOrigins` (unless a custom domain fronts it) so the API allows it.
      PortalUrl: this.portal.url,
      PortalDistributionId: this.portal.distribution.distributionId,
      PortalBucketName: this.portal.bucket.bucketName,
    };
    if (this.api.formWorkflow) outputs.FormWorkflowArn = this.api.formWorkflow.stateMachine.stateMachineArn;
    // Activated by hand once (SES allows one active rule set per account and region): see lib/constructs/mail-inbound.ts.
    if (this.inboundMail) outputs.ReceiptRuleSetName = this.inboundMail.ruleSet.receiptRuleSetName;
    for (const [name, value] of Object.entries(outputs)) new CfnOutput(this, name, { value });
  }
}

export const stackName = (stageName: string): string => `Finestreta-${stageName}`;

/**
 * The `context` of cdk.json (feature flags, stage settings). The CLI passes it to the app
 * itself; in-process synths (tests, local stack) read it here so they build the same template.
 */
export function projectContext(): Record<string, unknown> {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context?: unknown };
  const context = cdkJson.context;
  return typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : {};
}

export interface FinestretaApp {
  readonly app: App;
  readonly stack: FinestretaStack;
  readonly config: StageConfig;
  readonly nag: AwsSolutionsChecks;
}

export interface CreateAppOptions {
  /** @default - CDK's default (a temporary directory in-process, cdk.out under the CLI) */
  readonly outdir?: string;
  /** Replace the function table (tests). @default FUNCTIONS */
  readonly functions?: Readonly<Record<string, FunctionSpec>>;
  /** Replace the route table (tests). @default ROUTES */
  readonly routes?: readonly ApiRoute[];
  /** The built web portal (tests). @default DEFAULT_WEB_DIST */
  readonly webDistDir?: string;
}

/**
 * Builds the app, the stack for the selected stage and the cdk-nag checks, without synthesizing.
 * `context` overrides cdk.json, e.g. `{ stage: 'dev', 'aws:cdk:bundling-stacks': [] }` to skip
 * esbuild. Call `app.synth()` (or `Template.fromStack(stack)`) to run nag and get the template.
 */
export function createApp(context: Record<string, unknown> = {}, options: CreateAppOptions = {}): FinestretaApp {
  const app = new App({ context: { ...projectContext(), ...context }, outdir: options.outdir });
  const config = readStageConfig((key) => app.node.tryGetContext(key));
  const stack = new FinestretaStack(app, stackName(config.stageName), {
    config,
    env: stackEnv(config),
    description: `Finestreta helpdesk (${config.stageName})`,
    functions: options.functions,
    routes: options.routes,
    webDistDir: options.webDistDir,
  });
  Tags.of(app).add('project', 'finestreta');
  Tags.of(app).add('stage', config.stageName);
  const nag = applyNagChecks(app);
  return { app, stack, config, nag };
}
