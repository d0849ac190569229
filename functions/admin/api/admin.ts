import { isDeepStrictEqual } from 'node:util';
import type { AgentDocument } from '../../../contracts/admin';
import type {
  AdminKind,
  StoredCalendar,
  StoredOrganisation,
  StoredSlaPolicy,
  StoredTeam,
  StoredTopic,
} from '../../../contracts/admin-views';
import { SHARED_CATALOGUE } from '../../../contracts/catalogue';
import { ADMIN_ROUTES } from '../../../contracts/routes/admin';
import type * as z from '../../../contracts/zod';
import {
  belongsToOrganisation,
  type Catalogue,
  catalogueOf,
  type DocumentKind,
  forgetCatalogue,
  putDocument,
  readDocuments,
  type StoredDocument,
} from '../../catalogue';
import { byRoute } from '../../platform/http/handler';
import { ok, reply } from '../../platform/http/responses';
import { cryptoIds, systemClock } from '../../platform/ids';
import type { Caller } from '../../platform/kernel/caller';
import { Conflict, NotFound, ValidationFailed } from '../../platform/kernel/errors';
import { getProfile, type Profile, putProfileAtVersion } from '../../profiles';
import { type Administrator, administer, administratorOf, organisationToRead } from '../domain/access';
import { auditEntry, type Change } from '../domain/audit';
import {
  checkAgent,
  checkCalendar,
  checkOrganisation,
  checkSlaPolicy,
  checkTeam,
  checkTopic,
} from '../domain/validation';
import { auditPage, type Reference, recordChange } from '../store';

const administrator = async (caller: Caller) => administratorOf(caller, await getProfile(caller.userId));

/** Where a document is administered: its organisation, or the shared catalogue for level-1 topics. */
const homeOf = (organisationId: string | null) => organisationId ?? SHARED_CATALOGUE;

/** What the API shows of each kind of document. */
interface Views {
  readonly organisation: z.infer<typeof StoredOrganisation>;
  readonly calendar: z.infer<typeof StoredCalendar>;
  readonly slaPolicy: z.infer<typeof StoredSlaPolicy>;
  readonly team: z.infer<typeof StoredTeam>;
  readonly topic: z.infer<typeof StoredTopic>;
}
type Stored<K extends DocumentKind> = StoredDocument & { readonly kind: K };

/**
 * A stored catalogue document as the API shows it: the definition (checked by its schema when
 * it was written and when it was read), its id and its stamp.
 */
function view<K extends DocumentKind>(document: Stored<K>): Views[K] {
  const stamp = { version: document.version, updatedAt: document.updatedAt, updatedBy: document.updatedBy };
  const shown =
    document.kind === 'calendar' || document.kind === 'slaPolicy'
      ? { ...document.definition, organisationId: document.id, ...stamp }
      : { ...document.definition, id: document.id, ...stamp };
  return shown as unknown as Views[K];
}
const versioned = (document: StoredDocument) => ({ etag: `"${document.version}"` });

function readOne<K extends DocumentKind>(
  documents: readonly StoredDocument[],
  kind: K,
  id: string,
  who: Administrator,
): Stored<K> {
  const document = documents.find(
    (candidate): candidate is Stored<K> => candidate.kind === kind && candidate.id === id,
  );
  if (!document) throw new NotFound('No such document.');
  administer(who, homeOf(document.organisationId));
  return document;
}

interface Put<K extends DocumentKind> {
  readonly kind: K;
  readonly id: string;
  /** Where the document belongs after the change (null: the shared catalogue). */
  readonly organisationId: string | null;
  /** As stored: with its id for organisations, teams and topics. */
  readonly definition: Record<string, unknown>;
  readonly expectedVersion: number | undefined;
  readonly check: (catalogue: Catalogue) => void;
  readonly references?: (definition: Record<string, unknown>) => Reference[];
}

/**
 * Creates (no If-Match) or changes (If-Match) one catalogue document, checked as a whole
 * against the catalogue read consistently now, and audits it in the same transaction. The
 * same document again changes nothing and records nothing, so an import can be re-run.
 */
