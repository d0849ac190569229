import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { LocalStackError } from './errors';
import { assertPortFree, LOOPBACK } from './ports';

export interface StartSesOptions {
  port: number;
}

export interface LocalSes {
  endpoint: string;
  /** A web page listing every mail sent, for people trying the app. */
  mailPageUrl: string;
  stop(): Promise<void>;
}

/** A mail as aws-ses-v2-local records it (only the fields our tests and tools read). */
export interface SentMail {
  messageId: string;
  from: string;
  replyTo: string[];
  destination: { to: string[]; cc: string[]; bcc: string[] };
  subject: string;
  body: { html?: string; text?: string };
  /** Custom headers the mail was sent with (SES v2 `Content.Simple.Headers`). */
  headers?: { name: string; value: string }[];
  /** Seconds since the epoch. */
  at: number;
}

const LABEL = 'SES (aws-ses-v2-local)';

// The package is CommonJS with `exports.default`; a native ESM default import would yield the whole
// exports object (Node ignores __esModule), so take `.default` explicitly.
const { default: startSesServer } = createRequire(import.meta.url)(
  'aws-ses-v2-local',
) as typeof import('aws-ses-v2-local');

/**
 * Settings for any SES v2 client of the local stand-in. It accepts any credentials but rejects
 * unsigned requests, so some credentials must be present.
 */
export const localSesClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

/** A production-access, sending-enabled account, as a deployed stage should have. */
const LOCAL_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: false,
  Details: {
    AdditionalContactEmailAddresses: [],
    ContactLanguage: 'EN',
    MailType: 'TRANSACTIONAL',
    ReviewDetails: { CaseId: 'local', Status: 'GRANTED' },
    UseCaseDescription: 'Finestreta local development',
    WebsiteURL: 'http://localhost',
  },
  EnforcementStatus: 'HEALTHY',
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 0 },
  SuppressionAttributes: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
};

/**
 * Runs aws-ses-v2-local in this process. Its mailbox is module-global: every instance in one
 * process shares it, and it is empty after a restart (mails are never written to disk).
 */
export const startSes = async (options: StartSesOptions): Promise<LocalSes> => {
  const { port } = options;
  await assertPortFree(port, LABEL);
  // GetAccount (the health probe) answers only when the emulator is told what account it is.
  process.env.AWS_SES_ACCOUNT ??= JSON.stringify(LOCAL_ACCOUNT);
  const server: Server = await startSesServer({ host: LOOPBACK, port });
  // Express 5 hands listen errors to the callback, and aws-ses-v2-local then resolves anyway
  // with a server that is not listening.
  if (!server.listening) {
    throw new LocalStackError(`${LABEL} could not start on port ${port}.`);
  }
  const endpoint = `http://${LOOPBACK}:${port}`;
  return {
    endpoint,
    mailPageUrl: `${endpoint}/`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // close() waits for keep-alive connections, e.g. from an SDK client or the open mail page.
        server.closeAllConnections();
      }),
  };
};

const expectOk = async (response: Response, what: string): Promise<Response> => {
  if (!response.ok) throw new Error(`${what} failed: HTTP ${response.status} ${await response.text()}`);
  return response;
};

/** Mails sent since the server started (or since `sinceEpochSeconds`), oldest first. */
export const readMailbox = async (endpoint: string, sinceEpochSeconds?: number): Promise<SentMail[]> => {
  const url = new URL('/store', endpoint);
  if (sinceEpochSeconds !== undefined) url.searchParams.set('since', String(Math.floor(sinceEpochSeconds)));
  const response = await expectOk(await fetch(url), 'Reading the local SES mailbox');
  const { emails } = (await response.json()) as { emails: SentMail[] };
  return emails;
};

export const clearMailbox = async (endpoint: string): Promise<void> => {
  await expectOk(await fetch(new URL('/clear-store', endpoint), { method: 'POST' }), 'Clearing the local SES mailbox');
};

/** The user pool's verification mail, as the template configures it (`{####}` for the code). */
export interface VerificationMail {
  subject: string;
  /** HTML, as Cognito sends it. */
  html: string;
}

/**
 * Mails a code through the SES stand-in as the deployed user pool would mail it, so people
 * trying `npm start` find their code in the local mailbox with every other mail.
 */
export async function mailVerificationCode(
  endpoint: string,
  mail: VerificationMail,
  to: string,
  code: string,
): Promise<void> {
  const html = mail.html.replaceAll('{####}', code);
  const client = new SESv2Client(localSesClientConfig(endpoint));
  try {
    await client.send(
      new SendEmailCommand({
        FromEmailAddress: 'no-reply@verificationemail.com',
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: mail.subject },
            Body: { Html: { Data: html }, Text: { Data: html.replaceAll('<br>', '\n') } },
          },
        },
      }),
    );
  } finally {
    client.destroy();
  }
}
