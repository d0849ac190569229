import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { RESPONSES } from '../../../contracts/responses';
import type { RouteKey } from '../../../contracts/routes';
import type * as z from '../../../contracts/zod';

export type HttpResult = APIGatewayProxyStructuredResultV2;

/** A handler's answer before it becomes JSON: status, body and extra headers. */
export interface Reply<S extends number = number, B = unknown> {
  readonly status: S;
  readonly body: B;
  readonly headers?: Readonly<Record<string, string>>;
}

type Responses<K extends RouteKey> = (typeof RESPONSES)[K];
type BodyOf<T> =
  | (T extends { readonly schema: infer S extends z.ZodMiniType } ? z.output<S> : unknown)
  | (T extends { readonly text: object } ? TextBody : never);

/** A body sent as it is, in its own media type (a report as CSV), instead of JSON. */
export interface TextBody {
  readonly mediaType: string;
  readonly text: string;
}
const isText = (body: unknown): body is TextBody =>
  typeof body === 'object' && body !== null && typeof (body as TextBody).text === 'string' && 'mediaType' in body;

/** The replies a route may give: one of its documented statuses, with a body of that status's schema. */
export type RouteReply<K extends RouteKey> = {
  [S in keyof Responses<K> & number]: Reply<S, BodyOf<Responses<K>[S]>>;
}[keyof Responses<K> & number];

export const reply = <S extends number, B>(status: S, body: B, headers?: Record<string, string>): Reply<S, B> => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

export const ok = <B>(body: B, headers?: Record<string, string>) => reply(200, body, headers);

export const created = <B>(body: B, location: string) => reply(201, body, { location });

export function toHttpResult(answer: Reply): HttpResult {
  if (isText(answer.body)) {
    return {
      statusCode: answer.status,
      headers: { 'content-type': answer.body.mediaType, ...answer.headers },
      body: answer.body.text,
    };
  }
  return {
    statusCode: answer.status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...answer.headers },
    body: JSON.stringify(answer.body),
  };
}
