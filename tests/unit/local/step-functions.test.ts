import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../lib/local/ports';
import { type LocalStepFunctions, startStepFunctions } from '../../../lib/local/step-functions';
import { historyOf, sfnCall } from './sfn-client';

const WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const LAMBDA_INVOKE = 'arn:aws:states:::lambda:invoke';
const MACHINE_PREFIX = 'arn:aws:states:eu-west-1:000000000000:stateMachine:';
const NOTIFY = 'arn:aws:lambda:eu-west-1:000000000000:function:notify';
const RECORD = 'arn:aws:lambda:eu-west-1:000000000000:function:record';

/** A ticket approval: a person decides (callback), a Choice routes, a plain invocation records. */
const APPROVAL = {
  StartAt: 'AskApproval',
  States: {
    AskApproval: {
      Type: 'Task',
      Resource: WAIT_FOR_TASK_TOKEN,
      Parameters: {
        FunctionName: NOTIFY,
        Payload: { 'ticket.$': '$.ticket', 'taskToken.$': '$$.Task.Token', 'execution.$': '$$.Execution.Id' },
      },
      HeartbeatSeconds: 600,
      TimeoutSeconds: 3600,
      ResultPath: '$.decision',
      Catch: [{ ErrorEquals: ['Ticket.Rejected'], ResultPath: '$.rejection', Next: 'Rejected' }],
      Next: 'Decide',
    },
    Decide: {
      Type: 'Choice',
      Choices: [{ Variable: '$.decision.approved', BooleanEquals: true, Next: 'Record' }],
      Default: 'NotApproved',
    },
    Record: {
      Type: 'Task',
      Resource: LAMBDA_INVOKE,
      Parameters: { FunctionName: RECORD, 'Payload.$': '$' },
      ResultSelector: { 'recorded.$': '$.Payload' },
      ResultPath: '$.record',
      End: true,
    },
    NotApproved: { Type: 'Pass', Result: 'not approved', ResultPath: '$.outcome', End: true },
    Rejected: { Type: 'Fail', Error: 'TicketRejected', Cause: 'A supervisor rejected the ticket' },
  },
};

/** A decision that must come within a second, else the ticket escalates. */
const DEADLINE = {
  StartAt: 'AskApproval',
  States: {
    AskApproval: {
      Type: 'Task',
      Resource: WAIT_FOR_TASK_TOKEN,
      Parameters: { FunctionName: NOTIFY, Payload: { 'ticket.$': '$.ticket', 'taskToken.$': '$$.Task.Token' } },
      TimeoutSeconds: 1,
      Catch: [
        // States.TaskFailed matches every task error except a timeout, as in AWS.
        { ErrorEquals: ['States.TaskFailed'], Next: 'Broken' },
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.timeout', Next: 'Escalate' },
      ],
      End: true,
    },
    Broken: { Type: 'Fail', Error: 'Broken' },
    Escalate: { Type: 'Pass', Result: 'escalated', ResultPath: '$.outcome', End: true },
  },
};

/** Recorded invocations of the fake functions; a waiter per call still expected. */
const calls: { functionName: string; payload: Record<string, unknown> }[] = [];
const expected: { functionName: string; resolve: (payload: Record<string, unknown>) => void }[] = [];
const failingFunctions = new Map<string, Error>();

async function invokeLambda(functionName: string, payload: unknown): Promise<unknown> {
  const failure = failingFunctions.get(functionName);
  if (failure) throw failure;
  const record = payload as Record<string, unknown>;
  calls.push({ functionName, payload: record });
  const index = expected.findIndex((waiter) => waiter.functionName === functionName);
  if (index >= 0) expected.splice(index, 1)[0]?.resolve(record);
  return functionName === RECORD ? { saved: true } : { sent: true };
}

