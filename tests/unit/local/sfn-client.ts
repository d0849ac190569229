import { signedFetch } from '../../../functions/platform/aws';

export interface SfnAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One SigV4-signed call in the Step Functions JSON 1.0 protocol, by the handlers' own signed fetch. */
export async function sfnCall(endpoint: string, action: string, body: object): Promise<SfnAnswer> {
  const response = await signedFetch('states', `${endpoint.replace(/\/$/, '')}/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${action}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

export interface HistoryEvent {
  readonly id: number;
  readonly previousEventId: number;
  readonly timestamp: number;
  readonly type: string;
  readonly [details: string]: unknown;
}

/** Every event of an execution's history, page after page. */
export async function historyOf(endpoint: string, executionArn: string, maxResults = 1000): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const { status, body } = await sfnCall(endpoint, 'GetExecutionHistory', {
      executionArn,
      maxResults,
      ...(nextToken ? { nextToken } : {}),
    });
    if (status !== 200) throw new Error(`GetExecutionHistory: ${JSON.stringify(body)}`);
    events.push(...(body.events as HistoryEvent[]));
    nextToken = body.nextToken as string | undefined;
  } while (nextToken);
  return events;
}
