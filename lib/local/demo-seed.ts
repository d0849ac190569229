/**
 * Demo data for `npm start`, tests and the benchmark: the five services' catalogue and the
 * profiles of the demo users (staff with where they work). Runs inside a worker with the
 * functions' environment (see run-as-function.ts) and is safe to run on every start.
 */
import { saveCatalogue } from '../../functions/catalogue';
import type { StaffProfile } from '../../functions/profiles';
import { saveProfile } from '../../functions/profiles';
import { DEMO_CATALOGUE } from './demo-catalogue';
import { DEMO_USERS } from './demo-users';

export interface SeedInput {
  /** Cognito ids of the demo users, by role. */
  readonly userIds: Record<string, string>;
}

/** Which organisation and teams each demo member of staff works in. */
const STAFF: Record<string, StaffProfile> = {
  agent: {
    organisationId: 'dipu',
    teamIds: ['dipu-service-desk', 'dipu-web', 'dipu-municipal-apps'],
    topicIds: [],
    supervisor: false,
  },
  supervisor: { organisationId: 'dipu', teamIds: [], topicIds: [], supervisor: true },
};

export default async function seed(input: SeedInput): Promise<{ topics: number; profiles: number }> {
  await saveCatalogue(DEMO_CATALOGUE);
  const at = new Date().toISOString();
  let profiles = 0;
  for (const user of DEMO_USERS) {
    const userId = input.userIds[user.role];
    if (!userId) continue;
    const staff = STAFF[user.role];
    await saveProfile({
      userId,
      name: user.name,
      email: user.email,
      emailVerified: true,
      language: user.locale,
      ...(staff ? { staff } : {}),
      createdAt: at,
      updatedAt: at,
    });
    profiles += 1;
  }
  return { topics: DEMO_CATALOGUE.topics.length, profiles };
}
