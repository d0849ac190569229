import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { z } from 'zod';
import { type FieldIssue, PayloadTooLarge, UnsupportedMediaType, ValidationFailed } from '../domain/errors';
import { zodIssuesOf } from '../domain/issues';

/** Bodies above this are refused before parsing; attachments go to S3, never through the API. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

export interface RequestSchemas<B, Q, P> {
  readonly body?: z.ZodType<B>;
  readonly query?: z.ZodType<Q>;
  readonly params?: z.ZodType<P>;
  /** @default DEFAULT_MAX_BODY_BYTES */
  readonly maxBodyBytes?: number;
  /**
   * Checks that depend on data (a topic's own form) and would otherwise only run once the
   * body is valid; run when the body is invalid too, so the client gets every issue at once.
   */
  readonly bodyIssues?: (rawBody: unknown) => Promise<readonly FieldIssue[]>;
}

export interface ParsedInput<B, Q, P> {
  readonly body: B;
  readonly query: Q;
  readonly params: P;
}

/** Validates body, query and path parameters together, so every failing field is reported at once. */
export async function parseInput<B, Q, P>(
  schemas: RequestSchemas<B, Q, P>,
  event: APIGatewayProxyEventV2,
): Promise<ParsedInput<B, Q, P>> {
  const issues: FieldIssue[] = [];
  const take = <T>(schema: z.ZodType<T> | undefined, value: unknown, prefix: string): T => {
    if (!schema) return undefined as T;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    issues.push(...zodIssuesOf(result.error, prefix));
    return undefined as T;
  };
  const params = take(schemas.params, event.pathParameters ?? {}, 'params');
  const query = take(schemas.query, event.queryStringParameters ?? {}, 'query');
  const raw = schemas.body ? readJsonBody(event, schemas.maxBodyBytes) : undefined;
  const body = take(schemas.body, raw, '');
  if (issues.length > 0) {
    const more = schemas.bodyIssues && body === undefined && schemas.body ? await schemas.bodyIssues(raw) : [];
    const seen = new Set(issues.map((issue) => issue.path));
    throw new ValidationFailed([...issues, ...more.filter((issue) => !seen.has(issue.path))]);
  }
  return { body, query, params };
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
