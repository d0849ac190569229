import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../../functions/api/contract';
import { buildOpenApiDocument } from '../../../functions/api/openapi-document';
import { ROUTES, routeKey } from '../../../functions/shared/routes';

describe('OpenAPI document', () => {
  it('describes exactly the routes of the route table', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual(ROUTES.map(routeKey).sort());
  });

  it('has one operation per route, with problem responses and bearer security only where a token is needed', () => {
    const document = buildOpenApiDocument();
    for (const route of ROUTES) {
      const operation = document.paths?.[route.path]?.[route.method.toLowerCase() as 'get'];
      expect(operation, routeKey(route)).toBeDefined();
      expect(operation?.responses?.['429']).toBeDefined();
      expect(Boolean(operation?.security), routeKey(route)).toBe(route.auth === 'jwt');
    }
  });

  it('names its schemas as components, problem details included', () => {
    const document = buildOpenApiDocument();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.components?.schemas ?? {})).toEqual(expect.arrayContaining(['Problem', 'Health']));
  });
});
