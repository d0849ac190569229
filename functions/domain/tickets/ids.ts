import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Ids } from './ports';

/** Orders ids made in the same millisecond by the same instance (e.g. several history entries of one change). */
let sequence = 0;

/** Random ids and guest tokens; the token has 256 bits so it cannot be guessed. */
export const cryptoIds: Ids = {
  ticketId: () => randomUUID(),
  sortableId: (at) => {
    sequence = (sequence + 1) % 1_679_616; // 36^4
    return `${at.toISOString()}#${sequence.toString(36).padStart(4, '0')}${randomBytes(3).toString('hex')}`;
  },
  accessToken: () => randomBytes(32).toString('base64url'),
  hash: (token) => createHash('sha256').update(token).digest('hex'),
};
