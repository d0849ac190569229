import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  TransactionCanceledException,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { GetBucketCorsCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUPS } from '../../contracts/vocabulary';
import { liveChildCount } from '../../lib/local/child-process';
import {
  type LocalCognito,
  type ProvisionOptions,
  provisionUserPool,
  signIn,
  startCognito,
} from '../../lib/local/cognito';
import { DEMO_USERS, demoUser } from '../../lib/local/demo-users';
import { type LocalDynamoDb, localDynamoDbClientConfig, startDynamoDb } from '../../lib/local/dynamodb';
import { LocalStackError } from '../../lib/local/errors';
import { assertPortFree, freePort } from '../../lib/local/ports';
import { ensureBucket, type LocalS3, localS3ClientConfig, startS3 } from '../../lib/local/s3';
import { clearMailbox, type LocalSes, localSesClientConfig, readMailbox, startSes } from '../../lib/local/ses';
import { ensureTable } from '../../lib/local/stack';

const HOOK_TIMEOUT = 60_000;

/**
 * True while a process with this pid exists and has not exited. A killed grandchild may linger as a
 * zombie until init reaps it (some container inits never do), so a zombie counts as gone.
 */
const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0); // signal 0 only checks
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; comm may contain spaces, the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): signal 0 succeeded, so it exists
  }
};

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'finestreta-emulators-'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('ports', () => {
  it('reports a busy port in words a person can act on', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const { port } = blocker.address() as { port: number };
    try {
      const attempt = assertPortFree(port, 'DynamoDB Local');
      await expect(attempt).rejects.toBeInstanceOf(LocalStackError);
      await expect(attempt).rejects.toThrow(`Port ${port} (DynamoDB Local) is already in use`);
      await expect(startS3({ port, dataDir: join(root, 'unused') })).rejects.toThrow(/already in use/);
    } finally {
      blocker.close();
    }
  });
});

describe('DynamoDB Local', () => {
  let ddb: LocalDynamoDb | undefined;
  let client: DynamoDBClient;

  beforeAll(async () => {
    ddb = await startDynamoDb({ port: await freePort(), dataDir: join(root, 'dynamodb') });
    client = new DynamoDBClient(localDynamoDbClientConfig(ddb.endpoint));
    await client.send(
      new CreateTableCommand({
        TableName: 'finestreta',
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    );
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    client?.destroy();
    await ddb?.stop();
  }, HOOK_TIMEOUT);

  it('brings a table kept from an earlier template up to date: indexes added since are created', async () => {
    const index = (name: string) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: `${name}pk`, KeyType: 'HASH' as const },
        { AttributeName: `${name}sk`, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    });
    const definition = (indexes: string[]) => ({
      BillingMode: 'PAY_PER_REQUEST' as const,
      AttributeDefinitions: ['pk', 'sk', ...indexes.flatMap((name) => [`${name}pk`, `${name}sk`])].map((name) => ({
        AttributeName: name,
        AttributeType: 'S' as const,
      })),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' as const },
        { AttributeName: 'sk', KeyType: 'RANGE' as const },
      ],
      GlobalSecondaryIndexes: indexes.map(index),
    });
    await ensureTable(client, 'older', definition(['gsi1']), undefined);
    await ensureTable(client, 'older', definition(['gsi1', 'gsi2', 'gsi3']), undefined);
    const { Table } = await client.send(new DescribeTableCommand({ TableName: 'older' }));
    expect(Table?.GlobalSecondaryIndexes?.map((gsi) => gsi.IndexName).sort()).toEqual(['gsi1', 'gsi2', 'gsi3']);
  });

  it('rolls back a whole transaction when one condition check fails', async () => {
    await client.send(
      new PutItemCommand({
        TableName: 'finestreta',
        Item: { pk: { S: 'TICKET#1' }, sk: { S: 'META' }, version: { N: '1' } },
      }),
    );
    const transaction = client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'finestreta', Item: { pk: { S: 'TICKET#1' }, sk: { S: 'MSG#1' } } } },
          {
            ConditionCheck: {
              TableName: 'finestreta',
              Key: { pk: { S: 'TICKET#1' }, sk: { S: 'META' } },
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': { N: '2' } },
            },
          },
        ],
      }),
    );
    const error = await transaction.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransactionCanceledException);
    expect((error as TransactionCanceledException).CancellationReasons?.map((reason) => reason.Code)).toEqual([
      'None',
      'ConditionalCheckFailed',
    ]);
    const message = await client.send(
      new GetItemCommand({ TableName: 'finestreta', Key: { pk: { S: 'TICKET#1' }, sk: { S: 'MSG#1' } } }),
    );
    expect(message.Item).toBeUndefined();
  });

  it('shows the same tables to any credentials and region (-sharedDb)', async () => {
    // DynamoDB Local rejects access key ids with anything but letters and digits (UnrecognizedClientException).
    const other = new DynamoDBClient({
      endpoint: ddb?.endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'SomeoneElse42', secretAccessKey: 'x' },
    });
    try {
      expect((await other.send(new ListTablesCommand({}))).TableNames).toContain('finestreta');
    } finally {
      other.destroy();
    }
  });

  it('stops without leaving the JVM behind', async () => {
    const { pid } = ddb as LocalDynamoDb;
    expect(isRunning(pid)).toBe(true);
    await ddb?.stop();
    expect(isRunning(pid)).toBe(false);
  });
});

