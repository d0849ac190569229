import { createHmac } from 'node:crypto';
import { readEnv } from './env';

/**
 * Tokens for links mailed to people (a resolution mail's rating link): the subject's UUID and
 * an HMAC of what the link is for, under the stack's secret. The function that stores the
 * token's hash and the one that mails the link make the same token from the same facts, so
 * the token itself is stored nowhere.
 */
const UUID_BYTES = 16;
const MAC_BYTES = 24;

let key: Buffer | undefined;
const signingKey = () =>
  (key ??= createHmac('sha256', 'finestreta/links/v1').update(readEnv('linkKey').linkKey).digest());

/** A URL-safe token (54 characters) naming `subject` (a UUID) for `purpose` as of `at`. */
export function linkToken(purpose: string, subject: string, at: string): string {
  const mac = createHmac('sha256', signingKey()).update(`${purpose}\0${subject}\0${at}`).digest();
  return Buffer.concat([Buffer.from(subject.replaceAll('-', ''), 'hex'), mac.subarray(0, MAC_BYTES)]).toString(
    'base64url',
  );
}

/** The UUID a link token names, or undefined for anything that is not one of ours in shape. */
export function subjectOf(token: string): string | undefined {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.byteLength !== UUID_BYTES + MAC_BYTES) return undefined;
  const hex = bytes.subarray(0, UUID_BYTES).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
