import { SHARED_CATALOGUE } from '../../../contracts/catalogue';
import type { Caller } from '../../platform/kernel/caller';
import { hasGroup } from '../../platform/kernel/caller';
import { Forbidden, NotFound } from '../../platform/kernel/errors';
import type { Profile } from '../../profiles/domain/index';

/** Who administers: an admin (every organisation and the shared catalogue) or a supervisor (their own). */
export interface Administrator {
  readonly userId: string;
  readonly name: string;
  readonly admin: boolean;
  /** A supervisor's organisation. */
  readonly organisationId?: string;
}

/**
 * The caller as an administrator. Supervisors need the group and a supervisor's staff profile:
 * the group alone says nothing of which organisation is theirs.
 */
export function administratorOf(caller: Caller, profile: Profile | undefined): Administrator {
  const name = profile?.name ?? caller.userId;
  if (hasGroup(caller, 'admin')) return { userId: caller.userId, name, admin: true };
  if (hasGroup(caller, 'supervisor') && profile?.staff?.supervisor) {
    return { userId: caller.userId, name, admin: false, organisationId: profile.staff.organisationId };
  }
  throw new Forbidden('Only supervisors of an organisation and admins administer it.');
}

/**
 * Whether the administrator may read and change the organisation's documents: another
 * organisation's are not found (404, never 403), and the shared level-1 catalogue is admins'.
 */
export function administer(who: Administrator, organisationId: string | null): void {
  if (who.admin) return;
  if (organisationId === null || organisationId === SHARED_CATALOGUE) {
    throw new Forbidden('Only admins change the shared level-1 topics.');
  }
  if (organisationId !== who.organisationId) throw new NotFound('No such organisation here.');
}

/** The organisation an administrator reports on: their own, or for admins the one they name. */
export function organisationToRead(who: Administrator, requested: string | undefined): string {
  if (who.admin) {
    if (!requested) throw new NotFound('Name the organisation with ?organisationId=.');
    return requested;
  }
  if (requested && requested !== who.organisationId) throw new NotFound('No such organisation here.');
  return who.organisationId as string;
}
