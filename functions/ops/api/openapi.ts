import { buildOpenApiDocument } from '../../../contracts/openapi';
import { OPS_ROUTES } from '../../../contracts/routes/ops';
import { byRoute } from '../../platform/http/handler';
import { ok } from '../../platform/http/responses';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /openapi.json — built on first use and kept for the life of the instance. */
export const handler = byRoute(OPS_ROUTES, {
  'GET /openapi.json': {
    run: async () => {
      document ??= buildOpenApiDocument();
      return ok(document);
    },
  },
});
