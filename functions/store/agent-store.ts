import type { AgentProfile } from '../domain/tickets/staff';
import { AgentEntity } from './entities';

export async function loadAgentProfile(userId: string): Promise<AgentProfile | undefined> {
  const { data } = await AgentEntity.get({ userId }).go();
  return data
    ? {
        userId: data.userId,
        organisationId: data.organisationId,
        name: data.name,
        teamIds: data.teamIds ?? [],
        topicIds: data.topicIds ?? [],
        supervisor: data.supervisor ?? false,
      }
    : undefined;
}

export async function saveAgentProfile(profile: AgentProfile): Promise<void> {
  await AgentEntity.put({ ...profile, teamIds: [...profile.teamIds], topicIds: [...profile.topicIds] }).go();
}
