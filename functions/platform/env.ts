/**
 * Environment variable names: the CDK app sets them, handlers read them.
 * One module so the two sides cannot drift.
 */
export const ENV = {
  stage: 'FINESTRETA_STAGE',
  tableName: 'TABLE_NAME',
  attachmentsBucket: 'ATTACHMENTS_BUCKET',
  /**
   * `guardduty` where GuardDuty Malware Protection scans the attachments bucket (its result
   * event sets each file's status; `npm start` has a local stand-in), `off` where a stage does
   * without: verified files are then clean without a scan.
   */
  attachmentScanning: 'ATTACHMENT_SCANNING',
  mailFrom: 'MAIL_FROM',
  mailConfigurationSet: 'MAIL_CONFIGURATION_SET',
  /** Cognito issuer URL (`https://cognito-idp.<region>.amazonaws.com/<poolId>`); its JWKS proves Cognito is reachable. */
  jwtIssuer: 'JWT_ISSUER',
  /** Base URL of the web client, used for links in emails. */
  webBaseUrl: 'WEB_BASE_URL',
  /** Secret the list cursors are sealed with (platform/table/cursor.ts), created by the stack. */
  cursorKey: 'CURSOR_KEY',
  /** Secret the tokens of mailed links are signed with (platform/links.ts), created by the stack. */
  linkKey: 'LINK_KEY',
  /** How many tickets one address or client may file per hour and day, JSON (tickets/domain/limits.ts). */
  filingLimits: 'FILING_LIMITS',
  /**
   * Optional: how many seconds a function instance keeps the catalogue before reading it again
   * (default 60), so administration's changes reach new tickets within that time.
   */
  catalogueCacheSeconds: 'CATALOGUE_CACHE_SECONDS',
  /** Bucket SES's receipt rule writes replies to notification mails into (raw MIME, under `inbound/`). */
  inboundMailBucket: 'INBOUND_MAIL_BUCKET',
  /** ARN of the form-request state machine (Step Functions): started, signalled and described by the API. */
  formWorkflowArn: 'FORM_WORKFLOW_ARN',
  /**
   * The directorate that reviews form requests, JSON (functions/form-requests/domain/directorate.ts):
   * the organisation whose calendar times each step and whose supervisors a late step escalates
   * to, and the mailboxes of the directorate's reviewers and of the technical office.
   */
  formDirectorate: 'FORM_DIRECTORATE',
} as const;

export type EnvKey = keyof typeof ENV;

/** Reads the named variables once, at cold start, and fails fast on any that is missing. */
export function readEnv<K extends EnvKey>(...keys: K[]): Record<K, string> {
  const missing: string[] = [];
  const values = {} as Record<K, string>;
  for (const key of keys) {
    const value = process.env[ENV[key]];
    if (value === undefined || value === '') missing.push(ENV[key]);
    else values[key] = value;
  }
  if (missing.length > 0) throw new Error(`Missing environment variables: ${missing.join(', ')}`);
  return values;
}