describe('S3 (s3rver)', () => {
  let s3: LocalS3 | undefined;

  beforeAll(async () => {
    s3 = await startS3({ port: await freePort(), dataDir: join(root, 's3') });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await s3?.stop();
  }, HOOK_TIMEOUT);

  it('creates a bucket once, with CORS, and stores objects', async () => {
    const endpoint = (s3 as LocalS3).endpoint;
    await ensureBucket(endpoint, 'finestreta-attachments', ['http://localhost:5173']);
    await ensureBucket(endpoint, 'finestreta-attachments', ['http://localhost:5173']);

    const client = new S3Client(localS3ClientConfig(endpoint));
    try {
      const cors = await client.send(new GetBucketCorsCommand({ Bucket: 'finestreta-attachments' }));
      expect(cors.CORSRules?.[0]?.AllowedOrigins).toEqual(['http://localhost:5173']);

      await client.send(
        new PutObjectCommand({ Bucket: 'finestreta-attachments', Key: 'tickets/1/nota.txt', Body: 'Bon dia' }),
      );
      const object = await client.send(
        new GetObjectCommand({ Bucket: 'finestreta-attachments', Key: 'tickets/1/nota.txt' }),
      );
      expect(await object.Body?.transformToString()).toBe('Bon dia');
    } finally {
      client.destroy();
    }
  });
});

describe('SES (aws-ses-v2-local)', () => {
  let ses: LocalSes | undefined;

  beforeAll(async () => {
    ses = await startSes({ port: await freePort() });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await ses?.stop();
  }, HOOK_TIMEOUT);

  it('records mail sent with the SES v2 client', async () => {
    const { endpoint, mailPageUrl } = ses as LocalSes;
    await clearMailbox(endpoint);
    const client = new SESv2Client(localSesClientConfig(endpoint));
    try {
      await client.send(
        new SendEmailCommand({
          FromEmailAddress: 'no-reply@finestreta.local',
          Destination: { ToAddresses: ['citizen@finestreta.local'] },
          Content: {
            Simple: {
              Subject: { Data: 'Sol·licitud rebuda', Charset: 'UTF-8' },
              Body: { Text: { Data: 'Hem rebut la vostra sol·licitud.', Charset: 'UTF-8' } },
            },
          },
        }),
      );
    } finally {
      client.destroy();
    }
    const mails = await readMailbox(endpoint);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      from: 'no-reply@finestreta.local',
      destination: { to: ['citizen@finestreta.local'] },
      subject: 'Sol·licitud rebuda',
      body: { text: 'Hem rebut la vostra sol·licitud.' },
    });
    expect((await fetch(mailPageUrl)).status).toBe(200);
    await clearMailbox(endpoint);
    expect(await readMailbox(endpoint)).toEqual([]);
  });
});

