import middy, { type MiddlewareObj, type Request } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { type Caller, callerOf } from './auth';
import { type Language, pickLanguage } from './language';
import { logger, observability } from './observability';
import { problemFromError, problemResponse } from './problem';
import { type ParsedInput, parseInput, type RequestSchemas } from './request';
import type { HttpResult } from './responses';

export interface HttpRequest<B, Q, P> extends ParsedInput<B, Q, P> {
  readonly caller: Caller | undefined;
  readonly language: Language;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly event: APIGatewayProxyEventV2;
}

/** Sent on every response: API bodies are personal and must not be cached or sniffed. */
const BASE_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

/**
 * Builds a Lambda handler: observability, normalized headers, validated input, and
 * domain errors turned into problem+json in one place. Handlers only call the domain.
 */
export function httpHandler<B = undefined, Q = undefined, P = undefined>(
  schemas: RequestSchemas<B, Q, P> & { readonly middlewares?: MiddlewareObj[] },
  run: (request: HttpRequest<B, Q, P>) => Promise<HttpResult>,
) {
  return middy<APIGatewayProxyEventV2, HttpResult, Error, Context>()
    .use(observability())
    .use(httpHeaderNormalizer())
    .use(baseHeaders())
    .use(schemas.middlewares ?? [])
    .use(problemErrors())
    .handler(async (event) => {
      const headers = event.headers ?? {};
      return run({
        ...(await parseInput(schemas, event)),
        caller: callerOf(event),
        language: pickLanguage(headers['accept-language']),
        headers,
        event,
      });
    });
}

function baseHeaders(): MiddlewareObj<APIGatewayProxyEventV2, HttpResult> {
  const add = (request: Request<APIGatewayProxyEventV2, HttpResult>) => {
    if (request.response) request.response.headers = { ...BASE_HEADERS, ...request.response.headers };
  };
  return { after: add, onError: add };
}

/** Registered last so its onError runs first: every failure leaves as problem+json, never a stack trace. */
export function problemErrors(): MiddlewareObj<APIGatewayProxyEventV2, HttpResult> {
  return {
    onError: (request) => {
      const problem = problemFromError(request.error, pickLanguage(request.event.headers?.['accept-language']));
      if (problem.status >= 500) logger.error('Request failed', request.error as Error);
      else logger.info('Request rejected', { status: problem.status, type: problem.type });
      request.response = problemResponse(problem, BASE_HEADERS);
    },
  };
}
