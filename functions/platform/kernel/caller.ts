import type { Group } from '../../../contracts/vocabulary';

export { STAFF_GROUPS } from '../../../contracts/vocabulary';

/**
 * Who is calling, as the API Gateway JWT authorizer vouches for them. ID and access tokens
 * both give the user id and groups; only ID tokens carry the person's name and email, which
 * is why what a route needs of the person comes from their stored profile instead.
 */
export interface Caller {
  /** Cognito `sub`: stable, never an email or a national ID. */
  readonly userId: string;
  readonly groups: readonly Group[];
  readonly token:
    | {
        readonly use: 'id';
        readonly email?: string;
        readonly emailVerified?: boolean;
        readonly name?: string;
        readonly locale?: string;
      }
    /** The raw token is kept only to ask Cognito for the person's attributes (GetUser). */
    | { readonly use: 'access'; readonly raw: string };
}

export const hasGroup = (caller: Caller, ...groups: readonly Group[]): boolean =>
  caller.groups.some((group) => groups.includes(group));
