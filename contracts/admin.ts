import { ifMatchVersion } from './http';
import { slug, text } from './text';
import * as z from './zod';

/**
 * The administration routes' input beyond the catalogue's documents (catalogue.ts): calendars
 * and agents as administrators send them, path parameters, If-Match and the audit's query.
 * Each is checked here for shape; the administration feature then checks it as a whole against
 * the rest of the catalogue (a topic's team exists, its form compiles, a calendar's windows do
 * not overlap). What the routes answer is in admin-views.ts.
 */

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
export const OptionalIfMatch = z.object({ 'if-match': z.optional(ifMatchVersion()) });

export const AuditQuery = z.strictObject({
  organisationId: z.optional(slug()),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(100))), 25),
  cursor: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_-]{1,2048}$/, 'Invalid cursor.'))),
});
