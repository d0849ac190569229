import { describe, expect, it } from 'vitest';
import { ValidationFailed } from '../../../functions/platform/kernel/errors';
import { decodeCursor, encodeCursor } from '../../../functions/platform/table/cursor';

const KEY_NAMES = ['pk', 'sk', 'gsi1pk', 'gsi1sk'];
const mine = { gsi1pk: 'REQUESTER#u1' };
const lastKey = { pk: 'TICKET#t1', sk: '#TICKET', gsi1pk: 'REQUESTER#u1', gsi1sk: '2026-11-24T10:00:00.000Z#t1' };
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('list cursors', () => {
  it('round-trip the last key of a page, and say there is no next page when there is none', () => {
    expect(decodeCursor(encodeCursor(lastKey) ?? undefined, mine, KEY_NAMES)).toEqual(lastKey);
    expect(encodeCursor(undefined)).toBeNull();
  });

  it('are refused with a 400 when they point into someone else’s list', () => {
    expect(() => decodeCursor(encode({ ...lastKey, gsi1pk: 'REQUESTER#u2' }), mine, KEY_NAMES)).toThrow(
      ValidationFailed,
    );
  });

  it('are refused with a 400, never a 500, when forged: keys removed, emptied, renamed or of another type', () => {
    const { sk: _, ...withoutSortKey } = lastKey;
    for (const forged of [
      'not-base64-json',
      encode('a string'),
      encode([lastKey]),
      encode(null),
      encode(withoutSortKey),
      encode({ ...lastKey, sk: '' }),
      encode({ ...lastKey, sk: 42 }),
      encode({ ...lastKey, extra: 'x' }),
    ]) {
      expect(() => decodeCursor(forged, mine, KEY_NAMES), forged).toThrow(ValidationFailed);
    }
  });
});
