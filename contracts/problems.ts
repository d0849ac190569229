import * as z from 'zod/mini';

/**
 * Every error a Finestreta function answers is RFC 9457 problem+json with one of these
 * types. The kinds are the domain's error kinds; the status each maps to is fixed here.
 */
export const PROBLEM_KINDS = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  throttled: 429,
  internal: 500,
} as const;
export type ProblemKind = keyof typeof PROBLEM_KINDS;

const PROBLEM_TYPE_BASE = 'https://finestreta.dev/problems/';
export const problemType = (kind: ProblemKind): string => `${PROBLEM_TYPE_BASE}${kind.replaceAll('_', '-')}`;

export const FieldIssue = z.object({
  /** Dotted path of the offending input, e.g. `fields.nationalId` or `headers.if-match`. */
  path: z.string(),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssue>;

export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.optional(z.string()),
  errors: z.optional(z.array(FieldIssue)),
});
export type Problem = z.infer<typeof Problem>;

/**
 * What API Gateway itself answers, before any function runs: 401 from the JWT authorizer,
 * 404 for an unknown route, 413 above its payload limit, 429 when throttled.
 */
export const GatewayError = z.object({ message: z.string() });
