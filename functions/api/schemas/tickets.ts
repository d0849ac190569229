import { z } from 'zod';
import { TICKET_TYPES } from '../../domain/catalogue/model';
import { CHANNELS } from '../../domain/tickets/model';
import { PRIORITIES } from '../../domain/tickets/priority';
import { STATUSES } from '../../domain/tickets/status';

const Impact = z.strictObject({
  blocksWork: z.boolean(),
  affectsOthers: z.boolean(),
  affectsCitizens: z.boolean(),
  note: z.string().trim().max(1000).optional(),
});

const Callback = z.strictObject({
  phone: z
    .string()
    .transform((value) => value.replace(/[\s().-]/g, ''))
    .refine((value) => /^\+?[0-9]{9,15}$/.test(value), { message: 'Enter a phone number with 9 to 15 digits.' }),
  slot: z.enum(['morning', 'afternoon']).meta({ description: 'morning 8–14, afternoon 14–20' }),
  date: z.iso.date().optional(),
});

export const CreateTicketBody = z
  .strictObject({
    type: z.enum(TICKET_TYPES),
    topicId: z.string().min(1).max(100),
    subject: z.string().trim().min(3).max(200),
    description: z.string().trim().min(1).max(10_000),
    fields: z.record(z.string(), z.unknown()).default({}),
    impact: Impact.optional(),
    channel: z.enum(CHANNELS).optional(),
    callback: Callback.optional(),
  })
  .meta({ id: 'CreateTicket' });

export const CreateGuestTicketBody = CreateTicketBody.extend({
  requester: z.strictObject({ name: z.string().trim().min(1).max(120), email: z.email().toLowerCase() }),
}).meta({ id: 'CreateGuestTicket' });

export const ListTicketsQuery = z.strictObject({
  status: z.enum(STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export const ReplyBody = z
  .strictObject({
    body: z.string().trim().min(1).max(10_000),
    internal: z.boolean().optional().meta({ description: 'Staff only: a note requesters never see' }),
    requestInfo: z.boolean().optional().meta({ description: 'Staff only: asks the requester and waits for them' }),
  })
  .meta({ id: 'Reply' });

export const TicketParams = z.strictObject({ ticketId: z.uuid() });

export const TicketSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    type: z.enum(TICKET_TYPES),
    status: z.enum(STATUSES),
    statusLabel: z.string(),
    priority: z.enum(PRIORITIES),
    topic: z.object({ id: z.string(), path: z.array(z.string()), name: z.string() }),
    subject: z.string(),
    description: z.string(),
    fields: z.record(z.string(), z.unknown()),
    channel: z.enum(CHANNELS),
    requester: z.object({ name: z.string() }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    version: z.number().int(),
  })
  .meta({ id: 'Ticket' });

export const TicketPageSchema = z
  .object({ items: z.array(TicketSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'TicketPage' });

export const ThreadSchema = TicketSchema.extend({
  thread: z.array(
    z.object({
      id: z.string(),
      author: z.object({ kind: z.enum(['requester', 'staff', 'system']), name: z.string() }),
      body: z.string(),
      internal: z.boolean(),
      createdAt: z.iso.datetime(),
    }),
  ),
  attachments: z.array(z.unknown()),
  history: z.array(z.object({ action: z.string(), by: z.object({ name: z.string() }), at: z.iso.datetime() })),
}).meta({ id: 'TicketWithThread' });

export const UpdateTicketBody = z
  .strictObject({
    status: z.enum(STATUSES).optional(),
    assigneeId: z.string().min(1).max(100).optional(),
    teamId: z.string().min(1).max(100).optional().meta({ description: 'Forward to this team' }),
    priority: z.enum(PRIORITIES).optional(),
    reason: z.string().trim().min(3).max(500).optional().meta({ description: 'Required with priority' }),
    topicId: z.string().min(1).max(100).optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'reason'), { message: 'Change at least one thing.' })
  .meta({ id: 'UpdateTicket' });

/** `If-Match: <version>` (a bare number or an entity tag like `"3"` or `W/"3"`). */
export const IfMatchHeader = z
  .string({ error: 'Send If-Match with the version you last read.' })
  .transform((value) => Number(value.replace(/^W\//, '').replaceAll('"', '')))
  .pipe(z.number().int().positive({ error: 'If-Match must be a version number.' }));
