import type * as z from 'zod/mini';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Problem statuses a route may answer beyond the generic ones (400 bad input, 401, 413, 415, 429). */
export type RouteProblem = 403 | 404 | 409;

export interface ResponseSpec {
  readonly description: string;
  /** JSON body; absent for responses without one. */
  readonly schema?: z.ZodMiniType;
  /** Response headers worth a client's attention (Location, ETag). */
  readonly headers?: Readonly<Record<string, string>>;
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
  readonly problems?: readonly RouteProblem[];
}

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>) => `${route.method} ${route.path}` as const;
