import { ValidationFailed } from '../kernel/errors';

/**
 * Cursors are the last key of a page, base64url JSON, accepted back only if they point into
 * the partition being read; anything else is a 400, never a 500.
 */
export const encodeCursor = (lastKey: Record<string, unknown> | undefined): string | null =>
  lastKey ? Buffer.from(JSON.stringify(lastKey), 'utf8').toString('base64url') : null;

export function decodeCursor(
  cursor: string | undefined,
  expected: Readonly<Record<string, string>>,
  keyNames: readonly string[],
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const invalid = new ValidationFailed(
    [{ path: 'query.cursor', message: 'Invalid cursor.' }],
    'The cursor is not valid.',
  );
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalid;
  const record = key as Record<string, unknown>;
  const names = Object.keys(record);
  const wellFormed =
    names.length === keyNames.length &&
    keyNames.every((name) => typeof record[name] === 'string' && (record[name] as string).length > 0) &&
    Object.entries(expected).every(([name, value]) => record[name] === value);
  if (!wellFormed) throw invalid;
  return record as Record<string, string>;
}
