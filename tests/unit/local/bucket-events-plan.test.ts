import { describe, expect, it } from 'vitest';
import { FUNCTION_METADATA_KEY } from '../../../lib/constructs/finestreta-function';
import { s3EventKey, s3EventMatches, s3NotificationEvent } from '../../../lib/local/s3';
import { matches } from '../../../lib/local/stream-poller';
import { type CfnResource, type CfnTemplate, planFromTemplate, resolvePattern } from '../../../lib/local/template';

const fn = (name: string): CfnResource => ({
  Type: 'AWS::Lambda::Function',
  Properties: { Timeout: 10, Environment: { Variables: {} } },
  Metadata: { [FUNCTION_METADATA_KEY]: name },
});

/** The resources CDK synthesizes for the attachments bucket (trimmed to what the local stack reads). */
const RESOURCES: Record<string, CfnResource> = {
  CheckFn: fn('attachmentCheck'),
  AttachmentsBucket: { Type: 'AWS::S3::Bucket', Properties: {} },
  CdkNotificationsHandler: { Type: 'AWS::Lambda::Function', Properties: {} },
  AttachmentsBucketNotifications: {
    Type: 'Custom::S3BucketNotifications',
    Properties: {
      ServiceToken: { 'Fn::GetAtt': ['CdkNotificationsHandler', 'Arn'] },
      BucketName: { Ref: 'AttachmentsBucket' },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'tickets/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': ['CheckFn', 'Arn'] },
          },
        ],
      },
      Managed: true,
    },
  },
  Plan: {
    Type: 'AWS::GuardDuty::MalwareProtectionPlan',
    Properties: {
      Role: { 'Fn::GetAtt': ['PlanRole', 'Arn'] },
      ProtectedResource: { S3Bucket: { BucketName: { Ref: 'AttachmentsBucket' }, ObjectPrefixes: ['tickets/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    },
  },
  ScanResults: {
    Type: 'AWS::Events::Rule',
    Properties: {
      State: 'ENABLED',
      EventPattern: {
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
        detail: { s3ObjectDetails: { bucketName: [{ Ref: 'AttachmentsBucket' }] } },
      },
      Targets: [{ Arn: { 'Fn::GetAtt': ['CheckFn', 'Arn'] }, Id: 'Target0' }],
    },
  },
};

const planOf = (resources: Record<string, CfnResource> = RESOURCES) =>
  planFromTemplate({ Resources: resources } satisfies CfnTemplate);

describe('bucket notifications read from the synthesized template', () => {
  it('invoke the target function for the events and key prefix the bucket declares', () => {
    expect(planOf().bucketNotifications).toEqual([
      {
        bucketLogicalId: 'AttachmentsBucket',
        functionLogicalId: 'CheckFn',
        events: ['s3:ObjectCreated:*'],
        prefix: 'tickets/',
      },
    ]);
  });

  it('are none when the template declares none', () => {
    const { AttachmentsBucketNotifications: _, ...rest } = RESOURCES;
    expect(planOf(rest).bucketNotifications).toEqual([]);
  });
});

describe('GuardDuty malware protection read from the synthesized template', () => {
  it('protects the bucket’s declared prefixes and tags results when the plan says so', () => {
    expect(planOf().malwareProtection).toEqual([
      { logicalId: 'Plan', bucketLogicalId: 'AttachmentsBucket', prefixes: ['tickets/'], tagging: true },
    ]);
  });

  it('delivers result events to the functions of the default-bus rules listening to GuardDuty', () => {
    expect(planOf().guardDutyRules).toEqual([
      {
        logicalId: 'ScanResults',
        pattern: RESOURCES.ScanResults?.Properties?.EventPattern,
        functionLogicalIds: ['CheckFn'],
      },
    ]);
  });

  it('ignores rules for other sources, other buses, disabled ones, and targets that are no function', () => {
    const rule = RESOURCES.ScanResults as CfnResource & { Properties: Record<string, unknown> };
    const variant = (properties: Record<string, unknown>): CfnResource => ({
      ...rule,
      Properties: { ...rule.Properties, ...properties },
    });
    const plan = planOf({
      ...RESOURCES,
      ScanResults: variant({ EventPattern: { source: ['aws.s3'] } }),
      OtherBus: variant({ EventBusName: 'audit' }),
      Disabled: variant({ State: 'DISABLED' }),
      ToQueue: variant({ Targets: [{ Arn: { 'Fn::GetAtt': ['Queue', 'Arn'] }, Id: 'Target0' }] }),
      Queue: { Type: 'AWS::SQS::Queue', Properties: {} },
    });
    expect(plan.guardDutyRules).toEqual([]);
  });

  it('is none when the stage does without scanning', () => {
    const { Plan: _, ScanResults: __, ...rest } = RESOURCES;
    const plan = planOf(rest);
    expect(plan.malwareProtection).toEqual([]);
    expect(plan.guardDutyRules).toEqual([]);
  });
});

describe('a rule’s pattern', () => {
  it('matches once its bucket reference is the local bucket’s name', () => {
    const pattern = resolvePattern(RESOURCES.ScanResults?.Properties?.EventPattern, (value) =>
      (value as { Ref: string }).Ref === 'AttachmentsBucket' ? 'local-attachmentsbucket' : 'other',
    );
    expect(pattern).toEqual({
      source: ['aws.guardduty'],
      'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
      detail: { s3ObjectDetails: { bucketName: ['local-attachmentsbucket'] } },
    });
    const event = (bucketName: string) => ({
      source: 'aws.guardduty',
      'detail-type': 'GuardDuty Malware Protection Object Scan Result',
      detail: { s3ObjectDetails: { bucketName, objectKey: 'tickets/a/b' } },
    });
    expect(matches(pattern, event('local-attachmentsbucket'))).toBe(true);
    expect(matches(pattern, event('local-inboundmailbucket'))).toBe(false);
  });
});

describe('S3 events delivered locally', () => {
  const notification = { events: ['s3:ObjectCreated:*'], prefix: 'tickets/' };

  it.each([
    ['ObjectCreated:Post', 'tickets/t/a', true],
    ['ObjectCreated:Put', 'tickets/t/a', true],
    ['ObjectCreated:Copy', 'tickets/t/a', true],
    ['ObjectRemoved:Delete', 'tickets/t/a', false],
    ['ObjectCreated:Post', 'quarantine/t/a', false],
    ['ObjectCreated:Post', 'tickets', false],
  ])('%s of %s is delivered: %s', (eventName, key, delivered) => {
    expect(s3EventMatches(notification, eventName, key)).toBe(delivered);
  });

  it('match an exact event name and a suffix when the notification names them', () => {
    const exact = { events: ['s3:ObjectCreated:Put'], suffix: '.eml' };
    expect(s3EventMatches(exact, 'ObjectCreated:Put', 'inbound/x.eml')).toBe(true);
    expect(s3EventMatches(exact, 'ObjectCreated:Post', 'inbound/x.eml')).toBe(false);
    expect(s3EventMatches(exact, 'ObjectCreated:Put', 'inbound/x.txt')).toBe(false);
  });

  it('carry the key URL-encoded as AWS writes it: spaces as +, slashes kept', () => {
    expect(s3EventKey('tickets/t 1/informe final+(v2).pdf')).toBe('tickets/t+1/informe+final%2B(v2).pdf');
    expect(s3EventKey('tickets/ç/à')).toBe('tickets/%C3%A7/%C3%A0');
    const key = 'tickets/t 1/a+b';
    expect(decodeURIComponent(s3EventKey(key).replace(/\+/g, ' '))).toBe(key);
  });

  it('have the shape of an S3 event notification record', () => {
    const event = s3NotificationEvent(
      {
        eventName: 'ObjectCreated:Post',
        eventTime: '2026-11-24T10:00:00.000Z',
        s3: { bucket: { name: 'local-bucket' }, object: { key: 'tickets/t/a b', size: 68, eTag: 'abc' } },
      },
      { region: 'eu-west-1' },
    );
    expect(event).toMatchObject({
      Records: [
        {
          eventSource: 'aws:s3',
          eventName: 'ObjectCreated:Post',
          awsRegion: 'eu-west-1',
          eventTime: '2026-11-24T10:00:00.000Z',
          s3: {
            bucket: { name: 'local-bucket', arn: 'arn:aws:s3:::local-bucket' },
            object: { key: 'tickets/t/a+b', size: 68, eTag: 'abc' },
          },
        },
      ],
    });
  });
});
