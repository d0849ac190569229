import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock, Ids } from './kernel/ports';

/** Orders ids made in the same millisecond by the same instance (e.g. several history entries of one change). */
let sequence = 0;

export const cryptoIds: Ids = {
  uuid: () => randomUUID(),
  sortableId: (at) => {
    sequence = (sequence + 1) % 1_679_616; // 36^4
    return `${at.toISOString()}#${sequence.toString(36).padStart(4, '0')}${randomBytes(3).toString('hex')}`;
  },
  secretToken: () => randomBytes(32).toString('base64url'),
  hash: (token) => createHash('sha256').update(token).digest('hex'),
};

export const systemClock: Clock = { now: () => new Date() };
