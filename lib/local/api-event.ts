import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Authorized } from './jwt-authorizer';

/** Content types API Gateway passes as text; anything else reaches Lambda base64-encoded. */
const TEXT_TYPES = /^(text\/|application\/([\w.+-]*\+)?(json|xml|javascript|x-www-form-urlencoded)\b)/i;

export interface EventInput {
  readonly request: IncomingMessage;
  readonly url: URL;
  readonly body: Buffer;
  readonly routeKey: string;
  readonly pathParameters: Record<string, string> | undefined;
  readonly authorized: Authorized | undefined;
  readonly requestId: string;
}

/** Builds the payload-format 2.0 event API Gateway HTTP API sends to a Lambda integration. */
export function toApiGatewayEvent(input: EventInput): APIGatewayProxyEventV2 {
  const { request, url, body } = input;
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [name, value] of Object.entries(request.headersDistinct)) {
    if (!value) continue;
    if (name === 'cookie') cookies.push(...value.flatMap((v) => v.split(/;\s*/)));
    else headers[name] = value.join(',');
  }
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  const isText = body.byteLength === 0 || TEXT_TYPES.test(headers['content-type'] ?? '');
  const now = new Date();
  const event: APIGatewayProxyEventV2 & { requestContext: { authorizer?: unknown } } = {
    version: '2.0',
    routeKey: input.routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.replace(/^\?/, ''),
    ...(cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(Object.keys(query).length > 0 ? { queryStringParameters: query } : {}),
    ...(input.pathParameters ? { pathParameters: input.pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'local',
      http: {
        method: request.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${request.httpVersion}`,
        sourceIp: request.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: input.requestId,
      routeKey: input.routeKey,
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      ...(input.authorized
        ? { authorizer: { jwt: { claims: input.authorized.claims, scopes: input.authorized.scopes } } }
        : {}),
    },
    ...(body.byteLength > 0 ? { body: isText ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: !isText,
  };
  return event;
}

export interface HttpReply {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly cookies: readonly string[];
  readonly body: Buffer;
}

/** Interprets a Lambda result as HTTP API does for payload format 2.0 (bare values become JSON). */
export function fromLambdaResult(result: unknown): HttpReply {
  const structured = result as APIGatewayProxyStructuredResultV2 | undefined;
  if (structured && typeof structured === 'object' && 'statusCode' in structured) {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(structured.headers ?? {})) headers[name.toLowerCase()] = String(value);
    const raw = structured.body ?? '';
    return {
      statusCode: structured.statusCode ?? 200,
      headers,
      cookies: structured.cookies ?? [],
      body: structured.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8'),
    };
  }
  const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(body) };
}
