/**
 * Demo data for `npm start`, tests and the benchmark: the five services' catalogue and the
 * profiles of the demo users (staff with where they work). Runs inside a worker with the
 * functions' environment (see run-as-function.ts) and is safe to run on every start.
 */
import { saveCatalogue } from '../../functions/catalogue';
import type { StaffProfile } from '../../functions/profiles';
import { saveProfile } from '../../functions/profiles';
import { DEMO_CATALOGUE } from './demo-catalogue';
import { seedDemoTickets } from './demo-tickets';
import { DEMO_USERS } from './demo-users';

export interface SeedInput {
  /** Cognito ids of the demo users, by email. */
  readonly userIds: Record<string, string>;
  /** Also the town hall's demo tickets (lib/local/demo-tickets.ts): `npm start`, not tests. */
  readonly tickets?: boolean;
}

const agentOf = (organisationId: string, teamIds: string[], topicIds: string[] = []): StaffProfile => ({
  organisationId,
  teamIds,
  topicIds,
  supervisor: false,
});

/** Where each demo member of staff works, by the login before `@`. */
const STAFF: Record<string, StaffProfile> = {
  agent: agentOf('dipu', ['dipu-service-desk', 'dipu-web', 'dipu-municipal-apps']),
  supervisor: { organisationId: 'dipu', teamIds: [], topicIds: [], supervisor: true },
  agent2: agentOf('dipu', ['dipu-service-desk', 'dipu-systems', 'dipu-accounting'], ['dipu-eadmin-platform']),
  'agent.salut': agentOf('salut', ['salut-support']),
  'agent.hestia': agentOf('hestia', ['hestia-support']),
  'agent2.hestia': agentOf('hestia', ['hestia-support']),
  'agent.gencat': agentOf('gencat', ['gencat-central']),
  'agent.oac360': agentOf('oac360', ['oac360-agents']),
  'tech.oac360': agentOf('oac360', ['oac360-technical-services']),
  'supervisor.oac360': { organisationId: 'oac360', teamIds: [], topicIds: [], supervisor: true },
  'supervisor.hestia': { organisationId: 'hestia', teamIds: [], topicIds: [], supervisor: true },
  // The directorate's supervisor: late form-request steps escalate to them.
  'supervisor.gencat': { organisationId: 'gencat', teamIds: [], topicIds: [], supervisor: true },
};

export default async function seed(input: SeedInput): Promise<{ topics: number; profiles: number; tickets: number }> {
  await saveCatalogue(DEMO_CATALOGUE);
  const at = new Date().toISOString();
  let profiles = 0;
  for (const user of DEMO_USERS) {
    const userId = input.userIds[user.email];
    if (!userId) continue;
    const staff = STAFF[user.email.split('@')[0] ?? ''];
    await saveProfile({
      userId,
      name: user.name,
      email: user.email,
      emailVerified: true,
      language: user.locale,
      ...(staff ? { staff } : {}),
      // As a first sign-in would make it: administration changes profiles at the version it read.
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    profiles += 1;
  }
  const byLogin = Object.fromEntries(
    Object.entries(input.userIds).map(([email, userId]) => [email.split('@')[0] ?? email, userId]),
  );
  const tickets = input.tickets ? await seedDemoTickets(byLogin) : 0;
  return { topics: DEMO_CATALOGUE.topics.length, profiles, tickets };
}
