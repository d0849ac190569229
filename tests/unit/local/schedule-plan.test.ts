import { describe, expect, it } from 'vitest';
import { FUNCTION_METADATA_KEY } from '../../../lib/constructs/finestreta-function';
import { type CfnResource, type CfnTemplate, planFromTemplate } from '../../../lib/local/template';

const INPUT = '{"scheduledTime":"<aws.scheduler.scheduled-time>"}';

const sweeper: CfnResource = {
  Type: 'AWS::Lambda::Function',
  Properties: { Timeout: 50, Environment: { Variables: {} } },
  Metadata: { [FUNCTION_METADATA_KEY]: 'sweeper' },
};

/** A schedule as CDK synthesizes it for `LambdaInvoke` (role and dead-letter queue trimmed to what matters). */
function schedule(properties: Record<string, unknown> = {}, target: Record<string, unknown> = {}): CfnResource {
  return {
    Type: 'AWS::Scheduler::Schedule',
    Properties: {
      ScheduleExpression: 'rate(1 minute)',
      State: 'ENABLED',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ...properties,
      Target: {
        Arn: { 'Fn::GetAtt': ['SweeperFn', 'Arn'] },
        RoleArn: { 'Fn::GetAtt': ['SweeperScheduleRole', 'Arn'] },
        Input: INPUT,
        RetryPolicy: { MaximumEventAgeInSeconds: 60, MaximumRetryAttempts: 2 },
        ...target,
      },
    },
  };
}

const planOf = (...schedules: CfnResource[]) => {
  const template: CfnTemplate = {
    Resources: {
      SweeperFn: sweeper,
      ...Object.fromEntries(schedules.map((resource, i) => [`Schedule${i}`, resource])),
    },
  };
  return planFromTemplate(template).schedules;
};

describe('schedules read from the synthesized template', () => {
  it('invoke the target function at the rate, with the input and its placeholders as written', () => {
    expect(planOf(schedule())).toEqual([{ functionLogicalId: 'SweeperFn', everyMs: 60_000, input: INPUT }]);
  });

  it.each([
    ['rate(5 minutes)', 300_000],
    ['rate(1 hour)', 3_600_000],
    ['rate(2 hours)', 7_200_000],
    ['rate(1 day)', 86_400_000],
  ])('read %s as %i ms', (expression, everyMs) => {
    expect(planOf(schedule({ ScheduleExpression: expression }))[0]?.everyMs).toBe(everyMs);
  });

  it('send an empty object when the target declares no input', () => {
    expect(planOf(schedule({}, { Input: undefined }))[0]?.input).toBe('{}');
  });

  it('leave out disabled schedules, which never fire', () => {
    expect(planOf(schedule({ State: 'DISABLED' }), schedule())).toHaveLength(1);
  });

  it('are none when the template has none', () => {
    expect(planOf()).toEqual([]);
  });

  it('refuse expressions the local stack cannot run rather than skip them', () => {
    expect(() => planOf(schedule({ ScheduleExpression: 'cron(0 8 * * ? *)' }))).toThrow(/rate\(\) schedules/);
    expect(() => planOf(schedule({ ScheduleExpression: 'at(2030-01-01T00:00:00)' }))).toThrow(/rate\(\) schedules/);
    expect(() => planOf(schedule({ ScheduleExpression: 'rate(0 minutes)' }))).toThrow(/rate\(\) schedules/);
  });

  it('refuse a target that is not a resource of the template', () => {
    expect(() => planOf(schedule({}, { Arn: 'arn:aws:lambda:eu-west-1:111122223333:function:elsewhere' }))).toThrow(
      /targets no function/,
    );
  });
});
