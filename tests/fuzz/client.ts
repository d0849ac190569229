import { Agent, request } from 'node:http';
import { SECURITY_HEADERS } from '../../contracts/http';

/**
 * One request exactly as the fuzz means it: `node:http` sends the path byte for byte (fetch
 * would normalize `%`, `%ZZ` or `..`) and any header value Node lets through.
 */
export interface RawRequest {
  readonly method: string;
  /** Path and query, already encoded (or deliberately mis-encoded). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

export function send(baseUrl: string, raw: RawRequest): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  const body = raw.body === undefined ? undefined : Buffer.isBuffer(raw.body) ? raw.body : Buffer.from(raw.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        hostname,
        port,
        method: raw.method,
        path: raw.path,
        headers: { ...raw.headers, ...(body ? { 'content-length': String(body.byteLength) } : {}) },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${raw.method} ${raw.path} took over 30 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

export const closeConnections = () => agent.destroy();

const header = (answer: Answer, name: string) => [answer.headers[name] ?? ''].flat().join(',');

function json(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whatever was sent: an answer, and never a 5xx. */
export function crashes(answer: Answer): string[] {
  if (answer.status === 0) return [answer.text];
  return answer.status >= 500 ? [`status ${answer.status}`] : [];
}

/**
 * How every answer is labelled: the security headers, `no-store` unless it is a success of a
 * route the contract marks as public content; a 4xx is RFC 9457 problem+json from a function,
 * or API Gateway's own `{ "message" }` with a status the gateway answers itself.
 */
export function mislabels(
  answer: Answer,
  gatewayStatuses: ReadonlySet<number>,
  publicCacheSeconds: number | undefined,
): string[] {
  const wrong: string[] = [];
  const cacheable = publicCacheSeconds !== undefined && answer.status >= 200 && answer.status < 300;
  const expected = {
    ...SECURITY_HEADERS,
    ...(cacheable ? { 'cache-control': `public, max-age=${publicCacheSeconds}` } : {}),
  };
  for (const [name, value] of Object.entries(expected)) {
    if (header(answer, name) !== value) wrong.push(`${name} is ${JSON.stringify(header(answer, name))}, not ${value}`);
  }
  if (answer.status >= 400 && answer.status < 500) {
    const type = header(answer, 'content-type').split(';')[0]?.trim();
    const body = json(answer.text) as Record<string, unknown> | undefined;
    const problem =
      type === 'application/problem+json' &&
      body?.status === answer.status &&
      typeof body.type === 'string' &&
      typeof body.title === 'string';
    const gateway =
      gatewayStatuses.has(answer.status) && type === 'application/json' && typeof body?.message === 'string';
    if (!problem && !gateway) {
      wrong.push(
        `${answer.status} is neither problem+json (type, title, status) nor a gateway { message } ` +
          `(${[...gatewayStatuses].join(', ')})`,
      );
    }
  }
  return wrong;
}
