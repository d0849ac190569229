/**
 * The typed API client: openapi-fetch over the types generated from the contract
 * (openapi.d.ts). Every call carries the reader's language; signed-in calls carry the ID token.
 */
import createClient, { type Client } from 'openapi-fetch';
import { currentIdToken, signOut } from '../auth/session';
import { config } from '../config';
import { language } from '../i18n';
import type { paths } from './openapi';
import { ApiError, toProblemBody } from './problem';

export type * from './types';

let client: Client<paths> | undefined;

export function api(): Client<paths> {
  if (client) return client;
  client = createClient<paths>({ baseUrl: config().apiUrl });
  client.use({
    async onRequest({ request }) {
      request.headers.set('Accept-Language', language.get());
      // The public routes (guests, rating links) authenticate by their own token instead.
      if (!new URL(request.url).pathname.startsWith('/public/')) {
        const token = await currentIdToken();
        if (token) request.headers.set('Authorization', `Bearer ${token}`);
      }
      return request;
    },
    onResponse({ response, request }) {
      // A token the API no longer accepts: the person must sign in again.
      if (response.status === 401 && request.headers.has('Authorization')) signOut();
      return response;
    },
  });
  return client;
}

/**
 * The data of a call, or an ApiError carrying the problem (status 0 when the API could not be
 * reached). Pass the promise openapi-fetch returns.
 */
export async function call<T>(request: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, undefined);
  }
  if (!result.response.ok) throw new ApiError(result.response.status, toProblemBody(result.error));
  return result.data as T;
}

/** A key for `Idempotency-Key`, so a retried submit files nothing twice. */
export const idempotencyKey = (): string => crypto.randomUUID();