async function putCatalogueDocument<K extends DocumentKind>(caller: Caller, put: Put<K>) {
  const who = await administrator(caller);
  administer(who, homeOf(put.organisationId));
  const documents = await readDocuments({ consistent: true });
  const existing = documents.find(
    (document): document is Stored<K> => document.kind === put.kind && document.id === put.id,
  );
  if (existing) administer(who, homeOf(existing.organisationId));
  // What is wrong with the document comes first: it would be wrong at any version.
  put.check(catalogueOf(documents));
  if (existing && put.expectedVersion === undefined) {
    throw new Conflict('It exists already: send If-Match with the version you read to change it.');
  }
  if (!existing && put.expectedVersion !== undefined) throw new NotFound('No such document to change.');
  if (existing && existing.version !== put.expectedVersion) {
    throw new Conflict('It changed since you read it; reload it and try again.');
  }
  if (existing && isDeepStrictEqual(existing.definition, put.definition))
    return ok(view(existing), versioned(existing));

  const now = systemClock.now();
  const stored: Stored<K> = {
    kind: put.kind,
    id: put.id,
    organisationId: put.organisationId,
    definition: put.definition,
    version: (existing?.version ?? 0) + 1,
    updatedAt: now.toISOString(),
    updatedBy: who.name,
  };
  const change: Change = {
    kind: put.kind,
    documentId: put.id,
    organisationId: homeOf(put.organisationId),
    before: existing?.definition ?? null,
    after: put.definition,
  };
  await recordChange(
    putDocument(stored, existing?.version),
    auditEntry(cryptoIds, now, who, change),
    put.references?.(put.definition) ?? [],
  );
  // This instance's next read of the catalogue sees the change; others within a minute.
  forgetCatalogue();
  return reply(existing ? 200 : 201, view(stored), versioned(stored));
}

/** One document as the API shows it, with its version as the ETag. */
async function readDocument<K extends DocumentKind>(caller: Caller, kind: K, id: string) {
  const document = readOne(await readDocuments(), kind, id, await administrator(caller));
  return ok(view(document), versioned(document));
}

/** An organisation's calendar or SLA policy: one each, under the organisation's id. */
type Setting = 'calendar' | 'slaPolicy';

function putSetting<K extends Setting>(
  caller: Caller,
  kind: K,
  organisationId: string,
  definition: Record<string, unknown>,
  expectedVersion: number | undefined,
  check: (catalogue: Catalogue) => void,
) {
  return putCatalogueDocument(caller, {
    kind,
    id: organisationId,
    organisationId,
    definition,
    expectedVersion,
    check: (catalogue) => {
      if (!catalogue.organisations.some((organisation) => organisation.id === organisationId)) {
        throw new NotFound('No such organisation.');
      }
      check(catalogue);
    },
  });
}

function agentView(profile: Profile) {
  if (!profile.staff) throw new NotFound('No such member of staff.');
  return {
    ...profile.staff,
    userId: profile.userId,
    name: profile.name,
    email: profile.email,
    version: profile.version ?? 0,
  };
}

/** Where a person works, set by their organisation's supervisor or an admin; their profile is created if they have none yet. */
async function putAgent(caller: Caller, userId: string, document: AgentDocument, expectedVersion: number | undefined) {
  const who = await administrator(caller);
  administer(who, document.organisationId);
  const [profile, documents] = await Promise.all([getProfile(userId), readDocuments({ consistent: true })]);
  // Staff of another organisation are not this supervisor's to move.
  if (profile?.staff) administer(who, profile.staff.organisationId);
  const version = profile?.version ?? 0;
  if (profile?.staff && expectedVersion === undefined) {
    throw new Conflict('They work somewhere already: send If-Match with the version you read.');
  }
  if (expectedVersion !== undefined && expectedVersion !== version) {
    throw new Conflict('It changed since you read it; reload it and try again.');
  }
  if (!profile && (!document.name || !document.email)) {
    const missing = (['name', 'email'] as const).filter((field) => !document[field]);
    throw new ValidationFailed(
      missing.map((path) => ({ path, message: 'Required for someone who has not signed in yet.' })),
    );
  }
  checkAgent(catalogueOf(documents), document);
  const { name, email, ...staff } = document;
  const now = systemClock.now();
  const at = now.toISOString();
  const after: Profile = profile
    ? { ...profile, staff, updatedAt: at }
    : {
        userId,
        name: name as string,
        email: (email as string).toLowerCase(),
        // Proved when they first sign in; until then no mail goes to an address anyone typed.
        emailVerified: false,
        language: 'ca',
        staff,
        createdAt: at,
        updatedAt: at,
      };
  const kind: AdminKind = 'agent';
  await recordChange(
    putProfileAtVersion(after, version),
    auditEntry(cryptoIds, now, who, {
      kind,
      documentId: userId,
      organisationId: staff.organisationId,
      before: profile?.staff ?? null,
      after: staff,
    }),
  );
  const stored = { ...after, version: version + 1 };
  return reply(profile?.staff ? 200 : 201, agentView(stored), { etag: `"${stored.version}"` });
}

