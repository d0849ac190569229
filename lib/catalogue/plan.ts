/**
 * What importing a catalogue file into a stack would do, worked out from the file and the
 * documents the stack holds (`GET /catalogues/{organisationId}`): pure, no I/O.
 *
 * Each document of the file is created (the stack has none), updated (it differs: the differing
 * paths are listed) or left unchanged. Documents the stack holds and the file does not are kept:
 * the administration API has no delete routes, on purpose.
 */
import type { CatalogueDocuments, CatalogueFile } from '../../contracts/admin';
import { ownerOf } from './files';
import { formatPath, type Path } from './path';

export type DocumentKind = 'organisation' | 'calendar' | 'slaPolicy' | 'team' | 'topic';

export type PlannedAction = 'create' | 'update' | 'unchanged';

export interface PlannedDocument {
  readonly kind: DocumentKind;
  /** How the plan names it, and where it is PUT below the API's URL: `topics/hestia-access`. */
  readonly name: string;
  readonly action: PlannedAction;
  /** The PUT body: the document without its id. */
  readonly body: Readonly<Record<string, unknown>>;
  /** The stored version an update replaces, sent as `If-Match`; none for a create. */
  readonly version?: number;
  /** For an update, what differs: `form.fields[2].label.oc`. */
  readonly differences: readonly string[];
}

/** A document the stack holds and the file does not: left as it is. */
export interface KeptDocument {
  readonly kind: DocumentKind;
  readonly name: string;
}

export interface ImportPlan {
  /** Whose catalogue: the file's organisation, or `shared` for the level-1 topics. */
  readonly organisationId: string;
  /** Every document of the file, in the order they are applied: parents before what refers to them. */
  readonly documents: readonly PlannedDocument[];
  readonly kept: readonly KeptDocument[];
}

/** What a stored document carries beside its content: who changed it, when, its version (and its key). */
const STAMPS = ['id', 'version', 'updatedAt', 'updatedBy'] as const;

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const without = (document: object, keys: readonly string[]): Plain =>
  Object.fromEntries(Object.entries(document).filter(([key]) => !keys.includes(key)));

/** The paths at which two JSON values differ; arrays compare index by index. */
export function differencesBetween(wanted: unknown, stored: unknown, path: Path = []): string[] {
  if (Object.is(wanted, stored)) return [];
  if (Array.isArray(wanted) && Array.isArray(stored)) {
    return Array.from({ length: Math.max(wanted.length, stored.length) }, (_, index) =>
      differencesBetween(wanted[index], stored[index], [...path, index]),
    ).flat();
  }
  if (isPlain(wanted) && isPlain(stored)) {
    const keys = [...new Set([...Object.keys(wanted), ...Object.keys(stored)])];
    return keys.flatMap((key) => differencesBetween(wanted[key], stored[key], [...path, key]));
  }
  return [path.length === 0 ? '(the whole document)' : formatPath(path)];
}

const ROUTES: Record<DocumentKind, string> = {
  organisation: 'organisations',
  calendar: 'calendars',
  slaPolicy: 'sla-policies',
  team: 'teams',
  topic: 'topics',
};

const nameOf = (kind: DocumentKind, id: string) => `${ROUTES[kind]}/${encodeURIComponent(id)}`;

/**
 * One document of the file against what the stack stores under the same key. `stampsOnly` are
 * stored fields the file does not write (the calendar's and SLA policy's `organisationId`).
 */
function planOne(
  kind: DocumentKind,
  id: string,
  body: Plain,
  stored: (Plain & { version: number }) | undefined,
  stampsOnly: readonly string[] = [],
): PlannedDocument {
  const name = nameOf(kind, id);
  if (stored === undefined) return { kind, name, action: 'create', body, differences: [] };
  const differences = differencesBetween(body, without(stored, [...STAMPS, ...stampsOnly]));
  return {
    kind,
    name,
    action: differences.length === 0 ? 'unchanged' : 'update',
    body,
    version: stored.version,
    differences,
  };
}

/**
 * The plan to bring `stored` (the stack's documents of the file's organisation) to what `file`
 * says. The file must have passed `parseCatalogueFile`, which checks that everything in it
 * belongs to one organisation (or, without one, is a shared level-1 topic).
 *
 * Order: organisation, calendar, SLA policy, teams, then topics by level (a topic's parent and
 * team exist before it). An SLA policy with rules for given topics goes after the topics.
 */
export function planImport(file: CatalogueFile, stored: CatalogueDocuments): ImportPlan {
  const organisationId = ownerOf(file);
  const documents: PlannedDocument[] = [];
  if (file.organisation) {
    const { id, ...body } = file.organisation;
    documents.push(planOne('organisation', id, body, stored.organisation ?? undefined));
  }
  if (file.calendar) {
    documents.push(
      planOne('calendar', organisationId, file.calendar, stored.calendar ?? undefined, ['organisationId']),
    );
  }
  const slaPolicy =
    file.slaPolicy &&
    planOne('slaPolicy', organisationId, file.slaPolicy, stored.slaPolicy ?? undefined, ['organisationId']);
  const policyNamesTopics = file.slaPolicy?.rules.some((rule) => rule.topicId !== undefined) ?? false;
  if (slaPolicy && !policyNamesTopics) documents.push(slaPolicy);

  const storedTeams = new Map(stored.teams.map((team) => [team.id, team]));
  for (const { id, ...body } of file.teams) documents.push(planOne('team', id, body, storedTeams.get(id)));

  const storedTopics = new Map(stored.topics.map((topic) => [topic.id, topic]));
  const byLevel = [...file.topics].sort((a, b) => a.level - b.level);
  for (const { id, ...body } of byLevel) documents.push(planOne('topic', id, body, storedTopics.get(id)));

  if (slaPolicy && policyNamesTopics) documents.push(slaPolicy);

  const inFile = new Set(documents.map((document) => document.name));
  const kept: KeptDocument[] = [
    ...(stored.organisation
      ? [{ kind: 'organisation' as const, name: nameOf('organisation', stored.organisation.id) }]
      : []),
    ...(stored.calendar ? [{ kind: 'calendar' as const, name: nameOf('calendar', organisationId) }] : []),
    ...(stored.slaPolicy ? [{ kind: 'slaPolicy' as const, name: nameOf('slaPolicy', organisationId) }] : []),
    ...stored.teams.map((team) => ({ kind: 'team' as const, name: nameOf('team', team.id) })),
    ...stored.topics.map((topic) => ({ kind: 'topic' as const, name: nameOf('topic', topic.id) })),
  ].filter((document) => !inFile.has(document.name));

  return { organisationId, documents, kept };
}

export interface PlanCounts {
  readonly create: number;
  readonly update: number;
  readonly unchanged: number;
  readonly kept: number;
}

export const countsOf = (plan: ImportPlan): PlanCounts => ({
  create: plan.documents.filter((document) => document.action === 'create').length,
  update: plan.documents.filter((document) => document.action === 'update').length,
  unchanged: plan.documents.filter((document) => document.action === 'unchanged').length,
  kept: plan.kept.length,
});
