import { requireCaller } from '../http/auth';
import { httpHandler } from '../http/handler';
import { ok } from '../http/responses';
import type { Me } from './schemas/me';

/** GET /me — what the API knows of the caller, so a client can show the right screens. */
export const handler = httpHandler({}, async ({ caller, language }) => {
  const { userId, email, name, groups } = requireCaller(caller);
  const me: Me = { userId, email, name, groups: [...groups], language };
  return ok(me);
});
