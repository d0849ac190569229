import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';

export interface JwtAuthorizerConfig {
  readonly issuer: string;
  /** Accepted `aud` (ID tokens) or `client_id` (access tokens) values. */
  readonly audience: readonly string[];
  readonly jwksUrl: string;
}

/** Claims as the HTTP API JWT authorizer hands them to Lambda: arrays flattened to `[a b]`. */
export type AuthorizerClaims = Record<string, string | number | boolean>;

export interface Authorized {
  readonly claims: AuthorizerClaims;
  readonly scopes: string[] | null;
}

/**
 * Verifies a bearer token as the API Gateway HTTP API JWT authorizer does: signature against
 * the issuer's JWKS, `iss`, expiry and not-before, and `aud` or `client_id` in the audience.
 */
export function createJwtAuthorizer(config: JwtAuthorizerConfig) {
  const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
  return async (authorizationHeader: string | undefined): Promise<Authorized | undefined> => {
    const token = authorizationHeader?.replace(/^Bearer\s+/i, '').trim();
    if (!token) return undefined;
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: config.issuer }));
    } catch {
      return undefined;
    }
    const audiences = [payload.aud, payload.client_id].flat().filter((v): v is string => typeof v === 'string');
    if (!audiences.some((aud) => config.audience.includes(aud))) return undefined;
    const scope = typeof payload.scope === 'string' ? payload.scope.split(' ') : null;
    return { claims: flattenClaims(payload), scopes: scope };
  };
}

function flattenClaims(payload: JWTPayload): AuthorizerClaims {
  const claims: AuthorizerClaims = {};
  for (const [key, value] of Object.entries(payload)) {
    if (Array.isArray(value)) claims[key] = `[${value.join(' ')}]`;
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') claims[key] = value;
    else if (value !== null && value !== undefined) claims[key] = JSON.stringify(value);
  }
  return claims;
}
