import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { RequestSpec } from '../../../contracts/http';
import type * as z from '../../../contracts/zod';
import { type FieldIssue, PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../kernel/errors';
import { zodIssuesOf } from '../kernel/issues';

/** Bodies above this are refused before parsing; attachments go to S3, never through the API. */
const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

type Output<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** A route's validated input, typed by its contract. */
export interface ParsedInput<Q extends RequestSpec | undefined> {
  readonly body: Output<NonNullable<Q>['body']>;
  readonly query: Output<NonNullable<Q>['query']>;
  readonly params: Output<NonNullable<Q>['params']>;
  readonly headers: Output<NonNullable<Q>['headers']>;
}

export interface ParseOptions {
  /** @default DEFAULT_MAX_BODY_BYTES */
  readonly maxBodyBytes?: number;
  /**
   * Checks that depend on data (a topic's own form) and would otherwise only run once the
   * body is valid; run when the body is invalid too, so the client gets every issue at once.
   */
  readonly bodyIssues?: (rawBody: unknown) => Promise<readonly FieldIssue[]>;
}

/** Validates path parameters, query, headers and body together, so every failing field is reported at once. */
export async function parseInput<Q extends RequestSpec | undefined>(
  spec: Q,
  event: APIGatewayProxyEventV2,
  options: ParseOptions = {},
): Promise<ParsedInput<Q>> {
  const issues: FieldIssue[] = [];
  const take = (schema: z.ZodMiniType | undefined, value: unknown, prefix: string): unknown => {
    if (!schema) return undefined;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    issues.push(...zodIssuesOf(result.error, prefix));
    return undefined;
  };
  const params = take(spec?.params, event.pathParameters ?? {}, 'params');
  const query = take(spec?.query, event.queryStringParameters ?? {}, 'query');
  const headers = take(spec?.headers, event.headers ?? {}, 'headers');
  const raw = spec?.body ? readJsonBody(event, options.maxBodyBytes) : undefined;
  const body = take(spec?.body, raw, '');
  if (issues.length > 0) {
    const more = options.bodyIssues && spec?.body && body === undefined ? await options.bodyIssues(raw) : [];
    const seen = new Set(issues.map((issue) => issue.path));
    throw new ValidationFailed([...issues, ...more.filter((issue) => !seen.has(issue.path))]);
  }
  return { body, query, params, headers } as ParsedInput<Q>;
}

function readJsonBody(event: APIGatewayProxyEventV2, maxBytes = DEFAULT_MAX_BODY_BYTES): unknown {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.byteLength > maxBytes) throw new PayloadTooLarge(`The body may not exceed ${maxBytes} bytes.`);
  const contentType = event.headers?.['content-type'] ?? '';
  if (!/^application\/(.+\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaType('Send the body as application/json.');
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ValidationFailed([{ path: '', message: 'The body is not valid JSON.' }], 'The body is not valid JSON.');
  }
}
