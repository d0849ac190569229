import type { AgentList, TeamList } from '../../../contracts/desk';
import type { Language } from '../../../contracts/vocabulary';
import type { Catalogue } from '../../catalogue/domain/index';
import type { Profile } from '../../profiles/domain/index';

/** The organisation's teams, first-level ones first, named in the reader's language. */
export const teamsView = (catalogue: Catalogue, organisationId: string, language: Language): TeamList => ({
  items: catalogue.teams
    .filter((team) => team.organisationId === organisationId)
    .toSorted((a, b) => a.level - b.level || a.name[language].localeCompare(b.name[language], language))
    .map((team) => ({ id: team.id, name: team.name[language], level: team.level, assignment: team.assignment })),
});

/** The organisation's staff by name, with where each works: nothing else of their profile. */
export const agentsView = (staff: readonly Profile[], language: Language): AgentList => ({
  items: staff
    .flatMap((profile) => (profile.staff ? [{ ...profile, staff: profile.staff }] : []))
    .toSorted((a, b) => a.name.localeCompare(b.name, language))
    .map((profile) => ({
      userId: profile.userId,
      name: profile.name,
      teamIds: [...profile.staff.teamIds],
      topicIds: [...profile.staff.topicIds],
      supervisor: profile.staff.supervisor,
    })),
});
