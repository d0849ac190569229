import { slug, text } from './text';
import { FIELD_TYPES, LANGUAGES, PRIORITIES, TICKET_TYPES } from './vocabulary';
import * as z from './zod';

/**
 * The administration documents: what supervisors and admins PUT, what `GET` returns beside a
 * version, and what a catalogue file (`npm run catalogue -- import`) holds. Each is checked
 * here for shape; the administration feature then checks it as a whole against the rest of
 * the catalogue (a topic's team exists, its form compiles, a calendar's windows do not overlap).
 */

/** Text administrators write in the four languages the portal speaks. */
const localized = (max: number, multiline = false) =>
  z.strictObject({
    ca: text(1, max, { multiline }),
    es: text(1, max, { multiline }),
    oc: text(1, max, { multiline }),
    en: text(1, max, { multiline }),
  });
const Name = localized(200);

/* ─── SLA policy ───────────────────────────────────────────────────────── */

/**
 * A response-time commitment, in business time of the organisation's calendar: open minutes,
 * or business days (`{ days: 1, endOfDay: true }` is source 004's "same or next business day").
 */
export const Commitment = z.union([
  z.strictObject({ minutes: z.int().check(z.gte(1), z.lte(365 * 24 * 60)) }),
  z.strictObject({ days: z.int().check(z.gte(0), z.lte(365)), endOfDay: z.optional(z.boolean()) }),
]);
export type Commitment = z.infer<typeof Commitment>;

/** Targets for the tickets a rule matches: by priority, by topic, both, or neither (the default). */
export const SlaRule = z.strictObject({
  priority: z.optional(z.enum(PRIORITIES)),
  topicId: z.optional(slug()),
  firstResponse: Commitment,
  resolution: Commitment,
});
export type SlaRule = z.infer<typeof SlaRule>;

const ruleKey = (rule: Pick<SlaRule, 'priority' | 'topicId'>) => `${rule.priority ?? '*'} ${rule.topicId ?? '*'}`;

/**
 * An organisation's SLA policy. It must have a default rule, so every priority of every ticket
 * gets targets, and no two rules for the same priority and topic, so which applies is never a
 * matter of order.
 */
export const SlaPolicy = z
  .strictObject({
    rules: z.array(SlaRule).check(z.minLength(1)),
    /** The share of each commitment's business time, in percent, after which whoever holds the ticket is warned. */
    warnAtPercent: z._default(z.int().check(z.gte(1), z.lte(99)), 75),
  })
  .check(
    z.superRefine(({ rules }, context) => {
      if (!rules.some((rule) => rule.priority === undefined && rule.topicId === undefined)) {
        context.addIssue({
          code: 'custom',
          path: ['rules'],
          message: 'Add a default rule, with no priority or topic, so every priority has targets.',
          input: rules,
        });
      }
      const seen = new Set<string>();
      rules.forEach((rule, index) => {
        const key = ruleKey(rule);
        if (seen.has(key)) {
          context.addIssue({
            code: 'custom',
            path: ['rules', index],
            message: 'Another rule has this priority and topic.',
            input: rule,
          });
        }
        seen.add(key);
      });
    }),
  );
export type SlaPolicy = z.infer<typeof SlaPolicy>;

/* ─── Calendar ─────────────────────────────────────────────────────────── */

const Window = z.strictObject({ from: z.string(), to: z.string() });
const Windows = z.optional(z.array(Window));

/**
 * Opening hours in the organisation's IANA time zone ('HH:MM' windows per weekday, '24:00'
 * allowed as `to`) and holidays ('YYYY-MM-DD': a date, a yearly date, or an inclusive range).
 * Times, dates, the zone and overlaps are checked by the calendar engine, each at its path.
 */
export const CalendarDocument = z.strictObject({
  timeZone: z.string(),
  week: z.strictObject({
    mon: Windows,
    tue: Windows,
    wed: Windows,
    thu: Windows,
    fri: Windows,
    sat: Windows,
    sun: Windows,
  }),
  holidays: z.array(
    z.union([
      z.strictObject({ date: z.string(), yearly: z.optional(z.boolean()) }),
      z.strictObject({ from: z.string(), to: z.string() }),
    ]),
  ),
});
export type CalendarDocument = z.infer<typeof CalendarDocument>;

/* ─── Catalogue: organisations, teams, topics ─────────────────────────── */

const FieldOption = z.strictObject({ value: text(1, 100), label: Name });

