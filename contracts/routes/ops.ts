import type { RouteSpec } from '../http';

/** Operations: whether the backing services answer, and the OpenAPI document. */
export const OPS_ROUTES = [
  {
    method: 'GET',
    path: '/health',
    auth: 'public',
    operationId: 'getHealth',
    summary: 'Whether each backing service answers',
    tags: ['Operations'],
  },
  {
    method: 'GET',
    path: '/openapi.json',
    auth: 'public',
    operationId: 'getOpenApi',
    summary: 'This document',
    tags: ['Operations'],
    publicCacheSeconds: 300,
  },
] as const satisfies readonly RouteSpec[];
