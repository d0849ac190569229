/**
 * The town hall's day as demo tickets, for `npm start` (never for tests or the benchmark): filed
 * and worked through the same use cases the API runs, at instants in the past, so the portal and
 * the API show routing, queues, a forward to technical services, a pause that moved a due time,
 * and, once the sweeper has run (within a minute of starting), a breach escalated to the town
 * hall's supervisor. Written once: skipped when the demo citizen has tickets already.
 */
import { loadCatalogue } from '../../functions/catalogue';
import { ratingToken } from '../../functions/mail';
import { cryptoIds } from '../../functions/platform/ids';
import type { Caller } from '../../functions/platform/kernel/caller';
import { getProfile, type Profile } from '../../functions/profiles';
import type { StaffMember } from '../../functions/tickets/domain/access';
import { reply } from '../../functions/tickets/domain/conversation';
import { openTicket } from '../../functions/tickets/domain/filing';
import { DEFAULT_FILING_LIMITS } from '../../functions/tickets/domain/limits';
import type { TicketRecord } from '../../functions/tickets/domain/model';
import type { TicketDeps } from '../../functions/tickets/domain/ports';
import { updateTicket } from '../../functions/tickets/domain/staff-changes';
import { dynamoTicketStore } from '../../functions/tickets/store';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The use cases at a chosen instant: the demo's past. */
const at = (instant: number): TicketDeps => ({
  store: dynamoTicketStore,
  catalogue: { load: () => loadCatalogue() },
  clock: { now: () => new Date(instant) },
  ids: cryptoIds,
  links: { ratingToken },
  limits: DEFAULT_FILING_LIMITS,
});

async function person(userId: string | undefined): Promise<Profile> {
  const profile = userId ? await getProfile(userId) : undefined;
  if (!profile) throw new Error('Demo tickets need the demo profiles seeded first');
  return profile;
}

const asMember = (profile: Profile): StaffMember => {
  if (!profile.staff) throw new Error(`${profile.name} is not staff`);
  return { ...profile, staff: profile.staff };
};

/** `userIds`: Cognito ids of the demo people by login (before `@`). */
export async function seedDemoTickets(userIds: Record<string, string>): Promise<number> {
  const citizen = await person(userIds.citizen);
  if ((await dynamoTicketStore.listByRequester(citizen.userId, { limit: 1 })).items.length > 0) return 0;
  const agent = asMember(await person(userIds['agent.oac360']));
  const tech = asMember(await person(userIds['tech.oac360']));
  const caller: Caller = { userId: citizen.userId, groups: [], token: { use: 'access', raw: 'demo' } };
  const filer = { kind: 'user' as const, caller, profile: citizen, client: '127.0.0.1' };
  const now = Date.now();
  let filed = 0;
  const file = (instant: number, subject: string, description: string) => {
    filed += 1;
    return openTicket(at(instant), filer, {
      type: 'complaint',
      topicId: 'oac360-service-feedback',
      subject,
      description,
      fields: {},
    });
  };
  const asStaff = (member: StaffMember, ticket: TicketRecord) => ({ as: 'staff' as const, ticket, member });

  // Filed a week ago and never answered: past its first-response time, the sweeper escalates it.
  await file(
    now - 7 * DAY,
    'Ningú no em respon',
    'Fa una setmana que vaig demanar cita prèvia i no he rebut resposta.',
  );

  // Taken by the first-level agent, then forwarded to technical services.
  const broken = await file(
    now - 2 * DAY,
    'El formulari d’instància dona error',
    'En enviar la instància genèrica surt un error 500.',
  );
  const taken = await updateTicket(
    at(now - 2 * DAY + HOUR),
    asStaff(agent, broken),
    { assigneeId: agent.userId, status: 'in_progress' },
    broken.version,
    agent,
  );
  const forwarded = await updateTicket(
    at(now - 2 * DAY + 2 * HOUR),
    asStaff(agent, taken),
    { teamId: 'oac360-technical-services' },
    taken.version,
    undefined,
  );

  // Technical services asked the citizen; they answered a day later: the due times moved by that pause.
  const asked = await reply(at(now - DAY - 20 * HOUR), asStaff(tech, forwarded), {
    body: 'Quin navegador feu servir, i a quina hora va passar?',
    requestInfo: true,
  });
  await reply(
    at(now - 20 * HOUR),
    { as: 'requester', ticket: asked },
    { body: 'Firefox, ahir cap a les deu del matí.' },
  );

  // Just filed: waiting in the first-level agents' queue for someone to take it.
  await file(now - HOUR, 'Horari d’estiu de l’OAC', 'Quin horari fa l’OAC durant el mes d’agost?');
  return filed;
}
