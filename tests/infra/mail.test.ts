import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/platform/env';
import { type CfnResource, functionResource, statementsOf, synth } from './fixtures';

const { template } = synth();
const [inboundId, inbound] = functionResource(template, 'mailInbound');
const [feedbackId] = functionResource(template, 'mailFeedback');
const inboundBucketRef = (inbound.Properties.Environment as { Variables: Record<string, { Ref: string }> }).Variables[
  ENV.inboundMailBucket
]?.Ref as string;

describe('inbound replies', () => {
  it('are received for the reply subdomain only, TLS required and scanned, and stored raw under inbound/', () => {
    template.hasResourceProperties('AWS::SES::ReceiptRule', {
      Rule: Match.objectLike({
        Enabled: true,
        Recipients: ['reply.example.org'],
        ScanEnabled: true,
        TlsPolicy: 'Require',
        Actions: [{ S3Action: { BucketName: { Ref: inboundBucketRef }, ObjectKeyPrefix: 'inbound/' } }],
      }),
    });
    // CloudFormation cannot activate a rule set: the stack names it for the operator.
    expect(template.toJSON().Outputs.ReceiptRuleSetName).toBeDefined();
  });

  it('land in a private, encrypted, TLS-only bucket that forgets them after two weeks and that only SES writes to', () => {
    const bucket = template.findResources('AWS::S3::Bucket')[inboundBucketRef] as CfnResource;
    expect(bucket.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      LifecycleConfiguration: { Rules: [expect.objectContaining({ ExpirationInDays: 14, Status: 'Enabled' })] },
      LoggingConfiguration: expect.objectContaining({ LogFilePrefix: 'inbound-mail/' }),
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: inboundBucketRef },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: 's3:PutObject',
            Effect: 'Allow',
            Principal: { Service: 'ses.amazonaws.com' },
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  it('invoke the answering function on each new object under inbound/, which may read those objects and nothing else of the bucket', () => {
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: inboundBucketRef },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'inbound/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [inboundId, 'Arn'] },
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [inboundId, 'Arn'] },
      Principal: 's3.amazonaws.com',
    });
    const s3 = statementsOf(template, 'mailInbound').filter((statement) =>
      [statement.Action].flat().some((action) => action.startsWith('s3:')),
    );
    expect(s3).toEqual([
      expect.objectContaining({
        Action: 's3:GetObject',
        Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [inboundBucketRef, 'Arn'] }, '/inbound/*']] },
      }),
    ]);
  });
});

describe('bounces and complaints', () => {
  it('reach the feedback function from the configuration set’s topic, filtered to those two event types', () => {
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: Match.objectLike({
        MatchingEventTypes: Match.arrayWith(['bounce', 'complaint']),
        SnsDestination: Match.anyValue(),
      }),
    });
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'lambda',
      Endpoint: { 'Fn::GetAtt': [feedbackId, 'Arn'] },
      FilterPolicyScope: 'MessageBody',
      FilterPolicy: { eventType: ['Bounce', 'Complaint'] },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [feedbackId, 'Arn'] },
      Principal: 'sns.amazonaws.com',
    });
  });
});
