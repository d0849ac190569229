import { createHash, createHmac } from 'node:crypto';
import { HttpRequest } from '@smithy/core/protocols';
import { SignatureV4 } from '@smithy/signature-v4';

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytes = (data: SourceData): string | Uint8Array =>
  typeof data === 'string'
    ? data
    : ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);

/** SHA-256 and HMAC-SHA256 from node:crypto, as the SigV4 signer wants them. */
class Sha256 {
  private readonly hash;
  constructor(secret?: SourceData) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

const signer = new SignatureV4({
  service: 'states',
  region: 'eu-west-1',
  sha256: Sha256,
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

export interface SfnAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** One SigV4-signed call in the Step Functions JSON 1.0 protocol, as the handlers make theirs. */
export async function sfnCall(endpoint: string, action: string, body: object): Promise<SfnAnswer> {
  const url = new URL(endpoint);
  const request = new HttpRequest({
    method: 'POST',
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    headers: {
      host: url.host,
      'content-type': 'application/x-amz-json-1.0',
      'x-amz-target': `AWSStepFunctions.${action}`,
    },
    body: JSON.stringify(body),
  });
  const signed = await signer.sign(request);
  const response = await fetch(url, {
    method: 'POST',
    headers: signed.headers as Record<string, string>,
    body: request.body,
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
