import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { GROUPS } from '../../contracts/vocabulary';
import { FUNCTIONS } from '../../functions/platform/functions';
import { TABLE_KEYS } from '../../functions/platform/table/keys';
import { type CfnResource, onlyLogicalId, synth } from './fixtures';

const { template } = synth();

const TLS_ONLY = Match.objectLike({
  Effect: 'Deny',
  Action: 's3:*',
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});
const BLOCK_ALL = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};

describe('data table', () => {
  it('has the keys, indexes and TTL named in functions/store/keys.ts', () => {
    const key = (partition: string, sort: string) => [
      { AttributeName: partition, KeyType: 'HASH' },
      { AttributeName: sort, KeyType: 'RANGE' },
    ];
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: key(TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey),
      GlobalSecondaryIndexes: [
        Match.objectLike({
          IndexName: TABLE_KEYS.gsi1.indexName,
          KeySchema: key(TABLE_KEYS.gsi1.partitionKey, TABLE_KEYS.gsi1.sortKey),
        }),
        Match.objectLike({
          IndexName: TABLE_KEYS.gsi2.indexName,
          KeySchema: key(TABLE_KEYS.gsi2.partitionKey, TABLE_KEYS.gsi2.sortKey),
        }),
        Match.objectLike({
          IndexName: TABLE_KEYS.gsi3.indexName,
          KeySchema: key(TABLE_KEYS.gsi3.partitionKey, TABLE_KEYS.gsi3.sortKey),
        }),
        Match.objectLike({
          IndexName: TABLE_KEYS.gsi4.indexName,
          KeySchema: key(TABLE_KEYS.gsi4.partitionKey, TABLE_KEYS.gsi4.sortKey),
        }),
      ],
      AttributeDefinitions: Match.arrayWith([
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'gsi2sk', AttributeType: 'S' },
      ]),
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('keeps data: point-in-time recovery, deletion protection, retained on stack deletion', () => {
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        Replicas: [
          Match.objectLike({
            PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
            DeletionProtectionEnabled: true,
          }),
        ],
      }),
    });
  });
});

describe('attachments bucket', () => {
  // The portal's buckets (tests/infra/portal.test.ts) are not versioned either: look at these two only.
  const attachments = (props: Record<string, unknown>): string => {
    const ids = Object.keys(template.findResources('AWS::S3::Bucket', { Properties: props })).filter((id) =>
      id.startsWith('Attachments'),
    );
    if (ids.length !== 1) throw new Error(`Expected one attachments bucket, found ${ids.length}`);
    return ids[0] as string;
  };
  const bucketId = attachments({ VersioningConfiguration: { Status: 'Enabled' } });
  const logsId = attachments({ VersioningConfiguration: Match.absent() });

  it('is private, versioned, encrypted, logged and retained', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: BLOCK_ALL,
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 'attachments/' },
      }),
    });
  });

  it('cleans up incomplete uploads and old versions', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: Match.arrayWith([
          Match.objectLike({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' }),
          Match.objectLike({ NoncurrentVersionExpiration: { NoncurrentDays: 30 }, Status: 'Enabled' }),
        ]),
      },
    });
  });

  it('lets only the web origins upload and download through presigned requests', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      CorsConfiguration: {
        CorsRules: [
          Match.objectLike({
            AllowedMethods: Match.arrayEquals(['POST', 'GET', 'PUT']),
            AllowedOrigins: ['http://localhost:5173'],
          }),
        ],
      },
    });
  });

  it('refuses plain HTTP on both buckets', () => {
    for (const id of [bucketId, logsId]) {
      template.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: id },
        PolicyDocument: { Statement: Match.arrayWith([TLS_ONLY]) },
      });
    }
  });

  it('keeps access logs in a private, encrypted bucket that only S3 log delivery writes to', () => {
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: BLOCK_ALL,
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        VersioningConfiguration: Match.absent(),
      }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: logsId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'logging.s3.amazonaws.com' },
            Action: 's3:PutObject',
            Condition: Match.objectLike({ ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [bucketId, 'Arn'] } } }),
          }),
        ]),
      },
    });
  });
});

