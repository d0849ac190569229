import { Match, type Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { routeKey } from '../../contracts/http';
import { ENV } from '../../functions/platform/env';
import { type ApiRoute, apiRoutes, envKeysFor, FUNCTIONS, type FunctionSpec } from '../../functions/platform/functions';
import { KIND_ATTRIBUTE } from '../../functions/platform/table/keys';
import {
  actionsOf,
  asArray,
  BASELINE_ACTIONS,
  CAPABILITY_ACTIONS,
  CAPABILITY_FUNCTIONS,
  CAPABILITY_ROUTES,
  type CfnResource,
  functionResource,
  onlyLogicalId,
  statementsOf,
  synth,
  TRIGGER_ACTIONS,
  TRIGGER_ENV,
} from './fixtures';

const real = synth();
// Same stack with a function table using every capability and JWT routes.
const wide = synth({}, { functions: CAPABILITY_FUNCTIONS, routes: CAPABILITY_ROUTES });

const POWERTOOLS_ENV = ['POWERTOOLS_SERVICE_NAME', 'POWERTOOLS_LOG_LEVEL', 'NODE_OPTIONS'];

function routesOf(template: Template): Record<string, CfnResource> {
  return template.findResources('AWS::ApiGatewayV2::Route') as Record<string, CfnResource>;
}

/** Logical id of the function a route's integration invokes. */
function routeTarget(template: Template, route: CfnResource): string {
  const target = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
  const integrationId = target['Fn::Join'][1][1].Ref;
  const integration = template.findResources('AWS::ApiGatewayV2::Integration')[integrationId] as CfnResource;
  return (integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
}

function expectRoutes(template: Template, specs: readonly ApiRoute[]): void {
  const routes = Object.values(routesOf(template));
  expect(routes.map((route) => route.Properties.RouteKey).sort()).toEqual(specs.map(routeKey).sort());
  for (const spec of specs) {
    const route = routes.find((candidate) => candidate.Properties.RouteKey === routeKey(spec));
    expect(route?.Properties.AuthorizationType, routeKey(spec)).toBe(spec.auth === 'public' ? 'NONE' : 'JWT');
    expect(routeTarget(template, route as CfnResource), routeKey(spec)).toBe(
      functionResource(template, spec.function)[0],
    );
  }
}

function expectedActions(spec: FunctionSpec): string[] {
  const trigger = spec.trigger ? TRIGGER_ACTIONS[spec.trigger] : [];
  return [...new Set([...BASELINE_ACTIONS, ...trigger, ...spec.uses.flatMap((use) => CAPABILITY_ACTIONS[use])])].sort();
}

describe('routes', () => {
  it('serves every route of the contract, with JWT unless declared public, on the function that serves it', () => {
    expectRoutes(real.template, apiRoutes());
  });

  it('puts the Cognito JWT authorizer on every non-public route', () => {
    expectRoutes(wide.template, CAPABILITY_ROUTES);
    const authorizerId = onlyLogicalId(wide.template, 'AWS::ApiGatewayV2::Authorizer');
    wide.template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: Match.stringLikeRegexp('^AuthUserPoolWebClient') }],
        Issuer: {
          'Fn::Join': [
            '',
            ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: Match.anyValue() }],
          ],
        },
      },
    });
    for (const route of Object.values(routesOf(wide.template))) {
      const authorizer = route.Properties.AuthorizationType === 'JWT' ? { Ref: authorizerId } : undefined;
      expect(route.Properties.AuthorizerId, String(route.Properties.RouteKey)).toEqual(authorizer);
    }
  });

  it('allows the web origins and the headers the client sends', () => {
    real.template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({
        AllowOrigins: ['http://localhost:5173'],
        AllowHeaders: Match.arrayEquals([
          'Authorization',
          'Content-Type',
          'Idempotency-Key',
          'If-Match',
          'X-Ticket-Token',
          'Accept-Language',
        ]),
        ExposeHeaders: Match.arrayWith(['ETag']),
      }),
    });
  });

  it('logs every request as JSON and throttles the default stage', () => {
    const stage = Object.values(real.template.findResources('AWS::ApiGatewayV2::Stage') as Record<string, CfnResource>);
    expect(stage).toHaveLength(1);
    const properties = stage[0]?.Properties as {
      StageName: string;
      AutoDeploy: boolean;
      DefaultRouteSettings: unknown;
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [string, string] }; Format: string };
    };
    expect(properties).toMatchObject({
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingBurstLimit: 100, ThrottlingRateLimit: 50 },
    });
    const format = JSON.parse(properties.AccessLogSettings.Format) as Record<string, string>;
    expect(format).toMatchObject({
      requestId: '$context.requestId',
      routeKey: '$context.routeKey',
      status: '$context.status',
    });
    const logGroupId = properties.AccessLogSettings.DestinationArn['Fn::GetAtt'][0];
    expect(real.template.findResources('AWS::Logs::LogGroup')[logGroupId]?.Properties).toMatchObject({
      RetentionInDays: 30,
    });
  });
});

