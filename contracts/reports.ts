import { slug } from './text';
import * as z from './zod';

export const MonthlyReportQuery = z.strictObject({
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM.')),
  /** Admins: the organisation to report on; supervisors get their own. */
  organisationId: z.optional(slug()),
});

/** `Accept: text/csv` asks for the report as a spreadsheet file. */
export const MonthlyReportHeaders = z.object({ accept: z.optional(z.string()) });
