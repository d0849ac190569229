import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { ROUTES, routeKey } from '../shared/routes';
import { operationFor } from './contract';
import { ProblemSchema } from './schemas/common';

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ProblemSchema } },
});

/** Builds the OpenAPI 3.1 document from the route table and the zod schemas of each operation. */
export function buildOpenApiDocument(serverUrl?: string) {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'cognito', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: 'Cognito access or ID token',
  });

  for (const route of ROUTES) {
    const operation = operationFor(route);
    if (!operation) throw new Error(`No operation described for ${routeKey(route)}`);
    const responses: RouteConfig['responses'] = {};
    for (const [status, response] of Object.entries(operation.responses)) {
      responses[status] = response.schema
        ? { description: response.description, content: { 'application/json': { schema: response.schema } } }
        : { description: response.description };
    }
    if (operation.request) responses[400] = problemResponse('Invalid input; every failing field is listed');
    if (operation.request?.body) responses[413] = problemResponse('Body too large');
    if (route.auth === 'jwt') {
      responses[401] = problemResponse('Missing or invalid token');
      responses[403] = problemResponse('The caller’s role may not do this');
    }
    responses[429] = problemResponse('Throttled');
    registry.registerPath({
      method: route.method.toLowerCase() as RouteConfig['method'],
      path: route.path,
      operationId: operation.operationId,
      summary: operation.summary,
      tags: [...operation.tags],
      ...(route.auth === 'jwt' ? { security: [{ [bearer.name]: [] }] } : {}),
      request: {
        ...(operation.request?.params ? { params: operation.request.params } : {}),
        ...(operation.request?.query ? { query: operation.request.query } : {}),
        ...(operation.request?.body
          ? { body: { required: true, content: { 'application/json': { schema: operation.request.body } } } }
          : {}),
      },
      responses,
    });
  }

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Finestreta API',
      version: '1',
      description: 'Helpdesk for public administrations. Errors are RFC 9457 problem+json.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
  });
}
