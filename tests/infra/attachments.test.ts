import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { ENV } from '../../functions/platform/env';
import { ATTACHMENT_PREFIX, QUARANTINE_PREFIX } from '../../functions/tickets/domain/attachments';
import { DEV_DEFAULTS, stageConfigProblems } from '../../lib/config';
import {
  asArray,
  type CfnResource,
  functionResource,
  onlyLogicalId,
  type PolicyStatement,
  statementsOf,
  synth,
} from './fixtures';

const scanned = synth();
// The same stage doing without GuardDuty.
const unscanned = synth({ 'finestreta:stages': { dev: { malwareProtection: false } } });
const { template } = scanned;

const bucketId = Object.keys(template.findResources('AWS::S3::Bucket')).find((id) =>
  /^AttachmentsBucket[0-9A-F]{8}$/.test(id),
) as string;
const bucketArn = { 'Fn::GetAtt': [bucketId, 'Arn'] };
const objectsUnder = (prefix: string) => ({ 'Fn::Join': ['', [bucketArn, `/${prefix}*`]] });
const [checkId, check] = functionResource(template, 'attachmentCheck');
const variablesOf = (fn: CfnResource) =>
  (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
const s3Statements = (statements: PolicyStatement[]) =>
  statements.filter((statement) => asArray(statement.Action).some((action) => action.startsWith('s3:')));

describe('uploads to the attachments bucket', () => {
  it('invoke the checking function for each new object under tickets/, and only there', () => {
    expect(ATTACHMENT_PREFIX).toBe('tickets/');
    template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: bucketId },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [
          {
            Events: ['s3:ObjectCreated:*'],
            Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'tickets/' }] } },
            LambdaFunctionArn: { 'Fn::GetAtt': [checkId, 'Arn'] },
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [checkId, 'Arn'] },
      Principal: 's3.amazonaws.com',
      SourceArn: bucketArn,
    });
  });

  it('are notified the same way when the stage does without scanning', () => {
    const [uncheckedId] = functionResource(unscanned.template, 'attachmentCheck');
    unscanned.template.hasResourceProperties('Custom::S3BucketNotifications', {
      BucketName: { Ref: bucketId },
      NotificationConfiguration: {
        LambdaFunctionConfigurations: [Match.objectLike({ LambdaFunctionArn: { 'Fn::GetAtt': [uncheckedId, 'Arn'] } })],
      },
    });
  });

  it('keep the browser CORS rules for presigned POST, PUT and GET from the web origins', () => {
    const bucket = template.findResources('AWS::S3::Bucket')[bucketId] as CfnResource;
    expect(bucket.Properties.CorsConfiguration).toEqual({
      CorsRules: [
        {
          AllowedMethods: ['POST', 'GET', 'PUT'],
          AllowedOrigins: ['http://localhost:5173'],
          AllowedHeaders: ['*'],
          ExposedHeaders: ['ETag'],
          MaxAge: 3000,
        },
      ],
    });
  });
});

