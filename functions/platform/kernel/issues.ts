import type * as z from '../../../contracts/zod';
import type { FieldIssue } from './errors';

/** Flattens zod issues to `{ path, message }`, one entry per unknown key so clients can point at each. */
export function zodIssuesOf(error: z.core.$ZodError, prefix = ''): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const base = [prefix, ...issue.path.map(String)].filter((part) => part !== '');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: [...base, key].join('.'), message: 'Unknown field.' }));
    }
    return [{ path: base.join('.'), message: issue.message }];
  });
}
