import { describe, expect, it } from 'vitest';
import { Directorate } from '../../functions/form-requests/domain/directorate';
import { STEP_TIMEOUT_DAYS, WAITING_STEPS, WORKFLOW_MAX_DAYS } from '../../functions/form-requests/domain/workflow';
import { ENV } from '../../functions/platform/env';
import { FUNCTIONS, type FunctionSpec } from '../../functions/platform/functions';
import { DEV_DEFAULTS, STAGES_CONTEXT_KEY } from '../../lib/config';
import {
  asArray,
  CAPABILITY_ACTIONS,
  CAPABILITY_FUNCTIONS,
  CAPABILITY_ROUTES,
  type CfnResource,
  functionResource,
  onlyLogicalId,
  type PolicyStatement,
  statementsOf,
  synth,
} from './fixtures';

const DIRECTORATE: Directorate = {
  organisationId: 'ajuntament',
  reviewers: { name: 'Secretaria', email: 'secretaria@ajuntament.example', language: 'es' },
  operators: { name: 'Informàtica', email: 'informatica@ajuntament.example', language: 'ca' },
};

const real = synth();
const { template } = real;
// The dev stage with its own directorate.
const configured = synth({ [STAGES_CONTEXT_KEY]: { dev: { formRequests: DIRECTORATE } } });

const DAY = 24 * 3600;
const STEPS = ['review', 'changes', 'templates', 'parameters', 'setup', 'links'] as const;
const stateName = (step: string) => `${step[0]?.toUpperCase()}${step.slice(1)}`;

const machineId = onlyLogicalId(template, 'AWS::StepFunctions::StateMachine');
const machine = template.findResources('AWS::StepFunctions::StateMachine')[machineId] as CfnResource;
const machineRef = { Ref: machineId };
const [taskId] = functionResource(template, 'formRequestTask');
const taskArn = { 'Fn::GetAtt': [taskId, 'Arn'] };

/** A CloudFormation value in the definition, as a placeholder that survives JSON.parse. */
function placeholder(part: unknown): string {
  if (typeof part === 'string') return part;
  const value = part as { Ref?: string; 'Fn::GetAtt'?: [string, string] };
  if (value.Ref !== undefined) return `{{Ref:${value.Ref}}}`;
  if (value['Fn::GetAtt']) return `{{GetAtt:${value['Fn::GetAtt'].join('.')}}}`;
  throw new Error(`Unexpected value in the definition: ${JSON.stringify(part)}`);
}

/** The DefinitionString, its Fn::Join resolved with placeholders for Ref and GetAtt, parsed. */
function definitionOf(resource: CfnResource): AslDefinition {
  const body = resource.Properties.DefinitionString as string | { 'Fn::Join': [string, unknown[]] };
  const text = typeof body === 'string' ? body : body['Fn::Join'][1].map(placeholder).join(body['Fn::Join'][0]);
  return JSON.parse(text) as AslDefinition;
}

interface AslState {
  Type: string;
  Next?: string;
  End?: boolean;
  Default?: string;
  Choices?: ({ Next: string } & Record<string, unknown>)[];
  Resource?: string;
  Parameters?: { FunctionName?: string; Payload?: Record<string, unknown> };
  TimeoutSeconds?: number;
  HeartbeatSeconds?: number;
  ResultPath?: string | null;
  Catch?: { ErrorEquals: string[]; Next: string }[];
  Error?: string;
}
interface AslDefinition {
  StartAt: string;
  TimeoutSeconds?: number;
  States: Record<string, AslState>;
}

const definition = definitionOf(machine);
const stateOf = (name: string): AslState => {
  const state = definition.States[name];
  if (!state) throw new Error(`No state ${name}`);
  return state;
};
const catchOf = (state: AslState, error: string) => state.Catch?.find((c) => c.ErrorEquals.includes(error))?.Next;

/** Every (action, resource) pair the statements allow. */
const grantsOf = (statements: PolicyStatement[]) =>
  statements.flatMap((statement) =>
    asArray(statement.Action).flatMap((action) =>
      asArray(statement.Resource).map((resource) => ({ action, resource, effect: statement.Effect })),
    ),
  );

const variablesOf = (t: typeof template, name: string) =>
  (functionResource(t, name)[1].Properties.Environment as { Variables: Record<string, unknown> }).Variables;

