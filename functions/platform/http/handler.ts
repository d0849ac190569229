import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy, { type MiddlewareObj, type Request } from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import {
  IDEMPOTENCY_KEY_PATTERN,
  type RequestSpec,
  type RouteSpec,
  routeKey,
  SECURITY_HEADERS,
} from '../../../contracts/http';
// Types only: at run time a function holds its own routes (contracts/routes/*.ts), not the whole table.
import type { ROUTES, RouteKey } from '../../../contracts/routes';
import type { Language } from '../../../contracts/vocabulary';
import type { Caller } from '../kernel/caller';
import { Forbidden, Throttled, Unauthorized, ValidationFailed } from '../kernel/errors';
import { logger } from '../observability';
import { callerOf } from './identity';
import { pickLanguage } from './language';
import { problemFromError, problemResponse } from './problem';
import { type ParsedInput, type ParseOptions, parseInput } from './request';
import { type HttpResult, type RouteReply, toHttpResult } from './responses';

type Route<K extends RouteKey> = (typeof ROUTES)[K];
type RequestOf<K extends RouteKey> = Route<K> extends { readonly request: infer Q extends RequestSpec } ? Q : undefined;

/** What a handler gets: the route's validated input, who calls, and the language to answer in. */
export type HttpRequest<K extends RouteKey> = ParsedInput<RequestOf<K>> & {
  /** Present on every route behind the JWT authorizer, absent on public ones. */
  readonly caller: Route<K>['auth'] extends 'jwt' ? Caller : undefined;
  readonly language: Language;
  /** The client's address as API Gateway saw it (the TCP peer, not a forgeable header). */
  readonly client: string;
};

/** A route's handler: how to parse its input beyond the contract, and what to do with it. */
export interface RouteDefinition<K extends RouteKey> extends ParseOptions {
  readonly run: (request: HttpRequest<K>) => Promise<RouteReply<K>>;
}

export interface FunctionOptions {
  /**
   * The `Idempotency-Key` middleware (platform/http/idempotency.ts), required by functions
   * serving a route the contract marks idempotent. Passed in rather than imported here, so
   * functions without such routes do not carry Powertools idempotency in their bundle.
   */
  readonly idempotency?: () => MiddlewareObj<APIGatewayProxyEventV2>;
}

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<HttpResult>;

/**
 * A route's Lambda handler (HTTP API payload 2.0, whose header names arrive in lower case):
 * observability, input validated by the route's contract, `Idempotency-Key` where the contract
 * offers it, and every error turned into problem+json in one place. `run` only calls the
 * domain and returns one of the route's documented replies, typed by its response schemas.
 */
function httpHandler<K extends RouteKey>(
  key: K,
  route: RouteSpec,
  { run, ...options }: RouteDefinition<K>,
  functionOptions: FunctionOptions = {},
): LambdaHandler {
  if (route.idempotent && !functionOptions.idempotency) {
    throw new Error(`${key} accepts Idempotency-Key: give its function the idempotency middleware`);
  }
  return (
    middy<APIGatewayProxyEventV2, HttpResult, Error, Context>()
      .use(injectLambdaContext(logger, { resetKeys: true }))
      .use(requestKeys())
      .use(
        route.idempotent && functionOptions.idempotency ? [idempotencyKeyChecked(), functionOptions.idempotency()] : [],
      )
      // After idempotency, so its `after` runs first: the response a retry replays carries the headers too.
      .use(baseHeaders(route))
      .use(problemErrors())
      .handler(async (event) => {
        const caller = callerOf(event);
        if (route.auth === 'jwt' && !caller) throw new Unauthorized('Sign in to use this resource.');
        if (route.roles && !caller?.groups.some((group) => route.roles?.includes(group))) {
          throw new Forbidden('Your role may not do this.');
        }
        // The table's literal type says which schemas this route has; the runtime value is the same object.
        const input = await parseInput(route.request as RequestOf<K>, event, options);
        const answer = await run({
          ...input,
          caller: caller as HttpRequest<K>['caller'],
          language: pickLanguage(event.headers?.['accept-language']),
          client: event.requestContext?.http?.sourceIp ?? 'unknown',
        });
        return toHttpResult(answer);
      })
  );
}

/**
 * One Lambda per resource family: each route's own handler, picked by the route key API
 * Gateway sends, with the route's contract from `routes` (the function's part of the table).
 * A key not listed here is a wiring bug, not a client error.
 */
export function byRoute(
  routes: readonly RouteSpec[],
  definitions: { readonly [K in RouteKey]?: RouteDefinition<K> },
  functionOptions: FunctionOptions = {},
): LambdaHandler {
  const specs = new Map(routes.map((route) => [routeKey(route), route]));
  const handlers = new Map<string, LambdaHandler>();
  for (const key of Object.keys(definitions) as RouteKey[]) {
    const route = specs.get(key);
    if (!route) throw new Error(`${key} is not among the routes this function was given`);
    handlers.set(key, httpHandler(key, route, definitions[key] as RouteDefinition<typeof key>, functionOptions));
  }
  return (event, context) => {
    const handler = handlers.get(event.routeKey);
    if (!handler) throw new Error(`No handler for route ${event.routeKey}`);
    return handler(event, context);
  };
}

/** The API Gateway request id and route on every log line. The event is never logged: it carries personal data. */
function requestKeys(): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: (request) => {
      logger.appendKeys({ requestId: request.event.requestContext?.requestId, route: request.event.routeKey });
    },
  };
}

/** The security headers on every answer; public content's successes are cacheable, per language. */
function baseHeaders(route: RouteSpec): MiddlewareObj<APIGatewayProxyEventV2, HttpResult> {
  const add = (request: Request<APIGatewayProxyEventV2, HttpResult>) => {
    const response = request.response;
    if (!response) return;
    const cacheable = route.publicCacheSeconds !== undefined && (response.statusCode ?? 200) < 300;
    response.headers = {
      ...SECURITY_HEADERS,
      ...(cacheable ? { 'cache-control': `public, max-age=${route.publicCacheSeconds}`, vary: 'Accept-Language' } : {}),
      ...response.headers,
    };
  };
  return { after: add, onError: add };
}

const IDEMPOTENCY_KEY = new RegExp(IDEMPOTENCY_KEY_PATTERN);

/** A malformed `Idempotency-Key` is bad input like any other, refused before a record is kept for it. */
function idempotencyKeyChecked(): MiddlewareObj<APIGatewayProxyEventV2> {
  return {
    before: ({ event }) => {
      const key = event.headers?.['idempotency-key'];
      if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
        throw new ValidationFailed([
          { path: 'headers.idempotency-key', message: 'Use 1 to 255 visible ASCII characters, e.g. a UUID.' },
        ]);
      }
    },
  };
}

/** Registered last so its onError runs first: every failure leaves as problem+json, never a stack trace. */
function problemErrors(): MiddlewareObj<APIGatewayProxyEventV2, HttpResult> {
  return {
    onError: (request) => {
      const problem = problemFromError(request.error, pickLanguage(request.event.headers?.['accept-language']));
      if (problem.status >= 500) logger.error('Request failed', request.error as Error);
      else logger.info('Request rejected', { status: problem.status, type: problem.type });
      const headers: Record<string, string> = { ...SECURITY_HEADERS };
      if (request.error instanceof Throttled) headers['retry-after'] = String(request.error.retryAfterSeconds);
      request.response = problemResponse(problem, headers);
    },
  };
}
