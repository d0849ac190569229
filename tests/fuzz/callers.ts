import { tokenFor } from '../support/api';

/**
 * Who calls, by a readable label (the label is what a failing case prints): nobody, each demo
 * role with a real ID and access token, and forged or garbage credentials, some made from a
 * real token so only the signature or a claim gives them away.
 */
export interface Callers {
  /** Labels of callers the JWT authorizer lets through. */
  readonly real: readonly string[];
  /** Anonymous and every forged or garbage credential. */
  readonly other: readonly string[];
  /** The Authorization header of each label; undefined sends none. */
  readonly authorization: Readonly<Record<string, string | undefined>>;
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export async function callersOf(roles: readonly string[]): Promise<Callers> {
  const real: Record<string, string> = {};
  for (const role of roles) {
    real[`${role} (ID token)`] = `Bearer ${await tokenFor(role, 'id')}`;
    real[`${role} (access token)`] = `Bearer ${await tokenFor(role, 'access')}`;
  }
  const idToken = await tokenFor('citizen', 'id');
  const [header = '', payload = '', signature = ''] = idToken.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { kid?: string };
  const other: Record<string, string | undefined> = {
    anonymous: undefined,
    'empty Bearer': 'Bearer ',
    'Basic credentials': 'Basic Y2l0aXplbjpGaW5lc3RyZXRh',
    'garbage token': 'Bearer garbage',
    'three empty parts': 'Bearer ..',
    'alg none': `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
    'HS256 with the RSA kid': `Bearer ${b64({ alg: 'HS256', kid })}.${payload}.${signature}`,
    'no signature': `Bearer ${header}.${payload}.`,
    'admin group forged into a citizen token': `Bearer ${header}.${b64({ ...claims, 'cognito:groups': ['admin'] })}.${signature}`,
    'expired-looking': `Bearer ${header}.${b64({ ...claims, exp: 1_000_000_000, iat: 999_999_000 })}.${signature}`,
    'two tokens': `Bearer ${idToken} ${idToken}`,
    'huge token': `Bearer ${'A'.repeat(1000)}`,
    'C1 bytes': 'Bearer \x85\x9b\xff',
  };
  return { real: Object.keys(real), other: Object.keys(other), authorization: { ...real, ...other } };
}
