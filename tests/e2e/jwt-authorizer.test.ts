import { createRequire } from 'node:module';
import { decodeJwt, importJWK, type JWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { api, endpoints, tokenFor } from '../support/api';

describe('the JWT authorizer in front of signed-in routes', () => {
  it('lets a real Cognito token through and hands its claims to the handler', async () => {
    const response = await api<{ userId: string; email: string; groups: string[]; staff: unknown }>('GET', '/me', {
      as: 'supervisor',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      email: 'supervisor@finestreta.local',
      groups: ['supervisor'],
      staff: { organisationId: 'dipu', supervisor: true },
    });
    expect(response.body.userId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a citizen no staff group', async () => {
    const response = await api<{ groups: string[] }>('GET', '/me', { as: 'citizen' });
    expect(response.status).toBe(200);
    expect(response.body.groups).toEqual([]);
  });

  it('answers 401 as API Gateway does when the token is missing', async () => {
    const response = await api('GET', '/me');
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ message: 'Unauthorized' });
  });

  it('rejects a token whose signature is not the issuer’s', async () => {
    const real = await tokenFor('agent');
    const [header, payload] = real.split('.');
    const forged = `${header}.${payload}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await api('GET', '/me', { token: forged })).status).toBe(401);
  });

  it('rejects a well-formed token from another issuer or for another audience', async () => {
    const key = new TextEncoder().encode('a-secret-that-is-not-cognito-key-material');
    const e = endpoints();
    const foreign = await new SignJWT({ sub: 'x', aud: e.userPoolClientId, token_use: 'id' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(e.issuer)
      .setExpirationTime('5m')
      .sign(key);
    expect((await api('GET', '/me', { token: foreign })).status).toBe(401);
  });

  it('rejects a token signed with the issuer’s own key once it has expired', async () => {
    // cognito-local signs with a key shipped in its package: sign a real-looking token that expired a minute ago.
    const { jwk } = createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json') as { jwk: JWK };
    const key = await importJWK(jwk, 'RS256');
    const e = endpoints();
    const claims = decodeJwt(await tokenFor('agent'));
    const expired = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 })
      .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
      .sign(key);
    const fresh = await new SignJWT({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })
      .setProtectedHeader({ alg: 'RS256', kid: 'CognitoLocal' })
      .sign(key);
    expect(claims.iss).toBe(e.issuer);
    expect((await api('GET', '/me', { token: fresh })).status).toBe(200);
    expect((await api('GET', '/me', { token: expired })).status).toBe(401);
  });

  it('answers 404 as API Gateway does for a route that does not exist', async () => {
    const response = await api('GET', '/no-such-route', { undocumentedRoute: true });
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ message: 'Not Found' });
  });
});
