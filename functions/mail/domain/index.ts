/** Mail's pure domain, for other features' domains: what an outbox message is. */
export { isGuest, MAIL_EVENTS, type MailEvent, OutboxMessage, Recipient } from './outbox';
