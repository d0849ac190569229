import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Language } from '../../contracts/vocabulary';
import { addUser, signIn } from '../../lib/local/cognito';
import { DEMO_PASSWORD, type DemoRole } from '../../lib/local/demo-users';
import { responseValidator } from './openapi';

export const endpoints = () => inject('endpoints');

/** Which Cognito token a call carries: an ID token, or the access token OAuth 2.0 clients send to APIs. */
export type TokenKind = 'id' | 'access';

const tokens = new Map<string, Promise<{ idToken: string; accessToken: string }>>();

function signInAs(email: string, password: string) {
  let signedIn = tokens.get(email);
  if (!signedIn) {
    const e = endpoints();
    signedIn = signIn(e.services.cognito, e.userPoolClientId, email, password);
    tokens.set(email, signedIn);
  }
  return signedIn;
}

/** A real token from cognito-local for one of the demo roles, cached per test file. */
export async function tokenFor(role: string, kind: TokenKind = 'id'): Promise<string> {
  const user = endpoints().demoUsers.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`No demo user with role ${role}`);
  const signedIn = await signInAs(user.email, user.password);
  return kind === 'id' ? signedIn.idToken : signedIn.accessToken;
}

/** A token of a demo login by name, for the demo's other staff (`agent.salut`, `tech.oac360`…). */
export async function tokenAs(login: string, kind: TokenKind = 'id'): Promise<string> {
  const user = endpoints().demoUsers.find((candidate) => candidate.email.startsWith(`${login}@`));
  if (!user) throw new Error(`No demo login ${login}`);
  const signedIn = await signInAs(user.email, user.password);
  return kind === 'id' ? signedIn.idToken : signedIn.accessToken;
}

export interface TestUser {
  readonly email: string;
  token(kind?: TokenKind): Promise<string>;
}

/** A person of the test's own, so what it changes of them (their language, say) affects no other test. */
export async function newUser(options: { role?: DemoRole; locale?: Language; name?: string } = {}): Promise<TestUser> {
  const e = endpoints();
  const email = `test-${randomUUID().slice(0, 12)}@finestreta.local`;
  const role = options.role ?? 'citizen';
  await addUser(e.services.cognito, e.userPoolId, {
    role,
    email,
    password: DEMO_PASSWORD,
    name: options.name ?? 'Test Person',
    locale: options.locale ?? 'ca',
    groups: role === 'citizen' ? [] : [role],
  });
  return {
    email,
    token: async (kind = 'id') => {
      const signedIn = await signInAs(email, DEMO_PASSWORD);
      return kind === 'id' ? signedIn.idToken : signedIn.accessToken;
    },
  };
}

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

let validate: Promise<ReturnType<typeof responseValidator>> | undefined;

/** Each answer's operation and status, for the run's comparison with the document (support/status-coverage.ts). */
function recordStatus(operation: string | undefined, status: number) {
  const dir = inject('statusLog');
  if (operation && dir) appendFileSync(join(dir, `${process.pid}.log`), `${operation} ${status}\n`);
}

/** The checker of the document the API serves at /openapi.json, fetched once per test file. */
function validator() {
  validate ??= fetch(`${endpoints().apiUrl}/openapi.json`)
    .then((response) => response.json() as Promise<Parameters<typeof responseValidator>[0]>)
    .then(responseValidator);
  return validate;
}

export interface CallOptions {
  /** A demo role to call as, with an ID token unless `tokenKind` says otherwise. */
  readonly as?: string;
  readonly tokenKind?: TokenKind;
  readonly token?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /**
   * Every response is checked against the OpenAPI document; only a call to a route the API
   * does not have (the gateway's own 404) may opt out.
   */
  readonly undocumentedRoute?: true;
  /** `manual` to see a redirect itself (a download's 302) rather than where it leads. */
  readonly redirect?: RequestRedirect;
}

/** Calls the local gateway as a client would; JSON in, JSON (or problem+json) out, checked against the contract. */
export async function api<T = unknown>(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<ApiResponse<T>> {
  const token = options.token ?? (options.as ? await tokenFor(options.as, options.tokenKind) : undefined);
  const response = await fetch(`${endpoints().apiUrl}${path}`, {
    method,
    ...(options.redirect ? { redirect: options.redirect } : {}),
    headers: {
      ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...options.headers,
    },
    body:
      options.body === undefined
        ? undefined
        : typeof options.body === 'string'
          ? options.body
          : JSON.stringify(options.body),
  });
  const text = await response.text();
  if (!options.undocumentedRoute) {
    const contract = await validator();
    const pathname = new URL(path, 'http://x').pathname;
    const problems = contract.check({
      method,
      path: pathname,
      status: response.status,
      headers: response.headers,
      text,
    });
    if (problems.length > 0)
      throw new Error(`The response breaks the OpenAPI document:\n${problems.join('\n')}\n${text}`);
    recordStatus(contract.operationOf(method, pathname), response.status);
  }
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // non-JSON bodies stay text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}
