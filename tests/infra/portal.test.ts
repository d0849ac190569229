import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { afterAll, describe, expect, it } from 'vitest';
import { FUNCTIONS } from '../../functions/platform/functions';
import { PLACEHOLDER_PAGE, PLACEHOLDER_WARNING } from '../../lib/constructs/portal';
import { createApp } from '../../lib/finestreta-stack';
import { planFromTemplate } from '../../lib/local/template';
import { contentSecurityPolicy, SITE_CACHE_CONTROL, siteHeaders } from '../../lib/site-headers';
import type { CfnResource } from './fixtures';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = (prefix: string): string => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/** A throwaway Vite build: the page, a hashed asset, and a dev config.json that must not be deployed. */
function fakeDist(): string {
  const dist = tempDir('finestreta-dist-');
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><script type="module" src="/assets/index-1a2b3c.js"></script>',
  );
  writeFileSync(join(dist, 'assets', 'index-1a2b3c.js'), 'export {};\n');
  writeFileSync(join(dist, 'config.json'), '{"apiUrl":"http://localhost:3000"}');
  return dist;
}

/** Synthesizes (cdk-nag included) into an output directory kept until the end, so assets can be read. */
function synthWith(webDistDir: string) {
  const outdir = tempDir('finestreta-portal-');
  const built = createApp({ 'aws:cdk:bundling-stacks': [] }, { outdir, webDistDir });
  built.app.synth();
  return { ...built, outdir, template: Template.fromStack(built.stack) };
}

type Resources = Record<string, CfnResource>;
const only = (template: Template, type: string): [string, CfnResource] => {
  const found = Object.entries(template.findResources(type) as Resources);
  if (found.length !== 1) throw new Error(`Expected one ${type}, found ${found.length}`);
  return found[0] as [string, CfnResource];
};

/** A CloudFormation string as text, each intrinsic written `{Logical.Attr}` or `{Ref}`. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  const node = value as Record<string, unknown>;
  if (typeof node.Ref === 'string') return `{${node.Ref}}`;
  if (Array.isArray(node['Fn::GetAtt'])) return `{${(node['Fn::GetAtt'] as string[]).join('.')}}`;
  if (Array.isArray(node['Fn::Join'])) {
    const [separator, parts] = node['Fn::Join'] as [string, unknown[]];
    return parts.map(text).join(separator);
  }
  throw new Error(`Unexpected intrinsic ${JSON.stringify(value)}`);
}

interface HeadersConfig {
  SecurityHeadersConfig: {
    ContentSecurityPolicy: { ContentSecurityPolicy: unknown; Override: boolean };
    ContentTypeOptions: { Override: boolean };
    FrameOptions: { FrameOption: string; Override: boolean };
    ReferrerPolicy: { ReferrerPolicy: string; Override: boolean };
    StrictTransportSecurity: { AccessControlMaxAgeSec: number; IncludeSubdomains: boolean; Preload: boolean };
  };
  CustomHeadersConfig: { Items: { Header: string; Value: string; Override: boolean }[] };
}

/** The headers a response headers policy puts on every answer, as name → value. */
function rendered(config: HeadersConfig): Record<string, string> {
  const security = config.SecurityHeadersConfig;
  const hsts = security.StrictTransportSecurity;
  return {
    'Content-Security-Policy': text(security.ContentSecurityPolicy.ContentSecurityPolicy),
    'Strict-Transport-Security': [
      `max-age=${hsts.AccessControlMaxAgeSec}`,
      ...(hsts.IncludeSubdomains ? ['includeSubDomains'] : []),
      ...(hsts.Preload ? ['preload'] : []),
    ].join('; '),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': security.FrameOptions.FrameOption,
    'Referrer-Policy': security.ReferrerPolicy.ReferrerPolicy,
    ...Object.fromEntries(config.CustomHeadersConfig.Items.map((item) => [item.Header, item.Value])),
  };
}

