import { slug } from './text';
import { FIELD_TYPES, TICKET_TYPES } from './vocabulary';
import * as z from './zod';

export const TopicParams = z.strictObject({ topicId: slug() });
export const TopicsQuery = z.strictObject({ organisationId: z.optional(slug()) });

/** A form field in the reader's language, as the portal renders it. */
const FormField = z.object({
  name: z.string(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  label: z.string(),
  help: z.optional(z.string()),
  options: z.optional(z.array(z.object({ value: z.string(), label: z.string() }))),
  /** Validated and used once (e.g. to send an initial password), never stored. */
  transient: z.optional(z.boolean()),
  /** Required only when another field has this value. */
  requiredWhen: z.optional(z.object({ field: z.string(), equals: z.union([z.string(), z.boolean()]) })),
});

export const Topic = z.object({
  id: z.string(),
  parentId: z.nullable(z.string()),
  level: z.number(),
  organisationId: z.nullable(z.string()),
  name: z.string(),
  ticketTypes: z.array(z.enum(TICKET_TYPES)),
  /** Self-help shown before the form: known problems and their fixes, what to include. */
  guidance: z.optional(z.string()),
  /** Whether tickets may be filed on it (levels 2–3 of an organisation). */
  fileable: z.boolean(),
  form: z.object({ fields: z.array(FormField) }),
});
export type Topic = z.infer<typeof Topic>;

export const TopicList = z.object({ items: z.array(Topic) });
export type TopicList = z.infer<typeof TopicList>;
