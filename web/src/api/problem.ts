/**
 * The API's errors (RFC 9457 problem+json) as one typed error the forms use, and the mapping of
 * its `errors[].path` ("fields.nationalId", "subject") to the form's fields. Pure: unit-tested in
 * tests/unit/web/problem.test.ts.
 */

export interface FieldProblem {
  path: string;
  message: string;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
}

/** Status 0: the API could not be reached. */
export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldProblem[];

  constructor(status: number, body: ProblemBody | undefined) {
    super(body?.detail ?? body?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = body?.title ?? '';
    this.detail = body?.detail;
    this.errors = Array.isArray(body?.errors) ? body.errors.filter(isFieldProblem) : [];
  }
}

const isFieldProblem = (value: unknown): value is FieldProblem =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FieldProblem).path === 'string' &&
  typeof (value as FieldProblem).message === 'string';

/** Reads whatever came back as a problem body (problem+json, a gateway's `{ message }`, nothing). */
export function toProblemBody(value: unknown): ProblemBody | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const body = value as ProblemBody & { message?: unknown };
  return typeof body.message === 'string' && !body.title ? { ...body, title: body.message } : body;
}

/** The DOM id of the control for an input path: "fields.nationalId" → "f-fields-nationalId". */
export const fieldId = (path: string): string => `f-${path.replace(/[^A-Za-z0-9_-]+/g, '-')}`;

/** Errors by input path: what the form shows at each field. */
export type FieldErrors = Record<string, string>;

/** One line of the error summary: a link to the field, or plain text when no field matches. */
export interface SummaryItem {
  message: string;
  href?: string;
}

/**
 * The API's errors on this form. A path the form has no control for (a nested path such as
 * "callback.date.0", or one the form does not show) is attached to the nearest shown ancestor,
 * else kept for the summary without a link, so no message is ever lost.
 */
export function mapProblem(
  errors: readonly FieldProblem[],
  shownPaths: readonly string[],
): { fields: FieldErrors; unplaced: string[] } {
  const fields: FieldErrors = {};
  const unplaced: string[] = [];
  for (const { path, message } of errors) {
    const target = nearestShown(path, shownPaths);
    if (target === undefined) unplaced.push(message);
    else if (!fields[target]) fields[target] = message;
  }
  return { fields, unplaced };
}

function nearestShown(path: string, shownPaths: readonly string[]): string | undefined {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    if (shownPaths.includes(candidate)) return candidate;
  }
  return undefined;
}

/** The summary in the order the fields appear on the page, then the messages without a field. */
export function summaryItems(fields: FieldErrors, shownPaths: readonly string[], unplaced: readonly string[] = []) {
  const items: SummaryItem[] = [];
  for (const path of shownPaths) {
    const message = fields[path];
    if (message) items.push({ message, href: `#${fieldId(path)}` });
  }
  for (const path of Object.keys(fields)) {
    if (!shownPaths.includes(path)) items.push({ message: fields[path] as string });
  }
  for (const message of unplaced) items.push({ message });
  return items;
}