/** CSP directive name → its sources. */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const built = synthWith(fakeDist());
const { template } = built;
const [siteId] = Object.entries(template.findResources('AWS::S3::Bucket') as Resources).find(([id]) =>
  id.startsWith('PortalSite'),
) ?? [''];
const [logsId] = Object.entries(template.findResources('AWS::S3::Bucket') as Resources).find(([id]) =>
  id.startsWith('PortalAccessLogs'),
) ?? [''];
const [distributionId, distribution] = only(template, 'AWS::CloudFront::Distribution');
const config = distribution.Properties.DistributionConfig as Record<string, unknown>;
const defaultBehavior = config.DefaultCacheBehavior as Record<string, unknown>;
const behaviors = config.CacheBehaviors as Record<string, unknown>[];
const headerPolicies = template.findResources('AWS::CloudFront::ResponseHeadersPolicy') as Resources;
const headersOf = (behavior: Record<string, unknown>): Record<string, string> => {
  const id = (behavior.ResponseHeadersPolicyId as { Ref: string }).Ref;
  const policy = headerPolicies[id];
  if (!policy) throw new Error(`No response headers policy ${id}`);
  return rendered(policy.Properties.ResponseHeadersPolicyConfig as HeadersConfig);
};
const cachePolicyOf = (behavior: Record<string, unknown>): Record<string, unknown> => {
  const id = (behavior.CachePolicyId as { Ref: string }).Ref;
  return (template.findResources('AWS::CloudFront::CachePolicy')[id] as CfnResource).Properties
    .CachePolicyConfig as Record<string, unknown>;
};
const apiId = Object.keys(template.findResources('AWS::ApiGatewayV2::Api'))[0];
const API_ORIGIN = `{${apiId}.ApiEndpoint}`;
const COGNITO_ORIGIN = 'https://cognito-idp.{AWS::Region}.amazonaws.com';
const [attachmentsId] = Object.keys(template.findResources('AWS::S3::Bucket')).filter((id) =>
  /^AttachmentsBucket[0-9A-F]{8}$/.test(id),
);
/** Where browsers POST presigned uploads: the attachments bucket's regional virtual-hosted endpoint. */
const UPLOAD_ORIGIN = `https://{${attachmentsId}}.s3.{AWS::Region}.{AWS::URLSuffix}`;

describe('portal bucket', () => {
  it('is private, encrypted, TLS-only, logged and retained', () => {
    expect(siteId).toMatch(/^PortalSite/);
    template.hasResource('AWS::S3::Bucket', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        LoggingConfiguration: { DestinationBucketName: { Ref: logsId }, LogFilePrefix: 's3/' },
      }),
    });
  });

  it('refuses plain HTTP and lets only this distribution read, through origin access control', () => {
    const policies = Object.values(template.findResources('AWS::S3::BucketPolicy') as Resources).filter(
      (policy) => (policy.Properties.Bucket as { Ref: string }).Ref === siteId,
    );
    expect(policies).toHaveLength(1);
    const [policy] = policies as [CfnResource];
    const statements = (policy.Properties.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
    expect(statements).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    const allows = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    const [allow] = allows as [Record<string, unknown>];
    expect(allow).toMatchObject({
      Action: 's3:GetObject',
      Principal: { Service: 'cloudfront.amazonaws.com' },
    });
    expect(text((allow.Condition as { StringEquals: Record<string, unknown> }).StringEquals['AWS:SourceArn'])).toBe(
      `arn:{AWS::Partition}:cloudfront::{AWS::AccountId}:distribution/{${distributionId}}`,
    );
  });
});

