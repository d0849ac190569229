import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, DefaultStackSynthesizer, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { BlockPublicAccess, Bucket, BucketEncryption, type CfnBucket, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, type ISource, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge } from '../nag';
import {
  ASSETS_PATH,
  contentSecurityPolicy,
  permissionsPolicy,
  SITE_CACHE_CONTROL,
  SITE_HEADER_NAMES,
  SITE_HEADER_POLICY,
} from '../site-headers';

/** What the single-page app reads from `/config.json` at start (web/src/config.ts). */
export interface PortalConfigJson {
  /** Base URL of the HTTP API, no trailing slash. */
  readonly apiUrl: string;
  readonly cognito: { readonly endpoint: string; readonly clientId: string; readonly region: string };
}

export interface PortalProps {
  /**
   * The built site (Vite's `web/dist`: `index.html` and `assets/*`). When the directory does not
   * exist (a clean clone, tests), a placeholder page is deployed instead and synth warns.
   */
  readonly distDir: string;
  /** Base URL of the HTTP API without a trailing slash (`HttpApi.apiEndpoint`); a token is fine. */
  readonly apiUrl: string;
  /** The user pool's web client id. */
  readonly userPoolClientId: string;
  /**
   * Origins the browser sends files to directly, added to the CSP's `connect-src`: the
   * attachments bucket's regional endpoint, where presigned POST uploads go. Tokens are fine.
   * @default none
   */
  readonly uploadOrigins?: readonly string[];
  /** Retention of the deployment handler's log group. */
  readonly logRetention: RetentionDays;
  /**
   * How long CloudFront and S3 access logs are kept.
   * @default Duration.days(365)
   */
  readonly accessLogExpiration?: Duration;
}

/** Deployed when `distDir` is missing, so a clean clone synthesizes; the CSP allows it (no inline code). */
export const PLACEHOLDER_PAGE =
  '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Finestreta</title></head>' +
  '<body><h1>Finestreta</h1><p>The web portal was not built when this stack was deployed: ' +
  'build web/ (web/dist) and deploy again.</p></body></html>\n';

/** Context key of a custom bootstrap qualifier (`cdk bootstrap --qualifier`). */
const BOOTSTRAP_QUALIFIER_CONTEXT = '@aws-cdk/core:bootstrapQualifier';

/** Warning annotation id when the placeholder is deployed (see {@link Portal}). */
export const PLACEHOLDER_WARNING = 'finestreta:portalNotBuilt';

/**
 * The web portal: the built single-page app in a private bucket, served by CloudFront through
 * origin access control, with the site's security headers (lib/site-headers.ts) on every answer.
 *
 * - `/assets/*` (Vite's content-hashed files) is cached for a year, at the edge and in browsers.
 * - Everything else — `index.html`, `config.json`, deep links — is revalidated on every load,
 *   so a deployment shows at once; deployments also invalidate `/*`.
 * - Deep links: S3 answers 403 (404 with list rights) for a path that is no object; CloudFront
 *   answers those with `/index.html` and 200, and the app routes on the client. The price: a
 *   missing asset or a mistyped `config.json` also gets the page with 200, never a 404.
 * - `config.json` is written at deploy time with the API URL and the Cognito client, so the same
 *   build runs against any stage.
 */
export class Portal extends Construct {
  public readonly bucket: Bucket;
  public readonly accessLogsBucket: Bucket;
  public readonly distribution: Distribution;
  public readonly responseHeadersPolicy: ResponseHeadersPolicy;
  public readonly assetsResponseHeadersPolicy: ResponseHeadersPolicy;
  public readonly deployment: BucketDeployment;
  /** What is written to `/config.json`. */
  public readonly configJson: PortalConfigJson;
  /** Origins in the CSP's `connect-src` besides `'self'`. */
  public readonly connectSrc: readonly string[];
  /** Whether `distDir` was found; false means the placeholder page is deployed. */
  public readonly built: boolean;

  constructor(scope: Construct, id: string, props: PortalProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const cognitoOrigin = `https://cognito-idp.${region}.amazonaws.com`;
    this.configJson = {
      apiUrl: props.apiUrl,
      cognito: { endpoint: `${cognitoOrigin}/`, clientId: props.userPoolClientId, region },
    };
    this.connectSrc = [props.apiUrl, cognitoOrigin, ...(props.uploadOrigins ?? [])];

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      // Server access log delivery supports SSE-S3 only, not SSE-KMS.
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront standard logs are written through an ACL grant to the awslogsdelivery account,
      // so ACLs stay enabled here (never public: BLOCK_ALL); S3 server access logs use the policy.
      objectOwnership: ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'expire-access-logs', expiration: props.accessLogExpiration ?? Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.accessLogsBucket,
      'AwsSolutions-S1',
      'This bucket is the access log target of the portal bucket and of the portal distribution; logging its ' +
        'own writes would recurse. It is private, TLS-only and holds nothing but log delivery output.',
    );

