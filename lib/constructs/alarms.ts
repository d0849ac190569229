import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { FinestretaFunction } from './finestreta-function';
import { serviceTopic } from './service-topic';

export interface AlarmsProps {
  /** Receives every alarm (the subscription must be confirmed from the email). */
  readonly email: string;
  readonly httpApi: HttpApi;
  readonly functions: readonly FinestretaFunction[];
  /** Workflows whose failed, timed-out or aborted executions need an operator. @default none */
  readonly stateMachines?: readonly StateMachine[];
  /**
   * API 5xx responses per 5 minutes that raise the alarm.
   * @default 5
   */
  readonly serverErrorThreshold?: number;
}

const PERIOD = Duration.minutes(5);

/** Alarms on what users would notice: API 5xx, and any function error or throttle. */
export class Alarms extends Construct {
  public readonly topic: Topic;
  public readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: AlarmsProps) {
    super(scope, id);
    this.topic = serviceTopic(this, {
      publisher: 'cloudwatch.amazonaws.com',
      description: 'Encrypts Finestreta alarm notifications',
      keyId: 'TopicKey',
      topicId: 'Topic',
    });
    this.topic.addSubscription(new EmailSubscription(props.email));
    this.action = new SnsAction(this.topic);

    this.add('Api5xx', props.httpApi.metricServerError({ period: PERIOD, statistic: 'Sum' }), {
      threshold: props.serverErrorThreshold ?? 5,
      description: 'The HTTP API answered 5xx: a handler failed or timed out',
    });
    for (const fn of props.functions) {
      // Handled errors become 4xx responses, so any Lambda error is an unhandled bug.
      this.add(`${fn.name}-Errors`, fn.fn.metricErrors({ period: PERIOD, statistic: 'Sum' }), {
        threshold: 1,
        description: `Function ${fn.name} threw an unhandled error`,
      });
      this.add(`${fn.name}-Throttles`, fn.fn.metricThrottles({ period: PERIOD, statistic: 'Sum' }), {
        threshold: 1,
        description: `Function ${fn.name} was throttled: concurrency limit reached`,
      });
    }
    for (const [index, machine] of (props.stateMachines ?? []).entries()) {
      // A rejection ends as succeeded; a failure is a step that expired or a task that broke.
      const metrics = [
        ['Failed', 'failed', machine.metricFailed({ period: PERIOD, statistic: 'Sum' })],
        ['TimedOut', 'timed out', machine.metricTimedOut({ period: PERIOD, statistic: 'Sum' })],
        ['Aborted', 'was stopped', machine.metricAborted({ period: PERIOD, statistic: 'Sum' })],
      ] as const;
      for (const [what, words, metric] of metrics) {
        this.add(`Workflow${index}-${what}`, metric, {
          threshold: 1,
          description: `A form-request execution ${words}: an operator should look at it and may resume it at its step`,
        });
      }
    }
  }

  private add(id: string, metric: IMetric, options: { threshold: number; description: string }): void {
    const alarm = new Alarm(this, id, {
      metric,
      threshold: options.threshold,
      evaluationPeriods: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: options.description,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
  }
}
