import type * as z from '../../contracts/zod';
import { ENV } from '../platform/env';
import { KEYS, KINDS, TABLE_KEYS } from '../platform/table/keys';
import { decode, item, kindOf, putItems, queryPartition, type TransactItem } from '../platform/table/table';
import { BusinessCalendar, SlaPolicy } from '../sla/domain/index';
import {
  Catalogue,
  type CatalogueInput,
  OrganisationDefinition,
  TeamDefinition,
  TopicDefinition,
} from './domain/model';

/** Topics change rarely; a function instance re-reads them at most once a minute (or as configured). */
const CACHE_MS = cacheSeconds(process.env[ENV.catalogueCacheSeconds]) * 1000;

function cacheSeconds(configured: string | undefined): number {
  const seconds = configured?.trim() ? Number(configured) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : 60;
}
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

/** The kinds of document the catalogue partition holds, each its own item with its own version. */
export type DocumentKind = 'organisation' | 'calendar' | 'slaPolicy' | 'team' | 'topic';
const SCHEMAS = {
  organisation: OrganisationDefinition,
  calendar: BusinessCalendar,
  slaPolicy: SlaPolicy,
  team: TeamDefinition,
  topic: TopicDefinition,
} as const;

/** A catalogue document as stored: its definition, where it belongs, and who changed it last. */
export interface StoredDocument {
  readonly kind: DocumentKind;
  /** The organisation's id for its calendar and policy, else the team's or topic's own. */
  readonly id: string;
  /** Null for the shared level-1 topics. */
  readonly organisationId: string | null;
  readonly definition: Record<string, unknown>;
  readonly version: number;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

const isDocumentKind = (kind: unknown): kind is DocumentKind => typeof kind === 'string' && kind in SCHEMAS;

/** Every catalogue document with its version, in one Query (consistent for a write that follows). */
export async function readDocuments({ consistent = false } = {}): Promise<StoredDocument[]> {
  const documents: StoredDocument[] = [];
  for (const stored of await queryPartition(KEYS.catalogue.partition, { consistent })) {
    const kind = kindOf(stored);
    if (!isDocumentKind(kind)) continue;
    const definition = definitionOf(SCHEMAS[kind], stored) as Record<string, unknown>;
    documents.push({
      kind,
      id: String(stored.documentId ?? definition.id),
      organisationId: (stored.organisationId as string | null | undefined) ?? null,
      definition,
      version: Number(stored.version ?? 1),
      updatedAt: String(stored.updatedAt ?? ''),
      updatedBy: String(stored.updatedBy ?? ''),
    });
  }
  return documents;
}

/** The catalogue the documents make: each organisation with its calendar and SLA policy. */
export function catalogueOf(documents: readonly StoredDocument[]): Catalogue {
  const of = (kind: DocumentKind) => documents.filter((document) => document.kind === kind);
  const calendars = new Map(of('calendar').map((document) => [document.id, document.definition]));
  const policies = new Map(of('slaPolicy').map((document) => [document.id, document.definition]));
  return {
    organisations: of('organisation').map((document) => {
      const calendar = calendars.get(document.id);
      const slaPolicy = policies.get(document.id);
      return {
        ...(document.definition as OrganisationDefinition),
        ...(calendar ? { calendar: calendar as unknown as OrganisationDefinition['calendar'] } : {}),
        ...(slaPolicy ? { slaPolicy: slaPolicy as unknown as OrganisationDefinition['slaPolicy'] } : {}),
      };
    }),
    teams: of('team').map((document) => document.definition as TeamDefinition),
    topics: of('topic').map((document) => document.definition as TopicDefinition),
  };
}

const readCatalogue = async (): Promise<Catalogue> => catalogueOf(await readDocuments());

const KEY_OF = {
  organisation: KEYS.catalogue.organisation,
  calendar: KEYS.catalogue.calendar,
  slaPolicy: KEYS.catalogue.slaPolicy,
  team: KEYS.catalogue.team,
  topic: KEYS.catalogue.topic,
} as const;

/**
 * A document written at a version: a new one (`expectedVersion` undefined) only if absent, a
 * change only if the stored version is still the one the writer read.
 */
export function putDocument(
  document: Omit<StoredDocument, 'version'>,
  expectedVersion: number | undefined,
): TransactItem & { readonly Put: object } {
  const version = (expectedVersion ?? 0) + 1;
  return {
    Put: {
      Item: item(KINDS[document.kind], KEY_OF[document.kind](document.id), {
        documentId: document.id,
        organisationId: document.organisationId,
        definition: document.definition,
        version,
        updatedAt: document.updatedAt,
        updatedBy: document.updatedBy,
      }),
      ...(expectedVersion === undefined
        ? {
            ConditionExpression: 'attribute_not_exists(#pk)',
            ExpressionAttributeNames: { '#pk': TABLE_KEYS.partitionKey },
          }
        : {
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': expectedVersion },
          }),
    },
  };
}

/** Forgets this instance's cached catalogue: the next read sees a change just made. */
export function forgetCatalogue(): void {
  cached = undefined;
}

/** Writes (or overwrites) a whole catalogue at version 1, checked as a whole first: the demo data of `npm start` and tests. */
export async function saveCatalogue(input: CatalogueInput, by = 'seed'): Promise<void> {
  const catalogue = Catalogue.parse(input);
  const updatedAt = new Date().toISOString();
  const document = (kind: DocumentKind, id: string, organisationId: string | null, definition: object) =>
    item(KINDS[kind], KEY_OF[kind](id), {
      documentId: id,
      organisationId,
      definition,
      version: 1,
      updatedAt,
      updatedBy: by,
    });
  await putItems([
    ...catalogue.organisations.flatMap(({ calendar, slaPolicy, ...organisation }) => [
      document('organisation', organisation.id, organisation.id, organisation),
      ...(calendar ? [document('calendar', organisation.id, organisation.id, calendar)] : []),
      ...(slaPolicy ? [document('slaPolicy', organisation.id, organisation.id, slaPolicy)] : []),
    ]),
    ...catalogue.teams.map((team) => document('team', team.id, team.organisationId, team)),
    ...catalogue.topics.map((topic) => document('topic', topic.id, topic.organisationId, topic)),
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
