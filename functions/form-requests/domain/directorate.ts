import { LANGUAGES } from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';

/** A shared mailbox: the directorate's reviewers and the technical office are mailed as a unit. */
const Mailbox = z.strictObject({
  name: z.string().check(z.minLength(1)),
  email: z.email(),
  language: z.enum(LANGUAGES),
});

/**
 * Who the form requests go to (ENV.formDirectorate, set from the stage's `formRequests`): the
 * organisation whose calendar counts each step's business days and whose supervisors a late
 * step escalates to, and the mailboxes told when the directorate or the technical office must act.
 */
export const Directorate = z.strictObject({
  organisationId: z.string().check(z.minLength(1)),
  reviewers: Mailbox,
  operators: Mailbox,
});
export type Directorate = z.infer<typeof Directorate>;

/** The demo catalogue's regional government (source 003) and example mailboxes. */
export const DEFAULT_DIRECTORATE: Directorate = {
  organisationId: 'gencat',
  reviewers: { name: 'DGAC', email: 'dgac@example.org', language: 'ca' },
  operators: { name: 'OT GSIT', email: 'ot-gsit@example.org', language: 'ca' },
};