describe('form-request state machine', () => {
  it('is one Standard state machine, its ARN an output', () => {
    expect(machine.Properties.StateMachineType).toBe('STANDARD');
    expect(template.toJSON().Outputs.FormWorkflowArn).toEqual({ Value: machineRef });
  });

  it('waits at the same steps as the domain', () => {
    expect([...WAITING_STEPS]).toEqual([...STEPS]);
  });

  it('starts at a ResumeAt choice with a rule for each waiting step, and the review by default', () => {
    expect(definition.StartAt).toBe('ResumeAt');
    const resume = stateOf('ResumeAt');
    expect(resume.Type).toBe('Choice');
    expect(resume.Default).toBe('Review');
    expect(resume.Choices).toHaveLength(STEPS.length);
    for (const step of STEPS) {
      const rule = resume.Choices?.find((choice) => JSON.stringify(choice).includes(`"StringEquals":"${step}"`));
      expect(rule, step).toEqual({
        And: [
          { Variable: '$.resumeAt', IsPresent: true },
          { Variable: '$.resumeAt', StringEquals: step },
        ],
        Next: stateName(step),
      });
    }
  });

  it.each(STEPS)('waits at %s: a task-token Lambda task of the task function, with a timeout it catches', (step) => {
    const state = stateOf(stateName(step));
    expect(state.Type).toBe('Task');
    expect(state.Resource).toMatch(/^arn:\{\{Ref:AWS::Partition\}\}:states:::lambda:invoke\.waitForTaskToken$/);
    expect(state.Parameters?.FunctionName).toBe(`{{GetAtt:${taskId}.Arn}}`);
    expect(state.Parameters?.Payload).toEqual({
      'requestId.$': '$.requestId',
      step,
      'taskToken.$': '$$.Task.Token',
    });
    expect(state.TimeoutSeconds).toBe(STEP_TIMEOUT_DAYS * DAY);
    // An expired step ends the execution as failed (and alarms), not as succeeded.
    const expired = catchOf(state, 'States.Timeout');
    expect(expired).toBeDefined();
    expect(stateOf(expired as string).Type).toBe('Fail');
    // Only the review's result picks a way; the others must not overwrite the request's input.
    expect(state.ResultPath).toBe(step === 'review' ? '$.outcome' : null);
  });

  it('ends a rejected review as succeeded, and lets its decision pick templates or changes', () => {
    const review = stateOf('Review');
    const rejected = catchOf(review, 'FormRequest.Rejected');
    expect(rejected).toBeDefined();
    expect(stateOf(rejected as string).Type).toBe('Succeed');
    expect(stateOf(review.Next as string)).toMatchObject({
      Type: 'Choice',
      Choices: [
        { Variable: '$.outcome.decision', StringEquals: 'approve', Next: 'Templates' },
        { Variable: '$.outcome.decision', StringEquals: 'request_changes', Next: 'Changes' },
      ],
    });
    // Any other decision is a fault, not a quiet success.
    const decision = stateOf(review.Next as string);
    expect(stateOf(decision.Default as string).Type).toBe('Fail');
  });

  it('goes from changes back to the review, and from templates through parameters, setup and links to Completed', () => {
    expect(stateOf('Changes').Next).toBe('Review');
    expect(stateOf('Templates').Next).toBe('Parameters');
    expect(stateOf('Parameters').Next).toBe('Setup');
    expect(stateOf('Setup').Next).toBe('Links');
    expect(stateOf('Links').Next).toBe('Completed');
    expect(stateOf('Completed').Type).toBe('Succeed');
  });

  it('has no state beyond the steps, the choices and their endings, and no dangling transition', () => {
    expect(Object.keys(definition.States).sort()).toEqual(
      [...STEPS.map(stateName), 'ResumeAt', 'Decision', 'UnknownDecision', 'Completed', 'Rejected', 'Expired'].sort(),
    );
    for (const [name, state] of Object.entries(definition.States)) {
      const targets = [
        state.Next,
        state.Default,
        ...(state.Choices ?? []).map((c) => c.Next),
        ...(state.Catch ?? []).map((c) => c.Next),
      ].filter((target): target is string => target !== undefined);
      for (const target of targets) expect(definition.States[target], `${name} → ${target}`).toBeDefined();
    }
  });

  it('bounds a whole request with a machine-level timeout, within Standard’s one year', () => {
    expect(definition.TimeoutSeconds).toBe(WORKFLOW_MAX_DAYS * DAY);
    expect(definition.TimeoutSeconds).toBeGreaterThan(STEP_TIMEOUT_DAYS * DAY);
    expect(definition.TimeoutSeconds).toBeLessThanOrEqual(365 * DAY);
  });

  it('logs every event, without execution data, to a log group of its own kept for the stage’s retention', () => {
    const logging = machine.Properties.LoggingConfiguration as {
      Level: string;
      IncludeExecutionData: boolean;
      Destinations: { CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [string, string] } } }[];
    };
    expect(logging).toMatchObject({ Level: 'ALL', IncludeExecutionData: false });
    expect(logging.Destinations).toHaveLength(1);
    const [logGroupId, attribute] = logging.Destinations[0]?.CloudWatchLogsLogGroup.LogGroupArn['Fn::GetAtt'] ?? [];
    expect(attribute).toBe('Arn');
    const logGroup = template.findResources('AWS::Logs::LogGroup')[logGroupId as string] as CfnResource;
    expect(logGroup.Properties).toMatchObject({ RetentionInDays: DEV_DEFAULTS.retentionDays });
    // Its own: nothing else in the stack refers to that log group.
    const others = Object.entries(template.toJSON().Resources as Record<string, unknown>).filter(
      ([id, resource]) => id !== machineId && id !== logGroupId && JSON.stringify(resource).includes(`"${logGroupId}"`),
    );
    expect(others.map(([id]) => id)).toEqual([]);
  });

  it('traces executions', () => {
    expect(machine.Properties.TracingConfiguration).toEqual({ Enabled: true });
  });
});

