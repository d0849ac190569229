import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  ExecutionAbortedError,
  ExecutionError,
  ExecutionTimeoutError,
  StateMachine,
  type StateMachineDefinition,
} from 'aws-local-stepfunctions';
import { LocalStackError } from './errors';
import { assertPortFree, LOOPBACK } from './ports';

// aws-local-stepfunctions 3 calls Promise.withResolvers (Node 22+) for every Task state; the
// project still runs on Node 20.
const promiseStatics = Promise as unknown as { withResolvers?: () => unknown };
promiseStatics.withResolvers ??= () => {
  let resolve: unknown;
  let reject: unknown;
  const promise = new Promise((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
};

/** One state machine of the template, its definition in JSONPath with resources already resolved. */
export interface LocalStateMachine {
  /** `arn:aws:states:<region>:<account>:stateMachine:<name>`. */
  readonly arn: string;
  /** The ASL definition as CDK synthesizes it (DefinitionString parsed, `Fn::Join`s resolved). */
  readonly definition: object;
  /**
   * Runs a Lambda function (`FunctionName` of a `lambda:invoke` task, or a function ARN used as
   * `Resource`) and resolves with its result. A function error rejects with an Error whose `name`
   * is the error type, which Retry and Catch then match, as in AWS.
   */
  readonly invokeLambda: (functionArnOrName: string, payload: unknown) => Promise<unknown>;
}

export interface StartStepFunctionsOptions {
  readonly port: number;
  readonly stateMachines: readonly LocalStateMachine[];
  readonly log?: (line: string) => void;
  /** Reserved for persisting executions across restarts; this version keeps them in memory only. */
  readonly dataDir?: string;
}

export interface LocalStepFunctions {
  /** For `AWS_ENDPOINT_URL_SFN`. */
  readonly endpoint: string;
  /** Closes the endpoint and abandons running executions (they are not persisted). */
  stop(): Promise<void>;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

const LABEL = 'Step Functions (local)';
const WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const FUNCTION_ARN = /^arn:aws[a-z-]*:lambda:[^:]+:\d{12}:function:[^:]+(:[^:]+)?$/;
/** A Task state's timeout when it sets none, as in ASL. */
const DEFAULT_TASK_TIMEOUT_SECONDS = 99_999_999;
/** Node's timers overflow above 2^31-1 ms (~24.8 days) and fire at once instead; longer timeouts are clamped. */
const MAX_TIMER_SECONDS = Math.floor((2 ** 31 - 1) / 1000);
/** Tokens are 32 random bytes in base64url; anything else is not a token this service could have issued. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;
/** The largest request body Step Functions accepts (payloads are capped at 256 KiB). */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * The one source of time: execution dates and task-token deadlines read it. Timers themselves run
 * inside aws-local-stepfunctions (task and execution timeouts, Wait, Retry) on Node's clock.
 */
const clock = { now: (): number => Date.now() };

class SfnError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

/** How a waiting task fails when SendTaskFailure names an error: Retry and Catch match `name`. */
class TaskFailure extends Error {
  constructor(name: string, cause: string) {
    super(cause);
    this.name = name;
  }
}

/**
 * Ends a task of an execution that was stopped. aws-local-stepfunctions reads `isRetryable` and
 * `isCatchable` from any error, so no Retry or Catch of the definition runs the state again.
 */
class ExecutionClosed extends Error {
  override readonly name = 'States.Runtime';
  readonly isRetryable = false;
  readonly isCatchable = false;
}

interface WaitingTask {
  readonly executionArn: string;
  readonly stateName: string;
  /** After this instant (ms) the task has timed out, whether or not the timer has fired yet. */
  readonly deadline: number;
  readonly resolve: (output: unknown) => void;
  readonly reject: (error: Error) => void;
}

interface Execution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: number;
  status: ExecutionStatus;
  stopDate?: number;
  output?: string;
  error?: string;
  cause?: string;
  abort?: () => void;
  readonly tokens: Set<string>;
}

interface Machine {
  readonly spec: LocalStateMachine;
  readonly name: string;
  readonly engine: StateMachine;
  readonly tasks: ReadonlyMap<string, TaskStateDefinition>;
}

interface TaskStateDefinition {
  readonly Type: 'Task';
  readonly Resource: string;
  readonly TimeoutSeconds?: number;
  readonly TimeoutSecondsPath?: string;
}

type StateRecord = Record<string, unknown> & { Type?: string };
type DefinitionRecord = { States?: Record<string, StateRecord>; TimeoutSeconds?: number };

/** Every Task state of a definition, Parallel branches and Map item processors included, by name. */
function taskStates(definition: DefinitionRecord, into = new Map<string, TaskStateDefinition>()) {
  for (const [name, state] of Object.entries(definition.States ?? {})) {
    if (state.Type === 'Task') into.set(name, state as unknown as TaskStateDefinition);
    for (const branch of (state.Branches as DefinitionRecord[] | undefined) ?? []) taskStates(branch, into);
    const processor = (state.ItemProcessor ?? state.Iterator) as DefinitionRecord | undefined;
    if (processor) taskStates(processor, into);
  }
  return into;
}

/**
 * The definition as the engine runs it: every timeout it turns into a Node timer clamped to what a
 * timer can hold, and Task states without TimeoutSeconds given ASL's default rather than the
 * engine's 60 seconds.
 */
function withClampedTimeouts(definition: DefinitionRecord): DefinitionRecord {
  const clampStates = (states: Record<string, StateRecord> = {}): Record<string, StateRecord> =>
    Object.fromEntries(
      Object.entries(states).map(([name, state]) => {
        const copy: StateRecord = { ...state };
        if (copy.Type === 'Task' && copy.TimeoutSecondsPath === undefined) {
          copy.TimeoutSeconds = Math.min(
            Number(copy.TimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS),
            MAX_TIMER_SECONDS,
          );
        }
        if (Array.isArray(copy.Branches)) copy.Branches = copy.Branches.map(clampMachine);
        if (copy.ItemProcessor) copy.ItemProcessor = clampMachine(copy.ItemProcessor as DefinitionRecord);
        if (copy.Iterator) copy.Iterator = clampMachine(copy.Iterator as DefinitionRecord);
        return [name, copy];
      }),
    );
  const clampMachine = (machine: DefinitionRecord): DefinitionRecord => ({
    ...machine,
    ...(machine.TimeoutSeconds !== undefined
      ? { TimeoutSeconds: Math.min(machine.TimeoutSeconds, MAX_TIMER_SECONDS) }
      : {}),
    States: clampStates(machine.States),
  });
  return clampMachine(definition);
}

function taskTimeoutMs(state: TaskStateDefinition): number {
  if (state.TimeoutSecondsPath !== undefined) return Number.POSITIVE_INFINITY;
  return Math.min(state.TimeoutSeconds ?? DEFAULT_TASK_TIMEOUT_SECONDS, MAX_TIMER_SECONDS) * 1000;
}

const newToken = () => randomBytes(32).toString('base64url');

/** `value` with every occurrence of `placeholder` inside its strings replaced by `token`. */
function substitute(value: unknown, placeholder: string, token: string): unknown {
  if (typeof value === 'string') return value.replaceAll(placeholder, token);
  if (Array.isArray(value)) return value.map((item) => substitute(item, placeholder, token));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, substitute(item, placeholder, token)]));
  }
  return value;
}

