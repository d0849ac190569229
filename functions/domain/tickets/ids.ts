import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Ids } from './ports';

/** Random ids and guest tokens; the token has 256 bits so it cannot be guessed. */
export const cryptoIds: Ids = {
  ticketId: () => randomUUID(),
  sortableId: (at) => `${at.toISOString()}#${randomBytes(4).toString('hex')}`,
  accessToken: () => randomBytes(32).toString('base64url'),
  hash: (token) => createHash('sha256').update(token).digest('hex'),
};
