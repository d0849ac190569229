import type { RouteSpec } from '../http';
import { CreateGuestTicket, GuestReply, GuestTokenHeaders, TicketParams } from '../tickets';

/** Guests file and follow a ticket through an emailed access link. */
export const GUEST_ROUTES = [
  {
    method: 'POST',
    path: '/public/tickets',
    auth: 'public',
    operationId: 'fileGuestTicket',
    summary: 'File a ticket without an account; the access link is emailed',
    tags: ['Guest tickets'],
    request: { body: CreateGuestTicket },
    idempotent: true,
    problems: [403, 429],
  },
  {
    method: 'GET',
    path: '/public/tickets/{ticketId}',
    auth: 'public',
    operationId: 'getGuestTicket',
    summary: 'A guest’s ticket; needs the X-Ticket-Token header from the emailed link',
    tags: ['Guest tickets'],
    request: { params: TicketParams, headers: GuestTokenHeaders },
    problems: [404],
  },
  {
    method: 'POST',
    path: '/public/tickets/{ticketId}/messages',
    auth: 'public',
    operationId: 'addGuestMessage',
    summary: 'A guest replies at the end of the thread (X-Ticket-Token)',
    tags: ['Guest tickets'],
    request: { params: TicketParams, headers: GuestTokenHeaders, body: GuestReply },
    idempotent: true,
    problems: [404, 409],
  },
] as const satisfies readonly RouteSpec[];
