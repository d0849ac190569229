/**
 * The administration API as `npm run catalogue` uses it, over plain `fetch`: read an
 * organisation's catalogue, PUT one document, and sign in to Cognito for a token.
 */
import { CatalogueDocuments } from '../../contracts/admin-views';
import { type FieldIssue, Problem } from '../../contracts/problems';
import * as z from '../../contracts/zod';
import { formatPath } from './path';

type Fetch = typeof globalThis.fetch;

/** What the API answered instead of a success: its problem+json, or what stood in for one. */
export class ApiError extends Error {
  constructor(
    /** `GET catalogues/hestia`, `PUT topics/hestia-access`, `sign-in`. */
    readonly request: string,
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly FieldIssue[] = [],
  ) {
    super(`${request}: ${status} ${title}${detail ? ` — ${detail}` : ''}`);
    this.name = 'ApiError';
  }
}

/** Reads an error response: RFC 9457 problem+json, a gateway `{ message }`, or whatever text came. */
async function errorOf(request: string, response: Response): Promise<ApiError> {
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const problem = Problem.safeParse(json);
  if (problem.success) {
    const { status, title, detail, errors } = problem.data;
    return new ApiError(request, status, title, detail, errors);
  }
  const message = (json as { message?: unknown } | undefined)?.message;
  const detail = typeof message === 'string' ? message : text.trim().slice(0, 500) || undefined;
  return new ApiError(request, response.status, response.statusText || 'Error', detail);
}

/** `fetch`, with a network failure (no answer at all) as an ApiError of status 0. */
async function send(fetch: Fetch, request: string, url: URL | string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    const message = cause instanceof Error ? cause.message : String(cause);
    throw new ApiError(request, 0, 'No answer', `${String(url)}: ${message}`);
  }
}

export interface AdminClient {
  /** Everything the stack holds of an organisation's catalogue (`shared`: the level-1 topics), with versions. */
  getCatalogue(organisationId: string): Promise<CatalogueDocuments>;
  /** Creates (no version) or replaces (the version it replaces, as If-Match) one document at `name`, e.g. `topics/x`. */
  put(name: string, body: unknown, version?: number): Promise<void>;
}

export interface AdminClientOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:4600` or `https://…/prod`. */
  readonly api: string;
  readonly token: string;
  readonly fetch?: Fetch;
}

export function adminClient({ api, token, fetch = globalThis.fetch }: AdminClientOptions): AdminClient {
  const base = api.endsWith('/') ? api : `${api}/`;
  // Problems in English, as the rest of the command's output.
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json', 'accept-language': 'en' };
  return {
    async getCatalogue(organisationId) {
      const request = `GET catalogues/${organisationId}`;
      const url = new URL(`catalogues/${encodeURIComponent(organisationId)}`, base);
      const response = await send(fetch, request, url, { headers });
      if (!response.ok) throw await errorOf(request, response);
      const parsed = CatalogueDocuments.safeParse(await response.json());
      if (!parsed.success) {
        const issues = parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
        throw new ApiError(
          request,
          response.status,
          'Unexpected answer',
          'Not a catalogue as the contract describes it.',
          issues,
        );
      }
      return parsed.data;
    },
    async put(name, body, version) {
      const response = await send(fetch, `PUT ${name}`, new URL(name, base), {
        method: 'PUT',
        headers: {
          ...headers,
          'content-type': 'application/json',
          ...(version === undefined ? {} : { 'if-match': String(version) }),
        },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw await errorOf(`PUT ${name}`, response);
      await response.body?.cancel();
    },
  };
}

/* ─── Cognito sign-in ──────────────────────────────────────────────────── */

export const cognitoEndpointOf = (region: string) => `https://cognito-idp.${region}.amazonaws.com/`;

export interface SignInOptions {
  /** Cognito's endpoint: the regional one, or cognito-local's (what `npm start` prints). */
  readonly endpoint: string;
  readonly clientId: string;
  readonly username: string;
  readonly password: string;
  readonly fetch?: Fetch;
}

const InitiateAuthAnswer = z.object({
  AuthenticationResult: z.optional(z.object({ IdToken: z.optional(z.string()) })),
  ChallengeName: z.optional(z.string()),
});
const CognitoError = z.object({ __type: z.optional(z.string()), message: z.optional(z.string()) });

/**
 * Password sign-in (USER_PASSWORD_AUTH, the app client must allow it) with Cognito's JSON
 * protocol: no SDK and no AWS credentials, as the web client does it. Returns the ID token.
 */
export async function signIn({ endpoint, clientId, username, password, fetch = globalThis.fetch }: SignInOptions) {
  const response = await send(fetch, 'sign-in', endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    },
    body: JSON.stringify({
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: clientId,
      AuthParameters: { USERNAME: username, PASSWORD: password },
    }),
  });
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = CognitoError.safeParse(json);
    const type = error.success ? error.data.__type?.split('#').pop() : undefined;
    const message = error.success ? error.data.message : undefined;
    throw new ApiError('sign-in', response.status, type ?? (response.statusText || 'Error'), message);
  }
  const answer = InitiateAuthAnswer.safeParse(json);
  const token = answer.success ? answer.data.AuthenticationResult?.IdToken : undefined;
  if (token === undefined) {
    const challenge = answer.success ? answer.data.ChallengeName : undefined;
    throw new ApiError(
      'sign-in',
      response.status,
      'Sign-in not complete',
      challenge ? `Cognito asks for ${challenge}: finish it in the portal first.` : 'No token in the answer.',
    );
  }
  return token;
}
