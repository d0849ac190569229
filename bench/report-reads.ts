/**
 * Calls the monthly report's handler as API Gateway would (the claims of a real access token, as
 * its JWT authorizer passes them) and counts, per call, the DynamoDB requests and the items they
 * read. The count is an SDK middleware on the functions' DynamoDB client, as the local Lambda
 * host's request meter is (lib/local/lambda-runtime.ts), which also reads each response: a Query
 * reads its `ScannedCount` items, a GetItem its item if there is one. Runs in a worker with the
 * functions' environment (lib/local/run-as-function.ts), a function instance of its own: the
 * first call loads the catalogue, the ones after find it cached, as a warm instance does.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { MonthlyReport } from '../contracts/reports-views';
import { dynamoDb } from '../functions/platform/table/client';
import { handler } from '../functions/reports/api/monthly';

export interface ReportReadsInput {
  /** An access token of an admin, and the organisation and month to report on. */
  readonly token: string;
  readonly organisationId: string;
  readonly month: string;
  readonly calls: number;
}

export interface ReportCall {
  readonly status: number;
  readonly dynamoDbRequests: number;
  readonly itemsRead: number;
  readonly ms: number;
  /** Tickets received in the month, as the report says: the month is the one loaded. */
  readonly received?: number;
}

interface Meter {
  requests: number;
  items: number;
}

/** What a read's response says of the items it read: Query and Scan, GetItem, TransactGetItems, BatchGetItem. */
interface ReadOutput {
  readonly ScannedCount?: number;
  readonly Item?: unknown;
  readonly Responses?: unknown;
}

/** Items a DynamoDB response read (before any filter: what DynamoDB reads and charges for). */
function itemsIn(output: ReadOutput): number {
  if (typeof output.ScannedCount === 'number') return output.ScannedCount;
  if ('Item' in output) return output.Item ? 1 : 0;
  const responses = output.Responses;
  if (Array.isArray(responses)) return responses.filter((entry) => (entry as { Item?: unknown }).Item).length;
  if (responses && typeof responses === 'object') {
    return Object.values(responses).reduce((sum: number, items) => sum + (items as unknown[]).length, 0);
  }
  return 0;
}

/** Claims as the HTTP API JWT authorizer hands them to Lambda: the token's payload, arrays flattened to `[a b]`. */
function claimsOf(token: string): Record<string, string | number | boolean> {
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
  const claims: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[key] = `[${value.join(' ')}]`;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') claims[key] = value;
  }
  return claims;
}

function eventFor({ token, organisationId, month }: ReportReadsInput): APIGatewayProxyEventV2 {
  const query = { month, organisationId };
  const now = new Date();
  return {
    version: '2.0',
    routeKey: 'GET /reports/monthly',
    rawPath: '/reports/monthly',
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
    queryStringParameters: query,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'local',
      http: {
        method: 'GET',
        path: '/reports/monthly',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: randomUUID(),
      routeKey: 'GET /reports/monthly',
      stage: '$default',
      time: now.toUTCString(),
      timeEpoch: now.getTime(),
      authorizer: { jwt: { claims: claimsOf(token), scopes: null } },
    } as APIGatewayProxyEventV2['requestContext'],
    isBase64Encoded: false,
  };
}

const context = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'reports',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:reports',
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/reports',
  logStreamName: 'local',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

export default async function read(input: ReportReadsInput): Promise<ReportCall[]> {
  let meter: Meter | undefined;
  dynamoDb.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      if (meter) {
        meter.requests += 1;
        meter.items += itemsIn(result.output as ReadOutput);
      }
      return result;
    },
    { step: 'initialize', priority: 'high', name: 'benchItemsMeter' },
  );
  const calls: ReportCall[] = [];
  for (let call = 0; call < input.calls; call++) {
    const counted: Meter = { requests: 0, items: 0 };
    meter = counted;
    const started = performance.now();
    const response = await handler(eventFor(input), context());
    const ms = performance.now() - started;
    meter = undefined;
    const status = response.statusCode ?? 0;
    const report = status === 200 ? (JSON.parse(String(response.body)) as MonthlyReport) : undefined;
    calls.push({
      status,
      dynamoDbRequests: counted.requests,
      itemsRead: counted.items,
      ms,
      ...(report ? { received: report.received.total } : {}),
    });
  }
  return calls;
}
