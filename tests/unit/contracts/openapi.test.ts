import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../contracts/openapi';
import { ROUTES } from '../../../contracts/routes';
import { apiRoutes } from '../../../functions/platform/functions';

type Operation = {
  security?: unknown;
  parameters: { name: string; in: string; required: boolean }[];
  responses: Record<string, { content?: Record<string, unknown> }>;
};
const operationOf = (document: ReturnType<typeof buildOpenApiDocument>, path: string, method: string) =>
  (document.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];

describe('the OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('has one operation per route of the contract, bearer security only where a token is needed', () => {
    for (const route of Object.values(ROUTES)) {
      const operation = operationOf(document, route.path, route.method);
      expect(operation, route.operationId).toBeDefined();
      expect(operation?.responses['429']).toBeDefined();
      expect(Boolean(operation?.security), route.operationId).toBe(route.auth === 'jwt');
    }
  });

  it('documents every problem a route can answer, and the gateway’s own rejections as such', () => {
    const patch = operationOf(document, '/tickets/{ticketId}', 'PATCH');
    expect(Object.keys(patch?.responses ?? {}).sort()).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '409',
      '413',
      '415',
      '429',
    ]);
    expect(Object.keys(patch?.responses['401']?.content ?? {})).toEqual(['application/json']);
    expect(Object.keys(patch?.responses['409']?.content ?? {})).toEqual(['application/problem+json']);
    expect(Object.keys(operationOf(document, '/topics/{topicId}', 'GET')?.responses ?? {})).toContain('404');
    // Filing answers its own 429 (abuse limits, with Retry-After) besides API Gateway's throttling.
    expect(Object.keys(operationOf(document, '/public/tickets', 'POST')?.responses['429']?.content ?? {})).toEqual([
      'application/problem+json',
      'application/json',
    ]);
    expect(Object.keys(operationOf(document, '/tickets', 'GET')?.responses['429']?.content ?? {})).toEqual([
      'application/json',
    ]);
  });

  it('documents request headers: If-Match, the guest token and Idempotency-Key where offered', () => {
    const names = (path: string, method: string) => operationOf(document, path, method)?.parameters.map((p) => p.name);
    expect(names('/tickets/{ticketId}', 'PATCH')).toEqual(['ticketId', 'If-Match']);
    expect(names('/public/tickets/{ticketId}', 'GET')).toEqual(['ticketId', 'X-Ticket-Token']);
    expect(names('/tickets', 'POST')).toEqual(['Idempotency-Key']);
  });

  it('names its schemas as components and forbids undocumented properties in responses', () => {
    expect(document.openapi).toBe('3.1.0');
    const schemas = document.components.schemas;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining(['Ticket', 'TicketWithThread', 'Problem', 'Me', 'Health']),
    );
    expect(schemas.Ticket?.additionalProperties).toBe(false);
    expect(Object.keys(schemas.Ticket?.properties as object)).toEqual(
      expect.arrayContaining(['impact', 'callback', 'team', 'assignee']),
    );
  });

  it('is served, route for route, by the functions CDK deploys', () => {
    const deployed = apiRoutes().map((route) => `${route.method} ${route.path}`);
    expect(deployed.sort()).toEqual(Object.keys(ROUTES).sort());
  });
});