describe('portal distribution', () => {
  it('reads the bucket through origin access control, not an origin access identity', () => {
    const origins = config.Origins as Record<string, unknown>[];
    expect(origins).toHaveLength(1);
    expect(origins[0]).toMatchObject({
      DomainName: { 'Fn::GetAtt': [siteId, 'RegionalDomainName'] },
      S3OriginConfig: { OriginAccessIdentity: '' },
      OriginAccessControlId: { 'Fn::GetAtt': [expect.stringMatching(/^PortalDistribution/), 'Id'] },
    });
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: {
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      },
    });
  });

  it('serves index.html at the root over HTTP/2 and 3 from price class 100, logged', () => {
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      HttpVersion: 'http2and3',
      PriceClass: 'PriceClass_100',
      Enabled: true,
      Logging: { Bucket: { 'Fn::GetAtt': [logsId, 'RegionalDomainName'] }, Prefix: 'cloudfront/' },
    });
  });

  it('redirects HTTP to HTTPS, compresses, and sends the security headers on every behaviour', () => {
    for (const behavior of [defaultBehavior, ...behaviors]) {
      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD'],
        Compress: true,
      });
      const headers = headersOf(behavior);
      const { 'Cache-Control': _, ...security } = headers;
      // Exactly what the local portal server sends (lib/site-headers.ts), rendered by CloudFront.
      expect(security).toEqual(siteHeaders({ connectSrc: [API_ORIGIN, COGNITO_ORIGIN, UPLOAD_ORIGIN] }));
    }
  });

  it('has a CSP without inline scripts or styles, no framing, and fetches only to the API, Cognito and the attachments bucket', () => {
    const csp = directives(headersOf(defaultBehavior)['Content-Security-Policy'] ?? '');
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['style-src']).toEqual(["'self'"]);
    expect(csp['default-src']).toEqual(["'self'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(csp['connect-src']).toEqual(["'self'", API_ORIGIN, COGNITO_ORIGIN, UPLOAD_ORIGIN]);
    expect(
      Object.values(csp)
        .flat()
        .filter((source) => /unsafe|\*/.test(source)),
    ).toEqual([]);
  });

  it('sends HSTS for two years with subdomains and preload, and forbids framing and sniffing', () => {
    const headers = headersOf(defaultBehavior);
    expect(headers['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains; preload');
    expect(headers['X-Frame-Options']).toBe('DENY');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toMatch(/^(no-referrer|strict-origin-when-cross-origin)$/);
    expect(headers['Permissions-Policy']).toBe('camera=(), microphone=(), geolocation=()');
  });

  it('caches hashed assets for a year and revalidates pages and config.json on every load', () => {
    expect(behaviors.map((behavior) => behavior.PathPattern)).toEqual(['assets/*']);
    const [assets] = behaviors as [Record<string, unknown>];
    expect(headersOf(assets)['Cache-Control']).toBe(SITE_CACHE_CONTROL.assets);
    expect(cachePolicyOf(assets)).toMatchObject({ DefaultTTL: 31_536_000, MaxTTL: 31_536_000 });
    expect(headersOf(defaultBehavior)['Cache-Control']).toBe('no-cache');
    expect(cachePolicyOf(defaultBehavior)).toMatchObject({ MinTTL: 0, DefaultTTL: 0 });
    for (const behavior of [defaultBehavior, assets]) {
      expect(cachePolicyOf(behavior)).toMatchObject({
        ParametersInCacheKeyAndForwardedToOrigin: { EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true },
      });
    }
  });

  it('answers paths that are no object (403 from S3 without list rights, or 404) with the app page', () => {
    expect(config.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
      { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
    ]);
  });

  it('outputs its URL', () => {
    expect(template.toJSON().Outputs.PortalUrl.Value).toEqual({
      'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }]],
    });
  });
});

