import type { FunctionName } from './functions';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec {
  readonly method: HttpMethod;
  /** API Gateway path syntax: `/tickets/{ticketId}`. */
  readonly path: string;
  readonly function: FunctionName;
  /** `public` routes skip the JWT authorizer. */
  readonly auth: 'public' | 'jwt';
}

/**
 * The one route table: the CDK HTTP API is built from it, and the local gateway
 * serves what the synthesized template says (which a test proves equals this).
 */
export const ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/health', function: 'health', auth: 'public' },
  { method: 'GET', path: '/openapi.json', function: 'openapi', auth: 'public' },
  { method: 'GET', path: '/me', function: 'me', auth: 'jwt' },
];

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>): string => `${route.method} ${route.path}`;
