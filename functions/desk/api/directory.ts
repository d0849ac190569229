import { DESK_ROUTES } from '../../../contracts/routes/desk';
import { loadCatalogue } from '../../catalogue';
import { byRoute } from '../../platform/http/handler';
import { ok } from '../../platform/http/responses';
import type { Caller } from '../../platform/kernel/caller';
import { Forbidden } from '../../platform/kernel/errors';
import { getProfile, staffOf } from '../../profiles';
import { agentsView, teamsView } from '../domain/directory';

/** The organisation the caller works for, as their stored staff profile says (read fresh). */
async function organisationOf(caller: Caller): Promise<string> {
  const organisationId = (await getProfile(caller.userId))?.staff?.organisationId;
  if (!organisationId) throw new Forbidden('You work for no organisation here.');
  return organisationId;
}

/** GET /teams and GET /agents: whom staff may forward or assign a ticket to, in their own organisation. */
export const handler = byRoute(DESK_ROUTES, {
  'GET /teams': {
    run: async ({ caller, language }) => {
      const [organisationId, catalogue] = await Promise.all([organisationOf(caller), loadCatalogue()]);
      return ok(teamsView(catalogue, organisationId, language));
    },
  },
  'GET /agents': {
    run: async ({ caller, language }) => ok(agentsView(await staffOf(await organisationOf(caller)), language)),
  },
});