describe('portal deployment', () => {
  const [, deployment] = only(template, 'Custom::CDKBucketDeployment');
  const props = deployment.Properties as {
    DestinationBucketName: unknown;
    DistributionId: unknown;
    DistributionPaths: string[];
    SourceObjectKeys: string[];
    SourceMarkers: Record<string, unknown>[];
  };
  /** The staged directory of the deployment's `index`th source. */
  const sourceDir = (index: number) =>
    join(built.outdir, `asset.${props.SourceObjectKeys[index]?.replace(/\.zip$/, '')}`);

  it('copies the build into the portal bucket and invalidates the whole distribution', () => {
    expect(props.DestinationBucketName).toEqual({ Ref: siteId });
    expect(props.DistributionId).toEqual({ Ref: distributionId });
    expect(props.DistributionPaths).toEqual(['/*']);
    expect(props.SourceObjectKeys).toHaveLength(2);
  });

  it('deploys the built site without the dist copy of config.json', () => {
    expect(existsSync(join(sourceDir(0), 'index.html'))).toBe(true);
    expect(existsSync(join(sourceDir(0), 'assets', 'index-1a2b3c.js'))).toBe(true);
    expect(existsSync(join(sourceDir(0), 'config.json'))).toBe(false);
  });

  it('writes config.json with the API URL, the Cognito endpoint, client and region', () => {
    const markers = props.SourceMarkers[1] ?? {};
    const raw = readFileSync(join(sourceDir(1), 'config.json'), 'utf8');
    // Deploy-time values are markers in the staged file; substitute them as the handler does.
    const json = Object.entries(markers).reduce((body, [marker, value]) => body.replaceAll(marker, text(value)), raw);
    const clientId = Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))[0];
    expect(JSON.parse(json)).toEqual({
      apiUrl: API_ORIGIN,
      cognito: { endpoint: `${COGNITO_ORIGIN}/`, clientId: `{${clientId}}`, region: '{AWS::Region}' },
    });
  });

  it('runs CDK’s handler on a role of its own, with no managed policy', () => {
    const handlers = Object.entries(template.findResources('AWS::Lambda::Function') as Resources).filter(([id]) =>
      id.startsWith('CustomCDKBucketDeployment'),
    );
    expect(handlers).toHaveLength(1);
    const [[, handler]] = handlers as [[string, CfnResource]];
    const roleId = (handler.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    expect(roleId).toMatch(/^PortalDeployRole/);
    expect(
      (template.findResources('AWS::IAM::Role')[roleId] as CfnResource).Properties.ManagedPolicyArns,
    ).toBeUndefined();
  });
});

describe('API CORS', () => {
  it('allows the configured web origins only: webOrigins[0] must be the portal (no cycle through the distribution)', () => {
    const [, api] = only(template, 'AWS::ApiGatewayV2::Api');
    expect((api.Properties.CorsConfiguration as { AllowOrigins: unknown }).AllowOrigins).toEqual(
      built.config.webOrigins,
    );
  });
});

describe('before the web portal is built', () => {
  const missing = join(tempDir('finestreta-nodist-'), 'dist');
  const placeholder = synthWith(missing);

  it('synthesizes, cdk-nag included, deploying a placeholder page and config.json, with a warning', () => {
    const [, deployment] = only(placeholder.template, 'Custom::CDKBucketDeployment');
    const [site] = (deployment.Properties.SourceObjectKeys as string[]).map((key) =>
      join(placeholder.outdir, `asset.${key.replace(/\.zip$/, '')}`),
    );
    expect(readFileSync(join(site as string, 'index.html'), 'utf8')).toBe(PLACEHOLDER_PAGE);
    const warnings = Annotations.fromStack(placeholder.stack).findWarning(
      '*',
      Match.stringLikeRegexp(PLACEHOLDER_WARNING),
    );
    expect(warnings.map((warning) => warning.id)).toEqual([`/${placeholder.stack.stackName}/Portal`]);
    expect(Annotations.fromStack(built.stack).findWarning('*', Match.stringLikeRegexp(PLACEHOLDER_WARNING))).toEqual(
      [],
    );
  });

  it('has a placeholder page the CSP allows: no script, style or inline handler', () => {
    expect(PLACEHOLDER_PAGE).not.toMatch(/<script|<style|style=|\son[a-z]+=/i);
  });

  it('refuses a dist directory without index.html (a broken or running build)', () => {
    const empty = tempDir('finestreta-emptydist-');
    expect(() =>
      createApp({ 'aws:cdk:bundling-stacks': [] }, { outdir: tempDir('finestreta-portal-'), webDistDir: empty }),
    ).toThrow(/holds no index.html/);
  });
});

describe('local mirror', () => {
  it('plans the functions of the FUNCTIONS table only, ignoring CDK’s deployment handler', () => {
    const plan = planFromTemplate(template.toJSON() as Parameters<typeof planFromTemplate>[0]);
    expect(plan.functions.map((fn) => fn.name).sort()).toEqual(Object.keys(FUNCTIONS).sort());
  });
});

describe('site headers', () => {
  it('refuse a connect-src entry that would end the directive or add a keyword', () => {
    for (const bad of ['https://a.example; script-src *', 'https://a.example b', "'unsafe-inline'", 'a,b', '']) {
      expect(() => contentSecurityPolicy([bad]), bad).toThrow(/not a single source expression/);
    }
  });
});