/**
 * Administration of an organisation's service: topics, teams, staff, calendar and SLA policy,
 * by its supervisors (or admins). Every change is validated as a whole, versioned and audited.
 */
export const handler = byRoute(ADMIN_ROUTES, {
  'GET /catalogues/{organisationId}': {
    run: async ({ params, caller }) => {
      const who = await administrator(caller);
      const organisationId = params.organisationId;
      administer(who, organisationId);
      const shared = organisationId === SHARED_CATALOGUE;
      const mine = (await readDocuments()).filter((document) =>
        shared ? document.organisationId === null : document.organisationId === organisationId,
      );
      const of = <K extends DocumentKind>(kind: K) =>
        mine.filter((document): document is Stored<K> => document.kind === kind).map(view);
      return ok({
        organisation: of('organisation')[0] ?? null,
        calendar: of('calendar')[0] ?? null,
        slaPolicy: of('slaPolicy')[0] ?? null,
        teams: of('team'),
        topics: of('topic'),
      });
    },
  },

  'PUT /organisations/{organisationId}': {
    run: ({ params, headers, body, caller }) =>
      putCatalogueDocument(caller, {
        kind: 'organisation',
        id: params.organisationId,
        organisationId: params.organisationId,
        definition: { ...body, id: params.organisationId },
        expectedVersion: headers['if-match'],
        check: (catalogue) => checkOrganisation(catalogue, params.organisationId, body),
      }),
  },

  'GET /calendars/{organisationId}': {
    run: async ({ params, caller }) => readDocument(caller, 'calendar', params.organisationId),
  },
  'PUT /calendars/{organisationId}': {
    run: ({ params, headers, body, caller }) =>
      putSetting(caller, 'calendar', params.organisationId, body, headers['if-match'], () => checkCalendar(body)),
  },

  'GET /sla-policies/{organisationId}': {
    run: async ({ params, caller }) => readDocument(caller, 'slaPolicy', params.organisationId),
  },
  'PUT /sla-policies/{organisationId}': {
    run: ({ params, headers, body, caller }) =>
      putSetting(caller, 'slaPolicy', params.organisationId, body, headers['if-match'], (catalogue) =>
        checkSlaPolicy(catalogue, params.organisationId, body),
      ),
  },

  'GET /teams/{teamId}': {
    run: async ({ params, caller }) => readDocument(caller, 'team', params.teamId),
  },
  'PUT /teams/{teamId}': {
    run: ({ params, headers, body, caller }) =>
      putCatalogueDocument(caller, {
        kind: 'team',
        id: params.teamId,
        organisationId: body.organisationId,
        definition: { ...body, id: params.teamId },
        expectedVersion: headers['if-match'],
        check: (catalogue) => checkTeam(catalogue, params.teamId, body),
      }),
  },

  'PUT /topics/{topicId}': {
    run: ({ params, headers, body, caller }) =>
      putCatalogueDocument(caller, {
        kind: 'topic',
        id: params.topicId,
        organisationId: body.organisationId,
        definition: { ...body, id: params.topicId },
        expectedVersion: headers['if-match'],
        check: (catalogue) => checkTopic(catalogue, params.topicId, body),
        // A team removed or moved between the check and the write fails the write.
        references: () =>
          body.teamId && body.organisationId
            ? [{ path: 'teamId', check: belongsToOrganisation('team', body.teamId, body.organisationId) }]
            : [],
      }),
  },

  'GET /agents/{userId}': {
    run: async ({ params, caller }) => {
      const [who, profile] = await Promise.all([administrator(caller), getProfile(params.userId)]);
      if (!profile?.staff) throw new NotFound('No such member of staff.');
      administer(who, profile.staff.organisationId);
      const agent = agentView(profile);
      return ok(agent, { etag: `"${agent.version}"` });
    },
  },
  'PUT /agents/{userId}': {
    run: ({ params, headers, body, caller }) => putAgent(caller, params.userId, body, headers['if-match']),
  },

  'GET /audit': {
    run: async ({ query, caller }) => {
      const who = await administrator(caller);
      const organisationId = organisationToRead(who, query.organisationId);
      administer(who, organisationId);
      return ok(await auditPage(organisationId, query.limit, query.cursor));
    },
  },
});