export const FormField = z
  .strictObject({
    /** Key in the ticket's `fields` object. */
    name: z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/, 'Use a camelCase name: letters and digits.')),
    type: z.enum(FIELD_TYPES),
    /** For `checkbox`, required means it must be ticked (a confirmation). */
    required: z.boolean(),
    label: Name,
    help: z.optional(localized(1000, true)),
    options: z.optional(z.array(FieldOption).check(z.minLength(1))),
    /** Validated and used (e.g. to send an initial password), never stored, logged or mailed. */
    transient: z.optional(z.boolean()),
    /** Required only when another field has this value (e.g. category A/B/C for one role). */
    requiredWhen: z.optional(z.strictObject({ field: z.string(), equals: z.union([z.string(), z.boolean()]) })),
    maxLength: z.optional(z.int().check(z.positive())),
    min: z.optional(z.number()),
    max: z.optional(z.number()),
  })
  .check(
    z.refine((field) => !['select', 'multiselect'].includes(field.type) || field.options !== undefined, {
      message: 'Select and multiselect fields need options.',
      path: ['options'],
    }),
  );
export type FormField = z.infer<typeof FormField>;

export const TopicDocument = z.strictObject({
  parentId: z.nullable(slug()),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Null only for the shared level-1 catalogue (admins). */
  organisationId: z.nullable(slug()),
  name: Name,
  /** Self-help shown before filing: known problems and their fixes, what to include. */
  guidance: z.optional(localized(10_000, true)),
  /** Organisational topics: used by staff to classify, never shown to requesters. */
  internal: z.boolean(),
  ticketTypes: z.array(z.enum(TICKET_TYPES)).check(z.minLength(1)),
  form: z.strictObject({ fields: z.array(FormField).check(z.maxLength(40)) }),
  /** The team that receives tickets on this topic. */
  teamId: z.optional(slug()),
  order: z.optional(z.int()),
});
export type TopicDocument = z.infer<typeof TopicDocument>;

export const TeamDocument = z.strictObject({
  organisationId: slug(),
  name: Name,
  /** Second-level teams receive forwarded tickets (e.g. the town hall's technical services). */
  level: z.union([z.literal(1), z.literal(2)]),
  /**
   * How its new tickets find an agent: picked from the team's queue (`manual`), or given on
   * filing to the least-loaded agent who handles the topic (`automatic`).
   */
  assignment: z._default(z.enum(['manual', 'automatic']), 'manual'),
});
export type TeamDocument = z.infer<typeof TeamDocument>;

export const OrganisationDocument = z.strictObject({
  name: Name,
  /** Prefix of human ticket numbers, e.g. `DIPU` → `DIPU-2026-000042`; fixed once tickets exist. */
  ticketPrefix: z.string().check(z.regex(/^[A-Z]{2,8}$/, 'Use 2 to 8 capital letters.')),
  /** Domains a `corporate_email` field accepts. */
  emailDomains: z.array(z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'Not a domain name.'))),
  /** Days after resolution during which the requester may reopen (and rate). */
  reopenWindowDays: z._default(z.int().check(z.gte(0), z.lte(365)), 7),
  /** Languages the organisation's forms are offered in. */
  languages: z.array(z.enum(LANGUAGES)).check(z.minLength(1)),
});
export type OrganisationDocument = z.infer<typeof OrganisationDocument>;

/** Where a member of staff works. `name` and `email` are needed only for someone with no profile yet. */
export const AgentDocument = z.strictObject({
  organisationId: slug(),
  teamIds: z.array(slug()),
  topicIds: z.array(slug()),
  /** Supervisors work every ticket of their organisation and administer it. */
  supervisor: z.boolean(),
  name: z.optional(text(1, 120)),
  email: z.optional(z.email()),
});
export type AgentDocument = z.infer<typeof AgentDocument>;

/* ─── Routes' input and output ─────────────────────────────────────────── */

export const OrganisationParams = z.strictObject({ organisationId: slug() });
export const TeamParams = z.strictObject({ teamId: slug() });
export const AgentParams = z.strictObject({
  userId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/, 'Not a user id.')),
});

/** `If-Match` is optional on PUT: without it the PUT creates, and is a 409 if the document exists. */
export const OptionalIfMatch = z.object({
  'if-match': z.optional(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((value) => Number(value.replace(/^W\//, '').replaceAll('"', ''))),
      ),
      z.int('If-Match must be a version number.').check(z.positive('If-Match must be a version number.')),
    ),
  ),
});

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

export const AuditQuery = z.strictObject({
  organisationId: z.optional(slug()),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(100))), 25),
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,2048}$/, 'Invalid cursor.'))),
});

/** The organisation id under which the shared level-1 topics are administered (admins only). */
export const SHARED_CATALOGUE = 'shared';

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
