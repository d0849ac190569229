import { z } from 'zod';
import { LANGUAGES } from '../../http/language';

/** Text in every language a form or page is shown in: Catalan, Spanish, Aranese (Occitan) and English. */
export const LocalizedText = z.strictObject({
  ca: z.string().min(1),
  es: z.string().min(1),
  oc: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

export const TICKET_TYPES = ['incident', 'request', 'query', 'complaint', 'suggestion', 'callback'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const FIELD_TYPES = [
  'text',
  'textarea',
  'email',
  'corporate_email',
  'national_id',
  'phone',
  'select',
  'multiselect',
  'checkbox',
  'date',
  'number',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FieldOption = z.strictObject({ value: z.string().min(1), label: LocalizedText });

export const FormFieldDefinition = z
  .strictObject({
    /** Key in the ticket's `fields` object. */
    name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/),
    type: z.enum(FIELD_TYPES),
    /** For `checkbox`, required means it must be ticked (a confirmation). */
    required: z.boolean(),
    label: LocalizedText,
    help: LocalizedText.optional(),
    options: z.array(FieldOption).min(1).optional(),
    /** Validated and used (e.g. to send an initial password), never stored, logged or mailed. */
    transient: z.boolean().optional(),
    /** Required only when another field has this value (e.g. category A/B/C for one role). */
    requiredWhen: z.strictObject({ field: z.string(), equals: z.union([z.string(), z.boolean()]) }).optional(),
    maxLength: z.number().int().positive().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .refine((field) => !['select', 'multiselect'].includes(field.type) || field.options !== undefined, {
    message: 'select and multiselect fields need options',
  });
export type FormFieldDefinition = z.infer<typeof FormFieldDefinition>;

export const TopicDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  parentId: z.string().nullable(),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  /** Null only for the shared level-1 catalogue. */
  organisationId: z.string().nullable(),
  name: LocalizedText,
  /** Self-help shown before filing: known problems and their fixes, what to include. */
  guidance: LocalizedText.optional(),
  /** Organisational topics: used by staff to classify, never shown to requesters. */
  internal: z.boolean(),
  ticketTypes: z.array(z.enum(TICKET_TYPES)).min(1),
  form: z.strictObject({ fields: z.array(FormFieldDefinition) }),
  /** Team that receives tickets on this topic. */
  teamId: z.string().optional(),
  order: z.number().int().optional(),
});
export type TopicDefinition = z.infer<typeof TopicDefinition>;

export const OrganisationDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  name: LocalizedText,
  /** Prefix of human ticket numbers, e.g. `DIPU` → `DIPU-2026-000042`. */
  ticketPrefix: z.string().regex(/^[A-Z]{2,8}$/),
  /** Domains a `corporate_email` field accepts. */
  emailDomains: z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)),
  timeZone: z.string().default('Europe/Madrid'),
  /** Days after resolution during which the requester may reopen. */
  reopenWindowDays: z.number().int().min(0).default(7),
  /** Languages the organisation's forms are offered in. */
  languages: z.array(z.enum(LANGUAGES)).min(1),
});
export type OrganisationDefinition = z.infer<typeof OrganisationDefinition>;

export const TeamDefinition = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  organisationId: z.string(),
  name: LocalizedText,
  /** Second-level teams receive forwarded tickets (e.g. the town hall's technical services). */
  level: z.union([z.literal(1), z.literal(2)]),
});
export type TeamDefinition = z.infer<typeof TeamDefinition>;

export const Catalogue = z.strictObject({
  organisations: z.array(OrganisationDefinition),
  teams: z.array(TeamDefinition),
  topics: z.array(TopicDefinition),
});
export type Catalogue = z.infer<typeof Catalogue>;
