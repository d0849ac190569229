import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { Forbidden, Unauthorized } from '../../../functions/domain/errors';
import { callerOf, requireGroup } from '../../../functions/http/auth';

const withClaims = (claims: Record<string, unknown>) =>
  ({ requestContext: { authorizer: { jwt: { claims, scopes: null } } } }) as unknown as APIGatewayProxyEventV2;

describe('caller from the JWT authorizer', () => {
  it('reads groups in the flattened form API Gateway uses', () => {
    const caller = callerOf(withClaims({ sub: 'u1', 'cognito:groups': '[agent supervisor]' }));
    expect(caller).toEqual({ userId: 'u1', email: undefined, name: undefined, groups: ['agent', 'supervisor'] });
  });

  it('reads groups given as an array and drops unknown ones', () => {
    expect(callerOf(withClaims({ sub: 'u1', 'cognito:groups': ['admin', 'root'] }))?.groups).toEqual(['admin']);
  });

  it('has no caller on a public route', () => {
    expect(callerOf({ requestContext: {} } as APIGatewayProxyEventV2)).toBeUndefined();
  });

  it('refuses a caller without the required group, and an anonymous one', () => {
    const agent = callerOf(withClaims({ sub: 'u1', 'cognito:groups': '[agent]' }));
    expect(requireGroup(agent, 'agent', 'supervisor').userId).toBe('u1');
    expect(() => requireGroup(agent, 'admin')).toThrow(Forbidden);
    expect(() => requireGroup(undefined, 'admin')).toThrow(Unauthorized);
  });
});
