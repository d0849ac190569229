/** Mail's pure domain, for other features' domains: what an outbox message is. */

// Types only: the schema is built by the notify function alone.
export type { FormRequestMail, FormRequestOutboxMessage } from './form-request-outbox';
export { heldUntil } from './hold';
export {
  FORM_REQUEST_EVENTS,
  type FormRequestEvent,
  isFormRequestEvent,
  isGuest,
  type MailEvent,
  OutboxMessage,
  Recipient,
} from './outbox';