describe('GuardDuty Malware Protection', () => {
  it('scans the tickets/ prefix of the bucket and tags each object with its result', () => {
    template.hasResourceProperties('AWS::GuardDuty::MalwareProtectionPlan', {
      ProtectedResource: { S3Bucket: { BucketName: { Ref: bucketId }, ObjectPrefixes: ['tickets/'] } },
      Actions: { Tagging: { Status: 'ENABLED' } },
    });
    expect(variablesOf(check)[ENV.attachmentScanning]).toBe('guardduty');
  });

  it('runs on a role only GuardDuty’s malware protection assumes, with what AWS documents, on this bucket', () => {
    const planId = onlyLogicalId(template, 'AWS::GuardDuty::MalwareProtectionPlan');
    const plan = template.findResources('AWS::GuardDuty::MalwareProtectionPlan')[planId] as CfnResource & {
      DependsOn?: string[];
    };
    const roleId = (plan.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const role = template.findResources('AWS::IAM::Role')[roleId] as CfnResource;
    expect(role.Properties.AssumeRolePolicyDocument).toMatchObject({
      Statement: [
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'malware-protection-plan.guardduty.amazonaws.com' },
        },
      ],
    });
    expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    const policies = Object.entries(template.findResources('AWS::IAM::Policy') as Record<string, CfnResource>).filter(
      ([, policy]) => (policy.Properties.Roles as { Ref: string }[]).some((ref) => ref.Ref === roleId),
    );
    expect(policies).toHaveLength(1);
    const [[policyId, policy]] = policies as [[string, CfnResource]];
    // GuardDuty checks the role when the plan is created: the policy must exist by then.
    expect(plan.DependsOn).toContain(policyId);
    const statements = (policy.Properties.PolicyDocument as { Statement: PolicyStatement[] }).Statement;
    const bySid = Object.fromEntries(
      statements.map((statement) => [
        (statement as PolicyStatement & { Sid: string }).Sid,
        { actions: asArray(statement.Action).sort(), resource: statement.Resource },
      ]),
    );
    const managedRules = {
      'Fn::Join': [
        '',
        [
          'arn:',
          { Ref: 'AWS::Partition' },
          ':events:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':rule/DO-NOT-DELETE-AmazonGuardDutyMalwareProtectionS3*',
        ],
      ],
    };
    expect(bySid).toEqual({
      AllowManagedRuleToSendS3EventsToGuardDuty: {
        actions: ['events:DeleteRule', 'events:PutRule', 'events:PutTargets', 'events:RemoveTargets'],
        resource: managedRules,
      },
      AllowGuardDutyToMonitorEventBridgeManagedRule: {
        actions: ['events:DescribeRule', 'events:ListTargetsByRule'],
        resource: managedRules,
      },
      AllowPostScanTag: {
        actions: [
          's3:GetObjectTagging',
          's3:GetObjectVersionTagging',
          's3:PutObjectTagging',
          's3:PutObjectVersionTagging',
        ],
        resource: objectsUnder(''),
      },
      AllowEnableS3EventBridgeEvents: {
        actions: ['s3:GetBucketNotification', 's3:PutBucketNotification'],
        resource: bucketArn,
      },
      AllowPutValidationObject: {
        actions: ['s3:PutObject'],
        resource: { 'Fn::Join': ['', [bucketArn, '/malware-protection-resource-validation-object']] },
      },
      AllowCheckBucketOwnership: { actions: ['s3:ListBucket'], resource: bucketArn },
      AllowMalwareScan: { actions: ['s3:GetObject', 's3:GetObjectVersion'], resource: objectsUnder('') },
    });
    // Writes to EventBridge only on the rules GuardDuty itself manages.
    expect(
      statements.find(
        (statement) => (statement as { Sid?: string }).Sid === 'AllowManagedRuleToSendS3EventsToGuardDuty',
      )?.Condition,
    ).toEqual({ StringLike: { 'events:ManagedBy': 'malware-protection-plan.guardduty.amazonaws.com' } });
  });

  it('delivers its scan results for this bucket, from the default bus, to the checking function', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventPattern: {
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
        detail: { s3ObjectDetails: { bucketName: [{ Ref: bucketId }] } },
      },
      State: 'ENABLED',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [checkId, 'Arn'] } })],
    });
    const rule = template.findResources('AWS::Events::Rule', {
      Properties: { EventPattern: { source: ['aws.guardduty'] } },
    });
    expect(Object.values(rule).map((resource) => (resource as CfnResource).Properties.EventBusName)).toEqual([
      undefined,
    ]);
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [checkId, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [Object.keys(rule)[0], 'Arn'] },
    });
  });

  it('is absent, with its role and rule, where the stage sets malwareProtection: false; the function is told so', () => {
    unscanned.template.resourceCountIs('AWS::GuardDuty::MalwareProtectionPlan', 0);
    expect(
      Object.values(unscanned.template.findResources('AWS::IAM::Role') as Record<string, CfnResource>).filter((role) =>
        JSON.stringify(role.Properties.AssumeRolePolicyDocument).includes('guardduty'),
      ),
    ).toEqual([]);
    expect(
      Object.values(unscanned.template.findResources('AWS::Events::Rule') as Record<string, CfnResource>).filter(
        (rule) => JSON.stringify(rule.Properties.EventPattern ?? {}).includes('aws.guardduty'),
      ),
    ).toEqual([]);
    const [, unchecked] = functionResource(unscanned.template, 'attachmentCheck');
    expect(variablesOf(unchecked)[ENV.attachmentScanning]).toBe('off');
  });
});

describe('the stage setting', () => {
  it('scans by default and takes only true or false', () => {
    expect(DEV_DEFAULTS.malwareProtection).toBe(true);
    expect(stageConfigProblems({ ...DEV_DEFAULTS, malwareProtection: false })).toEqual([]);
    for (const wrong of ['false', 0, undefined]) {
      expect(stageConfigProblems({ ...DEV_DEFAULTS, malwareProtection: wrong })).toEqual([
        `malwareProtection must be true or false (got ${JSON.stringify(wrong)})`,
      ]);
    }
  });
});

