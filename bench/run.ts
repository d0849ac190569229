/**
 * `npm run bench`: starts the local stack, drives every API operation through the gateway
 * at concurrency 1 and 16, counts DynamoDB requests per call, measures each function's
 * bundle and cold import against a bare DynamoDB GetItem bundle (bench/baseline.ts), prints
 * tables and writes bench/results.json; exits non-zero when any target is missed.
 *
 * `npm run bench -- <name> …` runs only the operations and jobs (`sweeper`, `monthly report`,
 * `form request`, `cold imports`) whose names contain one of the names given, and leaves results.json as it was.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import autocannon from 'autocannon';
import { signIn } from '../lib/local/cognito';
import { freePorts, startLocalStack, UNLIMITED_FILING } from '../lib/local/stack';
import { measureBundles } from './bundles';
import { type FormRequestFigures, MAX_STATE_TRANSITIONS, measureFormRequest } from './form-request';
import { type MonthlyReportFigures, measureMonthlyReport } from './monthly-report';
import { type BenchContext, type BenchOperation, type BenchRequest, OPERATIONS } from './operations';
import { INITIAL_JS_BUDGET_KB, measurePortal, type PortalFigures } from './portal';
import { measureSweeper, type SweeperFigures } from './sweeper';

const REQUESTS = { 1: 300, 16: 1600 } as const;
const CONCURRENCIES = [1, 16] as const;
/** Names asked for on the command line (case-insensitive parts of names); none: everything. */
const ONLY = process.argv.slice(2).map((name) => name.toLowerCase());
const selected = (name: string) => ONLY.length === 0 || ONLY.some((part) => name.toLowerCase().includes(part));

interface Sample {
  dynamoDbRequests: number;
  dynamoDbMs: number;
  functionMs: number;
}

interface RunFigures {
  readonly concurrency: number;
  readonly requests: number;
  readonly non2xx: number;
  /** Each non-2xx answer's status and problem type, counted, so a miss says what went wrong. */
  readonly failures: Record<string, number>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly rps: number;
}

interface OperationFigures {
  readonly operation: string;
  readonly runs: RunFigures[];
  /**
   * DynamoDB requests of a call: what 99 % of calls made at most (the target), and the most any
   * made. They differ by the catalogue cache's refresh, one Query a minute per function instance,
   * which lands on the odd call.
   */
  readonly dynamoDbRequestsP99: number;
  readonly dynamoDbRequestsMax: number;
  /** Median of (time in the function − time in its DynamoDB calls), concurrency 1. */
  readonly overheadP50Ms: number;
  readonly dynamoDbP50Ms: number;
  readonly targetMisses: string[];
}