describe('functions', () => {
  const lambdas = Object.entries(real.template.findResources('AWS::Lambda::Function') as Record<string, CfnResource>);
  // Besides the FUNCTIONS table, the stack holds one Lambda: CDK's BucketDeployment handler (the portal).
  const functions = lambdas.filter(([, fn]) => fn.Metadata?.['finestreta:function'] !== undefined);

  it('are exactly the FUNCTIONS table, each tagged with its name for the local gateway', () => {
    const names = functions.map(([, fn]) => fn.Metadata?.['finestreta:function']).sort();
    expect(names).toEqual(Object.keys(FUNCTIONS).sort());
    const others = lambdas.filter(([, fn]) => fn.Metadata?.['finestreta:function'] === undefined).map(([id]) => id);
    // CDK's own: the portal's deployment, and the inbound mail bucket's notification setter.
    expect(others.sort()).toEqual([
      expect.stringMatching(/^BucketNotificationsHandler/),
      expect.stringMatching(/^CustomCDKBucketDeployment/),
    ]);
  });

  it('run Node 22 on arm64 with active tracing, the declared (or default) size and timeout, and their own log group kept 30 days', () => {
    for (const [id, fn] of functions) {
      const spec: FunctionSpec = FUNCTIONS[fn.Metadata?.['finestreta:function'] as keyof typeof FUNCTIONS];
      expect(fn.Properties, id).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
        Handler: 'index.handler',
        MemorySize: spec.memoryMiB ?? 256,
        Timeout: spec.timeoutSeconds ?? 10,
      });
      const logGroupId = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(real.template.findResources('AWS::Logs::LogGroup')[logGroupId]?.Properties, id).toMatchObject({
        RetentionInDays: 30,
      });
    }
  });

  it('get the Powertools defaults and exactly the ENV variables their capabilities need', () => {
    for (const [name, spec] of [...Object.entries(FUNCTIONS), ...Object.entries(CAPABILITY_FUNCTIONS)] as [
      string,
      FunctionSpec,
    ][]) {
      const template = name in CAPABILITY_FUNCTIONS ? wide.template : real.template;
      const [, fn] = functionResource(template, name);
      const variables = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(variables, name).toMatchObject({
        POWERTOOLS_SERVICE_NAME: 'finestreta',
        POWERTOOLS_LOG_LEVEL: 'INFO',
        NODE_OPTIONS: '--enable-source-maps',
        [ENV.stage]: 'dev',
      });
      const triggerEnv = spec.trigger ? TRIGGER_ENV[spec.trigger] : [];
      const expected = [ENV.stage, ...[...envKeysFor(spec), ...triggerEnv].map((key) => ENV[key])].sort();
      expect(
        Object.keys(variables)
          .filter((key) => !POWERTOOLS_ENV.includes(key))
          .sort(),
        name,
      ).toEqual(expected);
    }
  });

  it('send mail links to the first web origin', () => {
    const [, writer] = functionResource(wide.template, 'writer');
    expect((writer.Properties.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
      [ENV.webBaseUrl]: 'http://localhost:5173',
      [ENV.mailFrom]: 'finestreta@example.org',
    });
  });
});

