import { beforeAll, describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../functions/platform/kernel/errors';
import { decodeCursor, encodeCursor } from '../../../functions/platform/table/cursor';

const KEY_NAMES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
const mine = { gsi1pk: 'REQUESTER#u1' };
const scope = 'REQUESTER#u1|status=';
const lastKey = { pk: 'TICKET#t1', sk: '#TICKET', gsi1pk: 'REQUESTER#u1', gsi1sk: '2026-11-24T10:00:00.000Z#t1' };
const plainJson = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

beforeAll(() => {
  process.env.CURSOR_KEY = 'unit-test-cursor-secret-of-enough-entropy-0123456789';
});

describe('list cursors', () => {
  it('round-trip the last key of a page, and say there is no next page when there is none', () => {
    expect(decodeCursor(encodeCursor(lastKey, scope) ?? undefined, scope, mine, KEY_NAMES)).toEqual(lastKey);
    expect(encodeCursor(undefined, scope)).toBeNull();
  });

  it('are opaque: no table key, ticket id or user id can be read from them', () => {
    const cursor = encodeCursor(lastKey, scope) ?? '';
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');
    for (const secret of ['TICKET', 't1', 'u1', 'REQUESTER', '2026']) expect(decoded).not.toContain(secret);
    expect(encodeCursor(lastKey, scope)).not.toBe(cursor);
  });

  it('open only for the caller and query they were made for', () => {
    const cursor = encodeCursor(lastKey, scope) ?? undefined;
    expect(() => decodeCursor(cursor, 'REQUESTER#u2|status=', { gsi1pk: 'REQUESTER#u2' }, KEY_NAMES)).toThrow(
      ValidationFailed,
    );
    expect(() => decodeCursor(cursor, 'REQUESTER#u1|status=open', mine, KEY_NAMES)).toThrow(ValidationFailed);
  });

  it('are refused with a 400, never a 500, when tampered with or forged', () => {
    const cursor = encodeCursor(lastKey, scope) ?? '';
    const bytes = Buffer.from(cursor, 'base64url');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1] = (flipped.at(-1) ?? 0) ^ 1;
    for (const forged of [
      '',
      'not-base64-json',
      plainJson(lastKey),
      plainJson('a string'),
      flipped.toString('base64url'),
      bytes.subarray(0, 20).toString('base64url'),
      Buffer.concat([Buffer.of(2), bytes.subarray(1)]).toString('base64url'),
      `${cursor}AA`,
    ]) {
      expect(() => decodeCursor(forged, scope, mine, KEY_NAMES), forged).toThrow(ValidationFailed);
    }
  });

  it('still refuse a genuine cursor whose key does not point into the list being read', () => {
    const foreign = encodeCursor({ ...lastKey, gsi1pk: 'REQUESTER#u2' }, scope) ?? undefined;
    expect(() => decodeCursor(foreign, scope, mine, KEY_NAMES)).toThrow(ValidationFailed);
    const malformed = encodeCursor({ ...lastKey, sk: 42 }, scope) ?? undefined;
    expect(() => decodeCursor(malformed, scope, mine, KEY_NAMES)).toThrow(ValidationFailed);
  });
});
