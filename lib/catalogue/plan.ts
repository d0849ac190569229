/**
 * What importing a catalogue file into a stack would do, worked out from the file and the
 * documents the stack holds (`GET /catalogues/{organisationId}`): pure, no I/O.
 *
 * Each document of the file is created (the stack has none), updated (it differs: the differing
 * paths are listed) or left unchanged. Documents the stack holds and the file does not are kept:
 * the administration API has no delete routes, on purpose.
 *
 * The documents to create or update are also put through the administration API's own checks
 * (functions/admin/domain/validation.ts), each against the catalogue as it will be when its PUT
 * comes, so that what the API would refuse half-way is found before the first change.
 */
import type { CalendarDocument } from '../../contracts/admin';
import type { CatalogueDocuments, CatalogueFile } from '../../contracts/admin-views';
import type { OrganisationDocument, SlaPolicy, TeamDocument, TopicDocument } from '../../contracts/catalogue';
import {
  checkCalendar,
  checkOrganisation,
  checkSlaPolicy,
  checkTeam,
  checkTopic,
} from '../../functions/admin/domain/validation';
import type { Catalogue } from '../../functions/catalogue/domain/index';
import { DomainError, ValidationFailed } from '../../functions/platform/kernel/errors';
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

/** What the API would refuse in a document to create or update: found before any change is made. */
export interface PlanProblem {
  /** The document's name in the plan: `topics/hestia-access`. */
  readonly document: string;
  /** Where in the file: `topics[3].teamId`. */
  readonly path: Path;
  readonly message: string;
}

export interface ImportPlan {
  /** Whose catalogue: the file's organisation, or `shared` for the level-1 topics. */
  readonly organisationId: string;
  /** Every document of the file, in the order they are applied: parents before what refers to them. */
  readonly documents: readonly PlannedDocument[];
  readonly kept: readonly KeptDocument[];
  /** Applying a plan with problems would stop at the first, leaving the documents before it changed. */
  readonly problems: readonly PlanProblem[];
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
export function planImport(
  file: CatalogueFile,
  stored: CatalogueDocuments,
  /**
   * The shared level-1 topics, the parents of the file's level-2 topics, when the importer may
   * read them (admins); without them those parents are left for the API to check.
   */
  sharedTopics?: CatalogueDocuments['topics'],
): ImportPlan {
  const organisationId = ownerOf(file);
  const planned: Located[] = [];
  if (file.organisation) {
    const { id, ...body } = file.organisation;
    const document = planOne('organisation', id, body, stored.organisation ?? undefined);
    planned.push({ document, id, at: ['organisation'] });
  }
  if (file.calendar) {
    const document = planOne('calendar', organisationId, file.calendar, stored.calendar ?? undefined, [
      'organisationId',
    ]);
    planned.push({ document, id: organisationId, at: ['calendar'] });
  }
  const slaPolicy: Located | undefined = file.slaPolicy && {
    document: planOne('slaPolicy', organisationId, file.slaPolicy, stored.slaPolicy ?? undefined, ['organisationId']),
    id: organisationId,
    at: ['slaPolicy'],
  };
  const policyNamesTopics = file.slaPolicy?.rules.some((rule) => rule.topicId !== undefined) ?? false;
  if (slaPolicy && !policyNamesTopics) planned.push(slaPolicy);

  const storedTeams = new Map(stored.teams.map((team) => [team.id, team]));
  file.teams.forEach(({ id, ...body }, index) => {
    planned.push({ document: planOne('team', id, body, storedTeams.get(id)), id, at: ['teams', index] });
  });

  const storedTopics = new Map(stored.topics.map((topic) => [topic.id, topic]));
  const byLevel = [...file.topics.entries()].sort(([, a], [, b]) => a.level - b.level);
  for (const [index, { id, ...body }] of byLevel) {
    planned.push({ document: planOne('topic', id, body, storedTopics.get(id)), id, at: ['topics', index] });
  }

  if (slaPolicy && policyNamesTopics) planned.push(slaPolicy);
  const documents = planned.map(({ document }) => document);

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

  const problems = problemsOf(planned, stored, sharedTopics);
  return { organisationId, documents, kept, problems };
}

/** A planned document with its id and where the file has it. */
interface Located {
  readonly document: PlannedDocument;
  readonly id: string;
  readonly at: Path;
}

type Definition = Record<string, unknown> & { id: string };
interface Simulated {
  organisations: Definition[];
  teams: Definition[];
  topics: Definition[];
}

const UNSTAMPED = ['version', 'updatedAt', 'updatedBy'];
const definitionOf = (stored: { id: string }): Definition => ({ ...without(stored, UNSTAMPED), id: stored.id });

function upsert(list: Definition[], definition: Definition): void {
  const index = list.findIndex((candidate) => candidate.id === definition.id);
  if (index === -1) list.push(definition);
  else list[index] = definition;
}

function requireOrganisation(catalogue: Catalogue, organisationId: string): void {
  if (!catalogue.organisations.some((organisation) => organisation.id === organisationId)) {
    throw new ValidationFailed([{ path: '', message: 'No such organisation: give it in this file.' }]);
  }
}

/** The API's check of each kind of document (as its PUT routes run them), against the catalogue before the PUT. */
const CHECKS: Record<
  DocumentKind,
  (catalogue: Catalogue, id: string, body: Readonly<Record<string, unknown>>) => void
> = {
  organisation: (catalogue, id, body) => checkOrganisation(catalogue, id, body as OrganisationDocument),
  calendar: (catalogue, id, body) => {
    requireOrganisation(catalogue, id);
    checkCalendar(body as CalendarDocument);
  },
  slaPolicy: (catalogue, id, body) => {
    requireOrganisation(catalogue, id);
    checkSlaPolicy(catalogue, id, body as SlaPolicy);
  },
  team: (catalogue, id, body) => checkTeam(catalogue, id, body as TeamDocument),
  topic: (catalogue, id, body) => checkTopic(catalogue, id, body as TopicDocument),
};

/** The API names places as `form.fields.0.name`; the file as a path. */
const pathOf = (apiPath: string): Path =>
  apiPath
    .split('.')
    .filter((part) => part !== '')
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));

