import type { Catalogue } from '../../catalogue/domain/index';
import type { Profile } from '../../profiles/domain/index';

/**
 * The agents a team's new ticket on `topicId` may be given automatically: the team's members
 * who are not supervisors and who handle the topic. An agent who lists some of the team's own
 * topics is a specialist in those; one who lists none of them handles all of the team's topics.
 * Sorted by id, the order round-robin goes in.
 */
export function eligibleAgents(
  catalogue: Catalogue,
  teamId: string,
  topicId: string,
  staff: readonly Profile[],
): Profile[] {
  const teamTopics = new Set(catalogue.topics.filter((topic) => topic.teamId === teamId).map((topic) => topic.id));
  return staff
    .filter((person) => {
      const work = person.staff;
      if (!work || work.supervisor || !work.teamIds.includes(teamId)) return false;
      const specialities = work.topicIds.filter((id) => teamTopics.has(id));
      return specialities.length === 0 || specialities.includes(topicId);
    })
    .toSorted((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
}

/**
 * Whom to give the ticket: the candidate with the fewest open tickets; among equals, the first
 * after the one the team's previous ticket went to, round the candidates' order (so equals take
 * turns). `candidates` must be non-empty and in round-robin order.
 */
export function pickAssignee(
  candidates: readonly string[],
  openTickets: ReadonlyMap<string, number>,
  previous: string | undefined,
): string {
  const load = (id: string) => openTickets.get(id) ?? 0;
  const fewest = Math.min(...candidates.map(load));
  const least = candidates.filter((id) => load(id) === fewest);
  return least.find((id) => previous !== undefined && id > previous) ?? (least[0] as string);
}
