import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/**
 * One logger and one metrics instance per function instance; names come from the POWERTOOLS_*
 * environment CDK sets. No Powertools Tracer: Lambda's active tracing records every
 * invocation, and the Tracer's X-Ray SDK cost 118 KB and ~11 ms of each cold start (README).
 */
export const logger = new Logger();
/** Metrics' own log says "no metrics to publish" on every call that adds none; only its errors matter. */
export const metrics = new Metrics({ logger: logger.createChild({ logLevel: 'ERROR' }) });
