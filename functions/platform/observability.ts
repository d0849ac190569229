import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One logger per function instance; its names come from the POWERTOOLS_* environment CDK sets.
 * No Powertools Tracer: Lambda's active tracing records every invocation, and the Tracer's X-Ray
 * SDK cost 118 KB and ~11 ms of each cold start. No Powertools Metrics either: counts come from
 * log lines through metric filters (log-metrics.ts), for the same reason (README).
 */
export const logger = new Logger();
