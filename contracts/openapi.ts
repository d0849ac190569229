import { AgentDocument, CalendarDocument } from './admin';
import {
  AuditPage,
  CatalogueDocuments,
  StoredAgent,
  StoredCalendar,
  StoredOrganisation,
  StoredSlaPolicy,
  StoredTeam,
  StoredTopic,
} from './admin-views';
import { NewAttachment } from './attachments';
import { OrganisationDocument, SlaPolicy, TeamDocument, TopicDocument } from './catalogue';
import { AgentList, TeamList } from './desk';
import { Health } from './health';
import { IDEMPOTENCY_KEY_PATTERN, type RequestSpec, type ResponseSpec, type RouteSpec } from './http';
import { Me, UpdateMe } from './me';
import { GatewayError, Problem } from './problems';
import { MonthlyReport } from './reports-views';
import { RESPONSES } from './responses';
import { ROUTES, type RouteKey } from './routes';
import { CreateGuestTicket, CreateTicket, GuestReply, Rating, Reopen, Reply, UpdateTicket } from './tickets';
import {
  Attachment,
  AttachmentUpload,
  GuestTicketCreated,
  RatingInvitation,
  Ticket,
  TicketPage,
  TicketWithThread,
} from './tickets-views';
import { Topic, TopicList } from './topics';
import * as z from './zod';

/** Named schemas of the document; anything else is inlined where it is used. */
const REQUEST_COMPONENTS = {
  CreateTicket,
  NewAttachment,
  CreateGuestTicket,
  Reply,
  GuestReply,
  Reopen,
  UpdateTicket,
  UpdateMe,
  Rating,
  OrganisationDocument,
  CalendarDocument,
  SlaPolicy,
  TeamDocument,
  TopicDocument,
  AgentDocument,
};
const RESPONSE_COMPONENTS = {
  Ticket,
  GuestTicketCreated,
  Attachment,
  AttachmentUpload,
  RatingInvitation,
  MonthlyReport,
  CatalogueDocuments,
  StoredOrganisation,
  StoredCalendar,
  StoredSlaPolicy,
  StoredTeam,
  StoredTopic,
  StoredAgent,
  AuditPage,
  TeamList,
  AgentList,
  TicketPage,
  TicketWithThread,
  Topic,
  TopicList,
  Me,
  Health,
  Problem,
  GatewayError,
};

type JsonSchema = Record<string, unknown>;
type Registry = ReturnType<typeof z.registry<{ id: string }>>;

const componentRef = (id: string) => `#/components/schemas/${id}`;
const PARAMETER_LOCATIONS = { params: 'path', query: 'query', headers: 'header' } as const;
/** `if-match` → `If-Match`: how clients write the header names handlers see in lower case. */
const headerName = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/**
 * The OpenAPI 3.1 document, generated from the route table with zod's own JSON Schema
 * conversion (requests as clients send them, responses as clients receive them). Objects in
 * responses forbid properties they do not list, so a field the API returns but the contract
 * does not describe fails the e2e response validation.
 */
