/**
 * Mail: the outbox other features write notifications to (in the transaction of the change
 * they report), and the one mail sent inside a request, a guest's access link.
 */
export * from './domain/index';
export { ratingToken } from './links';
export { type Addressee, sendGuestAccessMail } from './send';
export { outboxPut, releaseHeldMail } from './store';
