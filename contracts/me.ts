import { text } from './text';
import { GROUPS, LANGUAGES } from './vocabulary';
import * as z from './zod';

export const Me = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  /** The language of the mails this person receives; responses follow Accept-Language. */
  language: z.enum(LANGUAGES),
  groups: z.array(z.enum(GROUPS)),
  /** Staff only: where they work. */
  staff: z.optional(
    z.object({
      organisationId: z.string(),
      teamIds: z.array(z.string()),
      topicIds: z.array(z.string()),
      supervisor: z.boolean(),
    }),
  ),
});
export type Me = z.infer<typeof Me>;

export const UpdateMe = z
  .strictObject({
    name: z.optional(text(1, 120)),
    language: z.optional(z.enum(LANGUAGES)),
  })
  .check(z.refine((body) => Object.keys(body).length > 0, 'Change at least one thing.'));
export type UpdateMe = z.infer<typeof UpdateMe>;
