import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
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
  /**
   * Keeps executions in `<dataDir>/executions.json` across restarts: those still running when the
   * endpoint stopped are resumed at their waiting task when it starts again (see {@link restore}).
   * Without it executions live in memory only.
   */
  readonly dataDir?: string;
}

export interface LocalStepFunctions {
  /** For `AWS_ENDPOINT_URL_SFN`. */
  readonly endpoint: string;
  /**
   * Closes the endpoint. Running executions are aborted in memory; with a `dataDir` they stay
   * RUNNING in its file, and the next start resumes them.
   */
  stop(): Promise<void>;
}

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
type EndStatus = Exclude<ExecutionStatus, 'RUNNING'>;

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
/** GetExecutionHistory's page size when `maxResults` is 0 or absent, and its largest, as in AWS. */
const DEFAULT_HISTORY_PAGE = 100;
const MAX_HISTORY_PAGE = 1000;
const EXECUTIONS_FILE = 'executions.json';
const FILE_VERSION = 1;

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

/** One event of an execution's history, as GetExecutionHistory returns it but with `timestamp` in ms. */
interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: number;
  readonly type: string;
  readonly [details: string]: unknown;
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
  readonly history: HistoryEvent[];
}

/** An execution as `executions.json` keeps it. */
interface StoredExecution {
  readonly executionArn: string;
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
  readonly startDate: number;
  readonly status: ExecutionStatus;
  readonly stopDate?: number;
  readonly output?: string;
  readonly error?: string;
  readonly cause?: string;
  /** The Task state waiting for a token when this was written: where a restart resumes. */
  readonly waitingState?: string;
  /** Its tokens, refused after a restart as AWS refuses tokens of closed tasks. */
  readonly waitingTokens?: readonly string[];
  readonly history: readonly HistoryEvent[];
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
/** The engine's history events (its package does not export the type). */
type EventLog = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;
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

/** Where an event's details go: `stateEnteredEventDetails` for every `*StateEntered`, else `<type>EventDetails`. */
const detailsKey = (type: string) =>
  type.endsWith('StateEntered')
    ? 'stateEnteredEventDetails'
    : type.endsWith('StateExited')
      ? 'stateExitedEventDetails'
      : `${type[0]?.toLowerCase()}${type.slice(1)}EventDetails`;

/** Fields of event details that hold execution data, left out when `includeExecutionData` is false. */
const EXECUTION_DATA = new Set(['input', 'output', 'parameters', 'inputDetails', 'outputDetails']);

/** How a history names a task's resource: `lambda` and `invoke` / `invoke.waitForTaskToken`. */
const resourceOf = (resource: string) =>
  resource.startsWith('arn:aws:states:::')
    ? {
        resourceType: resource.slice('arn:aws:states:::'.length).split(':')[0] ?? '',
        resource: resource.split(':').pop() ?? '',
      }
    : { resourceType: 'lambda', resource: 'invoke' };

type ChoiceRule = Record<string, unknown> & { Next?: string; And?: ChoiceRule[] };

/** The `{ Variable, StringEquals }` comparison of a Choice rule, itself or inside its `And`. */
function stringEqualsOf(rule: ChoiceRule): { Variable: string; StringEquals: string } | undefined {
  if (typeof rule.Variable === 'string' && typeof rule.StringEquals === 'string') {
    return { Variable: rule.Variable, StringEquals: rule.StringEquals };
  }
  for (const inner of rule.And ?? []) {
    const found = stringEqualsOf(inner);
    if (found) return found;
  }
  return undefined;
}

/**
 * The input that restarts an execution at `waitingState`: the original input plus the field its
 * definition's StartAt Choice tests to jump there (`{ ...input, resumeAt: 'links' }` for a rule
 * `$.resumeAt == "links" → Links`). A reason instead when the definition has no such way in.
 */
export function resumeInput(
  definition: object,
  input: unknown,
  waitingState: string,
): { input: Record<string, unknown> } | { reason: string } {
  const { StartAt, States } = definition as { StartAt?: string; States?: Record<string, StateRecord> };
  const start = StartAt ? States?.[StartAt] : undefined;
  if (start?.Type !== 'Choice') {
    return { reason: `its definition does not start with a Choice that could lead to "${waitingState}"` };
  }
  for (const rule of (start.Choices as ChoiceRule[] | undefined) ?? []) {
    if (rule.Next !== waitingState) continue;
    const comparison = stringEqualsOf(rule);
    const field = comparison && /^\$\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(comparison.Variable)?.[1];
    if (!comparison || !field) continue;
    if (input === null || typeof input !== 'object' || Array.isArray(input)) {
      return { reason: 'its input is not a JSON object, so no resume field can be added to it' };
    }
    return { input: { ...(input as Record<string, unknown>), [field]: comparison.StringEquals } };
  }
  return { reason: `the StartAt Choice "${StartAt}" has no StringEquals rule leading to "${waitingState}"` };
}

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
  const file = options.dataDir ? join(options.dataDir, EXECUTIONS_FILE) : undefined;
  /** Set by stop(): from then on nothing is written, so running executions stay RUNNING in the file. */
  let closing = false;

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

