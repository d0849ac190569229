import type { z } from 'zod';
import { type RouteSpec, routeKey } from '../shared/routes';
import { HealthSchema } from './schemas/health';
import { MeSchema } from './schemas/me';

export interface OperationSpec {
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly request?: { readonly body?: z.ZodType; readonly query?: z.ZodObject; readonly params?: z.ZodObject };
  /** Success responses; problem responses are added from the route's auth and request. */
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
}

/**
 * What each route accepts and returns, keyed by route key. The OpenAPI document is
 * generated from it, and a test proves it covers exactly the route table.
 */
export const OPERATIONS: Readonly<Record<string, OperationSpec>> = {
  'GET /health': {
    operationId: 'getHealth',
    summary: 'Whether each backing service answers',
    tags: ['Operations'],
    responses: {
      200: { description: 'Every service answers', schema: HealthSchema },
      503: { description: 'At least one service does not answer', schema: HealthSchema },
    },
  },
  'GET /openapi.json': {
    operationId: 'getOpenApi',
    summary: 'This document',
    tags: ['Operations'],
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },
  'GET /me': {
    operationId: 'getMe',
    summary: 'The signed-in caller: id, email, groups and the language responses use',
    tags: ['Identity'],
    responses: { 200: { description: 'The caller', schema: MeSchema } },
  },
} satisfies Record<string, OperationSpec>;

export const operationFor = (route: RouteSpec): OperationSpec | undefined => OPERATIONS[routeKey(route)];
