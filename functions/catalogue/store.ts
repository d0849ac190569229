import type * as z from '../../contracts/zod';
import { KEYS, KINDS } from '../platform/table/keys';
import { decode, item, kindOf, putItems, queryPartition, type TransactItem } from '../platform/table/table';
import {
  Catalogue,
  type CatalogueInput,
  OrganisationDefinition,
  TeamDefinition,
  TopicDefinition,
} from './domain/model';

/** Topics change rarely; a function instance re-reads them at most once a minute. */
const CACHE_MS = 60_000;
let cached: { at: number; catalogue: Promise<Catalogue> } | undefined;

/** The whole catalogue (organisations, teams, topics) in one Query of its partition, cached per instance. */
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

const definitionOf = <S extends z.ZodMiniType>(schema: S, stored: Record<string, unknown>) =>
  decode(schema, stored.definition as Record<string, unknown>);

async function readCatalogue(): Promise<Catalogue> {
  const catalogue: Catalogue = { organisations: [], teams: [], topics: [] };
  for (const stored of await queryPartition(KEYS.catalogue.partition)) {
    const kind = kindOf(stored);
    if (kind === KINDS.organisation) catalogue.organisations.push(definitionOf(OrganisationDefinition, stored));
    else if (kind === KINDS.team) catalogue.teams.push(definitionOf(TeamDefinition, stored));
    else if (kind === KINDS.topic) catalogue.topics.push(definitionOf(TopicDefinition, stored));
  }
  return catalogue;
}

/** Writes (or overwrites) catalogue entries, checked as a whole first; seeds demo data, and administration will. */
export async function saveCatalogue(input: CatalogueInput): Promise<void> {
  const catalogue = Catalogue.parse(input);
  await putItems([
    ...catalogue.organisations.map((definition) =>
      item(KINDS.organisation, KEYS.catalogue.organisation(definition.id), { definition }),
    ),
    ...catalogue.teams.map((definition) =>
      item(KINDS.team, KEYS.catalogue.team(definition.id), { organisationId: definition.organisationId, definition }),
    ),
    ...catalogue.topics.map((definition) =>
      item(KINDS.topic, KEYS.catalogue.topic(definition.id), { organisationId: definition.organisationId, definition }),
    ),
  ]);
  cached = undefined;
}

/**
 * A transaction item that holds only while the team or topic exists in the organisation:
 * a write that refers to one cannot commit after it moved or went away, however old the
 * instance's cached catalogue.
 */
export function belongsToOrganisation(kind: 'team' | 'topic', id: string, organisationId: string): TransactItem {
  return {
    ConditionCheck: {
      Key: { ...KEYS.catalogue[kind](id) },
      ConditionExpression: 'organisationId = :organisation',
      ExpressionAttributeValues: { ':organisation': organisationId },
    },
  };
}
