import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SECURITY_HEADERS } from '../../contracts/http';
import { fromLambdaResult, type HttpReply, toApiGatewayEvent } from './api-event';
import { createJwtAuthorizer, type JwtAuthorizerConfig } from './jwt-authorizer';
import type { LocalFunction } from './lambda-host';

export interface GatewayRoute {
  readonly method: string;
  readonly path: string;
  readonly auth: 'jwt' | 'public';
  readonly fn: LocalFunction;
}

export interface CorsConfig {
  readonly allowOrigins: readonly string[];
  readonly allowMethods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders?: readonly string[];
  readonly maxAgeSeconds?: number;
  readonly allowCredentials?: boolean;
}

export interface GatewayOptions {
  readonly port: number;
  readonly host?: string;
  readonly routes: readonly GatewayRoute[];
  readonly authorizer: JwtAuthorizerConfig;
  readonly cors?: CorsConfig;
  /** Adds x-local-* headers with the DynamoDB requests and time of each call (benchmark). */
  readonly exposeMetering?: boolean;
}

export interface Gateway {
  readonly url: string;
  stop(): Promise<void>;
}

/** HTTP API's own payload limit. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

interface CompiledRoute extends GatewayRoute {
  readonly routeKey: string;
  readonly pattern: RegExp;
  readonly params: readonly string[];
  readonly specificity: number;
}

function compile(route: GatewayRoute): CompiledRoute {
  const params: string[] = [];
  const segments = route.path.split('/').map((segment) => {
    const param = /^\{(\w+)(\+?)\}$/.exec(segment);
    if (!param) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    params.push(param[1] as string);
    return param[2] ? '(.+)' : '([^/]+)';
  });
  const literal = route.path.split('/').filter((s) => s && !s.startsWith('{')).length;
  return {
    ...route,
    routeKey: `${route.method} ${route.path}`,
    pattern: new RegExp(`^${segments.join('/')}$`),
    params,
    specificity: literal * 100 - params.length,
  };
}

/**
 * A local stand-in for API Gateway HTTP API: same routes, same JWT checks, same event
 * shape and the same error bodies as the real service for unmatched or unauthorized calls.
 */
