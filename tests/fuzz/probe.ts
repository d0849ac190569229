import type { RouteSpec } from '../../contracts/http';
import { ROUTES } from '../../contracts/routes';
import { endpoints } from '../support/api';
import type { Callers } from './callers';
import { type Answer, closeConnections, crashes, mislabels, type RawRequest, send } from './client';
import type { FuzzRequest } from './contract';
import { asHeaderValue } from './hostile';
import { changes, type Snapshot, tableOf } from './table';

export interface Outcome {
  readonly raw: RawRequest;
  readonly answer: Answer;
  /** No answer, or a 5xx. */
  readonly crashes: readonly string[];
  /** What a rejected request, or the replay of a retry, changed in the table. */
  readonly writes: readonly string[];
  /** Missing security headers, or a 4xx neither problem+json nor the gateway's own. */
  readonly mislabels: readonly string[];
}

const excerpt = (text: string, length = 400) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** The broken promises, then the request and answer, as a failure message. */
export function report(outcome: Outcome, caller: string, broken: readonly string[]): string {
  const { raw, answer } = outcome;
  const { authorization: _authorization, ...headers } = raw.headers;
  return [
    ...broken,
    `request: ${raw.method} ${excerpt(raw.path, 200)}`,
    `  caller: ${caller}`,
    `  headers: ${excerpt(JSON.stringify(headers))}`,
    ...(raw.body !== undefined ? [`  body: ${excerpt(JSON.stringify(raw.body.toString()))}`] : []),
    `answer: ${answer.status} ${JSON.stringify(answer.headers)}`,
    `  ${excerpt(answer.text)}`,
  ].join('\n');
}

/**
 * Sends fuzz requests and checks what came back, the table included: the whole table is
 * snapshotted after each request, and a rejected one must leave it as the previous snapshot.
 */
export async function openProbe(callers: Callers, gatewayStatuses: ReadonlySet<number>) {
  const e = endpoints();
  const table = tableOf(e.services.dynamodb, e.region, e.tableName);
  let current: Snapshot = await table.snapshot();

  /** The request as bytes on the wire: path and query as generated, the caller's credentials, the body. */
  const onTheWire = (method: string, template: string, request: FuzzRequest): RawRequest => {
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => request.params[name] ?? '');
    const query = request.query.map(([name, value]) => `${name}=${value}`).join('&');
    const authorization = callers.authorization[request.caller];
    const generated: Record<string, string> = {
      ...request.headers,
      ...(request.body?.contentType !== undefined ? { 'content-type': request.body.contentType } : {}),
    };
    const headers = Object.fromEntries(Object.entries(generated).map(([name, value]) => [name, asHeaderValue(value)]));
    const { json, raw } = request.body ?? {};
    return {
      method,
      path: query ? `${path}?${query}` : path,
      headers: { ...headers, ...(authorization !== undefined ? { authorization } : {}) },
      ...(raw !== undefined ? { body: Buffer.from(raw) } : json !== undefined ? { body: JSON.stringify(json) } : {}),
    };
  };

  /** One exchange; `quiet` answers must leave the table as it was (rejections, and replays of a retry). */
  const exchange = async (raw: RawRequest, quiet: (answer: Answer) => boolean, cacheSeconds?: number) => {
    const answer = await send(e.apiUrl, raw).catch(
      (error: Error): Answer => ({ status: 0, headers: {}, text: `no answer: ${error.message}` }),
    );
    const after = await table.snapshot();
    const changed = quiet(answer) ? changes(current, after) : [];
    current = after;
    return {
      answer,
      crashes: crashes(answer),
      writes:
        changed.length > 0
          ? [
              `answered ${answer.status}, yet changed ${changed.length} item(s):`,
              ...changed.slice(0, 4).map((item) => `  ${excerpt(item, 300)}`),
            ]
          : [],
      mislabels: answer.status === 0 ? [] : mislabels(answer, gatewayStatuses, cacheSeconds),
    };
  };

  return {
    /**
     * Sends the request; one that carries an Idempotency-Key and succeeds is sent once more, as
     * a client's retry: the replay must keep the same promises and write nothing.
     */
    async send(method: string, template: string, request: FuzzRequest): Promise<Outcome> {
      const raw = onTheWire(method, template, request);
      const { publicCacheSeconds } =
        (ROUTES as Readonly<Record<string, RouteSpec | undefined>>)[`${method} ${template}`] ?? {};
      const first = await exchange(raw, (answer) => answer.status >= 400, publicCacheSeconds);
      const succeeded = first.answer.status >= 200 && first.answer.status < 300;
      if (!succeeded || raw.headers['idempotency-key'] === undefined) return { raw, ...first };
      const retry = await exchange(raw, () => true, publicCacheSeconds);
      const asRetry = (problems: readonly string[]) =>
        problems.map((problem) => `retry with the same Idempotency-Key (${retry.answer.status}): ${problem}`);
      return {
        raw,
        answer: first.answer,
        crashes: [...first.crashes, ...asRetry(retry.crashes)],
        writes: [...first.writes, ...asRetry(retry.writes)],
        mislabels: [...first.mislabels, ...asRetry(retry.mislabels)],
      };
    },
    close() {
      closeConnections();
      table.close();
    },
  };
}
