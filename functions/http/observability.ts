import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** One logger, metrics and tracer per function instance; names come from POWERTOOLS_* env set by CDK. */
export const logger = new Logger();
/** Metrics' own log says "no metrics to publish" on every call that adds none; only its errors matter. */
export const metrics = new Metrics({ logger: logger.createChild({ logLevel: 'ERROR' }) });
export const tracer = new Tracer();

/**
 * Powertools middlewares plus the API Gateway request id on every log line.
 * The event is never logged: it carries personal data.
 */
export function observability(): MiddlewareObj<APIGatewayProxyEventV2>[] {
  const requestId: MiddlewareObj<APIGatewayProxyEventV2> = {
    before: (request) => {
      logger.appendKeys({
        requestId: request.event.requestContext?.requestId,
        route: request.event.routeKey,
      });
    },
  };
  return [
    injectLambdaContext(logger, { resetKeys: true }),
    requestId,
    logMetrics(metrics, { captureColdStartMetric: true }),
    captureLambdaHandler(tracer, { captureResponse: false }),
  ];
}
