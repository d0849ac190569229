/** Mail's pure domain, for other features' domains: what an outbox message is. */

export { heldUntil } from './hold';
export { isGuest, type MailEvent, OutboxMessage, Recipient } from './outbox';