    // Retained like the stack's other buckets; its content is rebuilt by every deployment.
    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    const { connectSrc } = this;
    this.responseHeadersPolicy = this.headersPolicy('Headers', 'pages', connectSrc, SITE_CACHE_CONTROL.page);
    this.assetsResponseHeadersPolicy = this.headersPolicy(
      'AssetHeaders',
      'assets',
      connectSrc,
      SITE_CACHE_CONTROL.assets,
    );

    const origin = S3BucketOrigin.withOriginAccessControl(this.bucket);
    const pageCache = new CachePolicy(this, 'PageCache', {
      comment: 'Finestreta portal pages and config.json: revalidated on every request',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      // Above zero only so compressed variants may be kept; S3 objects carry no Cache-Control.
      maxTtl: Duration.minutes(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const assetsCache = new CachePolicy(this, 'AssetsCache', {
      comment: 'Finestreta portal hashed assets: immutable under their name',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(365),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: `Finestreta web portal (${Stack.of(this).stackName})`,
      defaultRootObject: 'index.html',
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: PriceClass.PRICE_CLASS_100,
      enableIpv6: true,
      enableLogging: true,
      logBucket: this.accessLogsBucket,
      logFilePrefix: 'cloudfront/',
      defaultBehavior: {
        origin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        compress: true,
        cachePolicy: pageCache,
        responseHeadersPolicy: this.responseHeadersPolicy,
      },
      additionalBehaviors: {
        [`${ASSETS_PATH}*`]: {
          origin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
          compress: true,
          cachePolicy: assetsCache,
          responseHeadersPolicy: this.assetsResponseHeadersPolicy,
        },
      },
      // Client-side routes. Without s3:ListBucket a missing key is 403; both become the page.
      // Not cached: a deployment's new page must answer deep links at once.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
    });
    this.acknowledgeDistribution();

    this.built = existsSync(props.distDir);
    let site: ISource;
    if (this.built) {
      const index = join(props.distDir, 'index.html');
      if (!statSync(props.distDir).isDirectory() || !existsSync(index)) {
        throw new Error(`${props.distDir} holds no index.html: build the web portal again or remove the directory`);
      }
      // config.json is the deployment's own, written below (a dev copy in dist must not win).
      site = Source.asset(props.distDir, { exclude: ['config.json'] });
    } else {
      site = Source.data('index.html', PLACEHOLDER_PAGE);
      Annotations.of(this).addWarningV2(
        PLACEHOLDER_WARNING,
        `${props.distDir} does not exist: the portal deploys a placeholder page and config.json. Build web/ and deploy again.`,
      );
    }

    // Own role and log group: no AWSLambdaBasicExecutionRole, logs kept like the functions' own.
    const deployRole = new Role(this, 'DeployRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built web portal into its bucket and invalidates the distribution',
    });
    const deployLogs = new LogGroup(this, 'DeployLogs', { retention: props.logRetention });
    deployLogs.grantWrite(deployRole);
    this.deployment = new BucketDeployment(this, 'Deploy', {
      sources: [site, Source.jsonData('config.json', this.configJson)],
      destinationBucket: this.bucket,
      // Hashed assets of the previous build stay, so pages already open can still load their chunks.
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      role: deployRole,
      logGroup: deployLogs,
    });
    this.acknowledgeDeployment(deployRole);
  }

  /** `https://<distribution domain>`: the portal's URL until a custom domain is put in front. */
  get url(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /** The site's headers (lib/site-headers.ts) as a CloudFront policy, plus the behaviour's Cache-Control. */
  private headersPolicy(
    id: string,
    what: string,
    connectSrc: readonly string[],
    cacheControl: string,
  ): ResponseHeadersPolicy {
    const { hsts, frameOptions, referrerPolicy } = SITE_HEADER_POLICY;
    return new ResponseHeadersPolicy(this, id, {
      comment: `Finestreta portal ${what}: security headers and Cache-Control`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(connectSrc), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: enumValue(HeadersFrameOption, frameOptions), override: true },
        referrerPolicy: { referrerPolicy: enumValue(HeadersReferrerPolicy, referrerPolicy), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds),
          includeSubdomains: hsts.includeSubDomains,
          preload: hsts.preload,
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: SITE_HEADER_NAMES.permissionsPolicy, value: permissionsPolicy(), override: true },
          { header: 'Cache-Control', value: cacheControl, override: true },
        ],
      },
    });
  }

  private acknowledgeDistribution(): void {
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction on purpose: the portal serves residents wherever they are (abroad, on roaming, ' +
        'behind VPNs), and sign-in, roles and throttling protect the API it calls, not the location of the caller.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'No WAF web ACL yet: the distribution serves only static files from a private bucket (GET/HEAD), so there ' +
        'is no input to inspect; a CLOUDFRONT-scope web ACL must live in us-east-1 and is billed per rule, and ' +
        'the API it calls is throttled per stage and validates every input.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The distribution is served on its *.cloudfront.net name with the CloudFront default certificate, whose ' +
        'security policy CloudFront fixes (minimumProtocolVersion has no effect without a certificate); a ' +
        'custom domain with an ACM certificate in us-east-1 would allow TLSv1.2_2021.',
    );
  }

  /**
   * CDK's own BucketDeployment handler (Python, in CDK's code): what it needs is set by CDK, and
   * the stack has no say in its runtime. Acknowledged on its role and function, nowhere else.
   */
  private acknowledgeDeployment(role: Role): void {
    acknowledge(
      role,
      'AwsSolutions-IAM5[Action::s3:GetObject*]',
      'Granted by CDK BucketDeployment (grantRead/grantReadWrite) to its own handler, scoped to the CDK asset ' +
        'bucket objects of this deployment and to the portal bucket; the handler copies the built site.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Action::s3:GetBucket*]',
      'Granted by CDK BucketDeployment (grantRead/grantReadWrite) to its own handler, scoped to the CDK asset ' +
        'bucket and the portal bucket; it reads their location and settings while syncing.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Action::s3:List*]',
      'Granted by CDK BucketDeployment (grantRead/grantReadWrite) to its own handler, scoped to the CDK asset ' +
        'bucket and the portal bucket; `aws s3 sync` lists both to compare them.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
      'Granted by CDK BucketDeployment (grantReadWrite) to its own handler on the portal bucket only; this ' +
        'deployment does not prune, but the grant is fixed by CDK.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Action::s3:Abort*]',
      'Granted by CDK BucketDeployment (grantReadWrite) to its own handler on the portal bucket only, to ' +
        'abort multipart uploads of large files it failed to finish.',
    );
    acknowledge(
      role,
      'AwsSolutions-IAM5[Resource::*]',
      'cloudfront:CreateInvalidation and cloudfront:GetInvalidation on "*" are added by CDK BucketDeployment to ' +
        'its own handler for the distributionPaths invalidation; the handler is invoked only by this stack.',
    );
    const stack = Stack.of(this);
    // As cdk-nag spells the two object wildcards: CDK's asset bucket, and the portal bucket.
    const qualifier =
      (stack.node.tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT) as string | undefined) ??
      DefaultStackSynthesizer.DEFAULT_QUALIFIER;
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*]`,
      'Granted by CDK BucketDeployment to its own handler: read of the objects of the CDK bootstrap asset ' +
        'bucket, where the zipped site and config.json are staged; it names the bucket, not the key.',
    );
    const siteLogicalId = stack.resolve((this.bucket.node.defaultChild as CfnBucket).logicalId) as string;
    acknowledge(
      role,
      `AwsSolutions-IAM5[Resource::<${siteLogicalId}.Arn>/*]`,
      'Granted by CDK BucketDeployment to its own handler: writes to any key of the portal bucket, which holds ' +
        'nothing but the built site it deploys.',
    );
    const handlers = stack.node.children.filter(
      (child): child is LambdaFunction =>
        child instanceof LambdaFunction && child.node.id.startsWith('Custom::CDKBucketDeployment'),
    );
    for (const handler of handlers) {
      acknowledge(
        handler.node.defaultChild ?? handler,
        'AwsSolutions-L1',
        'CDK BucketDeployment handler: CDK pins its runtime (python3.13, with the AWS CLI layer it is built ' +
          'and tested with); the stack cannot choose it, and it runs only at deployment, on this stack’s own input.',
      );
    }
  }
}

/** The CDK enum member whose value is `value`, so a typo in site-headers.ts fails at synth. */
function enumValue<T extends string>(members: Record<string, T>, value: string): T {
  const found = Object.values(members).find((member) => member === value);
  if (found === undefined) throw new Error(`${value} is not one of ${Object.values(members).join(', ')}`);
  return found;
}
