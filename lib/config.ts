import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { DEFAULT_DIRECTORATE, Directorate } from '../functions/form-requests/domain/directorate';
import { DEFAULT_FILING_LIMITS, FilingLimits } from '../functions/tickets/domain/limits';

/** What differs between deployments of Finestreta. */
export interface StageConfig {
  /** Lower-case name used in the stack name and tags, e.g. `dev`, `prod`. */
  readonly stageName: string;
  /** Region to deploy to; only applied together with `account` (see {@link stackEnv}). */
  readonly region: string;
  /**
   * AWS account id. When absent the stack is environment-agnostic: it synthesizes offline
   * and deploys to whatever account/region the CLI credentials point at.
   */
  readonly account?: string;
  readonly mail: {
    /** Sender of every notification; must belong to `domain`. */
    readonly fromAddress: string;
    /** Domain verified as the SES email identity. */
    readonly domain: string;
  };
  /**
   * Origins of the web client, for CORS; the first is the base URL used in email links and must be
   * the deployed portal's public URL: its custom domain, or the stack's `PortalUrl` output (the
   * CloudFront domain, known after the first deployment). The API cannot allow the distribution
   * by itself without a dependency cycle (lib/finestreta-stack.ts).
   */
  readonly webOrigins: readonly string[];
  /** CloudWatch Logs retention of function and access logs; one of the values CloudWatch accepts. */
  readonly retentionDays: RetentionDays;
  /** Receives alarm notifications (SNS email subscription). */
  readonly alarmEmail: string;
  /**
   * Tickets one address or one client (source IP) may file per hour and per day; beyond them
   * the API answers 429 with Retry-After. Staff filing for their organisation are not limited.
   */
  readonly filingLimits: FilingLimits;
  /**
   * GuardDuty Malware Protection for S3 on the attachments bucket: each upload under the ticket
   * prefix is scanned, tagged with its result, and the result event marks the file clean or moves
   * it to quarantine. GuardDuty charges per GB scanned and per object evaluated, so a stage may do
   * without (`false`): verified files then count as clean without a scan, and neither the
   * protection plan nor its role and result rule are deployed.
   */
  readonly malwareProtection: boolean;
  /**
   * Where departments' form requests go: the directorate's organisation (its calendar counts
   * each step's business days; its supervisors get late steps), and the shared mailboxes of the
   * directorate's reviewers and of the technical office, told when they must act.
   */
  readonly formRequests: Directorate;
}

/** Context key that selects the stage: `cdk synth -c stage=prod`. */
export const STAGE_CONTEXT_KEY = 'stage';
/** Context key holding per-stage settings: `{ "prod": { "account": "…", "mail": { … }, … } }`. */
export const STAGES_CONTEXT_KEY = 'finestreta:stages';
export const DEFAULT_STAGE = 'dev';

/** Defaults for `dev`, chosen so `cdk synth` works offline without credentials. */
export const DEV_DEFAULTS: StageConfig = {
  stageName: DEFAULT_STAGE,
  region: 'eu-west-1',
  mail: { fromAddress: 'finestreta@example.org', domain: 'example.org' },
  webOrigins: ['http://localhost:5173'],
  retentionDays: RetentionDays.ONE_MONTH,
  alarmEmail: 'ops@example.org',
  filingLimits: DEFAULT_FILING_LIMITS,
  malwareProtection: true,
  formRequests: DEFAULT_DIRECTORATE,
};