describe('user pool', () => {
  it('signs in by email with a strong password policy and optional TOTP', () => {
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        Policies: {
          PasswordPolicy: Match.objectLike({
            MinimumLength: 12,
            RequireLowercase: true,
            RequireUppercase: true,
            RequireNumbers: true,
            RequireSymbols: true,
          }),
        },
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        DeletionProtection: 'ACTIVE',
      }),
    });
  });

  it('mails the code that confirms a new account in the four languages at once', () => {
    const pool = Object.values(template.findResources('AWS::Cognito::UserPool') as Record<string, CfnResource>)[0];
    const message = pool?.Properties.VerificationMessageTemplate as Record<string, string>;
    expect(message.DefaultEmailOption).toBe('CONFIRM_WITH_CODE');
    for (const words of [
      'codi de verificació',
      'código de verificación',
      'còdi de verificacion',
      'verification code',
    ]) {
      expect(message.EmailSubject).toContain(words);
      expect(message.EmailMessage).toContain(words);
    }
    expect(message.EmailMessage?.match(/\{####\}/g)).toHaveLength(4);
  });

  it('has exactly the staff groups the handlers check', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup') as Record<string, CfnResource>);
    expect(groups.map((group) => group.Properties.GroupName).sort()).toEqual([...GROUPS].sort());
  });

  it('has a public web client for password, SRP and refresh flows', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      GenerateSecret: false,
      ExplicitAuthFlows: Match.arrayEquals([
        'ALLOW_USER_PASSWORD_AUTH',
        'ALLOW_USER_SRP_AUTH',
        'ALLOW_REFRESH_TOKEN_AUTH',
      ]),
      PreventUserExistenceErrors: 'ENABLED',
      AccessTokenValidity: 60,
      AllowedOAuthFlowsUserPoolClient: false,
    });
  });
});

describe('mail', () => {
  it('verifies the configured domain and sends through a TLS-only configuration set', () => {
    const configSetId = onlyLogicalId(template, 'AWS::SES::ConfigurationSet');
    template.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.org',
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: configSetId } },
    });
    template.hasResourceProperties('AWS::SES::ConfigurationSet', { DeliveryOptions: { TlsPolicy: 'REQUIRE' } });
  });

  it('publishes bounces, complaints, rejects and delays to an encrypted, TLS-only topic', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint', 'reject', 'deliveryDelay']),
        SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('^MailEventsTopic') } },
      },
    });
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^MailEventsKey'), 'Arn'] },
    });
  });
});

describe('alarms', () => {
  it('mail the alarm address through an encrypted, TLS-only topic', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'ops@example.org' });
    template.hasResourceProperties('AWS::SNS::Topic', {
      KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmsTopicKey'), 'Arn'] },
    });
    template.resourcePropertiesCountIs(
      'AWS::SNS::TopicPolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      2,
    );
    template.allResourcesProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('watch API 5xx, every function for errors and throttles, and the form workflow’s ended executions', () => {
    // The workflow's three (failed, timed out, aborted) are asserted in form-requests.test.ts.
    template.resourceCountIs('AWS::CloudWatch::Alarm', 1 + 2 * Object.keys(FUNCTIONS).length + 3);
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { MetricName: '5xx', Namespace: 'AWS/ApiGateway' });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Throttles',
      AlarmActions: [{ Ref: Match.stringLikeRegexp('^AlarmsTopic') }],
    });
  });
});

describe('metrics from logs', () => {
  it('count filed tickets from the filing functions’ log lines, by organisation and kind of filer', () => {
    const filters = Object.values(template.findResources('AWS::Logs::MetricFilter'));
    expect(filters).toHaveLength(
      Object.values(FUNCTIONS).filter((spec) => 'logMetrics' in spec && spec.logMetrics.includes('ticketFiled')).length,
    );
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      FilterPattern: '{ $.message = "Ticket filed" }',
      MetricTransformations: [
        {
          MetricNamespace: 'Finestreta',
          MetricName: 'TicketsFiled',
          MetricValue: '1',
          Dimensions: [
            { Key: 'organisationId', Value: '$.organisationId' },
            { Key: 'filer', Value: '$.filer' },
          ],
        },
      ],
    });
  });
});