describe('form-request alarms', () => {
  it.each(['ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted'])(
    'raise on one %s in five minutes, to the alarm topic',
    (metric) => {
      const alarms = Object.values(
        template.findResources('AWS::CloudWatch::Alarm', {
          Properties: { Namespace: 'AWS/States', MetricName: metric },
        }) as Record<string, CfnResource>,
      );
      expect(alarms).toHaveLength(1);
      expect(alarms[0]?.Properties).toMatchObject({
        Dimensions: [{ Name: 'StateMachineArn', Value: machineRef }],
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: expect.stringMatching(/^AlarmsTopic/) }],
      });
    },
  );

  it('watch nothing else of the workflow', () => {
    expect(
      Object.keys(template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'AWS/States' } })),
    ).toHaveLength(3);
  });
});

describe('form-request permissions', () => {
  const executions = {
    'Fn::Join': [
      '',
      [
        'arn:',
        { Ref: 'AWS::Partition' },
        ':states:',
        { Ref: 'AWS::Region' },
        ':',
        { Ref: 'AWS::AccountId' },
        ':execution:',
        { 'Fn::Select': [6, { 'Fn::Split': [':', machineRef] }] },
        ':*',
      ],
    ],
  };

  it('let the API start executions of the machine, answer their tasks, and describe and stop them', () => {
    const grants = grantsOf(statementsOf(template, 'formRequests')).filter((g) => g.action.startsWith('states:'));
    expect(grants.every((grant) => grant.effect === 'Allow')).toBe(true);
    expect(grants.map(({ action, resource }) => ({ action, resource }))).toEqual(
      expect.arrayContaining([
        { action: 'states:StartExecution', resource: machineRef },
        { action: 'states:SendTaskSuccess', resource: machineRef },
        { action: 'states:SendTaskFailure', resource: machineRef },
        { action: 'states:DescribeExecution', resource: executions },
        { action: 'states:StopExecution', resource: executions },
      ]),
    );
    // Nothing on another machine, on every execution, or on '*'.
    for (const { action, resource } of grants) {
      expect([machineRef, executions], action).toContainEqual(resource);
    }
    expect([...new Set(grants.map((g) => g.action))].sort()).toEqual(
      CAPABILITY_ACTIONS['forms:workflow'].filter((action) => action.startsWith('states:')).sort(),
    );
  });

  it('let the API put and get objects under form-requests/ of the attachments bucket, and nothing else in S3', () => {
    const bucketId = Object.keys(template.findResources('AWS::S3::Bucket')).find((id) =>
      /^AttachmentsBucket[0-9A-F]{8}$/.test(id),
    ) as string;
    const grants = grantsOf(statementsOf(template, 'formRequests')).filter((g) => g.action.startsWith('s3:'));
    const templates = { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucketId, 'Arn'] }, '/form-requests/*']] };
    expect(grants.map(({ action, resource }) => ({ action, resource }))).toEqual(
      expect.arrayContaining([
        { action: 's3:PutObject', resource: templates },
        { action: 's3:GetObject', resource: templates },
      ]),
    );
    expect(grants).toHaveLength(2);
    expect(variablesOf(template, 'formRequests')[ENV.attachmentsBucket]).toEqual({ Ref: bucketId });
  });

  it('give no function but the API any Step Functions action', () => {
    for (const name of Object.keys(FUNCTIONS)) {
      const states = grantsOf(statementsOf(template, name)).filter((g) => g.action.startsWith('states:'));
      if (name !== 'formRequests') expect(states, name).toEqual([]);
    }
    expect(grantsOf(statementsOf(template, 'formRequestTask')).filter((g) => /^states:/.test(g.action))).toEqual([]);
  });

  it('let the state machine invoke the task function (and its versions) and no other', () => {
    const roleId = (machine.Properties.RoleArn as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const role = template.findResources('AWS::IAM::Role')[roleId] as CfnResource;
    const trust = (role.Properties.AssumeRolePolicyDocument as { Statement: PolicyStatement[] }).Statement;
    expect(trust).toEqual([expect.objectContaining({ Principal: { Service: 'states.amazonaws.com' } })]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const policies = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, CfnResource>).filter(
      (policy) => (policy.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === roleId),
    );
    const grants = grantsOf(
      policies.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement),
    );
    const invoke = grants.filter((g) => g.action.startsWith('lambda:'));
    expect(invoke.map(({ action, resource }) => ({ action, resource }))).toEqual([
      { action: 'lambda:InvokeFunction', resource: taskArn },
      { action: 'lambda:InvokeFunction', resource: { 'Fn::Join': ['', [taskArn, ':*']] } },
    ]);
    // The rest is log delivery and X-Ray, which have no resource-level permissions.
    const rest = grants.filter((g) => !g.action.startsWith('lambda:'));
    expect(rest.every((g) => g.resource === '*' && /^(logs|xray):/.test(g.action))).toBe(true);
    expect(grants.every((grant) => grant.effect === 'Allow')).toBe(true);
  });
});