export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const routes = options.routes.map(compile).sort((a, b) => b.specificity - a.specificity);
  const authorize = createJwtAuthorizer(options.authorizer);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? 'localhost'}`);
    const method = request.method ?? 'GET';
    const origin = request.headers.origin;
    const cors = corsHeaders(options.cors, origin);

    if (method === 'OPTIONS' && options.cors && request.headers['access-control-request-method']) {
      return send(response, {
        statusCode: 204,
        headers: preflightHeaders(options.cors, origin),
        cookies: [],
        body: Buffer.alloc(0),
      });
    }
    const body = await readBody(request);
    if (body === undefined) return send(response, message(413, 'Request Entity Too Large', cors));

    // API Gateway refuses a path it cannot percent-decode before routing it.
    if (!decodable(url.pathname)) return send(response, message(400, 'Bad Request', cors));

    let route: CompiledRoute | undefined;
    let match: RegExpExecArray | null = null;
    for (const candidate of routes) {
      if (candidate.method !== method) continue;
      match = candidate.pattern.exec(url.pathname);
      if (match) {
        route = candidate;
        break;
      }
    }
    if (!route || !match) return send(response, message(404, 'Not Found', cors));

    const authorized = route.auth === 'jwt' ? await authorize(request.headers.authorization) : undefined;
    if (route.auth === 'jwt' && !authorized) {
      return send(response, message(401, 'Unauthorized', { ...cors, 'www-authenticate': 'Bearer' }));
    }
    const pathParameters = decodeParameters(route, match);
    const requestId = randomUUID();
    const event = toApiGatewayEvent({
      request,
      url,
      body,
      routeKey: route.routeKey,
      pathParameters,
      authorized,
      requestId,
    });

    const started = performance.now();
    const invocation = await route.fn.invoke(event);
    const elapsed = performance.now() - started;
    const metering: Record<string, string> = options.exposeMetering
      ? {
          'x-local-dynamodb-requests': String(invocation.dynamoDb.requests),
          'x-local-dynamodb-ms': invocation.dynamoDb.ms.toFixed(3),
          'x-local-function-ms': elapsed.toFixed(3),
        }
      : {};
    if (invocation.error) {
      process.stderr.write(
        `[gateway] ${route.routeKey} failed: ${invocation.error.stack ?? invocation.error.message}\n`,
      );
      return send(response, message(500, 'Internal Server Error', { ...cors, ...metering }));
    }
    const reply = fromLambdaResult(invocation.result);
    return send(response, {
      ...reply,
      headers: { ...reply.headers, ...cors, ...metering, 'apigw-requestid': requestId },
    });
  };

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      process.stderr.write(`[gateway] ${String(error)}\n`);
      if (!response.headersSent) send(response, message(500, 'Internal Server Error', {}));
    });
  });
  // What Node's parser refuses before any handler (a raw non-ASCII byte in the request line,
  // headers above 16 KB) gets an answer like the gateway's others, not a bare status line.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return;
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
    const reply = message(status, status === 431 ? 'Request Header Fields Too Large' : 'Bad Request', {});
    const head = Object.entries({
      ...reply.headers,
      'content-length': String(reply.body.byteLength),
      connection: 'close',
    })
      .map(([name, value]) => `${name}: ${value}`)
      .join('\r\n');
    socket.end(
      `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n${head}\r\n\r\n${reply.body}`,
    );
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** Path parameters as API Gateway passes them: percent-decoded. */
function decodeParameters(route: CompiledRoute, match: RegExpExecArray): Record<string, string> | undefined {
  if (route.params.length === 0) return undefined;
  return Object.fromEntries(route.params.map((name, i) => [name, decodeURIComponent(match[i + 1] as string)]));
}

/** The gateway's own answers; in this stand-in they carry the security headers the functions send. */
function message(statusCode: number, text: string, headers: Record<string, string>): HttpReply {
  return {
    statusCode,
    headers: { 'content-type': 'application/json', ...SECURITY_HEADERS, ...headers },
    cookies: [],
    body: Buffer.from(JSON.stringify({ message: text })),
  };
}

function send(response: ServerResponse, reply: HttpReply): void {
  const headers: Record<string, string | string[]> = { ...reply.headers };
  if (reply.cookies.length > 0) headers['set-cookie'] = [...reply.cookies];
  headers['content-length'] = String(reply.body.byteLength);
  response.writeHead(reply.statusCode, headers);
  response.end(reply.body);
}

async function readBody(request: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).byteLength;
    if (size > MAX_PAYLOAD_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function allowedOrigin(cors: CorsConfig | undefined, origin: string | undefined): string | undefined {
  if (!cors || !origin) return undefined;
  if (cors.allowOrigins.includes('*')) return '*';
  return cors.allowOrigins.includes(origin) ? origin : undefined;
}

function corsHeaders(cors: CorsConfig | undefined, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (!cors || !allowed) return {};
  return {
    'access-control-allow-origin': allowed,
    ...(cors.exposeHeaders?.length ? { 'access-control-expose-headers': cors.exposeHeaders.join(',') } : {}),
    ...(cors.allowCredentials ? { 'access-control-allow-credentials': 'true' } : {}),
  };
}

function preflightHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  const base = corsHeaders(cors, origin);
  if (!base['access-control-allow-origin']) return {};
  return {
    ...base,
    'access-control-allow-methods': cors.allowMethods.join(','),
    'access-control-allow-headers': cors.allowHeaders.join(','),
    ...(cors.maxAgeSeconds !== undefined ? { 'access-control-max-age': String(cors.maxAgeSeconds) } : {}),
  };
}
