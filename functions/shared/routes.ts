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
  { method: 'GET', path: '/topics', function: 'topics', auth: 'public' },
  { method: 'GET', path: '/topics/{topicId}', function: 'topics', auth: 'public' },
  { method: 'POST', path: '/tickets', function: 'tickets', auth: 'jwt' },
  { method: 'GET', path: '/tickets', function: 'tickets', auth: 'jwt' },
  { method: 'GET', path: '/tickets/{ticketId}', function: 'tickets', auth: 'jwt' },
  { method: 'PATCH', path: '/tickets/{ticketId}', function: 'tickets', auth: 'jwt' },
  { method: 'POST', path: '/tickets/{ticketId}/messages', function: 'tickets', auth: 'jwt' },
  { method: 'POST', path: '/public/tickets', function: 'publicTickets', auth: 'public' },
  { method: 'GET', path: '/public/tickets/{ticketId}', function: 'publicTickets', auth: 'public' },
  { method: 'POST', path: '/public/tickets/{ticketId}/messages', function: 'publicTickets', auth: 'public' },
];

export const routeKey = (route: Pick<RouteSpec, 'method' | 'path'>): string => `${route.method} ${route.path}`;