describe('form-request environment', () => {
  const holders = (key: string) =>
    Object.keys(FUNCTIONS)
      .filter((name) => variablesOf(template, name)[key] !== undefined)
      .sort();

  it('gives the state machine’s ARN to the API that runs it, and to no other function', () => {
    expect(holders(ENV.formWorkflowArn)).toEqual(['formRequests']);
    expect(variablesOf(template, 'formRequests')[ENV.formWorkflowArn]).toEqual(machineRef);
  });

  it('gives the stage’s directorate, as JSON, to the task and deadline functions', () => {
    expect(holders(ENV.formDirectorate)).toEqual(['formRequestDeadlines', 'formRequestTask']);
    for (const name of ['formRequestTask', 'formRequestDeadlines']) {
      const value = variablesOf(template, name)[ENV.formDirectorate] as string;
      expect(Directorate.parse(JSON.parse(value)), name).toEqual(DEV_DEFAULTS.formRequests);
      const custom = variablesOf(configured.template, name)[ENV.formDirectorate] as string;
      expect(JSON.parse(custom), name).toEqual(DIRECTORATE);
    }
  });

  it('refuses to synthesize a bad directorate', () => {
    const { reviewers: _, ...withoutReviewers } = DIRECTORATE;
    expect(() => synth({ [STAGES_CONTEXT_KEY]: { dev: { formRequests: withoutReviewers } } })).toThrow(
      /formRequests must be/,
    );
  });
});

describe('a function table without the workflow', () => {
  const TASK: FunctionSpec = {
    entry: 'functions/ops/api/openapi.ts',
    description: 'runs the workflow’s tasks',
    uses: [],
    trigger: 'form-workflow-task',
  };
  const RUNNER: FunctionSpec = {
    entry: 'functions/ops/api/openapi.ts',
    description: 'runs it',
    uses: ['forms:workflow'],
  };

  it('has no state machine, workflow alarm or output when no function runs its tasks', () => {
    const bare = synth({}, { functions: CAPABILITY_FUNCTIONS, routes: CAPABILITY_ROUTES });
    bare.template.resourceCountIs('AWS::StepFunctions::StateMachine', 0);
    expect(
      Object.keys(bare.template.findResources('AWS::CloudWatch::Alarm', { Properties: { Namespace: 'AWS/States' } })),
    ).toEqual([]);
    expect(bare.template.toJSON().Outputs.FormWorkflowArn).toBeUndefined();
  });

  it('refuses a function that runs the workflow when none runs its tasks', () => {
    expect(() => synth({}, { functions: { runner: RUNNER }, routes: [] })).toThrow(/no function runs its tasks/);
  });

  it('refuses two task functions', () => {
    expect(() => synth({}, { functions: { one: TASK, two: TASK }, routes: [] })).toThrow(
      /Only one function may run the form workflow's tasks: one, two/,
    );
  });
});
