import { describe, expect, it } from 'vitest';
import { matches } from '../../../lib/local/stream-poller';

const pattern = { eventName: ['INSERT'], dynamodb: { NewImage: { __edb_e__: { S: ['outbox'] } } } };

describe('local event-source filter', () => {
  it('passes new outbox items, as the deployed mapping filter does', () => {
    expect(matches(pattern, { eventName: 'INSERT', dynamodb: { NewImage: { __edb_e__: { S: 'outbox' } } } })).toBe(
      true,
    );
  });

  it('drops modifications and other entities', () => {
    expect(matches(pattern, { eventName: 'MODIFY', dynamodb: { NewImage: { __edb_e__: { S: 'outbox' } } } })).toBe(
      false,
    );
    expect(matches(pattern, { eventName: 'INSERT', dynamodb: { NewImage: { __edb_e__: { S: 'ticket' } } } })).toBe(
      false,
    );
    expect(matches(pattern, { eventName: 'INSERT', dynamodb: {} })).toBe(false);
  });
});
