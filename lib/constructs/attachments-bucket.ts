import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { CfnMalwareProtectionPlan } from 'aws-cdk-lib/aws-guardduty';
import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  EventType,
  HttpMethods,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { LambdaDestination } from 'aws-cdk-lib/aws-s3-notifications';
import { Construct } from 'constructs';
import { FORM_TEMPLATES_PREFIX } from '../../functions/form-requests/domain/template-keys';
import { ATTACHMENT_PREFIX, QUARANTINE_PREFIX } from '../../functions/tickets/domain/attachments';
import { acknowledge, isAcknowledged } from '../nag';
import type { FinestretaFunction } from './finestreta-function';

export interface AttachmentsBucketProps {
  /** Origins of the web client, which uploads and downloads through presigned URLs. */
  readonly webOrigins: readonly string[];
  /**
   * How long server access logs are kept.
   * @default Duration.days(365)
   */
  readonly accessLogExpiration?: Duration;
  /**
   * How long infected files stay under the quarantine prefix, for an operator to look into.
   * @default Duration.days(90)
   */
  readonly quarantineExpiration?: Duration;
}

/** What a function that answers the bucket's events is told about malware scanning (`ENV.attachmentScanning`). */
export type AttachmentScanning = 'guardduty' | 'off';

/** The detail type of GuardDuty's result event for one scanned object. */
export const SCAN_RESULT_DETAIL_TYPE = 'GuardDuty Malware Protection Object Scan Result';
/** The service GuardDuty Malware Protection for S3 assumes the plan's role as. */
export const MALWARE_PROTECTION_PRINCIPAL = 'malware-protection-plan.guardduty.amazonaws.com';
/** GuardDuty creates and manages EventBridge rules under this name to hear the bucket's uploads. */
const GUARDDUTY_MANAGED_RULES = 'DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*';
/** The object GuardDuty writes to prove it may write to the bucket when the plan is created. */
const VALIDATION_OBJECT = 'malware-protection-resource-validation-object';

/**
 * Private bucket for ticket attachments and form templates, with access logs in a second bucket.
 *
 * Uploads land under `tickets/` (presigned by the API); infected files are moved under
 * `quarantine/` and expire there. {@link deliverEventsTo} wires the checking function to the
 * bucket's upload events and, where the stage scans, to GuardDuty's scan results.
 */
export class AttachmentsBucket extends Construct {
  public readonly bucket: Bucket;
  public readonly accessLogsBucket: Bucket;
  /** GuardDuty Malware Protection for S3 on the ticket prefix, once {@link deliverEventsTo} asked for it. */
  public malwareProtectionPlan?: CfnMalwareProtectionPlan;
  /** The role GuardDuty scans and tags with, once {@link deliverEventsTo} asked for protection. */
  public malwareProtectionRole?: Role;
  /** The default-bus rule delivering GuardDuty's scan results for this bucket. */
  public scanResultRule?: Rule;
  private uploadsDelivered = false;

