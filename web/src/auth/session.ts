/**
 * Sign-in with Cognito over plain `fetch` (USER_PASSWORD_AUTH): the same two calls work
 * against cognito-local and the real user pool, and cost no SDK in the bundle.
 *
 * Tokens live in this module's memory only — never localStorage or sessionStorage, where any
 * script injected into the page could read them. The price: reloading the page or opening a
 * new tab signs the person out. Tokens are refreshed a minute before they expire for as long
 * as the page stays open.
 */
import { config } from '../config';
import { createStore } from '../lib/store';

export interface Session {
  idToken: string;
  /** Epoch milliseconds at which the ID token expires. */
  expiresAt: number;
  name: string;
  email: string;
  groups: string[];
}

/** The signed-in person, or null. Components subscribe with `useStore(session)`. */
export const session = createStore<Session | null>(null);

let refreshToken: string | undefined;
let refreshTimer: ReturnType<typeof setTimeout> | undefined;

export type SignInFailure = 'wrong' | 'tooMany' | 'unsupported' | 'unconfirmed' | 'network';

export class SignInError extends Error {
  constructor(readonly reason: SignInFailure) {
    super(`Sign-in failed: ${reason}`);
  }
}

interface AuthenticationResult {
  IdToken: string;
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

/** One call of the Cognito user pools API; the error type (`UsernameExistsException`…) on failure. */
async function cognitoCall<T>(target: string, body: Record<string, unknown>): Promise<T> {
  const { cognito } = config();
  let response: Response;
  try {
    response = await fetch(cognito.endpoint, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Target': `AWSCognitoIdentityProviderService.${target}`,
      },
      body: JSON.stringify({ ClientId: cognito.clientId, ...body }),
    });
  } catch {
    throw new CognitoError('network');
  }
  const answer = (await response.json().catch(() => ({}))) as T & { __type?: string };
  if (!response.ok) throw new CognitoError((answer.__type ?? '').split('#').pop() || 'unknown');
  return answer;
}

export class CognitoError extends Error {
  /** Cognito's exception name without its namespace, or `network`. */
  constructor(readonly type: string) {
    super(`Cognito: ${type}`);
  }
}

async function initiateAuth(flow: 'USER_PASSWORD_AUTH' | 'REFRESH_TOKEN_AUTH', parameters: Record<string, string>) {
  let body: { ChallengeName?: string; AuthenticationResult?: AuthenticationResult };
  try {
    body = await cognitoCall('InitiateAuth', { AuthFlow: flow, AuthParameters: parameters });
  } catch (error) {
    const type = error instanceof CognitoError ? error.type : '';
    if (type === 'network' || type === 'UserNotConfirmedException')
      throw new SignInError(type === 'network' ? 'network' : 'unconfirmed');
    throw new SignInError(/TooManyRequests|LimitExceeded/.test(type) ? 'tooMany' : 'wrong');
  }
  // A challenge (new password, MFA) needs screens this portal does not have yet.
  if (body.ChallengeName || !body.AuthenticationResult) throw new SignInError('unsupported');
  return body.AuthenticationResult;
}

/**
 * Registration: the pool mails a code to confirm the address (SignUp), which the person types
 * back (ConfirmSignUp). Failures are CognitoErrors (`UsernameExistsException`,
 * `InvalidPasswordException`, `CodeMismatchException`, `ExpiredCodeException`…).
 */
export async function signUp(account: { email: string; password: string; name: string }): Promise<void> {
  await cognitoCall('SignUp', {
    Username: account.email.trim(),
    Password: account.password,
    UserAttributes: [
      { Name: 'email', Value: account.email.trim() },
      { Name: 'name', Value: account.name.trim() },
    ],
  });
}

export async function confirmSignUp(email: string, code: string): Promise<void> {
  await cognitoCall('ConfirmSignUp', { Username: email.trim(), ConfirmationCode: code.trim() });
}

/** A forgotten password: the pool mails a code (to known addresses only; it never says which). */
export async function forgotPassword(email: string): Promise<void> {
  await cognitoCall('ForgotPassword', { Username: email.trim() });
}

export async function confirmForgotPassword(email: string, code: string, password: string): Promise<void> {
  await cognitoCall('ConfirmForgotPassword', {
    Username: email.trim(),
    ConfirmationCode: code.trim(),
    Password: password,
  });
}

export async function resendCode(email: string): Promise<void> {
  await cognitoCall('ResendConfirmationCode', { Username: email.trim() });
}

/** The claims of a JWT, read without verifying it: the API verifies; the page only shows a name. */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)));
  return JSON.parse(json) as Record<string, unknown>;
}

function accept(result: AuthenticationResult): Session {
  if (result.RefreshToken) refreshToken = result.RefreshToken;
  const claims = jwtClaims(result.IdToken);
  const email = typeof claims.email === 'string' ? claims.email : '';
  const next: Session = {
    idToken: result.IdToken,
    expiresAt: typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + result.ExpiresIn * 1000,
    name: typeof claims.name === 'string' ? claims.name : email,
    email,
    groups: Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [],
  };
  session.set(next);
  scheduleRefresh(next.expiresAt);
  return next;
}

function scheduleRefresh(expiresAt: number) {
  clearTimeout(refreshTimer);
  const delay = Math.max(5_000, expiresAt - Date.now() - 60_000);
  refreshTimer = setTimeout(() => void refresh(), delay);
}

export async function signIn(email: string, password: string): Promise<Session> {
  return accept(await initiateAuth('USER_PASSWORD_AUTH', { USERNAME: email.trim(), PASSWORD: password }));
}

/** A fresh ID token; signs out when the refresh token is no longer accepted. */
export async function refresh(): Promise<Session | null> {
  if (!refreshToken) return null;
  try {
    return accept(await initiateAuth('REFRESH_TOKEN_AUTH', { REFRESH_TOKEN: refreshToken }));
  } catch (error) {
    if (error instanceof SignInError && error.reason === 'network') {
      scheduleRefresh(Date.now() + 90_000);
      return session.get();
    }
    signOut();
    return null;
  }
}

export function signOut(): void {
  clearTimeout(refreshTimer);
  refreshToken = undefined;
  session.set(null);
}

/** The ID token to send, refreshed first if it is about to expire (a laptop woken from sleep). */
export async function currentIdToken(): Promise<string | undefined> {
  const current = session.get();
  if (!current) return undefined;
  if (current.expiresAt - Date.now() < 30_000) return (await refresh())?.idToken;
  return current.idToken;
}