describe('least privilege on the attachments bucket', () => {
  it('lets the presigning function put and get objects under tickets/ and nothing else of S3', () => {
    for (const { template: t } of [scanned, unscanned]) {
      expect(s3Statements(statementsOf(t, 'attachments'))).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:PutObject'],
          Resource: objectsUnder(ATTACHMENT_PREFIX),
        }),
      ]);
    }
    const [, presigner] = functionResource(template, 'attachments');
    expect(variablesOf(presigner)[ENV.attachmentsBucket]).toEqual({ Ref: bucketId });
  });

  it('lets the checking function read and delete uploads, and only write into quarantine/', () => {
    expect(QUARANTINE_PREFIX).toBe('quarantine/');
    expect(s3Statements(statementsOf(template, 'attachmentCheck'))).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: [
          's3:DeleteObject',
          's3:DeleteObjectVersion',
          's3:GetObject',
          's3:GetObjectTagging',
          's3:GetObjectVersion',
          's3:GetObjectVersionTagging',
        ],
        Resource: objectsUnder(ATTACHMENT_PREFIX),
      }),
      // The quarantined copy keeps GuardDuty's verdict tag.
      expect.objectContaining({
        Effect: 'Allow',
        Action: ['s3:PutObject', 's3:PutObjectTagging'],
        Resource: objectsUnder(QUARANTINE_PREFIX),
      }),
    ]);
    expect(variablesOf(check)[ENV.attachmentsBucket]).toEqual({ Ref: bucketId });
  });

  it('lets the sweeper delete, and only delete, files under tickets/ and quarantine/', () => {
    const [statement] = s3Statements(statementsOf(template, 'sweeper'));
    expect(asArray(statement?.Resource)).toHaveLength(2);
    expect(s3Statements(statementsOf(template, 'sweeper'))).toEqual([
      expect.objectContaining({
        Effect: 'Allow',
        Action: 's3:DeleteObject',
        Resource: expect.arrayContaining([objectsUnder(ATTACHMENT_PREFIX), objectsUnder(QUARANTINE_PREFIX)]),
      }),
    ]);
  });

  it('grants no function any S3 action on the whole bucket, its every object, or with a wildcard action', () => {
    for (const { template: t } of [scanned, unscanned]) {
      for (const name of ['attachments', 'attachmentCheck', 'sweeper']) {
        for (const statement of s3Statements(statementsOf(t, name))) {
          expect(
            asArray(statement.Action).filter((action) => action.includes('*')),
            name,
          ).toEqual([]);
          for (const resource of asArray(statement.Resource)) {
            expect(resource, name).not.toEqual(bucketArn);
            expect(resource, name).not.toEqual(objectsUnder(''));
          }
        }
      }
    }
  });
});

describe('quarantined files', () => {
  it('expire after 90 days', () => {
    const bucket = template.findResources('AWS::S3::Bucket')[bucketId] as CfnResource;
    const rules = (bucket.Properties.LifecycleConfiguration as { Rules: Record<string, unknown>[] }).Rules;
    expect(rules).toContainEqual({
      Id: 'expire-quarantine',
      Prefix: 'quarantine/',
      ExpirationInDays: 90,
      Status: 'Enabled',
    });
  });
});

describe('the portal', () => {
  it('lets the browser POST uploads to the bucket’s regional endpoint (CSP connect-src)', () => {
    const origin = {
      'Fn::Join': ['', ['https://', { Ref: bucketId }, '.s3.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]],
    };
    expect(scanned.stack.portal.connectSrc).toContain(scanned.stack.attachments.uploadOrigin);
    expect(scanned.stack.resolve(scanned.stack.attachments.uploadOrigin)).toEqual(origin);
    const policies = Object.values(
      template.findResources('AWS::CloudFront::ResponseHeadersPolicy') as Record<string, CfnResource>,
    );
    expect(policies.length).toBeGreaterThan(0);
    for (const policy of policies) {
      const csp = JSON.stringify(
        (
          policy.Properties.ResponseHeadersPolicyConfig as {
            SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } };
          }
        ).SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy,
      );
      expect(csp).toContain(`{"Ref":"${bucketId}"},".s3.",{"Ref":"AWS::Region"},".",{"Ref":"AWS::URLSuffix"}`);
    }
  });
});
