import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy, { type MiddlewareObj, type Request } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { RouteSpec } from '../../../contracts/http';
import type { RouteKey } from '../../../contracts/routes';
import type { Language } from '../../../contracts/vocabulary';
import type { Caller } from '../kernel/caller';
import { Unauthorized } from '../kernel/errors';
import { logger, metrics } from '../observability';
import { idempotency } from './idempotency';
import { callerOf } from './identity';
import { pickLanguage } from './language';
import { problemFromError, problemResponse } from './problem';
import { type ParsedInput, type ParseOptions, parseInput } from './request';
import { type HttpResult, type RouteReply, toHttpResult } from './responses';

/** What a handler gets: the route's validated input, who calls, and the language to answer in. */
export type HttpRequest<R extends RouteSpec> = ParsedInput<R['request']> & {
  /** Present on every route behind the JWT authorizer, absent on public ones. */
  readonly caller: R['auth'] extends 'jwt' ? Caller : undefined;
  readonly language: Language;
};

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<HttpResult>;

/** Sent on every response: API bodies are personal and must not be cached or sniffed. */
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * A route's Lambda handler: observability, normalized headers, input validated by the
 * route's contract, `Idempotency-Key` where the contract offers it, and every error turned
 * into problem+json in one place. `run` only calls the domain and returns one of the
 * route's documented replies, typed by its response schemas.
 */
export function httpHandler<R extends RouteSpec>(
  route: R,
  options: ParseOptions,
  run: (request: HttpRequest<R>) => Promise<RouteReply<R>>,
): LambdaHandler {
  return middy<APIGatewayProxyEventV2, HttpResult, Error, Context>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(requestKeys())
    .use(logMetrics(metrics, { captureColdStartMetric: true }))
    .use(httpHeaderNormalizer())
    .use(baseHeaders())
    .use(route.idempotent ? [idempotency()] : [])
    .use(problemErrors())
    .handler(async (event) => {
      const caller = callerOf(event);
      if (route.auth === 'jwt' && !caller) throw new Unauthorized('Sign in to use this resource.');
      const input = await parseInput<R['request']>(route.request, event, options);
      const answer = await run({
        ...input,
        caller: caller as HttpRequest<R>['caller'],
        language: pickLanguage(event.headers?.['accept-language']),
      });
      return toHttpResult(answer);
    });
}

/**
 * One Lambda per resource family: picks the route's own handler by the route key API
 * Gateway sends. A key not listed here is a wiring bug, not a client error.
 */
export function byRoute(handlers: Partial<Record<RouteKey, LambdaHandler>>): LambdaHandler {
  return (event, context) => {
    const handler = handlers[event.routeKey as RouteKey];
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

function baseHeaders(): MiddlewareObj<APIGatewayProxyEventV2, HttpResult> {
  const add = (request: Request<APIGatewayProxyEventV2, HttpResult>) => {
    if (request.response) request.response.headers = { ...BASE_HEADERS, ...request.response.headers };
  };
  return { after: add, onError: add };
}

/** Registered last so its onError runs first: every failure leaves as problem+json, never a stack trace. */
function problemErrors(): MiddlewareObj<APIGatewayProxyEventV2, HttpResult> {
  return {
    onError: (request) => {
      const problem = problemFromError(request.error, pickLanguage(request.event.headers?.['accept-language']));
      if (problem.status >= 500) logger.error('Request failed', request.error as Error);
      else logger.info('Request rejected', { status: problem.status, type: problem.type });
      request.response = problemResponse(problem, BASE_HEADERS);
    },
  };
}
