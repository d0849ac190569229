import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { callerOf } from '../../../functions/platform/http/identity';
import { Unauthorized } from '../../../functions/platform/kernel/errors';

const withClaims = (claims: Record<string, unknown>, authorization = 'Bearer access-token') =>
  ({
    headers: { authorization },
    requestContext: { authorizer: { jwt: { claims, scopes: null } } },
  }) as unknown as APIGatewayProxyEventV2;

describe('the caller, from what the JWT authorizer vouches for', () => {
  it('reads an ID token’s person claims, with groups in the flattened form API Gateway uses', () => {
    const caller = callerOf(
      withClaims({
        sub: 'u1',
        token_use: 'id',
        email: 'anna@example.org',
        email_verified: 'true',
        name: 'Anna',
        'cognito:groups': '[agent supervisor]',
      }),
    );
    expect(caller).toEqual({
      userId: 'u1',
      groups: ['agent', 'supervisor'],
      token: { use: 'id', email: 'anna@example.org', emailVerified: true, name: 'Anna' },
    });
  });

  it('keeps an access token itself, which carries no person claims, to ask Cognito who it is', () => {
    const caller = callerOf(
      withClaims({ sub: 'u1', token_use: 'access', client_id: 'c', 'cognito:groups': ['admin', 'root'] }),
    );
    expect(caller).toEqual({ userId: 'u1', groups: ['admin'], token: { use: 'access', raw: 'access-token' } });
  });

  it('reads an unverified email as unverified', () => {
    const caller = callerOf(withClaims({ sub: 'u1', token_use: 'id', email: 'a@b.c', email_verified: 'false' }));
    expect(caller?.token).toMatchObject({ emailVerified: false });
  });

  it('refuses tokens that are neither ID nor access tokens, or name nobody', () => {
    expect(() => callerOf(withClaims({ sub: 'u1', token_use: 'refresh' }))).toThrow(Unauthorized);
    expect(() => callerOf(withClaims({ sub: 'u1' }))).toThrow(Unauthorized);
    expect(() => callerOf(withClaims({ token_use: 'id' }))).toThrow(Unauthorized);
  });

  it('has no caller on a public route', () => {
    expect(callerOf({ requestContext: {} } as APIGatewayProxyEventV2)).toBeUndefined();
  });
});