/**
 * Plays the plan's PUTs against a copy of the stack's catalogue, checking each created or
 * updated document as the API would then, and reports what it would refuse. Other
 * organisations are not seen (a ticket prefix another one uses is still the API's to refuse).
 */
function problemsOf(
  planned: readonly Located[],
  stored: CatalogueDocuments,
  sharedTopics: CatalogueDocuments['topics'] | undefined,
): PlanProblem[] {
  const withoutOwner = (document: object) => without(document, [...UNSTAMPED, 'organisationId']);
  const simulated: Simulated = {
    organisations: stored.organisation
      ? [
          {
            ...definitionOf(stored.organisation),
            ...(stored.calendar && { calendar: withoutOwner(stored.calendar) }),
            ...(stored.slaPolicy && { slaPolicy: withoutOwner(stored.slaPolicy) }),
          },
        ]
      : [],
    teams: stored.teams.map(definitionOf),
    topics: [...(sharedTopics ?? []), ...stored.topics].map(definitionOf),
  };
  const catalogue = simulated as unknown as Catalogue;
  const problems: PlanProblem[] = [];
  for (const { document, id, at } of planned) {
    if (document.action === 'unchanged') continue;
    try {
      CHECKS[document.kind](catalogue, id, document.body);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const issues = error instanceof ValidationFailed ? error.issues : [{ path: '', message: error.message }];
      // Without the shared catalogue, a level-2 topic's parent is not known here: the API checks it.
      const unknownParent = (path: string) =>
        sharedTopics === undefined && document.kind === 'topic' && document.body.level === 2 && path === 'parentId';
      for (const issue of issues) {
        if (!unknownParent(issue.path)) {
          problems.push({ document: document.name, path: [...at, ...pathOf(issue.path)], message: issue.message });
        }
      }
    }
    // The PUTs after it see it as if it had been made, so each document's own problems are reported.
    const body = document.body as Record<string, unknown>;
    if (document.kind === 'team') upsert(simulated.teams, { ...body, id });
    if (document.kind === 'topic') upsert(simulated.topics, { ...body, id });
    const organisation = simulated.organisations.find((candidate) => candidate.id === id);
    if (document.kind === 'organisation') upsert(simulated.organisations, { ...organisation, ...body, id });
    if (document.kind === 'calendar' && organisation) organisation.calendar = body;
    if (document.kind === 'slaPolicy' && organisation) organisation.slaPolicy = body;
  }
  return problems;
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
