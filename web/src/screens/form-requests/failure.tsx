/**
 * An API failure on a form: the field problems placed at their controls (by the API's path), the
 * rest in the summary. The API's titles come in the reader's language; its field messages and
 * details are English, and are marked so.
 */
import { ApiError, type FieldErrors, fieldId } from '../../api/problem';
import { ApiWords, type FrTranslate, type ProblemLine } from './common';

export interface Failure {
  /** Messages by the form's paths. */
  fields: FieldErrors;
  /** Lines for the summary that have no field. */
  lines: ProblemLine[];
}

function nearest(path: string, shown: readonly string[]): string | undefined {
  const segments = path.split('.');
  for (let length = segments.length; length > 0; length -= 1) {
    const candidate = segments.slice(0, length).join('.');
    if (shown.includes(candidate)) return candidate;
  }
  return undefined;
}

export function failureOf(error: unknown, shown: readonly string[], t: FrTranslate): Failure {
  const fields: FieldErrors = {};
  const lines: ProblemLine[] = [];
  if (!(error instanceof ApiError)) return { fields, lines: [{ key: 'generic', content: t('error.generic') }] };
  if (error.status === 0) return { fields, lines: [{ key: 'network', content: t('error.network') }] };
  if (error.status === 401) return { fields, lines: [{ key: 'session', content: t('error.session') }] };
  for (const [index, problem] of error.errors.entries()) {
    const target = nearest(problem.path, shown);
    if (target && !fields[target]) fields[target] = problem.message;
    else lines.push({ key: `p${index}`, content: <ApiWords text={problem.message} /> });
  }
  if (error.errors.length === 0) {
    lines.push({
      key: 'title',
      content: (
        <>
          {error.title || t('error.generic')}
          {error.detail ? (
            <>
              {': '}
              <ApiWords text={error.detail} />
            </>
          ) : null}
        </>
      ),
    });
  }
  return { fields, lines };
}

/** The summary's lines: the fields' in the page's order (linked), then the others. */
export function summaryLines(
  fields: FieldErrors,
  shown: readonly string[],
  api: FieldErrors,
  others: readonly ProblemLine[],
): ProblemLine[] {
  const lines: ProblemLine[] = [];
  for (const path of shown) {
    const own = fields[path];
    const fromApi = api[path];
    if (own) lines.push({ key: path, content: own, target: fieldId(path) });
    else if (fromApi) lines.push({ key: path, content: <ApiWords text={fromApi} />, target: fieldId(path) });
  }
  return [...lines, ...others];
}
