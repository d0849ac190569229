import { AgentDocument, CalendarDocument } from './admin';
import { OrganisationDocument, SlaPolicy, TeamDocument, TopicDocument } from './catalogue';
import { slug } from './text';
import * as z from './zod';

/**
 * What the administration routes answer, and the catalogue file's format: kept apart from the
 * documents (admin.ts) because no Lambda but administration's needs them at run time, and each
 * schema a bundle imports is built at its cold start.
 */

/** Who last changed a document, when, and its version (send it back in If-Match). */
const Stamp = { version: z.int(), updatedAt: z.iso.datetime(), updatedBy: z.string() };

export const StoredTopic = z.extend(TopicDocument, { id: z.string(), ...Stamp });
export const StoredTeam = z.extend(TeamDocument, { id: z.string(), ...Stamp });
export const StoredOrganisation = z.extend(OrganisationDocument, { id: z.string(), ...Stamp });
export const StoredCalendar = z.extend(CalendarDocument, { organisationId: z.string(), ...Stamp });
export const StoredSlaPolicy = z.extend(SlaPolicy, { organisationId: z.string(), ...Stamp });
export const StoredAgent = z.extend(AgentDocument, {
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  version: z.int(),
});

/** An organisation's whole catalogue as administered, each document with its version: what an import compares against. */
export const CatalogueDocuments = z.object({
  organisation: z.nullable(StoredOrganisation),
  calendar: z.nullable(StoredCalendar),
  slaPolicy: z.nullable(StoredSlaPolicy),
  teams: z.array(StoredTeam),
  topics: z.array(StoredTopic),
});
export type CatalogueDocuments = z.infer<typeof CatalogueDocuments>;

export const ADMIN_KINDS = ['organisation', 'calendar', 'slaPolicy', 'team', 'topic', 'agent'] as const;
export type AdminKind = (typeof ADMIN_KINDS)[number];

/** One change made through the administration routes: who, when, and the document before and after. */
export const AuditEntry = z.object({
  id: z.string(),
  organisationId: z.string(),
  kind: z.enum(ADMIN_KINDS),
  documentId: z.string(),
  by: z.object({ id: z.string(), name: z.string() }),
  at: z.iso.datetime(),
  /** Null when the change created the document. */
  before: z.nullable(z.record(z.string(), z.unknown())),
  after: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditPage = z.object({ items: z.array(AuditEntry), nextCursor: z.nullable(z.string()) });

const withId = <S extends z.ZodMiniObject>(schema: S) => z.extend(schema, { id: slug() });

/**
 * A catalogue file: one organisation's documents (or, under `shared`, the level-1 topics),
 * as `npm run catalogue -- import` loads them through the administration routes.
 */
export const CatalogueFile = z.strictObject({
  organisation: z.optional(withId(OrganisationDocument)),
  calendar: z.optional(CalendarDocument),
  slaPolicy: z.optional(SlaPolicy),
  teams: z._default(z.array(withId(TeamDocument)), []),
  topics: z._default(z.array(withId(TopicDocument)), []),
});
export type CatalogueFile = z.infer<typeof CatalogueFile>;
export type CatalogueFileInput = z.input<typeof CatalogueFile>;
