/**
 * Tickets: filing, following, replying and the staff's changes, under one lifecycle and one
 * access policy. What other features may use of them.
 */
export { accessAsGuest, accessAsUser, type TicketAccess, workAccess } from './domain/access';
export { type TicketEvent, transition } from './domain/lifecycle';
export type { TicketRecord } from './domain/model';
export { dynamoTicketStore } from './store';