  constructor(scope: Construct, id: string, props: AttachmentsBucketProps) {
    super(scope, id);

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Server access log delivery supports SSE-S3 only, not SSE-KMS.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // Log delivery is granted by bucket policy, never by ACL.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: props.accessLogExpiration ?? Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.accessLogsBucket,
      'AwsSolutions-S1',
      'This bucket is the server access log target of the attachments bucket; logging its own writes would ' +
        'recurse. It is private, TLS-only and holds nothing but S3 log delivery output.',
    );

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      versioned: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'attachments/',
      cors: [
        {
          // Browsers upload with presigned POST/PUT and download with presigned GET.
          allowedMethods: [HttpMethods.POST, HttpMethods.GET, HttpMethods.PUT],
          allowedOrigins: [...props.webOrigins],
          allowedHeaders: ['*'],
          exposedHeaders: ['ETag'],
          maxAge: 3000,
        },
      ],
      lifecycleRules: [
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        { id: 'expire-noncurrent-versions', noncurrentVersionExpiration: Duration.days(30) },
        { id: 'remove-expired-delete-markers', expiredObjectDeleteMarker: true },
        {
          id: 'expire-quarantine',
          prefix: QUARANTINE_PREFIX,
          expiration: props.quarantineExpiration ?? Duration.days(90),
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  get bucketName(): string {
    return this.bucket.bucketName;
  }

  /**
   * The bucket's regional virtual-hosted origin, `https://<bucket>.s3.<region>.amazonaws.com`:
   * where browsers POST presigned uploads, so the portal's CSP must allow it.
   */
  get uploadOrigin(): string {
    const stack = Stack.of(this);
    return `https://${this.bucket.bucketName}.s3.${stack.region}.${stack.urlSuffix}`;
  }

  /** s3:ListBucket on the bucket itself, which HeadBucket requires. */
  grantHead(grantee: IGrantable): void {
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['s3:ListBucket'], resources: [this.bucket.bucketArn] }),
    );
  }

  /**
   * Presigned uploads and downloads under the ticket prefix. A presigned URL acts with its
   * signer's permissions, so the function gets s3:PutObject and s3:GetObject there and nothing
   * else: a URL it signs can never reach the quarantine or anything outside `tickets/`.
   */
  grantPresign(fn: FinestretaFunction): void {
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [this.bucket.arnForObjects(`${ATTACHMENT_PREFIX}*`)],
      }),
    );
    fn.setEnv('attachmentsBucket', this.bucketName);
    acknowledge(
      fn.role,
      `AwsSolutions-IAM5[Resource::<${this.bucketLogicalId}.Arn>/${ATTACHMENT_PREFIX}*]`,
      'The function presigns uploads to and downloads from keys it chooses under the ticket prefix ' +
        '(tickets/<ticket id>/<attachment id>); s3:PutObject and s3:GetObject only, on that prefix only.',
    );
  }

  /**
   * Form-request templates (form-requests/<request id>/<language>/header.html and footer.html):
   * the API stores and reads them; nothing else touches the prefix.
   */
  grantFormTemplates(fn: FinestretaFunction): void {
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:GetObject'],
        resources: [this.bucket.arnForObjects(`${FORM_TEMPLATES_PREFIX}*`)],
      }),
    );
    fn.setEnv('attachmentsBucket', this.bucketName);
    acknowledge(
      fn.role,
      `AwsSolutions-IAM5[Resource::<${this.bucketLogicalId}.Arn>/${FORM_TEMPLATES_PREFIX}*]`,
      'The function stores and reads form-request templates at keys it chooses under their prefix ' +
        '(form-requests/<request id>/<language>/<part>.html); s3:PutObject and s3:GetObject only.',
    );
  }

  /**
   * What the checking function needs: read an upload's first bytes (any version), delete a
   * rejected one (every version), and move an infected one under the quarantine prefix: a copy
   * keeps GuardDuty's verdict tag, so it reads the source's tags and writes the copy's.
   */
  grantCheck(fn: FinestretaFunction, scanning: AttachmentScanning): void {
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: [
          's3:GetObject',
          's3:GetObjectVersion',
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:DeleteObject',
          's3:DeleteObjectVersion',
        ],
        resources: [this.bucket.arnForObjects(`${ATTACHMENT_PREFIX}*`)],
      }),
    );
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:PutObject', 's3:PutObjectTagging'],
        resources: [this.bucket.arnForObjects(`${QUARANTINE_PREFIX}*`)],
      }),
    );
    fn.setEnv('attachmentsBucket', this.bucketName);
    fn.setEnv('attachmentScanning', scanning);
    acknowledge(
      fn.role,
      `AwsSolutions-IAM5[Resource::<${this.bucketLogicalId}.Arn>/${ATTACHMENT_PREFIX}*]`,
      'The checking function reads, and deletes when rejected or infected, the uploads under the ticket prefix, ' +
        'whose keys carry ids unknown in advance; no other object of the bucket.',
    );
    acknowledge(
      fn.role,
      `AwsSolutions-IAM5[Resource::<${this.bucketLogicalId}.Arn>/${QUARANTINE_PREFIX}*]`,
      'The checking function writes (s3:PutObject only) infected files under the quarantine prefix, at keys ' +
        'named by ticket and attachment id; it cannot read them back, and nothing presigns a download there.',
    );
  }

  /**
   * Deleting the files of tickets whose retention ended, wherever they are (uploads and
   * quarantine): s3:DeleteObject only, which leaves a delete marker; the noncurrent versions
   * then expire by the bucket's lifecycle rule.
   */
  grantPurge(fn: FinestretaFunction): void {
    fn.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['s3:DeleteObject'],
        resources: [
          this.bucket.arnForObjects(`${ATTACHMENT_PREFIX}*`),
          this.bucket.arnForObjects(`${QUARANTINE_PREFIX}*`),
        ],
      }),
    );
    fn.setEnv('attachmentsBucket', this.bucketName);
    for (const prefix of [ATTACHMENT_PREFIX, QUARANTINE_PREFIX]) {
      acknowledge(
        fn.role,
        `AwsSolutions-IAM5[Resource::<${this.bucketLogicalId}.Arn>/${prefix}*]`,
        `Deletes (s3:DeleteObject only) the files of closed tickets whose retention ended, under ${prefix} at keys ` +
          'named by ticket and attachment id, unknown in advance; it can neither read nor write any object.',
      );
    }
  }

  /**
   * New objects under the ticket prefix invoke `fn` (S3 event notification). With
   * `malwareProtection`, GuardDuty Malware Protection for S3 also scans them (and tags each with
   * `GuardDutyMalwareScanStatus`), and a rule on the default event bus delivers its result
   * events for this bucket to `fn` as well. Call once per bucket.
   */
  deliverEventsTo(fn: FinestretaFunction, options: { readonly malwareProtection: boolean }): void {
    if (this.uploadsDelivered) {
      throw new Error('The attachments bucket delivers its events to one function only');
    }
    this.uploadsDelivered = true;
    this.bucket.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(fn.fn), {
      prefix: ATTACHMENT_PREFIX,
    });
    acknowledgeNotificationHandler(this);
    if (options.malwareProtection) this.protect(fn);
  }

  private protect(fn: FinestretaFunction): void {
    const stack = Stack.of(this);
    const role = new Role(this, 'MalwareProtectionRole', {
      assumedBy: new ServicePrincipal(MALWARE_PROTECTION_PRINCIPAL),
      description: 'GuardDuty Malware Protection for S3: scans and tags the uploads to the attachments bucket',
    });
    // The permissions GuardDuty documents for a protected bucket ("Create or update IAM role policy"),
    // on this bucket only; no KMS statement, the bucket being SSE-S3.
    const managedRules = stack.formatArn({
      service: 'events',
      resource: 'rule',
      resourceName: GUARDDUTY_MANAGED_RULES,
    });
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AllowManagedRuleToSendS3EventsToGuardDuty',
        actions: ['events:PutRule', 'events:DeleteRule', 'events:PutTargets', 'events:RemoveTargets'],
        resources: [managedRules],
        conditions: { StringLike: { 'events:ManagedBy': MALWARE_PROTECTION_PRINCIPAL } },
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AllowGuardDutyToMonitorEventBridgeManagedRule',
        actions: ['events:DescribeRule', 'events:ListTargetsByRule'],
        resources: [managedRules],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AllowPostScanTag',
        actions: [
          's3:PutObjectTagging',
          's3:GetObjectTagging',
          's3:PutObjectVersionTagging',
          's3:GetObjectVersionTagging',
        ],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AllowEnableS3EventBridgeEvents',
        actions: ['s3:PutBucketNotification', 's3:GetBucketNotification'],
        resources: [this.bucket.bucketArn],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AllowPutValidationObject',
        actions: ['s3:PutObject'],
        resources: [this.bucket.arnForObjects(VALIDATION_OBJECT)],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AllowCheckBucketOwnership',
        actions: ['s3:ListBucket'],
        resources: [this.bucket.bucketArn],
      }),
    );
    role.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'AllowMalwareScan',
        actions: ['s3:GetObject', 's3:GetObjectVersion'],
        resources: [this.bucket.arnForObjects('*')],
      }),
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::<${this.bucketLogicalId}.Arn>/*]`,
      'GuardDuty Malware Protection’s service role reads and tags objects of this bucket only, as AWS documents ' +
        'for a protected bucket; the plan itself limits scans to the ticket prefix.',
    );
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:events:<AWS::Region>:<AWS::AccountId>:rule/${GUARDDUTY_MANAGED_RULES}]`,
      'GuardDuty creates and manages its own EventBridge rules, named DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3 ' +
        'plus a suffix it chooses, to hear the bucket’s uploads; writes are limited to rules GuardDuty manages.',
    );

    const plan = new CfnMalwareProtectionPlan(this, 'MalwareProtection', {
      role: role.roleArn,
      protectedResource: { s3Bucket: { bucketName: this.bucket.bucketName, objectPrefixes: [ATTACHMENT_PREFIX] } },
      actions: { tagging: { status: 'ENABLED' } },
    });
    // GuardDuty validates the role when the plan is created: its policy must be in place first.
    plan.node.addDependency(role);

    this.scanResultRule = new Rule(this, 'ScanResults', {
      description: 'GuardDuty malware scan results for the attachments bucket, to the function that records them',
      eventPattern: {
        source: ['aws.guardduty'],
        detailType: [SCAN_RESULT_DETAIL_TYPE],
        detail: { s3ObjectDetails: { bucketName: [this.bucket.bucketName] } },
      },
      targets: [new LambdaFunction(fn.fn)],
    });
    this.malwareProtectionRole = role;
    this.malwareProtectionPlan = plan;
  }

  private get bucketLogicalId(): string {
    return Stack.of(this).getLogicalId(this.bucket.node.defaultChild as CfnBucket);
  }
}

/**
 * CDK's bucket-notification custom resource is one function per stack, created by the first
 * `addEventNotification`; its finding is acknowledged once, where it lives, at the stack's root
 * (lib/constructs/mail-inbound.ts may have done so already).
 */
function acknowledgeNotificationHandler(scope: Construct): void {
  const handler = Stack.of(scope).node.tryFindChild('BucketNotificationsHandler050a0587b7544547bf325f094a3db834');
  if (!handler) throw new Error('CDK’s bucket-notification handler was not found: its id changed');
  const id = 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]';
  if (isAcknowledged(handler, id)) return;
  acknowledge(
    handler,
    id,
    'CDK’s own bucket-notification custom resource uses AWSLambdaBasicExecutionRole; it runs only at deploy time, to set the buckets’ event notifications.',
  );
}
