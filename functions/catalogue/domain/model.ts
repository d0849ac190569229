import { LocalizedText } from '../../../contracts/text';
import { FIELD_TYPES, LANGUAGES, TICKET_TYPES } from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';
import { BusinessCalendar, SlaPolicy } from '../../sla/domain/index';

export { LocalizedText };

const id = () => z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/));

const FieldOption = z.strictObject({ value: z.string().check(z.minLength(1)), label: LocalizedText });

export const FormFieldDefinition = z
  .strictObject({
    /** Key in the ticket's `fields` object. */
    name: z.string().check(z.regex(/^[a-z][a-zA-Z0-9]*$/)),
    type: z.enum(FIELD_TYPES),
    /** For `checkbox`, required means it must be ticked (a confirmation). */
    required: z.boolean(),
    label: LocalizedText,
    help: z.optional(LocalizedText),
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
      message: 'select and multiselect fields need options',
    }),
  );
export type FormFieldDefinition = z.infer<typeof FormFieldDefinition>;

export const TopicDefinition = z.strictObject({
  id: id(),
  parentId: z.nullable(z.string()),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Null only for the shared level-1 catalogue. */
  organisationId: z.nullable(z.string()),
  name: LocalizedText,
  /** Self-help shown before filing: known problems and their fixes, what to include. */
  guidance: z.optional(LocalizedText),
  /** Organisational topics: used by staff to classify, never shown to requesters. */
  internal: z.boolean(),
  ticketTypes: z.array(z.enum(TICKET_TYPES)).check(z.minLength(1)),
  form: z.strictObject({ fields: z.array(FormFieldDefinition) }),
  /** Team that receives tickets on this topic. */
  teamId: z.optional(z.string()),
  order: z.optional(z.int()),
});
export type TopicDefinition = z.infer<typeof TopicDefinition>;

export const OrganisationDefinition = z.strictObject({
  id: id(),
  name: LocalizedText,
  /** Prefix of human ticket numbers, e.g. `DIPU` → `DIPU-2026-000042`. */
  ticketPrefix: z.string().check(z.regex(/^[A-Z]{2,8}$/)),
  /** Domains a `corporate_email` field accepts. */
  emailDomains: z.array(z.string().check(z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/))),
  /** Opening hours, in its time zone, and holidays: what its response-time commitments count in. */
  calendar: z.optional(BusinessCalendar),
  /** Its response-time commitments; without them (or a calendar) its tickets carry no SLA clock. */
  slaPolicy: z.optional(SlaPolicy),
  /** Days after resolution during which the requester may reopen. */
  reopenWindowDays: z._default(z.int().check(z.gte(0)), 7),
  /** Languages the organisation's forms are offered in. */
  languages: z.array(z.enum(LANGUAGES)).check(z.minLength(1)),
});
export type OrganisationDefinition = z.infer<typeof OrganisationDefinition>;

export const TeamDefinition = z.strictObject({
  id: id(),
  organisationId: z.string(),
  name: LocalizedText,
  /** Second-level teams receive forwarded tickets (e.g. the town hall's technical services). */
  level: z.union([z.literal(1), z.literal(2)]),
  /**
   * How its new tickets find an agent: picked from the team's queue (`manual`), or given on
   * filing to the least-loaded agent who handles the topic (`automatic`).
   */
  assignment: z._default(z.enum(['manual', 'automatic']), 'manual'),
});
export type TeamDefinition = z.infer<typeof TeamDefinition>;

export const Catalogue = z.strictObject({
  organisations: z.array(OrganisationDefinition),
  teams: z.array(TeamDefinition),
  topics: z.array(TopicDefinition),
});
export type Catalogue = z.infer<typeof Catalogue>;
/** A catalogue as written by hand (defaults may be left out). */
export type CatalogueInput = z.input<typeof Catalogue>;
