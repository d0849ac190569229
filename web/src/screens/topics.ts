import type { Topic } from '../api/client';

/** The choice of "none of the more precise topics": file on the level-2 topic itself. */
export const NONE = '__none__';

/** Children of a topic (or the level-1 topics for null), in the API's order. */
export const childrenOf = (topics: readonly Topic[], parentId: string | null) =>
  topics.filter((topic) => topic.parentId === parentId);

/**
 * Radio options for siblings. Several organisations may have a topic of the same name under one
 * area ("Altres"); those get their organisation added, so the choices read differently.
 */
export function topicOptions(siblings: readonly Topic[]) {
  const counts = new Map<string, number>();
  for (const topic of siblings) counts.set(topic.name, (counts.get(topic.name) ?? 0) + 1);
  return siblings.map((topic) => ({
    value: topic.id,
    label:
      (counts.get(topic.name) ?? 0) > 1 && topic.organisationId
        ? `${topic.name} (${topic.organisationId})`
        : topic.name,
  }));
}

/** The topic a ticket is filed on, given the choices at each level; undefined until one is fileable. */
export function chosenTopic(topics: readonly Topic[], path: readonly string[]): Topic | undefined {
  let chosen: Topic | undefined;
  for (const id of path) {
    if (!id) return undefined;
    if (id === NONE) return chosen?.fileable ? chosen : undefined;
    const topic = topics.find((candidate) => candidate.id === id);
    if (!topic) return undefined;
    chosen = topic;
  }
  if (!chosen) return undefined;
  return childrenOf(topics, chosen.id).length === 0 && chosen.fileable ? chosen : undefined;
}
