import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { LocalStackError } from './errors';

/** Every local stand-in binds loopback only: nothing of the local stack is reachable from the network. */
export const LOOPBACK = '127.0.0.1';

const tryListen = (port: number): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address !== null ? address.port : port;
      server.close(() => resolve(bound));
    });
  });

/**
 * Fails with a readable message when `port` is taken. Checked before an emulator starts because
 * the emulators themselves report a busy port badly (DynamoDB Local prints a Java stack trace,
 * aws-ses-v2-local silently resolves with a server that is not listening).
 */
export const assertPortFree = async (port: number, serviceLabel: string): Promise<void> => {
  try {
    await tryListen(port);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new LocalStackError(
        `Port ${port} (${serviceLabel}) is already in use. Stop what uses it or choose another port with ` +
          '--port-base / FINESTRETA_PORT_BASE. (A previous run killed with SIGKILL can leave an emulator behind: ' +
          `look for it with \`lsof -i :${port}\` or \`pgrep -af 'DynamoDBLocal|cognito-local'\`.)`,
        { cause: error },
      );
    }
    if (code === 'EACCES') {
      throw new LocalStackError(
        `Port ${port} (${serviceLabel}) needs privileges to bind. Choose a port above 1024 with --port-base / FINESTRETA_PORT_BASE.`,
        { cause: error },
      );
    }
    throw error;
  }
};

/** A port that was free a moment ago. Good enough for tests; a tiny race remains until the caller binds it. */
export const freePort = (): Promise<number> => tryListen(0);

export interface WaitForOptions {
  timeoutMs: number;
  /** Names what is awaited, for the timeout message ("DynamoDB Local to accept requests"). */
  label: string;
  intervalMs?: number;
  /** Stops polling early, e.g. when the emulator process exited during start-up. */
  signal?: AbortSignal;
}

/**
 * Polls `check` until it returns true. A check that throws counts as "not yet" (connection refused
 * is the normal state while an emulator boots); the last such error is reported on timeout.
 */
export const waitFor = async (check: () => Promise<boolean>, options: WaitForOptions): Promise<void> => {
  const { timeoutMs, label, intervalMs = 100, signal } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    signal?.throwIfAborted();
    try {
      if (await check()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? ` Last error: ${lastError.message}` : '';
      throw new LocalStackError(`Timed out after ${timeoutMs} ms waiting for ${label}.${reason}`, {
        cause: lastError,
      });
    }
    try {
      await sleep(intervalMs, undefined, signal ? { signal } : undefined);
    } catch (error) {
      // An aborted sleep rejects with a generic AbortError; surface the caller's reason instead.
      signal?.throwIfAborted();
      throw error;
    }
  }
};
