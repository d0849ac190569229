import { ME_ROUTES } from '../../../contracts/routes/me';
import { byRoute } from '../../platform/http/handler';
import { ok } from '../../platform/http/responses';
import { meView } from '../domain/profile';
import { profileOf, remember } from '../resolve';
import { updateProfile } from '../store';

/** GET /me and PATCH /me: who the API takes you for, and the name and mail language you choose. */
export const handler = byRoute(ME_ROUTES, {
  'GET /me': {
    run: async ({ caller, language }) => ok(meView(await profileOf(caller, language), caller)),
  },
  'PATCH /me': {
    run: async ({ caller, language, body }) => {
      await profileOf(caller, language);
      const updated = remember(await updateProfile(caller.userId, body, new Date()));
      return ok(meView(updated, caller));
    },
  },
});