const RETENTION_VALUES = new Set<number>(
  Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'),
);
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HOSTNAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const STAGE_NAME = /^[a-z][a-z0-9-]{0,19}$/;
const REGION = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;
const ACCOUNT = /^\d{12}$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function isOrigin(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

/** Every reason `value` is not a valid {@link StageConfig}; empty when it is one. */
export function stageConfigProblems(value: unknown): string[] {
  if (!isRecord(value)) return ['stage config must be an object'];
  const problems: string[] = [];
  const {
    stageName,
    region,
    account,
    mail,
    webOrigins,
    retentionDays,
    alarmEmail,
    filingLimits,
    malwareProtection,
    formRequests,
  } = value;
  if (typeof stageName !== 'string' || !STAGE_NAME.test(stageName)) {
    problems.push(`stageName must match ${STAGE_NAME} (got ${JSON.stringify(stageName)})`);
  }
  if (typeof region !== 'string' || !REGION.test(region)) {
    problems.push(`region must be an AWS region such as eu-west-1 (got ${JSON.stringify(region)})`);
  }
  if (account !== undefined && (typeof account !== 'string' || !ACCOUNT.test(account))) {
    problems.push(`account must be a 12-digit AWS account id when given (got ${JSON.stringify(account)})`);
  }
  if (!isRecord(mail)) {
    problems.push('mail must be an object { fromAddress, domain }');
  } else {
    const { fromAddress, domain } = mail;
    if (typeof domain !== 'string' || !HOSTNAME.test(domain)) {
      problems.push(`mail.domain must be a domain name (got ${JSON.stringify(domain)})`);
    }
    if (typeof fromAddress !== 'string' || !EMAIL.test(fromAddress)) {
      problems.push(`mail.fromAddress must be an email address (got ${JSON.stringify(fromAddress)})`);
    } else if (typeof domain === 'string' && !fromAddress.toLowerCase().endsWith(`@${domain.toLowerCase()}`)) {
      // The SES identity is the domain, so a sender outside it could not send.
      problems.push(`mail.fromAddress ${fromAddress} must belong to mail.domain ${domain}`);
    }
  }
  if (!Array.isArray(webOrigins) || webOrigins.length === 0) {
    problems.push('webOrigins must be a non-empty array of origins such as https://finestreta.example.org');
  } else {
    for (const origin of webOrigins) {
      if (!isOrigin(origin)) {
        problems.push(`webOrigins entry ${JSON.stringify(origin)} must be a bare http(s) origin, no path or slash`);
      }
    }
  }
  if (typeof retentionDays !== 'number' || !RETENTION_VALUES.has(retentionDays)) {
    problems.push(
      `retentionDays must be one of ${[...RETENTION_VALUES].join(', ')} (got ${JSON.stringify(retentionDays)})`,
    );
  }
  if (typeof alarmEmail !== 'string' || !EMAIL.test(alarmEmail)) {
    problems.push(`alarmEmail must be an email address (got ${JSON.stringify(alarmEmail)})`);
  }
  if (!FilingLimits.safeParse(filingLimits).success) {
    problems.push(
      `filingLimits must be { perAddress: { hour, day }, perClient: { hour, day } } of whole numbers ≥ 1 (got ${JSON.stringify(filingLimits)})`,
    );
  }
  if (typeof malwareProtection !== 'boolean') {
    problems.push(`malwareProtection must be true or false (got ${JSON.stringify(malwareProtection)})`);
  }
  if (!Directorate.safeParse(formRequests).success) {
    problems.push(
      `formRequests must be { organisationId, reviewers: { name, email, language }, operators: { name, email, language } } (got ${JSON.stringify(formRequests)})`,
    );
  }
  return problems;
}

export function isStageConfig(value: unknown): value is StageConfig {
  return stageConfigProblems(value).length === 0;
}

export function assertStageConfig(value: unknown, source = 'stage config'): asserts value is StageConfig {
  const problems = stageConfigProblems(value);
  if (problems.length > 0) throw new Error(`Invalid ${source}:\n  - ${problems.join('\n  - ')}`);
}

/** Settings a non-dev stage must state itself, so prod never mails from example.org by accident. */
const REQUIRED_OUTSIDE_DEV = ['mail', 'webOrigins', 'alarmEmail', 'formRequests'] as const;

/**
 * Reads the stage configuration from CDK context.
 *
 * - `stage` (string, default `dev`) selects the stage: `cdk synth -c stage=prod`.
 * - `finestreta:stages` (object, optional) maps stage names to settings, each a partial
 *   {@link StageConfig} without `stageName`; for example, in cdk.json:
 *   `"finestreta:stages": { "prod": { "account": "123456789012", "region": "eu-west-1",
 *   "mail": { "fromAddress": "finestreta@town.example", "domain": "town.example" },
 *   "webOrigins": ["https://helpdesk.town.example"], "alarmEmail": "ops@town.example" } }`.
 *   A stage that does without GuardDuty's malware scans adds `"malwareProtection": false`.
 *
 * Missing settings fall back to {@link DEV_DEFAULTS}; a stage other than `dev` must appear in
 * `finestreta:stages` and give `mail`, `webOrigins` and `alarmEmail`. Throws listing every problem.
 */
export function readStageConfig(tryGetContext: (key: string) => unknown): StageConfig {
  const stageName = tryGetContext(STAGE_CONTEXT_KEY) ?? DEFAULT_STAGE;
  if (typeof stageName !== 'string') throw new Error(`Context "${STAGE_CONTEXT_KEY}" must be a string`);
  const stages = parseMaybeJson(tryGetContext(STAGES_CONTEXT_KEY)) ?? {};
  if (!isRecord(stages)) throw new Error(`Context "${STAGES_CONTEXT_KEY}" must be an object keyed by stage name`);
  const entry = stages[stageName];
  if (entry === undefined && stageName !== DEFAULT_STAGE) {
    const known = [DEFAULT_STAGE, ...Object.keys(stages).filter((name) => name !== DEFAULT_STAGE)].join(', ');
    throw new Error(`Unknown stage "${stageName}": add it to context "${STAGES_CONTEXT_KEY}" (known: ${known})`);
  }
  const overrides = entry ?? {};
  if (!isRecord(overrides)) throw new Error(`Context "${STAGES_CONTEXT_KEY}.${stageName}" must be an object`);
  if (stageName !== DEFAULT_STAGE) {
    const missing = REQUIRED_OUTSIDE_DEV.filter((key) => overrides[key] === undefined);
    if (missing.length > 0) {
      throw new Error(`Stage "${stageName}" must set ${missing.join(', ')} in context "${STAGES_CONTEXT_KEY}"`);
    }
  }
  const config = { ...DEV_DEFAULTS, ...overrides, stageName };
  assertStageConfig(config, `configuration of stage "${stageName}"`);
  return config;
}

/** `-c key=value` on the command line arrives as a string; accept JSON there too. */
function parseMaybeJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new Error(`Context "${STAGES_CONTEXT_KEY}" is a string but not JSON`);
  }
}

/** The stack environment: concrete only when an account is configured. */
export function stackEnv(config: StageConfig): { account: string; region: string } | undefined {
  return config.account ? { account: config.account, region: config.region } : undefined;
}
