import { z } from 'zod';
import { FIELD_TYPES, TICKET_TYPES } from '../../domain/catalogue/model';

export const TopicParams = z.strictObject({ topicId: z.string().min(1).max(100) });
export const TopicsQuery = z.strictObject({ organisationId: z.string().min(1).max(100).optional() });

const FormField = z.object({
  name: z.string(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  label: z.string(),
  help: z.string().optional(),
  options: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  transient: z.boolean().optional(),
  requiredWhen: z.object({ field: z.string(), equals: z.union([z.string(), z.boolean()]) }).optional(),
});

export const TopicSchema = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    level: z.number().int().min(1).max(3),
    organisationId: z.string().nullable(),
    name: z.string(),
    ticketTypes: z.array(z.enum(TICKET_TYPES)),
    guidance: z.string().optional(),
    fileable: z.boolean(),
    form: z.object({ fields: z.array(FormField) }),
  })
  .meta({ id: 'Topic' });

export const TopicListSchema = z.object({ items: z.array(TopicSchema) }).meta({ id: 'TopicList' });
