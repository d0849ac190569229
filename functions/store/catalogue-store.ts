import { Catalogue } from '../domain/catalogue/model';
import { OrganisationEntity, store, TeamEntity, TopicEntity } from './entities';

/** Topics change rarely; a function instance re-reads them at most once a minute. */
const CACHE_MS = 60_000;
let cached: { at: number; catalogue: Promise<Catalogue> } | undefined;

/** The whole catalogue (organisations, teams, topics) in one Query of its partition. */
export function loadCatalogue(now = Date.now()): Promise<Catalogue> {
  if (!cached || now - cached.at > CACHE_MS) {
    const catalogue = readCatalogue();
    cached = { at: now, catalogue };
    catalogue.catch(() => {
      cached = undefined;
    });
  }
  return cached.catalogue;
}

async function readCatalogue(): Promise<Catalogue> {
  const { data } = await store.collections.catalogue({}).go({ pages: 'all' });
  return Catalogue.parse({
    organisations: data.organisation.map((item) => item.definition),
    teams: data.team.map((item) => item.definition),
    topics: data.topic.map((item) => item.definition),
  });
}

/** Writes (or overwrites) catalogue entries; used to seed demo data and by administration. */
export async function saveCatalogue(catalogue: Catalogue): Promise<void> {
  const valid = Catalogue.parse(catalogue);
  await OrganisationEntity.put(
    valid.organisations.map((definition) => ({ organisationId: definition.id, definition })),
  ).go();
  await TeamEntity.put(valid.teams.map((definition) => ({ teamId: definition.id, definition }))).go();
  await TopicEntity.put(valid.topics.map((definition) => ({ topicId: definition.id, definition }))).go();
  cached = undefined;
}