  /** Writes every execution, on each change that matters for a restart (a temporary file, then renamed). */
  const persist = () => {
    if (!file || closing) return;
    const stored: StoredExecution[] = [...executions.values()].map((e) => {
      const tokens = [...e.tokens];
      const waitingState = tokens.map((token) => waiting.get(token)?.stateName).find(Boolean);
      return {
        executionArn: e.executionArn,
        stateMachineArn: e.stateMachineArn,
        name: e.name,
        input: e.input,
        startDate: e.startDate,
        status: e.status,
        ...(e.stopDate !== undefined ? { stopDate: e.stopDate } : {}),
        ...(e.output !== undefined ? { output: e.output } : {}),
        ...(e.error !== undefined ? { error: e.error } : {}),
        ...(e.cause !== undefined ? { cause: e.cause } : {}),
        ...(waitingState ? { waitingState, waitingTokens: tokens } : {}),
        history: e.history,
      };
    });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ version: FILE_VERSION, executions: stored }));
    renameSync(temporary, file);
  };

  const record = (execution: Execution, type: string, details?: Record<string, unknown>) => {
    const id = execution.history.length + 1;
    execution.history.push({
      id,
      previousEventId: id - 1,
      timestamp: clock.now(),
      type,
      ...(details ? { [detailsKey(type)]: details } : {}),
    });
  };

  const closeToken = (token: string) => {
    const task = waiting.get(token);
    waiting.delete(token);
    closedTokens.add(token);
    if (task) executions.get(task.executionArn)?.tokens.delete(token);
    return task;
  };

  /** Settles an execution once; later outcomes (the engine unwinding after an abort) are ignored. */
  const finish = (execution: Execution, outcome: Partial<Execution> & { status: EndStatus }) => {
    if (execution.status !== 'RUNNING' || (closing && file)) return;
    Object.assign(execution, outcome, { stopDate: clock.now() });
    // Waiting tasks end with the execution; rejecting them lets the engine unwind and clear its timers.
    for (const token of [...execution.tokens]) closeToken(token)?.reject(new ExecutionClosed('The execution ended'));
    const failure = {
      ...(execution.error ? { error: execution.error } : {}),
      ...(execution.cause ? { cause: execution.cause } : {}),
    };
    const ended = {
      SUCCEEDED: ['ExecutionSucceeded', { output: execution.output, outputDetails: { truncated: false } }],
      FAILED: ['ExecutionFailed', failure],
      ABORTED: ['ExecutionAborted', failure],
      TIMED_OUT: ['ExecutionTimedOut', failure],
    } as const satisfies Record<EndStatus, readonly [string, object]>;
    const [type, details] = ended[outcome.status];
    record(execution, type, details);
    persist();
    const detail = execution.error ? ` (${execution.error})` : '';
    log(`sfn: ${execution.name} ${execution.status}${detail}`);
  };

  /** The engine's events as Step Functions history events (the execution's own ones are recorded by this module). */
  const recordEngineEvent = (execution: Execution, machine: Machine, event: EventLog) => {
    if (execution.status !== 'RUNNING') return;
    switch (event.type) {
      case 'StateEntered':
        return record(execution, `${event.state.type}StateEntered`, {
          name: event.state.name,
          input: JSON.stringify(event.state.input ?? null),
          inputDetails: { truncated: false },
        });
      case 'StateExited':
        return record(execution, `${event.state.type}StateExited`, {
          name: event.state.name,
          output: JSON.stringify(event.state.output ?? null),
          outputDetails: { truncated: false },
        });
      case 'StateFailed': {
        const task = machine.tasks.get(event.state.name);
        if (event.state.type !== 'Task' || !task || event.Error === 'States.Runtime') return;
        const details = { ...resourceOf(task.Resource), error: event.Error, cause: String(event.Cause ?? '') };
        if (event.Error !== 'States.Timeout') return record(execution, 'TaskFailed', details);
        // A timed-out task's token is closed now (not only when next sent), so the file forgets it.
        for (const token of [...execution.tokens])
          if (waiting.get(token)?.stateName === event.state.name) closeToken(token);
        record(execution, 'TaskTimedOut', details);
        return persist();
      }
      case 'MapIterationStarted':
      case 'MapIterationSucceeded':
      case 'MapIterationFailed':
        return record(execution, event.type, { name: event.parentState.name, index: event.index });
      default:
        // Execution events are recorded by finish(); Retry, Catch and Parallel branch events have no history event in AWS.
        return;
    }
  };

  const taskHandlers = (machine: Machine, execution: Execution, placeholder: string) => {
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const [stateName, task] of machine.tasks) {
      handlers[stateName] = async (parameters) => {
        // The engine's events reach its event log in microtasks: one macrotask later the state's
        // TaskStateEntered is recorded, and this task's events follow it in the history.
        await new Promise((resolve) => setImmediate(resolve));
        if (execution.status !== 'RUNNING') throw new ExecutionClosed('The execution has ended');
        const token = newToken();
        const input = substitute(parameters, placeholder, token) as { FunctionName?: string; Payload?: unknown };
        if (task.Resource === WAIT_FOR_TASK_TOKEN || task.Resource === LAMBDA_INVOKE) {
          if (typeof input?.FunctionName !== 'string') {
            throw new TaskFailure('States.Runtime', `State "${stateName}" has no FunctionName in its Parameters`);
          }
        }
        const resource = resourceOf(task.Resource);
        record(execution, 'TaskScheduled', {
          ...resource,
          region: task.Resource.split(':')[3] || machine.spec.arn.split(':')[3],
          parameters: JSON.stringify(input ?? null),
        });
        record(execution, 'TaskStarted', resource);
        if (task.Resource !== WAIT_FOR_TASK_TOKEN) {
          closedTokens.add(token);
          const functionName = task.Resource === LAMBDA_INVOKE ? (input.FunctionName as string) : task.Resource;
          const payload = task.Resource === LAMBDA_INVOKE ? input.Payload : input;
          const result = await machine.spec.invokeLambda(functionName, payload).catch((error: unknown) => {
            throw asFunctionError(error);
          });
          const output =
            task.Resource === LAMBDA_INVOKE
              ? { ExecutedVersion: '$LATEST', Payload: result ?? null, StatusCode: 200 }
              : (result ?? null);
          if (execution.status === 'RUNNING') {
            record(execution, 'TaskSucceeded', { ...resource, output: JSON.stringify(output) });
          }
          return output;
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
          resolve: (output) => {
            if (execution.status === 'RUNNING') {
              record(execution, 'TaskSucceeded', { ...resource, output: JSON.stringify(output ?? null) });
            }
            resolve(output);
          },
          reject,
        });
        execution.tokens.add(token);
        // Written before the invocation: a restart while it runs resumes at this task, which invokes it again.
        persist();
        let submitted: unknown;
        try {
          submitted = await machine.spec.invokeLambda(input.FunctionName as string, input.Payload);
        } catch (error) {
          closeToken(token);
          persist();
          throw asFunctionError(error);
        }
        if (waiting.has(token)) {
          const output = { ExecutedVersion: '$LATEST', Payload: submitted ?? null, StatusCode: 200 };
          record(execution, 'TaskSubmitted', { ...resource, output: JSON.stringify(output) });
          persist();
        }
        return promise;
      };
    }
    return handlers;
  };

  /** Runs `input` through the machine as `execution`: a new execution, or one resumed after a restart. */
  const launch = (machine: Machine, execution: Execution, input: unknown) => {
    const placeholder = `local-task-token-placeholder-${randomUUID()}`;
    const run = machine.engine.run(input as never, {
      context: {
        Execution: {
          Id: execution.executionArn,
          Name: execution.name,
          StartTime: new Date(execution.startDate).toISOString(),
        },
        StateMachine: { Id: machine.spec.arn, Name: machine.name },
        Task: { Token: placeholder },
      },
      overrides: { taskResourceLocalHandlers: taskHandlers(machine, execution, placeholder) as never },
    });
    execution.abort = run.abort;
    // Finished one macrotask late, once the engine's last events (in microtasks) are in the history.
    const settle = (outcome: Partial<Execution> & { status: EndStatus }) =>
      setImmediate(() => finish(execution, outcome));
    run.result.then(
      (output) => settle({ status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
      (error: unknown) => {
        if (error instanceof ExecutionAbortedError) return finish(execution, { status: 'ABORTED' });
        if (error instanceof ExecutionTimeoutError) {
          return settle({ status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' });
        }
        const failure =
          error instanceof ExecutionError && error.cause instanceof Error ? error.cause : (error as Error);
        settle({ status: 'FAILED', error: failure.name, cause: failure.message });
      },
    );
    void (async () => {
      for await (const event of run.eventLogs) recordEngineEvent(execution, machine, event);
    })().catch(() => {});
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
      history: [],
    };
    executions.set(executionArn, execution);
    record(execution, 'ExecutionStarted', {
      input: inputText,
      inputDetails: { truncated: false },
      roleArn: `arn:aws:iam::${machine.spec.arn.split(':')[4]}:role/local-step-functions`,
    });
    persist();
    log(`sfn: ${name} started (${machine.name})`);
    launch(machine, execution, input);
    return { executionArn, startDate: epochSeconds(execution.startDate) };
  };

  /**
   * Loads the file of a previous run. Executions that were RUNNING start again under their own
   * ARN at the task they were waiting in, through the definition's StartAt Choice (see
   * {@link resumeInput}); the tokens they held are refused from now on. One that cannot be
   * resumed so is marked FAILED, saying why.
   */
  const restore = () => {
    if (!file || !existsSync(file)) return;
    let stored: { version?: number; executions?: StoredExecution[] };
    try {
      stored = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new LocalStackError(`${LABEL}: ${file} is not JSON; delete it (or start with --fresh).`, { cause: error });
    }
    const resumable: [Execution, StoredExecution][] = [];
    for (const saved of stored.executions ?? []) {
      const { waitingState: _state, waitingTokens, history, ...fields } = saved;
      const execution: Execution = { ...fields, tokens: new Set(), history: [...(history ?? [])] };
      executions.set(execution.executionArn, execution);
      for (const token of waitingTokens ?? []) closedTokens.add(token);
      if (execution.status === 'RUNNING') resumable.push([execution, saved]);
    }
    for (const [execution, saved] of resumable) {
      const machine = machines.get(execution.stateMachineArn);
      const cannot = (reason: string) =>
        finish(execution, {
          status: 'FAILED',
          error: 'States.Runtime',
          cause: `Not resumed after a restart: ${reason}`,
        });
      if (!machine) {
        cannot(`its state machine ${execution.stateMachineArn} is no longer in the template`);
        continue;
      }
      if (!saved.waitingState) {
        cannot('the local stack stopped while it was between states, not waiting for a task token');
        continue;
      }
      const resumed = resumeInput(machine.spec.definition, JSON.parse(execution.input), saved.waitingState);
      if ('reason' in resumed) {
        cannot(resumed.reason);
        continue;
      }
      log(`sfn: ${execution.name} resumed at ${saved.waitingState}`);
      launch(machine, execution, resumed.input);
    }
    persist();
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

  /** Pages of the history, oldest first unless `reverseOrder`; the token is the next page's offset. */
  const getExecutionHistory = (body: Record<string, unknown>) => {
    const execution = executionOf(body);
    const maxResults = body.maxResults === undefined ? 0 : Number(body.maxResults);
    if (!Number.isInteger(maxResults) || maxResults < 0 || maxResults > MAX_HISTORY_PAGE) {
      throw new SfnError('ValidationException', `maxResults must be between 0 and ${MAX_HISTORY_PAGE}`);
    }
    const pageSize = maxResults || DEFAULT_HISTORY_PAGE;
    let offset = 0;
    if (body.nextToken !== undefined) {
      const [arn, at] = Buffer.from(String(body.nextToken), 'base64url').toString('utf8').split('|');
      offset = Number(at);
      if (arn !== execution.executionArn || !Number.isInteger(offset) || offset < 0) {
        throw new SfnError('InvalidToken', 'Invalid Token: the nextToken is not one of this execution');
      }
    }
    const ordered = body.reverseOrder === true ? [...execution.history].reverse() : execution.history;
    const includeData = body.includeExecutionData !== false;
    const events = ordered.slice(offset, offset + pageSize).map((event) => {
      const out: Record<string, unknown> = { ...event, timestamp: epochSeconds(event.timestamp) };
      const key = detailsKey(event.type);
      const details = event[key] as Record<string, unknown> | undefined;
      if (details && !includeData) {
        out[key] = Object.fromEntries(Object.entries(details).filter(([field]) => !EXECUTION_DATA.has(field)));
      }
      return out;
    });
    const next = offset + pageSize;
    return {
      events,
      ...(next < ordered.length
        ? { nextToken: Buffer.from(`${execution.executionArn}|${next}`, 'utf8').toString('base64url') }
        : {}),
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
    persist();
    return {};
  };

  const sendTaskFailure = (body: Record<string, unknown>) => {
    const [token, task] = waitingTask(body);
    closeToken(token);
    task.reject(new TaskFailure(String(body.error ?? ''), String(body.cause ?? '')));
    persist();
    return {};
  };

  const sendTaskHeartbeat = (body: Record<string, unknown>) => {
    waitingTask(body);
    return {};
  };

  const actions: Record<string, (body: Record<string, unknown>) => object> = {
    StartExecution: startExecution,
    DescribeExecution: describeExecution,
    GetExecutionHistory: getExecutionHistory,
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

  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  await assertPortFree(port, LABEL);
  const server: Server = createServer((request, response) => void handle(request, response));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host: LOOPBACK, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // After listening: resumed tasks invoke functions that may answer this endpoint at once.
  try {
    restore();
  } catch (error) {
    server.close();
    throw error;
  }

  return {
    endpoint: `http://${LOOPBACK}:${port}`,
    stop: async () => {
      const running = [...executions.values()].filter((execution) => execution.status === 'RUNNING');
      if (file) {
        // Kept RUNNING in the file, to be resumed: only the engines in memory are ended.
        closing = true;
        for (const execution of running) {
          for (const token of [...execution.tokens]) {
            closeToken(token)?.reject(new ExecutionClosed('The local stack stopped'));
          }
          execution.abort?.();
        }
      } else {
        for (const execution of running) {
          finish(execution, { status: 'ABORTED', error: 'States.Runtime', cause: 'The local stack stopped' });
          execution.abort?.();
        }
        closing = true;
      }
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
    },
  };
};
