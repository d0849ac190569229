import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { Forbidden, Unauthorized } from '../domain/errors';

export const GROUPS = ['agent', 'supervisor', 'admin', 'reviewer', 'operator', 'department'] as const;
export type Group = (typeof GROUPS)[number];

export interface Caller {
  /** Cognito `sub`: stable, never an email or a national ID. */
  readonly userId: string;
  readonly email?: string;
  readonly name?: string;
  readonly groups: readonly Group[];
}

type Claims = Record<string, string | number | boolean | string[] | undefined>;

interface JwtAuthorizerContext {
  authorizer?: { jwt?: { claims?: Claims } };
}

/**
 * The caller as the HTTP API JWT authorizer describes it, or undefined on public routes.
 * API Gateway flattens array claims to strings like `[agent supervisor]`; both forms are read.
 */
export function callerOf(event: APIGatewayProxyEventV2): Caller | undefined {
  const claims = (event.requestContext as JwtAuthorizerContext).authorizer?.jwt?.claims;
  if (!claims || typeof claims.sub !== 'string') return undefined;
  return {
    userId: claims.sub,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    name: typeof claims.name === 'string' ? claims.name : undefined,
    groups: parseGroups(claims['cognito:groups']),
  };
}

export function parseGroups(value: Claims[string]): Group[] {
  const raw = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return raw.filter((group): group is Group => (GROUPS as readonly string[]).includes(group));
}

export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new Unauthorized('Sign in to use this resource.');
  return caller;
}

export function requireGroup(caller: Caller | undefined, ...allowed: Group[]): Caller {
  const who = requireCaller(caller);
  if (!who.groups.some((group) => allowed.includes(group))) throw new Forbidden('Your role may not do this.');
  return who;
}
