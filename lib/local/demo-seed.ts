/**
 * Demo data for `npm start`, tests and the benchmark: the five services' catalogue and the
 * staff profiles of the demo agent and supervisor. Runs inside a worker with the functions'
 * environment (see run-as-function.ts) and is safe to run on every start.
 */
import type { AgentProfile } from '../../functions/domain/tickets/staff';
import { saveAgentProfile } from '../../functions/store/agent-store';
import { saveCatalogue } from '../../functions/store/catalogue-store';
import { DEMO_CATALOGUE } from './demo-catalogue';

export interface SeedInput {
  /** Cognito ids of the demo users, by role. */
  readonly userIds: Record<string, string>;
}

/** Which organisation and teams each demo staff member works in. */
const STAFF: Record<string, Omit<AgentProfile, 'userId'>> = {
  agent: {
    organisationId: 'dipu',
    name: 'Jordi Agent',
    teamIds: ['dipu-service-desk', 'dipu-web', 'dipu-municipal-apps'],
    topicIds: [],
    supervisor: false,
  },
  supervisor: {
    organisationId: 'dipu',
    name: 'Marta Supervisora',
    teamIds: [],
    topicIds: [],
    supervisor: true,
  },
};

export default async function seed(input: SeedInput): Promise<{ topics: number; agents: number }> {
  await saveCatalogue(DEMO_CATALOGUE);
  let agents = 0;
  for (const [role, profile] of Object.entries(STAFF)) {
    const userId = input.userIds[role];
    if (!userId) continue;
    await saveAgentProfile({ userId, ...profile });
    agents += 1;
  }
  return { topics: DEMO_CATALOGUE.topics.length, agents };
}
