import { describe, expect, it } from 'vitest';
import { cryptoIds } from '../../../functions/platform/ids';
import type { Caller } from '../../../functions/platform/kernel/caller';
import { NotFound } from '../../../functions/platform/kernel/errors';
import type { Profile } from '../../../functions/profiles/domain/index';
import { accessAsGuest, accessAsUser, isStaffOf, workAccess } from '../../../functions/tickets/domain/access';
import type { TicketRecord } from '../../../functions/tickets/domain/model';
import { agentCaller, agentProfile, citizen, NOW } from './world';

const ticket = (over: Partial<TicketRecord> = {}): TicketRecord => ({
  ticketId: 't1',
  organisationId: 'dipu',
  number: 'DIPU-2026-000001',
  type: 'incident',
  status: 'open',
  priority: 'P3',
  topicId: 'dipu-web-portals',
  topicPaths: { ca: [], es: [], oc: [], en: [] },
  subject: 'Portal down',
  description: 'Error 500',
  fields: {},
  channel: 'web',
  requesterId: citizen.userId,
  requesterName: 'Anna',
  teamId: 'dipu-web',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  version: 1,
  ...over,
});

const staff = (userId: string, groups: Caller['groups'], profileStaff: Profile['staff']) => ({
  caller: { userId, groups, token: { use: 'access', raw: 'x' } } satisfies Caller,
  profile: { ...agentProfile, userId, staff: profileStaff } satisfies Profile,
});

describe('who may see and work a ticket', () => {
  it('lets requesters see their own ticket, whatever their groups', () => {
    expect(accessAsUser(citizen, undefined, ticket()).as).toBe('requester');
    const agentsOwn = ticket({ requesterId: agentCaller.userId });
    expect(accessAsUser(agentCaller, agentProfile, agentsOwn).as).toBe('requester');
  });

  it('hides another requester’s ticket, and a missing one, behind the same 404', () => {
    const other: Caller = { ...citizen, userId: 'someone-else' };
    expect(() => accessAsUser(other, undefined, ticket())).toThrow(NotFound);
    expect(() => accessAsUser(citizen, undefined, undefined)).toThrow(NotFound);
  });

  it('lets agents work their organisation’s tickets of their teams or topics only', () => {
    expect(accessAsUser(agentCaller, agentProfile, ticket()).as).toBe('staff');
    const byTopic = staff('u2', ['agent'], {
      organisationId: 'dipu',
      teamIds: [],
      topicIds: ['dipu-web-portals'],
      supervisor: false,
    });
    expect(workAccess(byTopic.caller, byTopic.profile, ticket()).member.userId).toBe('u2');
    expect(() => accessAsUser(agentCaller, agentProfile, ticket({ teamId: 'dipu-systems' }))).toThrow(NotFound);
  });

  it('lets supervisors work every ticket of their organisation and nothing of another', () => {
    const supervisor = staff('u3', ['supervisor'], {
      organisationId: 'dipu',
      teamIds: [],
      topicIds: [],
      supervisor: true,
    });
    expect(workAccess(supervisor.caller, supervisor.profile, ticket({ teamId: 'dipu-systems' })).as).toBe('staff');
    expect(() => workAccess(supervisor.caller, supervisor.profile, ticket({ organisationId: 'hestia' }))).toThrow(
      NotFound,
    );
  });

  it('gives nothing to a staff profile without a staff group, nor to a staff group without a profile', () => {
    const noGroup = staff('u4', [], { organisationId: 'dipu', teamIds: [], topicIds: [], supervisor: true });
    expect(() => workAccess(noGroup.caller, noGroup.profile, ticket())).toThrow(NotFound);
    expect(() => workAccess(agentCaller, { ...agentProfile, staff: undefined }, ticket())).toThrow(NotFound);
  });

  it('gives admin nothing of ticket contents by that group alone', () => {
    const admin = staff('u5', ['admin'], undefined);
    expect(() => accessAsUser(admin.caller, admin.profile, ticket())).toThrow(NotFound);
  });

  it('never takes someone else’s profile for the caller’s', () => {
    const impostor: Caller = { ...agentCaller, userId: 'u-impostor' };
    expect(() => workAccess(impostor, agentProfile, ticket())).toThrow(NotFound);
  });

  it('opens a guest’s ticket only with the token whose hash it keeps', () => {
    const token = cryptoIds.secretToken();
    const guestTicket = ticket({ guest: { email: 'g@example.org', language: 'ca', tokenHash: cryptoIds.hash(token) } });
    expect(accessAsGuest(guestTicket, token, cryptoIds).as).toBe('guest');
    expect(() => accessAsGuest(guestTicket, `${token}x`, cryptoIds)).toThrow(NotFound);
    expect(() => accessAsGuest(guestTicket, undefined, cryptoIds)).toThrow(NotFound);
    expect(() => accessAsGuest(ticket(), token, cryptoIds)).toThrow(NotFound);
  });

  it('counts as staff of an organisation for filing only with a group and a profile there', () => {
    expect(isStaffOf(agentCaller, agentProfile, 'dipu')).toBe(true);
    expect(isStaffOf(agentCaller, agentProfile, 'hestia')).toBe(false);
    expect(isStaffOf(citizen, agentProfile, 'dipu')).toBe(false);
  });
});
