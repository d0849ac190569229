import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  EventType,
  type IBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { ReceiptRuleSet, TlsPolicy } from 'aws-cdk-lib/aws-ses';
import { S3 } from 'aws-cdk-lib/aws-ses-actions';
import { Construct } from 'constructs';
import { replyDomainOf } from '../../functions/mail/domain/replies';
import { acknowledge } from '../nag';
import type { FinestretaFunction } from './finestreta-function';

export interface InboundMailProps {
  /** The notification sender: replies come back to `<ticketId>@reply.<its domain>`. */
  readonly fromAddress: string;
  /** The function that answers replies (`mailInbound`). */
  readonly fn: FinestretaFunction;
  /** Where the inbound bucket's server access logs go. */
  readonly accessLogsBucket: IBucket;
  /**
   * How long raw replies are kept: long enough to investigate a complaint, no longer, since
   * they are personal data we never use.
   * @default Duration.days(14)
   */
  readonly retention?: Duration;
}

/** Where SES writes raw replies; the S3 event is filtered on it. */
export const INBOUND_PREFIX = 'inbound/';

/**
 * Replies to notification mails: an SES receipt rule for the reply domain stores each raw
 * message in a private bucket (expired after `retention`), whose object-created event invokes
 * the answering function. SES v1 keeps one active receipt rule set per account and region and
 * CloudFormation cannot activate one: after the first deployment an operator runs
 * `aws ses set-active-receipt-rule-set --rule-set-name <ReceiptRuleSetName output>` (unless the
 * account already has an active set, to which this rule is then added by hand), and points the
 * reply domain's MX record at `inbound-smtp.<region>.amazonaws.com`.
 */
export class InboundMail extends Construct {
  public readonly bucket: Bucket;
  public readonly ruleSet: ReceiptRuleSet;
  public readonly replyDomain: string;

  constructor(scope: Construct, id: string, props: InboundMailProps) {
    super(scope, id);
    this.replyDomain = replyDomainOf(props.fromAddress);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: props.accessLogsBucket,
      serverAccessLogsPrefix: 'inbound-mail/',
      lifecycleRules: [{ id: 'expire-raw-replies', expiration: props.retention ?? Duration.days(14) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.ruleSet = new ReceiptRuleSet(this, 'RuleSet', {
      rules: [
        {
          recipients: [this.replyDomain],
          // SES's spam and virus verdicts land in the headers: the function answers neither.
          scanEnabled: true,
          tlsPolicy: TlsPolicy.REQUIRE,
          actions: [new S3({ bucket: this.bucket, objectKeyPrefix: INBOUND_PREFIX })],
        },
      ],
    });

    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(props.fn.fn), {
      prefix: INBOUND_PREFIX,
    });
    props.fn.role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:GetObject'], resources: [this.bucket.arnForObjects(`${INBOUND_PREFIX}*`)] }),
    );
    props.fn.setEnv('inboundMailBucket', this.bucket.bucketName);
    const bucketId = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
    acknowledge(
      props.fn.role,
      `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/${INBOUND_PREFIX}*]`,
      'The answering function reads (s3:GetObject only) the raw replies SES writes under the prefix; their keys are SES message ids, unknown in advance.',
    );
    acknowledgeNotificationHandler(this);
  }
}

/**
 * CDK's bucket-notification custom resource is one function per stack, created by
 * `addEventNotification`; its finding is acknowledged where it lives, at the stack's root.
 */
function acknowledgeNotificationHandler(scope: Construct): void {
  const handler = Stack.of(scope).node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  if (!handler) throw new Error('CDK’s bucket-notification handler was not found: its id changed');
  acknowledge(
    handler,
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    'CDK’s own bucket-notification custom resource uses AWSLambdaBasicExecutionRole; it runs only at deploy time, to set the inbound bucket’s notification.',
  );
}
