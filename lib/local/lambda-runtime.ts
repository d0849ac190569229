/**
 * Runs inside a worker thread: one Lambda function with its own environment and module
 * state, as a real function instance has. Counts the DynamoDB requests each invocation
 * makes (and the time spent in them) so the benchmark can report them per operation.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { Context } from 'aws-lambda';

export interface WorkerInit {
  readonly entry: string;
  readonly functionName: string;
  readonly memoryMiB: number;
  readonly timeoutSeconds: number;
  readonly dynamoDbClientModule: string;
}

export interface InvokeMessage {
  readonly id: number;
  readonly event: unknown;
  readonly requestId: string;
}

export interface InvokeReply {
  readonly id: number;
  readonly result?: unknown;
  readonly error?: { name: string; message: string; stack?: string };
  readonly dynamoDb: { requests: number; ms: number };
}

interface Meter {
  requests: number;
  ms: number;
}

const init = workerData as WorkerInit;
const meters = new AsyncLocalStorage<Meter>();

type LambdaHandler = (event: unknown, context: Context) => Promise<unknown>;
/** Loaded once, even when the first requests arrive together (Lambda would start several instances). */
let handler: Promise<LambdaHandler> | undefined;

async function load(): Promise<LambdaHandler> {
  const { dynamoDb } = (await import(pathToFileURL(init.dynamoDbClientModule).href)) as {
    dynamoDb: { middlewareStack: { add: (mw: unknown, options: unknown) => void } };
  };
  dynamoDb.middlewareStack.add(
    (next: (args: unknown) => Promise<unknown>) => async (args: unknown) => {
      const meter = meters.getStore();
      const started = performance.now();
      try {
        return await next(args);
      } finally {
        if (meter) {
          meter.requests += 1;
          meter.ms += performance.now() - started;
        }
      }
    },
    // Outermost: a call's time includes the SDK's own serialization and signing, which any code making it pays.
    { step: 'initialize', priority: 'high', name: 'localDynamoDbMeter' },
  );
  const module = (await import(pathToFileURL(init.entry).href)) as { handler?: LambdaHandler };
  if (typeof module.handler !== 'function') throw new Error(`${init.entry} does not export a handler`);
  return module.handler;
}

function contextFor(requestId: string): Context {
  const deadline = Date.now() + init.timeoutSeconds * 1000;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: init.functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${init.functionName}`,
    memoryLimitInMB: String(init.memoryMiB),
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/${init.functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

// As in Lambda, an error escaping the handler's promise kills the instance; say why before dying.
process.on('unhandledRejection', (reason) => {
  process.stderr.write(`[${init.functionName}] unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}\n`);
  process.exit(1);
});

parentPort?.on('message', async (message: InvokeMessage) => {
  const meter: Meter = { requests: 0, ms: 0 };
  let reply: InvokeReply;
  try {
    handler ??= load();
    const run = await handler;
    const result = await meters.run(meter, () => run(message.event, contextFor(message.requestId)));
    reply = { id: message.id, result, dynamoDb: meter };
  } catch (error) {
    const { name, message: text, stack } = error instanceof Error ? error : new Error(String(error));
    reply = { id: message.id, error: { name, message: text, stack }, dynamoDb: meter };
  }
  parentPort?.postMessage(reply);
});