export function buildOpenApiDocument(serverUrl?: string) {
  const inputs: Registry = z.registry();
  const outputs: Registry = z.registry();
  for (const [id, schema] of Object.entries(REQUEST_COMPONENTS)) inputs.add(schema, { id });
  for (const [id, schema] of Object.entries(RESPONSE_COMPONENTS)) outputs.add(schema, { id });
  const named = new Map<z.ZodMiniType, string>([
    ...Object.entries(REQUEST_COMPONENTS).map(([id, schema]) => [schema, id] as const),
    ...Object.entries(RESPONSE_COMPONENTS).map(([id, schema]) => [schema, id] as const),
  ]);

  // Route-local schemas join the registries under private ids so references inside them resolve;
  // one used twice (a 200 and a 201 of the same shape) keeps the id it was first given.
  const localIds = new Map<Registry, Map<z.ZodMiniType, string>>();
  const local = (registry: Registry, schema: z.ZodMiniType, id: string) => {
    const known = named.get(schema) ?? localIds.get(registry)?.get(schema);
    if (known) return known;
    registry.add(schema, { id });
    localIds.set(registry, (localIds.get(registry) ?? new Map()).set(schema, id));
    return id;
  };
  const plan = (Object.entries(ROUTES) as [RouteKey, RouteSpec][]).map(([key, route]) => {
    const request = route.request ?? {};
    const parameters = (['params', 'query', 'headers'] as const).flatMap((part) => {
      const schema = request[part];
      return schema ? [{ part, id: local(inputs, schema, `~${route.operationId}.${part}`) }] : [];
    });
    const body = request.body ? local(inputs, request.body, `~${route.operationId}.body`) : undefined;
    const responses = Object.entries(RESPONSES[key] as Readonly<Record<number, ResponseSpec>>).map(
      ([status, response]) => ({
        status,
        response,
        id: response.schema ? local(outputs, response.schema, `~${route.operationId}.${status}`) : undefined,
      }),
    );
    return { route, request, parameters, body, responses };
  });

  const options = { target: 'draft-2020-12', unrepresentable: 'any', uri: componentRef } as const;
  const requestSchemas = z.toJSONSchema(inputs, { ...options, io: 'input' }).schemas as Record<string, JsonSchema>;
  const responseSchemas = z.toJSONSchema(outputs, { ...options, io: 'output' }).schemas as Record<string, JsonSchema>;
  const schemaFor = (schemas: Record<string, JsonSchema>, id: string): JsonSchema =>
    id.startsWith('~') ? strip(schemas[id] ?? {}) : { $ref: componentRef(id) };

  const problem = (description: string) => ({
    description,
    content: { 'application/problem+json': { schema: { $ref: componentRef('Problem') } } },
  });
  const gateway = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: componentRef('GatewayError') } } },
  });

  const paths: Record<string, Record<string, unknown>> = {};
  for (const { route, request, parameters, body, responses } of plan) {
    const operationResponses: Record<string, unknown> = {};
    for (const { status, response, id } of responses) {
      operationResponses[status] = {
        description: response.description,
        ...(response.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(response.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
        ...(id
          ? {
              content: {
                'application/json': { schema: schemaFor(responseSchemas, id) },
                ...(response.text ? { [response.text.mediaType]: { schema: { type: 'string' } } } : {}),
              },
            }
          : {}),
      };
    }
    Object.assign(operationResponses, problemResponses(route, request, problem, gateway));

    paths[route.path] ??= {};
    (paths[route.path] as Record<string, unknown>)[route.method.toLowerCase()] = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [...route.tags],
      ...(route.auth === 'jwt' ? { security: [{ cognito: [] }] } : {}),
      parameters: [
        ...parameters.flatMap(({ part, id }) => parametersOf(requestSchemas[id] ?? {}, PARAMETER_LOCATIONS[part])),
        ...(route.idempotent
          ? [
              {
                name: 'Idempotency-Key',
                in: 'header',
                required: false,
                description: 'Retries with the same key within a day replay the first response',
                schema: { type: 'string', pattern: IDEMPOTENCY_KEY_PATTERN },
              },
            ]
          : []),
      ],
      ...(body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: schemaFor(requestSchemas, body) } },
            },
          }
        : {}),
      responses: operationResponses,
    };
  }

  const components: Record<string, JsonSchema> = {};
  for (const [id, schema] of [...Object.entries(requestSchemas), ...Object.entries(responseSchemas)]) {
    if (!id.startsWith('~') && id !== '__shared') components[id] = strip(schema);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Finestreta API',
      version: '1',
      description:
        'Helpdesk for public administrations. Errors are RFC 9457 problem+json; API Gateway’s own ' +
        'rejections (401, 429, unknown routes) are `{ "message" }`.',
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        cognito: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito access or ID token' },
      },
    },
  };
}

function problemResponses(
  route: RouteSpec,
  request: RequestSpec,
  problem: (description: string) => unknown,
  gateway: (description: string) => unknown,
): Record<string, unknown> {
  const responses: Record<string, unknown> = {};
  if (Object.keys(request).length > 0) {
    responses[400] = request.params
      ? {
          description: 'Invalid input, every failing field listed; or a path API Gateway cannot percent-decode',
          content: {
            'application/problem+json': { schema: { $ref: componentRef('Problem') } },
            'application/json': { schema: { $ref: componentRef('GatewayError') } },
          },
        }
      : problem('Invalid input; every failing field is listed');
  }
  if (route.auth === 'jwt') responses[401] = gateway('Missing, expired or foreign token (API Gateway)');
  const problems = new Set(route.problems ?? []);
  if (problems.has(403) || route.roles) responses[403] = problem('Your role may not do this');
  if (problems.has(404)) responses[404] = problem('No such resource, or not yours to see');
  if (problems.has(409) || route.idempotent) {
    responses[409] = problem('A stale If-Match, a move the lifecycle refuses, or a reused Idempotency-Key');
  }
  if (request.body) {
    responses[413] = {
      description: 'Body too large',
      content: {
        'application/problem+json': { schema: { $ref: componentRef('Problem') } },
        'application/json': { schema: { $ref: componentRef('GatewayError') } },
      },
    };
    responses[415] = problem('The body is not JSON');
  }
  responses[429] = problems.has(429)
    ? {
        description:
          'Too many tickets from this address or client (problem+json, with Retry-After), or throttled by API Gateway',
        headers: {
          'Retry-After': {
            description: 'Seconds until the limit resets (abuse limits only)',
            schema: { type: 'string' },
          },
        },
        content: {
          'application/problem+json': { schema: { $ref: componentRef('Problem') } },
          'application/json': { schema: { $ref: componentRef('GatewayError') } },
        },
      }
    : gateway('Throttled (API Gateway)');
  return responses;
}

/** OpenAPI parameters from the JSON Schema of an object of path, query or header values. */
function parametersOf(schema: JsonSchema, location: 'path' | 'query' | 'header') {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name: location === 'header' ? headerName(name) : name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

/** Drops the `$schema` and `$id` zod writes on every schema: the document says its dialect and names once. */
function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
}