const epochSeconds = (ms: number) => ms / 1000;

const asFunctionError = (error: unknown): Error => {
  if (!(error instanceof Error)) return new TaskFailure('Lambda.Unknown', String(error));
  return new TaskFailure(error.name, JSON.stringify({ errorType: error.name, errorMessage: error.message }));
};

/**
 * A local stand-in for Step Functions Standard workflows, answering the service's JSON protocol
 * (`X-Amz-Target: AWSStepFunctions.<Action>`) so that handlers calling `AWS_ENDPOINT_URL_SFN`
 * work unchanged. States run in aws-local-stepfunctions; Lambda tasks go to `invokeLambda`.
 *
 * `lambda:invoke.waitForTaskToken` tasks, which aws-local-stepfunctions lacks, are done here: the
 * engine resolves `$$.Task.Token` to a per-execution placeholder (its context option), and the
 * task's local handler swaps in a fresh token, invokes the function and waits for SendTaskSuccess
 * or SendTaskFailure with that token.
 */
export const startStepFunctions = async (options: StartStepFunctionsOptions): Promise<LocalStepFunctions> => {
  const { port, log = () => {} } = options;
  const machines = new Map<string, Machine>();
  const executions = new Map<string, Execution>();
  const waiting = new Map<string, WaitingTask>();
  /** Tokens this service issued whose task is over: answered with TaskTimedOut, as AWS does. */
  const closedTokens = new Set<string>();

  for (const spec of options.stateMachines) {
    const definition = spec.definition as DefinitionRecord;
    const tasks = taskStates(definition);
    for (const [stateName, task] of tasks) {
      if (
        task.Resource !== WAIT_FOR_TASK_TOKEN &&
        task.Resource !== LAMBDA_INVOKE &&
        !FUNCTION_ARN.test(task.Resource)
      ) {
        throw new LocalStackError(
          `${LABEL}: state "${stateName}" of ${spec.arn} uses the resource ${task.Resource}; ` +
            'only Lambda tasks (lambda:invoke, lambda:invoke.waitForTaskToken, a function ARN) run locally.',
        );
      }
    }
    let engine: StateMachine;
    try {
      engine = new StateMachine(withClampedTimeouts(definition) as unknown as StateMachineDefinition);
    } catch (error) {
      throw new LocalStackError(`${LABEL}: the definition of ${spec.arn} is invalid. ${(error as Error).message}`, {
        cause: error,
      });
    }
    machines.set(spec.arn, { spec, name: spec.arn.split(':').pop() ?? spec.arn, engine, tasks });
  }

  const closeToken = (token: string) => {
    const task = waiting.get(token);
    waiting.delete(token);
    closedTokens.add(token);
    if (task) executions.get(task.executionArn)?.tokens.delete(token);
    return task;
  };

  /** Settles an execution once; later outcomes (the engine unwinding after an abort) are ignored. */
  const finish = (execution: Execution, outcome: Partial<Execution> & { status: ExecutionStatus }) => {
    if (execution.status !== 'RUNNING') return;
    Object.assign(execution, outcome, { stopDate: clock.now() });
    // Waiting tasks end with the execution; rejecting them lets the engine unwind and clear its timers.
    for (const token of [...execution.tokens]) closeToken(token)?.reject(new ExecutionClosed('The execution ended'));
    const detail = execution.error ? ` (${execution.error})` : '';
    log(`sfn: ${execution.name} ${execution.status}${detail}`);
  };

  const taskHandlers = (machine: Machine, execution: Execution, placeholder: string) => {
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [stateName, task] of machine.tasks) {
      handlers[stateName] = async (parameters) => {
        if (execution.status !== 'RUNNING') throw new ExecutionClosed('The execution has ended');
        const token = newToken();
        const input = substitute(parameters, placeholder, token) as { FunctionName?: string; Payload?: unknown };
        if (task.Resource === WAIT_FOR_TASK_TOKEN || task.Resource === LAMBDA_INVOKE) {
          if (typeof input?.FunctionName !== 'string') {
            throw new TaskFailure('States.Runtime', `State "${stateName}" has no FunctionName in its Parameters`);
          }
        }
        if (task.Resource !== WAIT_FOR_TASK_TOKEN) {
          closedTokens.add(token);
          const functionName = task.Resource === LAMBDA_INVOKE ? (input.FunctionName as string) : task.Resource;
          const payload = task.Resource === LAMBDA_INVOKE ? input.Payload : input;
          const result = await machine.spec.invokeLambda(functionName, payload).catch((error: unknown) => {
            throw asFunctionError(error);
          });
          return task.Resource === LAMBDA_INVOKE
            ? { ExecutedVersion: '$LATEST', Payload: result ?? null, StatusCode: 200 }
            : (result ?? null);
        }
        let resolve: (output: unknown) => void = () => {};
        let reject: (error: Error) => void = () => {};
        const promise = new Promise<unknown>((yes, no) => {
          resolve = yes;
          reject = no;
        });
        waiting.set(token, {
          executionArn: execution.executionArn,
          stateName,
          deadline: clock.now() + taskTimeoutMs(task),
          resolve,
          reject,
        });
        execution.tokens.add(token);
        try {
          await machine.spec.invokeLambda(input.FunctionName as string, input.Payload);
        } catch (error) {
          closeToken(token);
          throw asFunctionError(error);
        }
        return promise;
      };
    }
    return handlers;
  };

  const startExecution = (body: Record<string, unknown>) => {
    const machine = machines.get(String(body.stateMachineArn ?? ''));
    if (!machine)
      throw new SfnError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${body.stateMachineArn}'`);
    const name = body.name === undefined ? randomUUID() : String(body.name);
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(name)) throw new SfnError('InvalidName', `Invalid Name: '${name}'`);
    const inputText = body.input === undefined ? '{}' : String(body.input);
    let input: unknown;
    try {
      input = JSON.parse(inputText);
    } catch {
      throw new SfnError('InvalidExecutionInput', 'Invalid State Machine Execution Input: the input is not JSON');
    }
    const executionArn = `${machine.spec.arn.replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = executions.get(executionArn);
    if (existing) {
      // StartExecution is idempotent for a running execution started with the same name and input.
      if (existing.status === 'RUNNING' && existing.input === inputText) {
        return { executionArn, startDate: epochSeconds(existing.startDate) };
      }
      throw new SfnError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const execution: Execution = {
      executionArn,
      stateMachineArn: machine.spec.arn,
      name,
      input: inputText,
      startDate: clock.now(),
      status: 'RUNNING',
      tokens: new Set(),
    };
    executions.set(executionArn, execution);
    const placeholder = `local-task-token-placeholder-${randomUUID()}`;
    const run = machine.engine.run(input as never, {
      context: {
        Execution: { Id: executionArn, Name: name, StartTime: new Date(execution.startDate).toISOString() },
        StateMachine: { Id: machine.spec.arn, Name: machine.name },
        Task: { Token: placeholder },
      },
      overrides: { taskResourceLocalHandlers: taskHandlers(machine, execution, placeholder) as never },
    });
    execution.abort = run.abort;
    log(`sfn: ${name} started (${machine.name})`);
    run.result.then(
      (output) => finish(execution, { status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
      (error: unknown) => {
        if (error instanceof ExecutionAbortedError) return finish(execution, { status: 'ABORTED' });
        if (error instanceof ExecutionTimeoutError) {
          return finish(execution, { status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' });
        }
        const failure =
          error instanceof ExecutionError && error.cause instanceof Error ? error.cause : (error as Error);
        finish(execution, { status: 'FAILED', error: failure.name, cause: failure.message });
      },
    );
    // The engine queues history events until read; drain them (a later slice may keep them).
    void (async () => {
      for await (const _event of run.eventLogs);
    })().catch(() => {});
    return { executionArn, startDate: epochSeconds(execution.startDate) };
  };

  const executionOf = (body: Record<string, unknown>) => {
    const arn = String(body.executionArn ?? '');
    if (!arn.startsWith('arn:')) throw new SfnError('InvalidArn', `Invalid Arn: '${arn}'`);
    const execution = executions.get(arn);
    if (!execution) throw new SfnError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return execution;
  };

  const describeExecution = (body: Record<string, unknown>) => {
    const e = executionOf(body);
    return {
      executionArn: e.executionArn,
      stateMachineArn: e.stateMachineArn,
      name: e.name,
      status: e.status,
      startDate: epochSeconds(e.startDate),
      ...(e.stopDate !== undefined ? { stopDate: epochSeconds(e.stopDate) } : {}),
      input: e.input,
      inputDetails: { included: true },
      ...(e.output !== undefined ? { output: e.output, outputDetails: { included: true } } : {}),
      ...(e.error ? { error: e.error } : {}),
      ...(e.cause ? { cause: e.cause } : {}),
    };
  };

  const stopExecution = (body: Record<string, unknown>) => {
    const execution = executionOf(body);
    if (execution.status === 'RUNNING') {
      finish(execution, {
        status: 'ABORTED',
        ...(body.error !== undefined ? { error: String(body.error) } : {}),
        ...(body.cause !== undefined ? { cause: String(body.cause) } : {}),
      });
      execution.abort?.();
    }
    return { stopDate: epochSeconds(execution.stopDate ?? clock.now()) };
  };

  /** The waiting task of a token sent back, or the error AWS gives for it. */
  const waitingTask = (body: Record<string, unknown>): [string, WaitingTask] => {
    const token = body.taskToken;
    if (typeof token !== 'string' || token.length === 0) throw new SfnError('InvalidToken', 'Invalid Token: missing');
    if (!TOKEN_SHAPE.test(token)) throw new SfnError('InvalidToken', 'Invalid Token');
    const task = waiting.get(token);
    if (task && clock.now() >= task.deadline) closeToken(token);
    if (closedTokens.has(token)) {
      throw new SfnError('TaskTimedOut', 'Task Timed Out: the token has expired or its task is already closed');
    }
    if (!task) throw new SfnError('TaskDoesNotExist', 'Task Does Not Exist');
    return [token, task];
  };

  const sendTaskSuccess = (body: Record<string, unknown>) => {
    const [token, task] = waitingTask(body);
    let output: unknown;
    try {
      output = JSON.parse(String(body.output));
    } catch {
      throw new SfnError('InvalidOutput', 'Invalid Output: the output is not JSON');
    }
    closeToken(token);
    task.resolve(output);
    return {};
  };

  const sendTaskFailure = (body: Record<string, unknown>) => {
    const [token, task] = waitingTask(body);
    closeToken(token);
    task.reject(new TaskFailure(String(body.error ?? ''), String(body.cause ?? '')));
    return {};
  };

  const sendTaskHeartbeat = (body: Record<string, unknown>) => {
    waitingTask(body);
    return {};
  };

  const actions: Record<string, (body: Record<string, unknown>) => object> = {
    StartExecution: startExecution,
    DescribeExecution: describeExecution,
    StopExecution: stopExecution,
    SendTaskSuccess: sendTaskSuccess,
    SendTaskFailure: sendTaskFailure,
    SendTaskHeartbeat: sendTaskHeartbeat,
  };

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const reply = (status: number, payload: object) => {
      response.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(JSON.stringify(payload));
    };
    const fail = (type: string, message: string, status = 400) =>
      reply(status, { __type: `com.amazonaws.states#${type}`, message });
    try {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of request) {
        size += (chunk as Buffer).length;
        if (size > MAX_BODY_BYTES) return fail('ValidationException', 'The request is too large', 413);
        chunks.push(chunk as Buffer);
      }
      const target = String(request.headers['x-amz-target'] ?? '');
      const action = target.startsWith('AWSStepFunctions.')
        ? actions[target.slice('AWSStepFunctions.'.length)]
        : undefined;
      if (request.method !== 'POST' || !action) return fail('UnknownOperationException', `Unknown operation ${target}`);
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return fail('SerializationException', 'The request body is not JSON');
      }
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return fail('SerializationException', 'The request body is not a JSON object');
      }
      reply(200, action(body as Record<string, unknown>));
    } catch (error) {
      if (error instanceof SfnError) return fail(error.type, error.message);
      log(`sfn: internal error: ${(error as Error).stack ?? error}`);
      fail('InternalFailure', (error as Error).message, 500);
    }
  };

  await assertPortFree(port, LABEL);
  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });

  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    stop: async () => {
      for (const execution of executions.values()) {
        if (execution.status !== 'RUNNING') continue;
        finish(execution, { status: 'ABORTED', error: 'States.Runtime', cause: 'The local stack stopped' });
        execution.abort?.();
      }
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
};
