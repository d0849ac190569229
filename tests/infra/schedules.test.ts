import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { FUNCTIONS, type FunctionSpec } from '../../functions/platform/functions';
import { type CfnTemplate, planFromTemplate } from '../../lib/local/template';
import { asArray, type CfnResource, functionResource, type PolicyStatement, synth } from './fixtures';

const real = synth();
// A table with a slower schedule and an unscheduled function, to see the rate carried through.
const SLOW: Record<string, FunctionSpec> = {
  ticker: {
    entry: 'functions/ops/api/openapi.ts',
    description: 'runs every five minutes',
    uses: [],
    schedule: { everyMinutes: 5 },
  },
  idle: { entry: 'functions/ops/api/openapi.ts', description: 'never scheduled', uses: [] },
};
const slow = synth({}, { functions: SLOW, routes: [] });

const getAttId = (value: unknown) => (value as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

/** The only schedule whose target is the function `name`. */
function scheduleOf(template: Template, name: string): CfnResource {
  const [fnId] = functionResource(template, name);
  const found = Object.values(template.findResources('AWS::Scheduler::Schedule') as Record<string, CfnResource>).filter(
    (schedule) => getAttId((schedule.Properties.Target as { Arn: unknown }).Arn) === fnId,
  );
  if (found.length !== 1) throw new Error(`Expected one schedule for ${name}, found ${found.length}`);
  return found[0] as CfnResource;
}

interface Target {
  Arn: unknown;
  RoleArn: unknown;
  Input: string;
  RetryPolicy: { MaximumRetryAttempts: number; MaximumEventAgeInSeconds: number };
  DeadLetterConfig?: { Arn: unknown };
}
const targetOf = (template: Template, name: string) => scheduleOf(template, name).Properties.Target as Target;

/** Every statement of every policy attached to the role the schedule of `name` runs as. */
function schedulerStatements(template: Template, name: string): PolicyStatement[] {
  const roleId = getAttId(targetOf(template, name).RoleArn);
  const role = template.findResources('AWS::IAM::Role')[roleId] as CfnResource;
  const inline = (role.Properties.Policies as { PolicyDocument: { Statement: PolicyStatement[] } }[] | undefined) ?? [];
  const attached = Object.values(template.findResources('AWS::IAM::Policy') as Record<string, CfnResource>).filter(
    (policy) => (policy.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === roleId),
  );
  return [
    ...inline.flatMap((policy) => policy.PolicyDocument.Statement),
    ...attached.flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement),
  ];
}

describe('scheduled functions', () => {
  it('are exactly the functions the table gives a schedule', () => {
    const scheduled = Object.entries(FUNCTIONS as Record<string, FunctionSpec>).filter(([, spec]) => spec.schedule);
    expect(scheduled.map(([name]) => name).sort()).toEqual(['formRequestDeadlines', 'sweeper']);
    real.template.resourceCountIs('AWS::Scheduler::Schedule', scheduled.length);
    slow.template.resourceCountIs('AWS::Scheduler::Schedule', 1);
    expect(() => scheduleOf(slow.template, 'idle')).toThrow(/found 0/);
  });

  it('run the sweeper every minute with the instant it was scheduled for', () => {
    const schedule = scheduleOf(real.template, 'sweeper');
    expect(schedule.Properties).toMatchObject({ ScheduleExpression: 'rate(1 minute)', State: 'ENABLED' });
    expect(JSON.parse(targetOf(real.template, 'sweeper').Input)).toEqual({
      scheduledTime: '<aws.scheduler.scheduled-time>',
    });
  });

  it('carry the declared rate', () => {
    expect(scheduleOf(slow.template, 'ticker').Properties.ScheduleExpression).toBe('rate(5 minutes)');
    expect(scheduleOf(real.template, 'formRequestDeadlines').Properties).toMatchObject({
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
    });
  });

  it('give up on a missed run quickly, since the next run does the same work', () => {
    expect(targetOf(real.template, 'sweeper').RetryPolicy).toEqual({
      MaximumRetryAttempts: 2,
      MaximumEventAgeInSeconds: 60,
    });
    expect(targetOf(slow.template, 'ticker').RetryPolicy.MaximumEventAgeInSeconds).toBe(300);
    // Scheduler invokes asynchronously: Lambda must not retry a failed run behind the next one.
    const [sweeperId] = functionResource(real.template, 'sweeper');
    real.template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: sweeperId },
      MaximumRetryAttempts: 0,
      MaximumEventAgeInSeconds: 60,
    });
  });

  it('send undeliverable invocations to an encrypted, TLS-only dead-letter queue', () => {
    const queueId = getAttId(targetOf(real.template, 'sweeper').DeadLetterConfig?.Arn);
    const queue = real.template.findResources('AWS::SQS::Queue')[queueId] as CfnResource | undefined;
    expect(queue?.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    real.template.hasResourceProperties('AWS::SQS::QueuePolicy', {
      Queues: [{ Ref: queueId }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 'sqs:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      },
    });
  });

  it('run as a role that may invoke that one function, write to its dead-letter queue, and nothing else', () => {
    const target = targetOf(real.template, 'sweeper');
    const [sweeperId] = functionResource(real.template, 'sweeper');
    const statements = schedulerStatements(real.template, 'sweeper');
    expect(statements.every((statement) => statement.Effect === 'Allow' && !statement.Condition)).toBe(true);
    const grants = statements.flatMap((statement) =>
      asArray(statement.Action).flatMap((action) =>
        asArray(statement.Resource).map((resource) => ({ action, resource })),
      ),
    );
    expect(grants).toEqual(
      expect.arrayContaining([
        { action: 'lambda:InvokeFunction', resource: { 'Fn::GetAtt': [sweeperId, 'Arn'] } },
        { action: 'sqs:SendMessage', resource: target.DeadLetterConfig?.Arn },
      ]),
    );
    expect(grants).toHaveLength(2);
  });

  it('run as a role only Scheduler can assume, for this account’s schedules', () => {
    const roleId = getAttId(targetOf(real.template, 'sweeper').RoleArn);
    const role = real.template.findResources('AWS::IAM::Role')[roleId] as CfnResource;
    const trust = (role.Properties.AssumeRolePolicyDocument as { Statement: PolicyStatement[] }).Statement;
    expect(trust).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: expect.objectContaining({ 'aws:SourceAccount': { Ref: 'AWS::AccountId' } }),
        },
      }),
    ]);
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('are what the local stack runs: same function, rate and input', () => {
    const expected = Object.entries(FUNCTIONS as Record<string, FunctionSpec>).flatMap(([name, spec]) =>
      spec.schedule
        ? [
            {
              functionLogicalId: functionResource(real.template, name)[0],
              everyMs: spec.schedule.everyMinutes * 60_000,
              input: targetOf(real.template, name).Input,
            },
          ]
        : [],
    );
    expect(expected.map((plan) => plan.everyMs).sort()).toEqual([60_000, 900_000]);
    expect(planFromTemplate(real.template.toJSON() as CfnTemplate).schedules).toEqual(expect.arrayContaining(expected));
    expect(planFromTemplate(real.template.toJSON() as CfnTemplate).schedules).toHaveLength(expected.length);
  });
});
