import { type CfnElement, Duration, Stack } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  Choice,
  Condition,
  DefinitionBody,
  Errors,
  Fail,
  type IChainable,
  type INextable,
  IntegrationPattern,
  JsonPath,
  LogLevel,
  StateMachine,
  StateMachineType,
  Succeed,
  TaskInput,
} from 'aws-cdk-lib/aws-stepfunctions';
import { LambdaInvoke } from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import {
  nextStep,
  REJECTED_ERROR,
  STEP_TIMEOUT_DAYS,
  WAITING_STEPS,
  type WaitingStep,
  WORKFLOW_MAX_DAYS,
} from '../../functions/form-requests/domain/workflow';
import { acknowledge } from '../nag';
import type { FinestretaFunction } from './finestreta-function';

export interface FormWorkflowProps {
  /** The function each waiting step invokes with its task token (`trigger: 'form-workflow-task'`). */
  readonly task: FinestretaFunction;
  readonly logRetention: RetentionDays;
}

/** State names: the step's name, capitalised (`Review`, `Templates`…). */
const stateName = (step: string) => `${step[0]?.toUpperCase()}${step.slice(1)}`;

/**
 * The form-request workflow: a Standard state machine whose every step is a
 * `lambda:invoke.waitForTaskToken` task, built from the domain's transitions (`nextStep`), so
 * the API and the workflow agree on what comes next. A Choice at the start resumes an execution
 * at a given step (`{ requestId, resumeAt }`): how the local stack picks up requests after a
 * restart, and how operators restart one whose execution failed or was stopped.
 */
export class FormWorkflow extends Construct {
  public readonly stateMachine: StateMachine;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: FormWorkflowProps) {
    super(scope, id);

    const completed = new Succeed(this, 'Completed');
    const rejected = new Succeed(this, 'Rejected', { comment: 'The directorate rejected the petition' });
    // A step left far beyond its deadline (escalated long before) ends the execution as failed,
    // which raises the failed-executions alarm: an operator decides, and may resume it.
    const expired = new Fail(this, 'Expired', {
      error: 'FormRequest.StepExpired',
      cause: `A step waited more than ${STEP_TIMEOUT_DAYS} days`,
    });

    const tasks = new Map<WaitingStep, LambdaInvoke>();
    for (const step of WAITING_STEPS) {
      const task = new LambdaInvoke(this, stateName(step), {
        lambdaFunction: props.task.fn,
        integrationPattern: IntegrationPattern.WAIT_FOR_TASK_TOKEN,
        payload: TaskInput.fromObject({
          requestId: JsonPath.stringAt('$.requestId'),
          step,
          taskToken: JsonPath.taskToken,
        }),
        // The review's decision picks the way; other steps' results are not needed.
        resultPath: step === 'review' ? '$.outcome' : JsonPath.DISCARD,
        taskTimeout: { seconds: Duration.days(STEP_TIMEOUT_DAYS).toSeconds() },
        retryOnServiceExceptions: true,
      });
      task.addCatch(expired, { errors: [Errors.TIMEOUT] });
      tasks.set(step, task);
    }
    const taskOf = (step: WaitingStep) => tasks.get(step) as LambdaInvoke;
    const next = (step: string): IChainable =>
      step === 'completed' ? completed : step === 'rejected' ? rejected : taskOf(step as WaitingStep);

    // Rejection is the review task's failure with a named error: the execution still succeeds.
    taskOf('review').addCatch(rejected, { errors: [REJECTED_ERROR] });
    taskOf('review').next(
      new Choice(this, 'Decision')
        .when(
          Condition.stringEquals('$.outcome.decision', 'approve'),
          next(nextStep('review', { decision: 'approve' })),
        )
        .when(
          Condition.stringEquals('$.outcome.decision', 'request_changes'),
          next(nextStep('review', { decision: 'request_changes' })),
        )
        .otherwise(new Fail(this, 'UnknownDecision', { error: 'FormRequest.UnknownDecision' })),
    );
    for (const step of WAITING_STEPS) {
      if (step !== 'review') (taskOf(step) as INextable).next(next(nextStep(step, {})));
    }

    let resume = new Choice(this, 'ResumeAt', { comment: 'Start at $.resumeAt when given, else at the review' });
    for (const step of WAITING_STEPS) {
      resume = resume.when(
        Condition.and(Condition.isPresent('$.resumeAt'), Condition.stringEquals('$.resumeAt', step)),
        taskOf(step),
      );
    }
    resume.otherwise(taskOf('review'));

    // Under /aws/vendedlogs/, as AWS advises, so log delivery's resource policy stays small.
    this.logGroup = new LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-form-requests`,
      retention: props.logRetention,
    });
    this.stateMachine = new StateMachine(this, 'StateMachine', {
      stateMachineType: StateMachineType.STANDARD,
      definitionBody: DefinitionBody.fromChainable(resume),
      timeout: Duration.days(WORKFLOW_MAX_DAYS),
      tracingEnabled: true,
      // Every event, without execution data: requests carry a contact's name and address.
      logs: { destination: this.logGroup, level: LogLevel.ALL, includeExecutionData: false },
      comment: 'A department’s request for a new contact form, through the seven steps of source 003',
    });
    acknowledge(
      this.stateMachine.role,
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray tracing (xray:PutTraceSegments, PutTelemetryRecords, GetSampling*) and log delivery ' +
        '(logs:CreateLogDelivery and the rest) have no resource-level permissions; CDK grants them for tracingEnabled and logs.',
    );
    acknowledge(
      this.stateMachine.role,
      `AwsSolutions-IAM5[Resource::<${Stack.of(this).getLogicalId(props.task.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
      'lambda:InvokeFunction on the task function and its versions and aliases, as CDK grants for a LambdaInvoke task.',
    );
  }

  /** What the API does with executions: start, describe and stop them, and complete their waiting tasks. */
  grantRun(fn: FinestretaFunction): void {
    this.stateMachine.grantStartExecution(fn.role);
    // Success and failure only: no task heartbeats.
    this.stateMachine.grant(fn.role, 'states:SendTaskSuccess', 'states:SendTaskFailure');
    this.stateMachine.grantExecution(fn.role, 'states:DescribeExecution', 'states:StopExecution');
    const machine = Stack.of(this).getLogicalId(this.stateMachine.node.defaultChild as CfnElement);
    acknowledge(
      fn.role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:<AWS::Region>:<AWS::AccountId>:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${machine}"}]}]}:*]`,
      'DescribeExecution and StopExecution on this state machine’s executions only: their names are the requests’ ids, chosen at run time.',
    );
  }
}
