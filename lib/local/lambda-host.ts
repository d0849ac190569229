import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InvokeMessage, InvokeReply, WorkerInit } from './lambda-runtime';

export interface LocalFunctionSpec {
  readonly name: string;
  /** Absolute path of the handler module. */
  readonly entry: string;
  readonly environment: Readonly<Record<string, string>>;
  readonly timeoutSeconds: number;
  readonly memoryMiB: number;
}

export interface Invocation {
  readonly result?: unknown;
  readonly error?: { name: string; message: string; stack?: string };
  readonly dynamoDb: { requests: number; ms: number };
  readonly requestId: string;
}

const WORKER_ENTRY = new URL('./lambda-worker.mjs', import.meta.url);
const DYNAMODB_CLIENT_MODULE = resolve(import.meta.dirname, '../../functions/platform/table/client.ts');

/**
 * A local stand-in for one Lambda function: a worker thread with the function's own
 * environment, started on first use (a cold start) and replaced after a timeout.
 */
export class LocalFunction {
  private worker: Worker | undefined;
  private stopped = false;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (reply: InvokeReply) => void; reject: (e: Error) => void }>();

  constructor(private readonly spec: LocalFunctionSpec) {}

  async invoke(event: unknown): Promise<Invocation> {
    if (this.stopped) {
      return {
        error: { name: 'Stopped', message: 'The local stack is stopping' },
        dynamoDb: { requests: 0, ms: 0 },
        requestId: '',
      };
    }
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const requestId = randomUUID();
    const message: InvokeMessage = { id, event, requestId };
    let timer: NodeJS.Timeout | undefined;
    try {
      const reply = await new Promise<InvokeReply>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        timer = setTimeout(() => {
          this.pending.delete(id);
          reject(new Error(`Task timed out after ${this.spec.timeoutSeconds} seconds`));
          void this.terminate();
        }, this.spec.timeoutSeconds * 1000);
        worker.postMessage(message);
      });
      return { result: reply.result, error: reply.error, dynamoDb: reply.dynamoDb, requestId };
    } catch (error) {
      const { name, message: text } = error as Error;
      return { error: { name, message: text }, dynamoDb: { requests: 0, ms: 0 }, requestId };
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.terminate();
  }

  /** Ends this instance; the next invocation starts a new one, as Lambda does after a timeout. */
  private async terminate(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const init: WorkerInit = {
      entry: this.spec.entry,
      functionName: this.spec.name,
      memoryMiB: this.spec.memoryMiB,
      timeoutSeconds: this.spec.timeoutSeconds,
      dynamoDbClientModule: DYNAMODB_CLIENT_MODULE,
    };
    const worker = new Worker(WORKER_ENTRY, { workerData: init, env: { ...this.spec.environment } });
    worker.unref();
    worker.on('message', (reply: InvokeReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      waiter?.resolve(reply);
    });
    const failAll = (error: Error) => {
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
      if (this.worker === worker) this.worker = undefined;
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`Function ${this.spec.name} exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
