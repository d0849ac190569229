import { buildOpenApiDocument } from '../../../contracts/openapi';
import { httpHandler } from '../../platform/http/handler';
import { ok } from '../../platform/http/responses';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /openapi.json — built on first use and kept for the life of the instance. */
export const handler = httpHandler('GET /openapi.json', {
  run: async () => {
    document ??= buildOpenApiDocument();
    return ok(document);
  },
});
