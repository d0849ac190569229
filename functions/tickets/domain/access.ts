import { type Caller, hasGroup, STAFF_GROUPS } from '../../platform/kernel/caller';
import { Forbidden, NotFound } from '../../platform/kernel/errors';
import type { Ids } from '../../platform/kernel/ports';
import type { Profile, StaffProfile } from '../../profiles/domain/index';
import type { TicketRecord } from './model';

/** A member of staff as the policy found them: their profile, with where they work. */
export type StaffMember = Profile & { readonly staff: StaffProfile };

/** Why someone may see a ticket, with what they need to act on it. */
export type TicketAccess =
  | { readonly as: 'requester'; readonly ticket: TicketRecord }
  | { readonly as: 'guest'; readonly ticket: TicketRecord }
  | { readonly as: 'staff'; readonly ticket: TicketRecord; readonly member: StaffMember };

export type StaffAccess = Extract<TicketAccess, { as: 'staff' }>;
export type RequesterAccess = Extract<TicketAccess, { as: 'requester' | 'guest' }>;

/**
 * The one access policy for tickets.
 *
 * - Requesters read and answer their own tickets, whatever groups they have.
 * - Guests read and answer the one ticket whose access token they hold.
 * - Staff (the `agent` or `supervisor` group, with a staff profile) work their organisation's
 *   tickets: supervisors all of them, agents those of their teams or topics.
 * - `admin` administers the service (catalogue, teams, agents; reports of any organisation)
 *   but gets no access to ticket contents from that group: tickets carry citizens' personal
 *   data, and running the platform is no reason to read it (GDPR data minimisation). An
 *   admin who works tickets does so with a staff group and profile like anyone else.
 * - Anyone else, other organisations included, is told the ticket does not exist (404, never
 *   403, which would confirm it does).
 */
export function accessAsUser(
  caller: Caller,
  profile: Profile | undefined,
  ticket: TicketRecord | undefined,
): Exclude<TicketAccess, { as: 'guest' }> {
  if (ticket && ticket.requesterId === caller.userId) return { as: 'requester', ticket };
  return workAccess(caller, profile, ticket);
}

/** The requester's own access, for what only they do (reopening); staff change tickets with PATCH instead. */
export function accessAsRequester(caller: Caller, ticket: TicketRecord | undefined): RequesterAccess {
  if (!ticket || ticket.requesterId !== caller.userId) throw new NotFound('No such ticket.');
  return { as: 'requester', ticket };
}

/** Staff access to a ticket, for what only staff do (changing it), even to their own tickets. */
export function workAccess(
  caller: Caller,
  profile: Profile | undefined,
  ticket: TicketRecord | undefined,
): StaffAccess {
  const member = staffMember(caller, profile);
  if (!member || !ticket || !mayWork(member.staff, ticket)) throw new NotFound('No such ticket.');
  return { as: 'staff', ticket, member };
}

/** Whether someone who works here may work this ticket: supervisors all of their organisation's, agents their teams' or topics'. */
export const mayWork = (staff: StaffProfile, ticket: Pick<TicketRecord, 'organisationId' | 'teamId' | 'topicId'>) =>
  staff.organisationId === ticket.organisationId &&
  (staff.supervisor ||
    (ticket.teamId !== undefined && staff.teamIds.includes(ticket.teamId)) ||
    staff.topicIds.includes(ticket.topicId));

/** A guest's ticket, if the hash of the token they present matches; otherwise 404. */
export function accessAsGuest(ticket: TicketRecord | undefined, token: string | undefined, ids: Ids): RequesterAccess {
  if (!ticket?.guest || !token || ids.hash(token) !== ticket.guest.tokenHash) throw new NotFound('No such ticket.');
  return { as: 'guest', ticket };
}

/** Staff of an organisation may file on its internal topics and record tickets that came by phone, email or in person. */
export const isStaffOf = (caller: Caller, profile: Profile | undefined, organisationId: string): boolean =>
  staffMember(caller, profile)?.staff.organisationId === organisationId;

/** The caller as a member of staff, for what only staff do outside any one ticket (their queues). */
export function asStaffMember(caller: Caller, profile: Profile | undefined): StaffMember {
  const member = staffMember(caller, profile);
  if (!member) throw new Forbidden('You work for no organisation here.');
  return member;
}

/** Whether the policy may need the caller's staff profile: only people in a staff group have one that counts. */
export const mayBeStaff = (caller: Caller): boolean => hasGroup(caller, ...STAFF_GROUPS);

function staffMember(caller: Caller, profile: Profile | undefined): StaffMember | undefined {
  if (!mayBeStaff(caller) || !profile?.staff || profile.userId !== caller.userId) return undefined;
  return { ...profile, staff: profile.staff };
}
