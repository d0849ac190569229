import { Duration, Stack } from 'aws-cdk-lib';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { ContextAttribute, Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import type { FinestretaFunction } from './finestreta-function';

export interface FunctionScheduleProps {
  readonly fn: FinestretaFunction;
  readonly everyMinutes: number;
}

/**
 * Invokes `fn` every `everyMinutes` through EventBridge Scheduler with `{ scheduledTime }`, the
 * instant the invocation was scheduled for. A missed run is not worth chasing: the next one
 * does the same work, so delivery is retried briefly and invocations that still cannot be
 * delivered land in an encrypted dead-letter queue for operators.
 */
export class FunctionSchedule extends Construct {
  public readonly schedule: Schedule;
  public readonly role: Role;
  public readonly deadLetters: Queue;

  constructor(scope: Construct, id: string, props: FunctionScheduleProps) {
    super(scope, id);
    const { fn, everyMinutes } = props;
    if (!Number.isInteger(everyMinutes) || everyMinutes < 1) {
      throw new Error(`${fn.name}: a schedule runs every whole number of minutes, not ${everyMinutes}`);
    }
    const interval = Duration.minutes(everyMinutes);
    // Older than one interval, an invocation is superseded by the next run. Minimum 60 s for both
    // Scheduler and Lambda; at most 6 hours for Lambda's asynchronous queue.
    const maxEventAge = Duration.minutes(Math.min(everyMinutes, 6 * 60));

    this.deadLetters = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      this.deadLetters,
      'AwsSolutions-SQS3',
      `This queue is itself the dead-letter destination of the ${fn.name} schedule; a queue for its own failures would only move the problem. Operators inspect it; the next scheduled run redoes the work.`,
    );

    // Scheduler assumes this role only on behalf of schedules of this account's default group.
    const stack = Stack.of(this);
    this.role = new Role(this, 'Role', {
      description: `EventBridge Scheduler: invokes the Finestreta ${fn.name} function`,
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': stack.account,
            'aws:SourceArn': stack.formatArn({
              service: 'scheduler',
              resource: 'schedule-group',
              resourceName: 'default',
            }),
          },
        },
      }),
    });
    // Scheduler invokes the unqualified function ARN: that and the dead-letter queue, nothing else.
    // (LambdaInvoke would also grant every version and alias, `<arn>:*`, which nothing here uses;
    // it gets the role without policy updates, so the role holds exactly these two statements.)
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [fn.fn.functionArn] }),
    );
    this.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetters.queueArn] }),
    );

    this.schedule = new Schedule(this, 'Schedule', {
      description: `Runs the Finestreta ${fn.name} function every ${everyMinutes === 1 ? 'minute' : `${everyMinutes} minutes`}`,
      schedule: ScheduleExpression.rate(interval),
      target: new LambdaInvoke(fn.fn, {
        role: this.role.withoutPolicyUpdates(),
        input: ScheduleTargetInput.fromObject({ scheduledTime: ContextAttribute.scheduledTime }),
        retryAttempts: 2,
        maxEventAge,
        deadLetterQueue: this.deadLetters,
      }),
    });

    // Scheduler invokes asynchronously; Lambda's own retries of a failed run (by default two,
    // for up to six hours) would only overlap later runs. The errors alarm reports failures.
    fn.fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge });
  }
}
