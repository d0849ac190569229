/** Names for the contract's schemas the screens use (types only: safe to import from unit tests). */
import type { components } from './openapi';

export type Schemas = components['schemas'];
export type Topic = Schemas['Topic'];
export type FormField = Topic['form']['fields'][number];
export type Ticket = Schemas['Ticket'];
export type TicketWithThread = Schemas['TicketWithThread'];
export type TicketStatus = Ticket['status'];
export type TicketType = Ticket['type'];
export type CreateTicket = Schemas['CreateTicket'];
export type RatingInvitation = Schemas['RatingInvitation'];
export type Me = Schemas['Me'];