describe('Cognito (cognito-local)', () => {
  const dataDir = () => join(root, 'cognito');
  const pool: ProvisionOptions = {
    poolName: 'finestreta-local',
    clientName: 'finestreta-web',
    groups: GROUPS,
    users: DEMO_USERS,
  };
  let cognito: LocalCognito | undefined;

  beforeAll(async () => {
    cognito = await startCognito({ port: await freePort(), dataDir: dataDir() });
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await cognito?.stop();
  }, HOOK_TIMEOUT);

  it('provisions idempotently and issues tokens verifiable against its JWKS', async () => {
    const { endpoint } = cognito as LocalCognito;
    const first = await provisionUserPool(endpoint, pool);
    const second = await provisionUserPool(endpoint, pool);
    expect(second).toEqual(first);
    expect(first.issuer).toBe(`${endpoint}/${first.userPoolId}`);

    const supervisor = demoUser('supervisor');
    const tokens = await signIn(endpoint, first.clientId, supervisor.email, supervisor.password);
    const jwks = createRemoteJWKSet(new URL(first.jwksUrl));

    const id = await jwtVerify(tokens.idToken, jwks, { issuer: first.issuer, audience: first.clientId });
    expect(id.payload).toMatchObject({ token_use: 'id', email: supervisor.email, 'cognito:groups': ['supervisor'] });

    // Access tokens carry client_id instead of aud, as in Cognito; the HTTP API JWT authorizer accepts either.
    const access = await jwtVerify(tokens.accessToken, jwks, { issuer: first.issuer });
    expect(access.payload).toMatchObject({
      token_use: 'access',
      client_id: first.clientId,
      'cognito:groups': ['supervisor'],
    });

    const citizen = demoUser('citizen');
    const citizenTokens = await signIn(endpoint, first.clientId, citizen.email, citizen.password);
    expect(decodeJwt(citizenTokens.accessToken)['cognito:groups']).toBeUndefined();

    await expect(signIn(endpoint, first.clientId, citizen.email, 'wrong-password')).rejects.toThrow();
  });

  it('keeps the pool across a restart on another port and stops without leaving the process behind', async () => {
    const before = await provisionUserPool((cognito as LocalCognito).endpoint, pool);
    const { pid } = cognito as LocalCognito;
    await cognito?.stop();
    expect(isRunning(pid)).toBe(false);

    cognito = await startCognito({ port: await freePort(), dataDir: dataDir() });
    const after = await provisionUserPool(cognito.endpoint, pool);
    expect(after.userPoolId).toBe(before.userPoolId);
    expect(after.clientId).toBe(before.clientId);
    const agent = demoUser('agent');
    const tokens = await signIn(cognito.endpoint, after.clientId, agent.email, agent.password);
    expect(decodeJwt(tokens.idToken).iss).toBe(after.issuer);
  });
});

describe('process hygiene', () => {
  it('has no emulator process left once every emulator was stopped', () => {
    // The Cognito describe's afterAll runs before this one, so everything in this file is stopped.
    expect(liveChildCount()).toBe(0);
  });

  it('leaves no emulator behind when the parent is interrupted with SIGINT', async () => {
    const lib = (name: string) => fileURLToPath(new URL(`../../lib/local/${name}`, import.meta.url));
    const [ddbPort, cognitoPort] = [await freePort(), await freePort()];
    const script = `
      import { startDynamoDb } from ${JSON.stringify(lib('dynamodb.ts'))};
      import { startCognito } from ${JSON.stringify(lib('cognito.ts'))};
      const [ddb, cognito] = await Promise.all([
        startDynamoDb({ port: ${ddbPort} }),
        startCognito({ port: ${cognitoPort}, dataDir: ${JSON.stringify(join(root, 'sigint-cognito'))} }),
      ]);
      console.log(JSON.stringify({ pids: [ddb.pid, cognito.pid] }));
      setInterval(() => {}, 1000); // stay up until signalled
    `;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    parent.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = once(parent, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    try {
      const pids = await new Promise<number[]>((resolve, reject) => {
        let stdout = '';
        parent.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const line = stdout.split('\n').find((candidate) => candidate.startsWith('{'));
          if (line) resolve((JSON.parse(line) as { pids: number[] }).pids);
        });
        void exited.then(() => reject(new Error(`fixture exited early:\n${stderr}`)));
      });
      expect(pids.every(isRunning)).toBe(true);

      parent.kill('SIGINT');
      const [code, signal] = await exited;
      expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
      // The children were sent SIGKILL synchronously; give the kernel a moment to reap them.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(pids.filter(isRunning)).toEqual([]);
    } finally {
      // On a failed assertion, still end the fixture the way that cleans up its emulators.
      if (parent.exitCode === null && parent.signalCode === null) {
        parent.kill('SIGINT');
        await exited;
      }
    }
  }, 60_000);
});
