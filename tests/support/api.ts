import { inject } from 'vitest';
import { signIn } from '../../lib/local/cognito';

export const endpoints = () => inject('endpoints');

const tokens = new Map<string, Promise<string>>();

/** A real ID token from cognito-local for one of the demo roles, cached per test file. */
export function tokenFor(role: string): Promise<string> {
  let token = tokens.get(role);
  if (!token) {
    const e = endpoints();
    const user = e.demoUsers.find((candidate) => candidate.role === role);
    if (!user) throw new Error(`No demo user with role ${role}`);
    token = signIn(e.services.cognito, e.userPoolClientId, user.email, user.password).then((t) => t.idToken);
    tokens.set(role, token);
  }
  return token;
}

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/** Calls the local gateway as a client would; JSON in, JSON (or problem+json) out. */
export async function api<T = unknown>(
  method: string,
  path: string,
  options: { as?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const token = options.token ?? (options.as ? await tokenFor(options.as) : undefined);
  const response = await fetch(`${endpoints().apiUrl}${path}`, {
    method,
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
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // non-JSON bodies stay text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}
