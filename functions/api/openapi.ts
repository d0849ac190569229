import { httpHandler } from '../http/handler';
import { ok } from '../http/responses';
import { buildOpenApiDocument } from './openapi-document';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** GET /openapi.json — built on first use and kept for the life of the instance. */
export const handler = httpHandler({}, async () => {
  document ??= buildOpenApiDocument();
  return ok(document, { 'cache-control': 'public, max-age=300' });
});
