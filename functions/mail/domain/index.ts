/** Mail's pure domain, for other features' domains: what an outbox message is. */

export { heldUntil } from './hold';
export {
  FORM_REQUEST_EVENTS,
  type FormRequestEvent,
  FormRequestMail,
  isFormRequestEvent,
  isGuest,
  type MailEvent,
  OutboxMessage,
  Recipient,
} from './outbox';
