import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../lib/local/ports';
import { type LocalStepFunctions, startStepFunctions } from '../../../lib/local/step-functions';
import { historyOf, type SfnAnswer, sfnCall } from './sfn-client';

const WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const MACHINE_PREFIX = 'arn:aws:states:eu-west-1:000000000000:stateMachine:';
const STEP = 'arn:aws:lambda:eu-west-1:000000000000:function:step';

const waitingTask = (step: string, next: string) => ({
  Type: 'Task',
  Resource: WAIT_FOR_TASK_TOKEN,
  Parameters: {
    FunctionName: STEP,
    Payload: { 'ticket.$': '$.ticket', step, 'input.$': '$', 'taskToken.$': '$$.Task.Token' },
  },
  ResultPath: null,
  Next: next,
});

/** Two waiting steps behind a Choice that can start at either, as the form workflow's ResumeAt does. */
const TWO_STEPS = {
  StartAt: 'ResumeAt',
  States: {
    ResumeAt: {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: '$.resumeAt', IsPresent: true },
            { Variable: '$.resumeAt', StringEquals: 'first' },
          ],
          Next: 'First',
        },
        {
          And: [
            { Variable: '$.resumeAt', IsPresent: true },
            { Variable: '$.resumeAt', StringEquals: 'second' },
          ],
          Next: 'Second',
        },
      ],
      Default: 'First',
    },
    First: waitingTask('first', 'Second'),
    Second: waitingTask('second', 'Done'),
    Done: { Type: 'Succeed' },
  },
};

/** No way in but the start: an execution waiting in its task cannot be resumed. */
const NO_RESUME = {
  StartAt: 'Only',
  States: { Only: { ...waitingTask('only', 'Done'), Next: 'Done' }, Done: { Type: 'Succeed' } },
};

interface Call {
  readonly ticket: string;
  readonly step: string;
  readonly input: Record<string, unknown>;
  readonly taskToken: string;
}
let calls: Call[] = [];
let listeners: (() => void)[] = [];

const invokeLambda = async (_arn: string, payload: unknown) => {
  calls.push(payload as Call);
  for (const listener of listeners.splice(0)) listener();
  return {};
};

/** The call made (or, once made) for `ticket` at `step`, its `n`-th such call counting from 1. */
async function callFor(ticket: string, step: string, n = 1): Promise<Call> {
  for (;;) {
    const found = calls.filter((c) => c.ticket === ticket && c.step === step)[n - 1];
    if (found) return found;
    await new Promise<void>((resolve) => listeners.push(resolve));
  }
}

let dataDir: string;
let sfn: LocalStepFunctions | undefined;

const start = async () => {
  sfn = await startStepFunctions({
    port: await freePort(),
    dataDir,
    stateMachines: [
      { arn: `${MACHINE_PREFIX}TwoSteps`, definition: TWO_STEPS, invokeLambda },
      { arn: `${MACHINE_PREFIX}NoResume`, definition: NO_RESUME, invokeLambda },
    ],
  });
  return sfn;
};

const call = (action: string, body: object): Promise<SfnAnswer> => sfnCall(sfn?.endpoint ?? '', action, body);
async function ok(action: string, body: object) {
  const answer = await call(action, body);
  expect(answer, `${action} ${JSON.stringify(answer.body)}`).toMatchObject({ status: 200 });
  return answer.body;
}

async function settled(executionArn: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const described = await ok('DescribeExecution', { executionArn });
    if (described.status !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${executionArn} is still running`);
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'finestreta-sfn-'));
});

afterEach(async () => {
  await sfn?.stop();
  sfn = undefined;
  calls = [];
  listeners = [];
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('local Step Functions across restarts', () => {
  it('resumes a running execution at its waiting task, with a fresh token, under the same ARN', async () => {
    await start();
    const { executionArn } = await ok('StartExecution', {
      stateMachineArn: `${MACHINE_PREFIX}TwoSteps`,
      name: 'resume-me',
      input: '{"ticket":"R-1"}',
    });
    await ok('SendTaskSuccess', { taskToken: (await callFor('R-1', 'first')).taskToken, output: '{}' });
    const before = await callFor('R-1', 'second');
    await sfn?.stop();

    const saved = JSON.parse(readFileSync(join(dataDir, 'executions.json'), 'utf8')) as {
      executions: { executionArn: string; status: string; waitingState?: string }[];
    };
    expect(saved.executions.find((e) => e.executionArn === executionArn)).toMatchObject({
      status: 'RUNNING',
      waitingState: 'Second',
    });

    calls = [];
    await start();
    const after = await callFor('R-1', 'second');
    expect(after.input).toEqual({ ticket: 'R-1', resumeAt: 'second' });
    expect(after.taskToken).not.toBe(before.taskToken);
    // The first step is not done again.
    expect(calls.filter((c) => c.step === 'first')).toEqual([]);

    const stale = await call('SendTaskSuccess', { taskToken: before.taskToken, output: '{}' });
    expect(stale).toMatchObject({ status: 400, body: { __type: 'com.amazonaws.states#TaskTimedOut' } });
    await ok('SendTaskSuccess', { taskToken: after.taskToken, output: '{}' });

    const done = await settled(executionArn as string);
    expect(done).toMatchObject({ status: 'SUCCEEDED', name: 'resume-me', input: '{"ticket":"R-1"}' });

    // One history across both runs: the first run up to Second, then the resumed run from ResumeAt.
    const entered = (await historyOf(sfn?.endpoint ?? '', executionArn as string))
      .filter((event) => event.type.endsWith('StateEntered'))
      .map((event) => (event.stateEnteredEventDetails as { name: string }).name);
    expect(entered).toEqual(['ResumeAt', 'First', 'Second', 'ResumeAt', 'Second', 'Done']);

    // Finished executions are kept too: a third start finds it SUCCEEDED and resumes nothing.
    await sfn?.stop();
    calls = [];
    await start();
    expect(await ok('DescribeExecution', { executionArn })).toMatchObject({ status: 'SUCCEEDED' });
    expect(calls).toEqual([]);
  });

  it('marks an execution it cannot resume FAILED, saying why', async () => {
    await start();
    const { executionArn } = await ok('StartExecution', {
      stateMachineArn: `${MACHINE_PREFIX}NoResume`,
      name: 'stuck',
      input: '{"ticket":"R-2"}',
    });
    await callFor('R-2', 'only');
    await sfn?.stop();

    await start();
    expect(await ok('DescribeExecution', { executionArn })).toMatchObject({
      status: 'FAILED',
      error: 'States.Runtime',
      cause: expect.stringMatching(/^Not resumed after a restart: .*does not start with a Choice/),
    });
  });
});