/** The payload of the next invocation of `functionName` (already made, or awaited). */
function invocationOf(functionName: string, predicate: (payload: Record<string, unknown>) => boolean) {
  const done = calls.find((call) => call.functionName === functionName && predicate(call.payload));
  if (done) return Promise.resolve(done.payload);
  return new Promise<Record<string, unknown>>((resolve) => {
    expected.push({
      functionName,
      resolve: (payload) =>
        predicate(payload) ? resolve(payload) : invocationOf(functionName, predicate).then(resolve),
    });
  });
}

let sfn: LocalStepFunctions;

const call = (action: string, body: object) => sfnCall(sfn.endpoint, action, body);

async function ok(action: string, body: object) {
  const answer = await call(action, body);
  expect(answer, `${action} ${JSON.stringify(answer.body)}`).toMatchObject({ status: 200 });
  return answer.body;
}

let nextName = 0;
async function start(machine: string, input: object) {
  const name = `test-${nextName++}`;
  const { executionArn } = await ok('StartExecution', {
    stateMachineArn: MACHINE_PREFIX + machine,
    name,
    input: JSON.stringify(input),
  });
  return executionArn as string;
}

/** DescribeExecution, polled until the execution has left RUNNING. */
async function settled(executionArn: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const described = await ok('DescribeExecution', { executionArn });
    if (described.status !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${executionArn} is still running`);
}

/** The token the notification function was given for `ticket`. */
const tokenFor = async (ticket: string) =>
  (await invocationOf(NOTIFY, (payload) => payload.ticket === ticket)).taskToken as string;

beforeAll(async () => {
  sfn = await startStepFunctions({
    port: await freePort(),
    stateMachines: [
      { arn: `${MACHINE_PREFIX}Approval`, definition: APPROVAL, invokeLambda },
      { arn: `${MACHINE_PREFIX}Deadline`, definition: DEADLINE, invokeLambda },
    ],
  });
});

afterAll(async () => {
  await sfn?.stop();
});

describe('local Step Functions', () => {
  it('gives a waitForTaskToken function a token and resumes with the output SendTaskSuccess sends', async () => {
    const executionArn = await start('Approval', { ticket: 'T-1' });
    expect(executionArn).toBe(`arn:aws:states:eu-west-1:000000000000:execution:Approval:test-${nextName - 1}`);

    const notified = await invocationOf(NOTIFY, (payload) => payload.ticket === 'T-1');
    expect(notified.taskToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(notified.execution).toBe(executionArn);
    const waiting = await ok('DescribeExecution', { executionArn });
    expect(waiting).toMatchObject({ status: 'RUNNING', name: `test-${nextName - 1}`, input: '{"ticket":"T-1"}' });
    expect(typeof waiting.startDate).toBe('number');
    expect(waiting).not.toHaveProperty('stopDate');

    await ok('SendTaskSuccess', {
      taskToken: notified.taskToken,
      output: JSON.stringify({ approved: true, by: 'ana' }),
    });

    const done = await settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.stopDate as number).toBeGreaterThanOrEqual(done.startDate as number);
    // The Choice took the approved branch; lambda:invoke answered { Payload } as AWS's integration does.
    expect(JSON.parse(done.output as string)).toEqual({
      ticket: 'T-1',
      decision: { approved: true, by: 'ana' },
      record: { recorded: { saved: true } },
    });
    expect(calls.find((c) => c.functionName === RECORD && c.payload.ticket === 'T-1')?.payload).toEqual({
      ticket: 'T-1',
      decision: { approved: true, by: 'ana' },
    });
  });

  it('takes the Choice default when the decision is not an approval', async () => {
    const executionArn = await start('Approval', { ticket: 'T-2' });
    await ok('SendTaskSuccess', { taskToken: await tokenFor('T-2'), output: '{"approved":false}' });
    const done = await settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output as string)).toMatchObject({ outcome: 'not approved' });
  });

  it('fails the task with the error SendTaskFailure names, so a Catch on that name takes over', async () => {
    const executionArn = await start('Approval', { ticket: 'T-3' });
    await ok('SendTaskFailure', { taskToken: await tokenFor('T-3'), error: 'Ticket.Rejected', cause: 'duplicate' });
    const done = await settled(executionArn);
    expect(done).toMatchObject({
      status: 'FAILED',
      error: 'TicketRejected',
      cause: 'A supervisor rejected the ticket',
    });
  });

  it('answers a token only once: the task is closed afterwards', async () => {
    const executionArn = await start('Approval', { ticket: 'T-4' });
    const taskToken = await tokenFor('T-4');
    await ok('SendTaskSuccess', { taskToken, output: '{"approved":false}' });
    const again = await call('SendTaskSuccess', { taskToken, output: '{"approved":true}' });
    expect(again).toMatchObject({ status: 400, body: { __type: 'com.amazonaws.states#TaskTimedOut' } });
    expect((await settled(executionArn)).status).toBe('SUCCEEDED');
  });

  it('refuses tokens it never issued', async () => {
    const unknown = await call('SendTaskSuccess', { taskToken: 'A'.repeat(43), output: '{}' });
    expect(unknown).toMatchObject({ status: 400, body: { __type: 'com.amazonaws.states#TaskDoesNotExist' } });
    const malformed = await call('SendTaskFailure', { taskToken: 'not a token', error: 'X' });
    expect(malformed).toMatchObject({ status: 400, body: { __type: 'com.amazonaws.states#InvalidToken' } });
  });

  it('refuses output that is not JSON and keeps the task waiting', async () => {
    const executionArn = await start('Approval', { ticket: 'T-5' });
    const taskToken = await tokenFor('T-5');
    const bad = await call('SendTaskSuccess', { taskToken, output: 'yes' });
    expect(bad).toMatchObject({ status: 400, body: { __type: 'com.amazonaws.states#InvalidOutput' } });
    await ok('SendTaskSuccess', { taskToken, output: '{"approved":false}' });
    expect((await settled(executionArn)).status).toBe('SUCCEEDED');
  });

  it('aborts on StopExecution, with the given error and cause, and closes the waiting task', async () => {
    const executionArn = await start('Approval', { ticket: 'T-6' });
    const taskToken = await tokenFor('T-6');
    const { stopDate } = await ok('StopExecution', {
      executionArn,
      error: 'Ticket.Withdrawn',
      cause: 'by the citizen',
    });
    expect(typeof stopDate).toBe('number');
    expect(await ok('DescribeExecution', { executionArn })).toMatchObject({
      status: 'ABORTED',
      error: 'Ticket.Withdrawn',
      cause: 'by the citizen',
    });
    const late = await call('SendTaskSuccess', { taskToken, output: '{"approved":true}' });
    expect(late).toMatchObject({ status: 400, body: { __type: 'com.amazonaws.states#TaskTimedOut' } });
  });

  it('times a waiting task out after its TimeoutSeconds as States.Timeout, which only a Catch on it catches', async () => {
    const executionArn = await start('Deadline', { ticket: 'T-7' });
    const taskToken = await tokenFor('T-7');
    const done = await settled(executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output as string)).toMatchObject({
      outcome: 'escalated',
      timeout: { Error: 'States.Timeout' },
    });
    const late = await call('SendTaskSuccess', { taskToken, output: '{}' });
    expect(late).toMatchObject({ status: 400, body: { __type: 'com.amazonaws.states#TaskTimedOut' } });
  });

  it('fails the task with the function error when the waitForTaskToken invocation itself fails', async () => {
    const broken = new Error('mail server down');
    broken.name = 'MailUnavailable';
    failingFunctions.set(NOTIFY, broken);
    try {
      const done = await settled(await start('Deadline', { ticket: 'T-8' }));
      expect(done).toMatchObject({ status: 'FAILED', error: 'Broken' });
    } finally {
      failingFunctions.delete(NOTIFY);
    }
  });

  it('answers unknown executions and state machines with the errors AWS gives', async () => {
    const executionArn = 'arn:aws:states:eu-west-1:000000000000:execution:Approval:nobody';
    expect(await call('DescribeExecution', { executionArn })).toMatchObject({
      status: 400,
      body: { __type: 'com.amazonaws.states#ExecutionDoesNotExist' },
    });
    expect(await call('StopExecution', { executionArn })).toMatchObject({
      status: 400,
      body: { __type: 'com.amazonaws.states#ExecutionDoesNotExist' },
    });
    expect(await call('StartExecution', { stateMachineArn: `${MACHINE_PREFIX}Nothing`, input: '{}' })).toMatchObject({
      status: 400,
      body: { __type: 'com.amazonaws.states#StateMachineDoesNotExist' },
    });
  });

  it('starts an execution once per name: the same input again is the same execution, another is refused', async () => {
    const first = await ok('StartExecution', {
      stateMachineArn: `${MACHINE_PREFIX}Approval`,
      name: 'once',
      input: '{"ticket":"T-9"}',
    });
    const again = await ok('StartExecution', {
      stateMachineArn: `${MACHINE_PREFIX}Approval`,
      name: 'once',
      input: '{"ticket":"T-9"}',
    });
    expect(again).toEqual(first);
    const other = await call('StartExecution', {
      stateMachineArn: `${MACHINE_PREFIX}Approval`,
      name: 'once',
      input: '{}',
    });
    expect(other).toMatchObject({ status: 400, body: { __type: 'com.amazonaws.states#ExecutionAlreadyExists' } });
    await ok('StopExecution', { executionArn: first.executionArn });
  });

  it('answers GetExecutionHistory with every state entered and exited, and the task events, in order', async () => {
    const executionArn = await start('Approval', { ticket: 'T-10' });
    await ok('SendTaskSuccess', { taskToken: await tokenFor('T-10'), output: '{"approved":true}' });
    expect((await settled(executionArn)).status).toBe('SUCCEEDED');

    const events = await historyOf(sfn.endpoint, executionArn);
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'ChoiceStateEntered',
      'ChoiceStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    expect(events.map((event) => event.id)).toEqual(events.map((_, i) => i + 1));
    expect(events.every((event) => event.previousEventId === event.id - 1 && typeof event.timestamp === 'number')).toBe(
      true,
    );
    expect(events[1]).toMatchObject({
      stateEnteredEventDetails: { name: 'AskApproval', input: '{"ticket":"T-10"}' },
    });
    expect(events[2]).toMatchObject({
      taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken' },
    });
    expect(events[5]).toMatchObject({ taskSucceededEventDetails: { output: '{"approved":true}' } });

    // Pages as AWS gives them: the same events, a nextToken until the last page.
    expect(await historyOf(sfn.endpoint, executionArn, 4)).toEqual(events);
    const first = await ok('GetExecutionHistory', { executionArn, maxResults: 4, reverseOrder: true });
    expect((first.events as { id: number }[]).map((event) => event.id)).toEqual([15, 14, 13, 12]);
    expect(typeof first.nextToken).toBe('string');
    const bare = await ok('GetExecutionHistory', { executionArn, includeExecutionData: false });
    expect((bare.events as Record<string, unknown>[])[1]).toEqual({
      ...events[1],
      stateEnteredEventDetails: { name: 'AskApproval' },
    });
  });

  it('records a caught task failure and the Fail state it leads to', async () => {
    const executionArn = await start('Approval', { ticket: 'T-11' });
    await ok('SendTaskFailure', { taskToken: await tokenFor('T-11'), error: 'Ticket.Rejected', cause: 'no' });
    expect((await settled(executionArn)).status).toBe('FAILED');
    const types = (await historyOf(sfn.endpoint, executionArn)).map((event) => event.type);
    expect(types.slice(-4)).toEqual(['TaskFailed', 'TaskStateExited', 'FailStateEntered', 'ExecutionFailed']);
    expect(types.filter((type) => type.endsWith('StateEntered'))).toEqual(['TaskStateEntered', 'FailStateEntered']);
  });
});
