import type { Group } from './vocabulary';
import * as z from './zod';

/**
 * `If-Match: <version>`: a bare number or an entity tag (`"3"`, `W/"3"`), read as the version
 * number. `missing` is the message when a route requires it.
 */
export const ifMatchVersion = (missing?: string) =>
  z.pipe(
    z.pipe(
      z.string(missing ? { error: missing } : undefined),
      z.transform((value) => Number(value.replace(/^W\//, '').replaceAll('"', ''))),
    ),
    z.int('If-Match must be a version number.').check(z.positive('If-Match must be a version number.')),
  );

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Problem statuses a route may answer beyond those that follow from its shape (400 with input,
 * 401 and 403 from auth and roles, 409 from idempotency, 413 and 415 with a body); 429 here is
 * the function's own abuse limit, on top of API Gateway's throttling.
 */
export type RouteProblem = 403 | 404 | 409 | 429;

export interface ResponseSpec {
  readonly description: string;
  /** JSON body; absent for responses without one. */
  readonly schema?: z.ZodMiniType;
  /** Response headers worth a client's attention (Location, ETag). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The same answer as text in another media type, for clients that `Accept` it (a report as CSV). */
  readonly text?: { readonly mediaType: string; readonly description: string };
}

export interface RequestSpec {
  readonly params?: z.ZodMiniObject;
  readonly query?: z.ZodMiniObject;
  /** Header names in lower case, as handlers see them. */
  readonly headers?: z.ZodMiniObject;
  readonly body?: z.ZodMiniType;
}

/**
 * One route of the HTTP API: what the gateway exposes and what it accepts (what it returns is
 * in RESPONSES). CDK builds the API from these, handlers take their input schemas from them,
 * and the OpenAPI document is generated from them.
 */
export interface RouteSpec {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/tickets/{ticketId}`. */
  readonly path: string;
  /** `public` routes skip the JWT authorizer. */
  readonly auth: 'public' | 'jwt';
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly request?: RequestSpec;
  /** Retries with the same `Idempotency-Key` replay the first response and create nothing new. */
  readonly idempotent?: boolean;
  /**
   * Groups allowed to call the route at all, checked before any input is read (403): a caller
   * outside them learns nothing of what the route accepts. Absent: anyone the auth lets in.
   */
  readonly roles?: readonly Group[];
  /**
   * Public, non-personal content (topics, this document): its 2xx answers may be cached this
   * long by browsers and CDNs, per language. Every other answer is `no-store`.
   */
  readonly publicCacheSeconds?: number;
  readonly problems?: readonly RouteProblem[];
}

/** An `Idempotency-Key`: 1–255 visible ASCII characters (a UUID, typically). */
export const IDEMPOTENCY_KEY_PATTERN = '^[\\x21-\\x7E]{1,255}$';

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>) => `${route.method} ${route.path}` as const;

/**
 * Sent with every answer of the API, errors and the gateway's own included (OWASP REST
 * Security cheat sheet): bodies are personal, so never cached (unless a route's successes are
 * public content, `publicCacheSeconds`), never sniffed as HTML, never framed, and no referrer
 * leaks an id to another site.
 */
export const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
} as const;
