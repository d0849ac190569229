import { join, resolve } from 'node:path';
import { FUNCTIONS } from '../functions/platform/functions';
import type { SweepReport } from '../functions/tickets/domain/sweep';
import { LocalFunction } from '../lib/local/lambda-host';
import { runAsFunction } from '../lib/local/run-as-function';
import type { LocalEndpoints } from '../lib/local/stack';
import type { OpenTicketsInput } from './open-tickets';

const OPEN = 10_000;
const DUE = 50;

export interface SweeperFigures {
  readonly open: number;
  readonly due: number;
  readonly organisations: number;
  /** DynamoDB requests of the run that found the due tickets, and of the run right after (nothing due). */
  readonly dynamoDbRequests: number;
  readonly rerunDynamoDbRequests: number;
  readonly report: SweepReport;
  readonly rerun: SweepReport;
  readonly ms: number;
  /** At most one write per due ticket, plus a constant: the catalogue and one Query per organisation. */
  readonly maxDynamoDbRequests: number;
  readonly targetMisses: string[];
}

/**
 * The sweeper over `OPEN` open tickets of which `DUE` are owed an alert: run as the schedule
 * runs it (every organisation), its DynamoDB requests must follow the due tickets, not the open
 * ones; a second run finds nothing left to do.
 */
export async function measureSweeper(endpoints: LocalEndpoints): Promise<SweeperFigures> {
  const now = new Date();
  await runAsFunction(
    resolve(import.meta.dirname, 'open-tickets.ts'),
    { open: OPEN, due: DUE, now: now.toISOString() } satisfies OpenTicketsInput,
    { ...endpoints.functionEnvironment },
  );
  const sweeper = new LocalFunction({
    name: 'sweeper',
    entry: join(resolve(import.meta.dirname, '..'), FUNCTIONS.sweeper.entry),
    environment: { ...endpoints.functionEnvironment, AWS_LAMBDA_FUNCTION_NAME: 'sweeper' },
    timeoutSeconds: FUNCTIONS.sweeper.timeoutSeconds,
    memoryMiB: 256,
  });
  try {
    const event = { scheduledTime: now.toISOString() };
    const started = performance.now();
    const first = await sweeper.invoke(event);
    const ms = performance.now() - started;
    const second = await sweeper.invoke({ scheduledTime: new Date(now.getTime() + 1000).toISOString() });
    for (const run of [first, second]) if (run.error) throw new Error(`Sweeper failed: ${run.error.message}`);
    const report = first.result as SweepReport;
    const rerun = second.result as SweepReport;
    const maxDynamoDbRequests = DUE + 1 + 2 * report.organisations;
    const targetMisses = [
      ...(first.dynamoDb.requests > maxDynamoDbRequests
        ? [`${first.dynamoDb.requests} DynamoDB requests > ${maxDynamoDbRequests}`]
        : []),
      ...(report.warnings + report.escalations < DUE
        ? [`alerted ${report.warnings + report.escalations} of ${DUE} due`]
        : []),
      ...(rerun.warnings + rerun.escalations > 0 ? ['the re-run alerted again'] : []),
    ];
    return {
      open: OPEN,
      due: DUE,
      organisations: report.organisations,
      dynamoDbRequests: first.dynamoDb.requests,
      rerunDynamoDbRequests: second.dynamoDb.requests,
      report,
      rerun,
      ms,
      maxDynamoDbRequests,
      targetMisses,
    };
  } finally {
    await sweeper.stop();
  }
}
