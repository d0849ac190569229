import { DEFAULT_ATTACHMENT_MAX_BYTES, DEFAULT_ATTACHMENT_RETENTION_DAYS } from './attachments';
import { slug, text } from './text';
import { FIELD_TYPES, LANGUAGES, PRIORITIES, TICKET_TYPES } from './vocabulary';
import * as z from './zod';

/**
 * The catalogue's documents as administrators write them and as the catalogue stores them:
 * SLA policies, topics with their forms, teams, organisations. The administration routes take
 * them as bodies (with the rest of their input in admin.ts), catalogue files hold them, and the
 * tickets' functions decode the stored catalogue with them.
 */

/**
 * Text administrators write in the four languages the portal speaks. One schema serves the four
 * (every Lambda builds the route table's schemas at cold start, so fewer is faster).
 */
const localized = (max: number, multiline = false) => {
  const language = text(1, max, { multiline });
  return z.strictObject({ ca: language, es: language, oc: language, en: language });
};
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
  /**
   * Files attached to its tickets: the largest it takes (up to 25 MB), and how many days after
   * a ticket closes its files and their records are deleted.
   */
  attachments: z._default(
    z.strictObject({
      maxBytes: z._default(
        z.int().check(z.gte(1024), z.lte(25 * 1024 * 1024, 'At most 25 MB.')),
        DEFAULT_ATTACHMENT_MAX_BYTES,
      ),
      retentionDays: z._default(z.int().check(z.gte(1), z.lte(3650)), DEFAULT_ATTACHMENT_RETENTION_DAYS),
    }),
    { maxBytes: DEFAULT_ATTACHMENT_MAX_BYTES, retentionDays: DEFAULT_ATTACHMENT_RETENTION_DAYS },
  ),
});
export type OrganisationDocument = z.infer<typeof OrganisationDocument>;

/** The organisation id under which the shared level-1 topics are administered (admins only). */
export const SHARED_CATALOGUE = 'shared';