describe('least privilege', () => {
  it.each(Object.entries(FUNCTIONS) as [string, FunctionSpec][])('%s gets only what its `uses` imply', (name, spec) => {
    expect(actionsOf(real.template, name)).toEqual(expectedActions(spec));
  });

  it.each(Object.entries(CAPABILITY_FUNCTIONS))(
    'capability table: %s gets only what its `uses` imply',
    (name, spec) => {
      expect(actionsOf(wide.template, name)).toEqual(expectedActions(spec));
    },
  );

  it('gives the openapi function no data access at all', () => {
    expect(actionsOf(real.template, 'openapi').filter((action) => !/^(logs|xray):/.test(action))).toEqual([]);
  });

  // The one AwsSolutions-IAM5[Resource::*] acknowledgement per role relies on this.
  it('grants on "*" only actions without resource-level permissions (X-Ray; ses:GetAccount to probe)', () => {
    for (const { template, specs } of [
      { template: real.template, specs: FUNCTIONS as Record<string, FunctionSpec> },
      { template: wide.template, specs: CAPABILITY_FUNCTIONS },
    ]) {
      for (const [name, spec] of Object.entries(specs)) {
        const allowed = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];
        if (spec.uses.includes('health:probe')) allowed.push('ses:GetAccount');
        const onStar = statementsOf(template, name)
          .filter((statement) => asArray(statement.Resource).includes('*'))
          .flatMap((statement) => asArray(statement.Action));
        expect(
          onStar.filter((action) => !allowed.includes(action)),
          name,
        ).toEqual([]);
      }
    }
  });

  it('never allows Scan, and scopes table access to the table and its named indexes', () => {
    const tableId = onlyLogicalId(wide.template, 'AWS::DynamoDB::GlobalTable');
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    const statements = statementsOf(wide.template, 'reader').filter((s) =>
      asArray(s.Action).includes('dynamodb:Query'),
    );
    expect(statements).toHaveLength(1);
    expect(statements[0]?.Resource).toEqual([
      tableArn,
      { 'Fn::Join': ['', [tableArn, '/index/gsi1']] },
      { 'Fn::Join': ['', [tableArn, '/index/gsi2']] },
      { 'Fn::Join': ['', [tableArn, '/index/gsi3']] },
      { 'Fn::Join': ['', [tableArn, '/index/gsi4']] },
    ]);
    for (const name of Object.keys(CAPABILITY_FUNCTIONS)) {
      expect(actionsOf(wide.template, name), name).not.toContain('dynamodb:Scan');
    }
  });

  it('lets mail be sent only as the configured sender', () => {
    const [statement] = statementsOf(wide.template, 'writer').filter((s) =>
      asArray(s.Action).includes('ses:SendEmail'),
    );
    expect(statement?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': 'finestreta@example.org' } });
    expect(asArray(statement?.Resource)).toHaveLength(2);
  });

  it('gives every function its own role, with no managed policies', () => {
    const roles = Object.values(wide.template.findResources('AWS::IAM::Role') as Record<string, CfnResource>);
    // One role per function, and the portal deployment handler's own.
    expect(roles).toHaveLength(Object.keys(CAPABILITY_FUNCTIONS).length + 1);
    for (const role of roles) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('notification outbox', () => {
  it('streams new images and invokes only the notify function, for new outbox items, with a dead-letter queue', () => {
    real.template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      StreamSpecification: { StreamViewType: 'NEW_IMAGE' },
    });
    const mappings = real.template.findResources('AWS::Lambda::EventSourceMapping');
    expect(Object.keys(mappings)).toHaveLength(1);
    const mapping = Object.values(mappings)[0] as CfnResource;
    expect((mapping.Properties.FunctionName as { Ref: string }).Ref).toBe(functionResource(real.template, 'notify')[0]);
    expect(mapping.Properties).toMatchObject({
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    });
    const [filter] = (mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
    expect(JSON.parse(filter?.Pattern ?? '{}')).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { [KIND_ATTRIBUTE]: { S: ['outbox'] } } },
    });
  });
});
