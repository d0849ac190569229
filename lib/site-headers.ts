/**
 * The response headers of the web portal, stated once for both places that serve it: the
 * CloudFront response headers policy (lib/constructs/portal.ts) and the local portal server.
 *
 * No CDK import here: the local stack imports this module. The CDK side builds its
 * `ResponseHeadersPolicy` from {@link SITE_HEADER_POLICY} and {@link contentSecurityPolicy}, and
 * tests/infra/portal.test.ts checks that what it renders equals {@link siteHeaders}.
 */

/** HSTS for two years, subdomains included, eligible for the browsers' preload lists. */
export const HSTS = { maxAgeSeconds: 63_072_000, includeSubDomains: true, preload: true } as const;

/** Every header but the CSP, whose `connect-src` depends on where the API and Cognito are. */
export const SITE_HEADER_POLICY = {
  hsts: HSTS,
  contentTypeOptions: 'nosniff',
  frameOptions: 'DENY',
  // Guest links carry their token in the URL: never send it on, not even to our own origin's logs.
  referrerPolicy: 'no-referrer',
  permissionsPolicy: ['camera=()', 'microphone=()', 'geolocation=()'],
} as const;

/** Header names, as the local server writes them and CloudFront renders them. */
export const SITE_HEADER_NAMES = {
  contentSecurityPolicy: 'Content-Security-Policy',
  strictTransportSecurity: 'Strict-Transport-Security',
  contentTypeOptions: 'X-Content-Type-Options',
  frameOptions: 'X-Frame-Options',
  referrerPolicy: 'Referrer-Policy',
  permissionsPolicy: 'Permissions-Policy',
} as const;

export interface SiteHeadersOptions {
  /**
   * Origins the page may fetch from besides its own: the API and the Cognito endpoint, e.g.
   * `https://abc123.execute-api.eu-west-1.amazonaws.com`. CDK tokens are accepted (they hold no
   * space, quote, comma or semicolon); anything that could end the directive is refused.
   */
  readonly connectSrc: readonly string[];
}

/**
 * One source per entry, from URL characters only: no space, separator (`;` `,`), quote or control
 * character can slip into the header. `$ { } [ ]` admit CDK tokens (`${Token[TOKEN.12]}`).
 */
const SOURCE = /^[\w.:/*%+~@$?&=!()[\]{}-]+$/;

/**
 * The Content-Security-Policy: scripts, styles, fonts and images from the portal's own origin
 * only (no `unsafe-inline`, no `unsafe-eval`), no framing, no plugins, forms and `<base>` kept on
 * the origin, and fetches to the origin plus `connectSrc`.
 */
export function contentSecurityPolicy(connectSrc: readonly string[]): string {
  for (const source of connectSrc) {
    if (!SOURCE.test(source)) {
      throw new Error(`connect-src entry ${JSON.stringify(source)} is not a single source expression`);
    }
  }
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...connectSrc],
    ['frame-ancestors', "'none'"],
    ['base-uri', "'self'"],
    ['form-action', "'self'"],
    ['object-src', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** `max-age=63072000; includeSubDomains; preload` */
export function strictTransportSecurity(hsts: typeof HSTS = HSTS): string {
  return [
    `max-age=${hsts.maxAgeSeconds}`,
    ...(hsts.includeSubDomains ? ['includeSubDomains'] : []),
    ...(hsts.preload ? ['preload'] : []),
  ].join('; ');
}

/** `camera=(), microphone=(), geolocation=()` */
export const permissionsPolicy = (): string => SITE_HEADER_POLICY.permissionsPolicy.join(', ');

/** Header name → value, for every response of the portal (pages, assets, `config.json`). */
export function siteHeaders(options: SiteHeadersOptions): Record<string, string> {
  return {
    [SITE_HEADER_NAMES.contentSecurityPolicy]: contentSecurityPolicy(options.connectSrc),
    [SITE_HEADER_NAMES.strictTransportSecurity]: strictTransportSecurity(),
    [SITE_HEADER_NAMES.contentTypeOptions]: SITE_HEADER_POLICY.contentTypeOptions,
    [SITE_HEADER_NAMES.frameOptions]: SITE_HEADER_POLICY.frameOptions,
    [SITE_HEADER_NAMES.referrerPolicy]: SITE_HEADER_POLICY.referrerPolicy,
    [SITE_HEADER_NAMES.permissionsPolicy]: permissionsPolicy(),
  };
}

/**
 * `Cache-Control` of the portal's responses: hashed build output (`/assets/*`) never changes
 * under its name; everything else (`index.html`, `config.json`, deep links answered with the
 * page) is revalidated on each load so a deployment shows at once.
 */
export const SITE_CACHE_CONTROL = {
  assets: 'public, max-age=31536000, immutable',
  page: 'no-cache',
} as const;

/** Path prefix of Vite's hashed build output. */
export const ASSETS_PATH = 'assets/';
