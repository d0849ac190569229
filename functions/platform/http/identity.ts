import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { GROUPS, type Group } from '../../../contracts/vocabulary';
import type { Caller } from '../kernel/caller';
import { Unauthorized } from '../kernel/errors';

type Claims = Record<string, string | number | boolean | string[] | undefined>;

interface JwtAuthorizerContext {
  authorizer?: { jwt?: { claims?: Claims } };
}

/**
 * The caller as the HTTP API JWT authorizer describes them, or undefined on public routes.
 * The authorizer checked signature, issuer, expiry and audience (`aud` of ID tokens,
 * `client_id` of access tokens); `token_use` says which kind it is. API Gateway flattens
 * claims to strings (`[agent supervisor]`, `"true"`), so both forms are read.
 */
export function callerOf(event: APIGatewayProxyEventV2): Caller | undefined {
  const claims = (event.requestContext as JwtAuthorizerContext).authorizer?.jwt?.claims;
  if (!claims) return undefined;
  if (typeof claims.sub !== 'string' || claims.sub === '') throw new Unauthorized('The token names nobody.');
  const groups = parseGroups(claims['cognito:groups']);
  if (claims.token_use === 'id') {
    return {
      userId: claims.sub,
      groups,
      token: {
        use: 'id',
        ...(typeof claims.email === 'string' ? { email: claims.email } : {}),
        ...(claims.email_verified !== undefined ? { emailVerified: String(claims.email_verified) === 'true' } : {}),
        ...(typeof claims.name === 'string' ? { name: claims.name } : {}),
        ...(typeof claims.locale === 'string' ? { locale: claims.locale } : {}),
      },
    };
  }
  if (claims.token_use === 'access') {
    const raw = event.headers?.authorization?.replace(/^Bearer\s+/i, '').trim();
    if (!raw) throw new Unauthorized('Send the access token in the Authorization header.');
    return { userId: claims.sub, groups, token: { use: 'access', raw } };
  }
  throw new Unauthorized('Sign in with a Cognito ID or access token.');
}

function parseGroups(value: Claims[string]): Group[] {
  const raw = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return raw.filter((group): group is Group => (GROUPS as readonly string[]).includes(group));
}
