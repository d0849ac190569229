import { beforeAll, describe, expect, it } from 'vitest';
import { resumeInput } from '../../../lib/local/step-functions';
import { synthesizeStack } from '../../../lib/local/synth';
import {
  type CfnTemplate,
  LOCAL_ACCOUNT,
  LOCAL_REGION,
  type LocalPlan,
  localArns,
  planFromTemplate,
  resolveValue,
} from '../../../lib/local/template';

const WAIT_FOR_TASK_TOKEN = 'arn:aws:states:::lambda:invoke.waitForTaskToken';
const STEPS = ['review', 'changes', 'templates', 'parameters', 'setup', 'links'];
const stateOf = (step: string) => `${step[0]?.toUpperCase()}${step.slice(1)}`;

let template: CfnTemplate;
let plan: LocalPlan;

beforeAll(() => {
  template = synthesizeStack().template;
  plan = planFromTemplate(template);
}, 120_000);

type State = Record<string, unknown> & { Type: string };
const statesOf = (definition: Record<string, unknown>) => definition.States as Record<string, State>;

describe('state machines read from the synthesized template', () => {
  it('give the form workflow a local ARN named after its logical id', () => {
    expect(plan.stateMachines).toHaveLength(1);
    const [machine] = plan.stateMachines;
    expect(template.Resources[machine?.logicalId ?? '']?.Type).toBe('AWS::StepFunctions::StateMachine');
    expect(machine?.arn).toBe(`arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${machine?.logicalId}`);
  });

  it('resolve the definition: partition, and every task naming the local ARN of the task function', () => {
    const definition = plan.stateMachines[0]?.definition ?? {};
    const taskFunction = plan.functions.find((fn) => fn.name === 'formRequestTask');
    expect(taskFunction?.arn).toBe(
      `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${taskFunction?.logicalId}`,
    );
    expect(definition.StartAt).toBe('ResumeAt');
    for (const step of STEPS) {
      const state = statesOf(definition)[stateOf(step)];
      expect(state).toMatchObject({
        Type: 'Task',
        Resource: WAIT_FOR_TASK_TOKEN,
        Parameters: {
          FunctionName: taskFunction?.arn,
          Payload: { 'requestId.$': '$.requestId', step, 'taskToken.$': '$$.Task.Token' },
        },
      });
    }
    expect(JSON.stringify(definition)).not.toMatch(/Fn::|"Ref"/);
  });

  it('resolve FORM_WORKFLOW_ARN, a Ref of the state machine, to that same ARN', () => {
    const [machine] = plan.stateMachines;
    const api = plan.functions.find((fn) => fn.name === 'formRequests');
    // As lib/local/stack.ts resolves environments: logical ids, state machines by their ARNs.
    const refs = Object.fromEntries(Object.keys(template.Resources).map((id) => [id, id]));
    for (const m of plan.stateMachines) refs[m.logicalId] = m.arn;
    const context = { refs, arns: localArns(template), region: LOCAL_REGION, accountId: LOCAL_ACCOUNT };
    expect(resolveValue(api?.environment.FORM_WORKFLOW_ARN, context)).toBe(machine?.arn);
  });

  it('can resume at every waiting step through the ResumeAt Choice', () => {
    const definition = plan.stateMachines[0]?.definition ?? {};
    for (const step of STEPS) {
      expect(resumeInput(definition, { requestId: 'r-1' }, stateOf(step))).toEqual({
        input: { requestId: 'r-1', resumeAt: step },
      });
    }
    expect(resumeInput(definition, { requestId: 'r-1' }, 'Decision')).toEqual({
      reason: expect.stringContaining('no StringEquals rule leading to "Decision"'),
    });
  });
});

describe('the planned form workflow on the local endpoint', () => {
  it('is accepted: its definition validates and its tasks are Lambda tasks', async () => {
    const { freePort } = await import('../../../lib/local/ports');
    const { startStepFunctions } = await import('../../../lib/local/step-functions');
    const sfn = await startStepFunctions({
      port: await freePort(),
      stateMachines: plan.stateMachines.map((machine) => ({
        arn: machine.arn,
        definition: machine.definition,
        invokeLambda: async () => ({}),
      })),
    });
    await sfn.stop();
  });
});