const problemTypeOf = (body: string) => {
  try {
    return String((JSON.parse(body) as { type?: unknown }).type ?? '');
  } catch {
    return body.slice(0, 80);
  }
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function drive(apiUrl: string, operation: BenchOperation, context: BenchContext) {
  const { next, seen } = await operation.prepare(context);
  // Warm the function (cold start is measured separately) before timing anything.
  for (let i = 0; i < 5; i++) {
    const warm = next();
    const response = await fetch(`${apiUrl}${warm.path}`, {
      method: warm.method,
      headers: warm.headers,
      body: warm.body,
    });
    seen?.(warm, response.status, Object.fromEntries(response.headers));
    await response.arrayBuffer();
  }

  const runs: RunFigures[] = [];
  const samples: Sample[] = [];
  for (const connections of CONCURRENCIES) {
    const failures: Record<string, number> = {};
    const result = await autocannon({
      url: apiUrl,
      connections,
      amount: REQUESTS[connections],
      requests: [
        {
          // One request at a time per connection: the connection's context holds the request in flight.
          setupRequest: (request, requestContext) => {
            const sent = next();
            (requestContext as { sent?: BenchRequest }).sent = sent;
            return { ...request, ...sent } as autocannon.Request;
          },
          onResponse: (status, body, requestContext, headers) => {
            const h = headers as Record<string, string>;
            if (status >= 300) {
              const failure = `${status} ${problemTypeOf(body)}`;
              failures[failure] = (failures[failure] ?? 0) + 1;
            }
            const sent = (requestContext as { sent?: BenchRequest }).sent;
            if (sent) seen?.(sent, status, h);
            if (connections !== 1) return;
            samples.push({
              dynamoDbRequests: Number(h['x-local-dynamodb-requests'] ?? 0),
              dynamoDbMs: Number(h['x-local-dynamodb-ms'] ?? 0),
              functionMs: Number(h['x-local-function-ms'] ?? 0),
            });
          },
        },
      ],
    });
    runs.push({
      concurrency: connections,
      requests: result.requests.total,
      non2xx: result.non2xx,
      failures,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      rps: Math.round(result.requests.average),
    });
  }
  const requests = samples.map((s) => s.dynamoDbRequests).sort((a, b) => a - b);
  const dynamoDbRequestsP99 = requests[Math.ceil(requests.length * 0.99) - 1] ?? 0;
  const dynamoDbRequestsMax = requests.at(-1) ?? 0;
  const overheadP50Ms = median(samples.map((s) => s.functionMs - s.dynamoDbMs));
  const targetMisses: string[] = [];
  const { maxDynamoDbRequests, maxOverheadP50Ms } = operation.targets ?? {};
  if (maxDynamoDbRequests !== undefined && dynamoDbRequestsP99 > maxDynamoDbRequests) {
    targetMisses.push(`${dynamoDbRequestsP99} DynamoDB requests (p99) > ${maxDynamoDbRequests}`);
  }
  if (maxOverheadP50Ms !== undefined && overheadP50Ms > maxOverheadP50Ms) {
    targetMisses.push(`overhead p50 ${overheadP50Ms.toFixed(2)} ms > ${maxOverheadP50Ms} ms`);
  }
  for (const run of runs) {
    if (run.non2xx > 0) targetMisses.push(`non-2xx responses at c=${run.concurrency}: ${JSON.stringify(run.failures)}`);
  }
  return {
    operation: operation.name,
    runs,
    dynamoDbRequestsP99,
    dynamoDbRequestsMax,
    overheadP50Ms,
    dynamoDbP50Ms: median(samples.map((s) => s.dynamoDbMs)),
    targetMisses,
  } satisfies OperationFigures;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'finestreta-bench-'));
  const stack = await startLocalStack({
    dataDir,
    inMemory: true,
    ports: await freePorts(),
    meter: true,
    functionLogLevel: 'WARN',
    filingLimits: UNLIMITED_FILING,
    schedules: false,
  });
  const tokens = new Map<string, Promise<string>>();
  const context: BenchContext = {
    endpoints: stack.endpoints,
    token: (role) => {
      const user = stack.endpoints.demoUsers.find((u) => u.role === role);
      if (!user) throw new Error(`No demo user ${role}`);
      const cached =
        tokens.get(role) ??
        signIn(stack.endpoints.services.cognito, stack.endpoints.userPoolClientId, user.email, user.password).then(
          (t) => t.accessToken,
        );
      tokens.set(role, cached);
      return cached;
    },
  };
  const operations: OperationFigures[] = [];
  let sweeper: SweeperFigures | undefined;
  let monthlyReport: MonthlyReportFigures | undefined;
  let formRequest: FormRequestFigures | undefined;
  try {
    for (const operation of OPERATIONS.filter((o) => selected(o.name))) {
      process.stdout.write(`· ${operation.name}\n`);
      operations.push(await drive(stack.endpoints.apiUrl, operation, context));
    }
    if (selected('sweeper')) {
      process.stdout.write('· sweeper over 10 000 open tickets\n');
      sweeper = await measureSweeper(stack.endpoints);
    }
    if (selected('monthly report')) {
      process.stdout.write('· items read by the monthly report of 10 000 tickets\n');
      monthlyReport = await measureMonthlyReport(context);
    }
    if (selected('form request')) {
      process.stdout.write('· a form request through its seven steps\n');
      formRequest = await measureFormRequest(context);
      console.table([
        {
          workflow: 'form request, no loops',
          steps: formRequest.steps,
          'state transitions': formRequest.stateTransitions,
          target: `≤ ${MAX_STATE_TRANSITIONS}`,
          execution: formRequest.executionStatus,
          'API ms, all steps': Math.round(formRequest.ms),
          targets: formRequest.targetMisses.length ? formRequest.targetMisses.join('; ') : 'ok',
        },
      ]);
    }
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  // With the stack stopped, so no emulator competes with the imports being timed.
  let portal: PortalFigures | undefined;
  if (selected('portal')) {
    process.stdout.write('· portal JavaScript\n');
    portal = measurePortal();
    console.table([
      ...portal.initial.map((entry) => ({ script: entry.file, loaded: 'first visit', 'KB gzip': entry.gzipKb })),
      ...portal.chunks.map((entry) => ({ script: entry.file, loaded: 'its route', 'KB gzip': entry.gzipKb })),
    ]);
    process.stdout.write(
      `  initial JS ${portal.initialGzipKb} KB gzip (≤ ${INITIAL_JS_BUDGET_KB}), CSS ${portal.cssGzipKb} KB gzip\n`,
    );
  }
  let bundles: Awaited<ReturnType<typeof measureBundles>> = [];
  if (selected('cold imports')) {
    process.stdout.write('· cold imports\n');
    bundles = await measureBundles();
  }
  report(operations, bundles, sweeper, monthlyReport);
  const misses = [
    ...operations,
    ...bundles.map((b) => ({ operation: `bundle ${b.function}`, ...b })),
    ...(sweeper ? [{ operation: 'sweeper', ...sweeper }] : []),
    ...(monthlyReport ? [{ operation: 'monthly report items', ...monthlyReport }] : []),
    ...(formRequest ? [{ operation: 'form request', ...formRequest }] : []),
    ...(portal ? [{ operation: 'portal', ...portal }] : []),
  ]
    .filter((o) => o.targetMisses.length > 0)
    .map((o) => `${o.operation}: ${o.targetMisses.join('; ')}`);
  const results = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    targetMisses: misses,
    operations,
    sweeper,
    monthlyReport,
    formRequest,
    portal,
    bundles,
  };
  if (ONLY.length === 0) {
    writeFileSync(resolve(import.meta.dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  } else {
    process.stdout.write(`Only ${ONLY.join(', ')}: bench/results.json left as it was.\n`);
  }
  for (const miss of misses) console.error(`✗ ${miss}`);
  if (misses.length > 0) process.exitCode = 1;
}

function report(
  operations: OperationFigures[],
  bundles: Awaited<ReturnType<typeof measureBundles>>,
  sweeper: SweeperFigures | undefined,
  monthlyReport: MonthlyReportFigures | undefined,
) {
  const rows = operations.map((o) => {
    const [c1, c16] = o.runs;
    return {
      operation: o.operation,
      'ddb req p99': o.dynamoDbRequestsP99,
      'ddb req max': o.dynamoDbRequestsMax,
      'c1 p50 ms': c1?.p50Ms,
      'c1 p99 ms': c1?.p99Ms,
      'c16 p50 ms': c16?.p50Ms,
      'c16 p99 ms': c16?.p99Ms,
      'c16 rps': c16?.rps,
      'ddb p50 ms': o.dynamoDbP50Ms.toFixed(2),
      'overhead p50 ms': o.overheadP50Ms.toFixed(2),
      targets: o.targetMisses.length ? o.targetMisses.join('; ') : 'ok',
    };
  });
  if (rows.length > 0) console.table(rows);
  if (sweeper) {
    console.table([
      {
        job: 'sweeper',
        'open tickets': sweeper.open,
        'due tickets': sweeper.due,
        'ddb req': sweeper.dynamoDbRequests,
        'ddb req, re-run': sweeper.rerunDynamoDbRequests,
        ms: Math.round(sweeper.ms),
        targets: sweeper.targetMisses.length ? sweeper.targetMisses.join('; ') : 'ok',
      },
    ]);
  }
  if (monthlyReport) {
    console.table([
      {
        read: `monthly report ${monthlyReport.organisationId} ${monthlyReport.month}`,
        tickets: monthlyReport.tickets,
        'counter items': monthlyReport.counterItems,
        'backlog items': monthlyReport.backlogItems,
        'items read': monthlyReport.itemsRead,
        'items bound': monthlyReport.maxItemsRead,
        'ddb req': monthlyReport.dynamoDbRequests,
        'cold: items, req': `${monthlyReport.cold.itemsRead}, ${monthlyReport.cold.dynamoDbRequests}`,
        'handler p50 ms': monthlyReport.handlerP50Ms.toFixed(1),
        targets: monthlyReport.targetMisses.length ? monthlyReport.targetMisses.join('; ') : 'ok',
      },
    ]);
  }
  if (bundles.length > 0) {
    console.table(
      bundles.map((b) => ({
        function: b.function,
        'bundle KiB': (b.bytes / 1024).toFixed(1),
        'size × baseline': b.sizeRatio?.toFixed(2) ?? '1',
        'cold import ms': b.coldImportMs.toFixed(1),
        'import × baseline': b.importRatio?.toFixed(2) ?? '1',
        targets: b.targetMisses.length ? b.targetMisses.join('; ') : 'ok',
      })),
    );
  }
}

await main();
