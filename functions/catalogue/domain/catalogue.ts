import { LANGUAGES, type Language } from '../../../contracts/vocabulary';
import type { Catalogue, OrganisationDefinition, TeamDefinition, TopicDefinition } from './model';

/** Topics a caller may see: requesters never see internal (organisational) topics. */
export const visibleTopics = (catalogue: Catalogue, staff: boolean): TopicDefinition[] =>
  catalogue.topics
    .filter((topic) => staff || !topic.internal)
    .sort((a, b) => a.level - b.level || (a.order ?? 0) - (b.order ?? 0) || a.id.localeCompare(b.id));

export const findTopic = (catalogue: Catalogue, topicId: string): TopicDefinition | undefined =>
  catalogue.topics.find((topic) => topic.id === topicId);

export const findOrganisation = (catalogue: Catalogue, organisationId: string): OrganisationDefinition | undefined =>
  catalogue.organisations.find((organisation) => organisation.id === organisationId);

export const findTeam = (catalogue: Catalogue, teamId: string): TeamDefinition | undefined =>
  catalogue.teams.find((team) => team.id === teamId);

/** Names from the top level down to the topic, in one language. */
function topicPath(catalogue: Catalogue, topic: TopicDefinition, language: Language): string[] {
  const names: string[] = [];
  let current: TopicDefinition | undefined = topic;
  for (let depth = 0; current && depth < 3; depth++) {
    names.unshift(current.name[language]);
    current = current.parentId ? findTopic(catalogue, current.parentId) : undefined;
  }
  return names;
}

/** The topic's path in every language: what a ticket keeps of the topic it is classified under. */
export const topicPaths = (catalogue: Catalogue, topic: TopicDefinition): Record<Language, string[]> =>
  Object.fromEntries(LANGUAGES.map((language) => [language, topicPath(catalogue, topic, language)])) as Record<
    Language,
    string[]
  >;

/** Tickets are filed on an organisation's topics (levels 2–3); level 1 is the shared catalogue to browse. */
export const isFileable = (topic: TopicDefinition): boolean => topic.organisationId !== null && topic.level > 1;

/** The level-1 and level-2 topics a topic is filed under (itself, at its level): the indicators' breakdown by topic. */
export function topicLevels(catalogue: Catalogue, topicId: string): { level1?: string; level2?: string } {
  const levels: { level1?: string; level2?: string } = {};
  for (let topic = findTopic(catalogue, topicId), depth = 0; topic && depth < 3; depth++) {
    if (topic.level === 1) levels.level1 = topic.id;
    if (topic.level === 2) levels.level2 = topic.id;
    topic = topic.parentId ? findTopic(catalogue, topic.parentId) : undefined;
  }
  return levels;
}
