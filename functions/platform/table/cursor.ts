import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { readEnv } from '../env';
import { ValidationFailed } from '../kernel/errors';

/**
 * Cursors are the last key of a page, sealed with AES-256-GCM under a key the stack creates
 * (Secrets Manager, passed in the environment). Clients cannot read them (table keys hold
 * ticket and user ids), forge them, or replay one elsewhere: the scope (who reads, which
 * list, which filters) is authenticated data, so a cursor opens only for the query that made
 * it. Anything else is a 400, never a 500.
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

let key: Buffer | undefined;
/** The stack's secret is high-entropy text; a labelled hash turns it into an AES-256 key. */
const sealingKey = () =>
  (key ??= createHash('sha256').update('finestreta/cursor/v1\0').update(readEnv('cursorKey').cursorKey).digest());

const invalid = () =>
  new ValidationFailed([{ path: 'query.cursor', message: 'Invalid cursor.' }], 'The cursor is not valid.');

export function encodeCursor(lastKey: Record<string, unknown> | undefined, scope: string): string | null {
  if (!lastKey) return null;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', sealingKey(), iv).setAAD(Buffer.from(scope, 'utf8'));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(lastKey), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/**
 * The key a cursor sealed for `scope` holds; it must still name exactly `keyNames`, each a
 * non-empty string, and point into the partition being read (`expected`).
 */
export function decodeCursor(
  cursor: string | undefined,
  scope: string,
  expected: Readonly<Record<string, string>>,
  keyNames: readonly string[],
): Record<string, string> | undefined {
  if (cursor === undefined) return undefined;
  const bytes = Buffer.from(cursor, 'base64url');
  if (bytes[0] !== VERSION || bytes.byteLength <= 1 + IV_BYTES + TAG_BYTES) throw invalid();
  let key: unknown;
  try {
    const decipher = createDecipheriv('aes-256-gcm', sealingKey(), bytes.subarray(1, 1 + IV_BYTES))
      .setAAD(Buffer.from(scope, 'utf8'))
      .setAuthTag(bytes.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    key = JSON.parse(plain.toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw invalid();
  const record = key as Record<string, unknown>;
  const wellFormed =
    Object.keys(record).length === keyNames.length &&
    keyNames.every((name) => typeof record[name] === 'string' && (record[name] as string).length > 0) &&
    Object.entries(expected).every(([name, value]) => record[name] === value);
  if (!wellFormed) throw invalid();
  return record as Record<string, string>;
}
