import { FORM_REQUEST_STEPS } from '../../../contracts/form-request-steps';
import { LANGUAGES } from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';
import { FORM_REQUEST_EVENTS, OutboxMessage } from './outbox';

/**
 * What a form request's mail shows besides its reference and website: the step it is at, its
 * deadline (told in `timeZone`, the directorate's), the directorate's comment on a rejection
 * and, once completed, the form's URL in each language. Nothing personal.
 */
export const FormRequestMail = z.object({
  requestId: z.string(),
  step: z.enum(FORM_REQUEST_STEPS),
  dueAt: z.optional(z.iso.datetime()),
  timeZone: z.optional(z.string()),
  comment: z.optional(z.string()),
  urls: z.optional(z.partialRecord(z.enum(LANGUAGES), z.string())),
});
export type FormRequestMail = z.infer<typeof FormRequestMail>;

/**
 * A form request's mail in the outbox: a ticket mail's fields, where `ticketId` is the request's
 * id (it keys the item and the logs), `number` its short reference and `subject` the
 * department's website, with a form request's event and what its mail shows. Only the notify
 * function, which sends these, builds this schema.
 */
export const FormRequestOutboxMessage = z.extend(OutboxMessage, {
  event: z.enum(FORM_REQUEST_EVENTS),
  formRequest: FormRequestMail,
});
export type FormRequestOutboxMessage = z.infer<typeof FormRequestOutboxMessage>;
