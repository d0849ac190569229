import type { RouteSpec } from '../http';
import { GuestTokenHeaders, Rating, RatingLinkParams, TicketParams } from '../tickets';

/** Requesters rate their resolved tickets. */
export const SATISFACTION_ROUTES = [
  {
    method: 'POST',
    path: '/tickets/{ticketId}/satisfaction',
    auth: 'jwt',
    operationId: 'rateTicket',
    summary: 'The requester rates how a resolved ticket was handled, 1–5 with an optional comment; once',
    tags: ['Tickets'],
    request: { params: TicketParams, body: Rating },
    problems: [404, 409],
  },
  {
    method: 'GET',
    path: '/public/satisfaction/{token}',
    auth: 'public',
    operationId: 'getRatingInvitation',
    summary:
      'What a resolution mail’s rating link opens: the ticket and the 1–5 choice. Reading it records nothing, so mail scanners never vote',
    tags: ['Guest tickets'],
    request: { params: RatingLinkParams },
    problems: [404],
  },
  {
    method: 'POST',
    path: '/public/satisfaction/{token}',
    auth: 'public',
    operationId: 'rateThroughLink',
    summary: 'Records the score confirmed on the rating link’s page; once per ticket',
    tags: ['Guest tickets'],
    request: { params: RatingLinkParams, body: Rating },
    problems: [404, 409],
  },
  {
    method: 'POST',
    path: '/public/tickets/{ticketId}/satisfaction',
    auth: 'public',
    operationId: 'rateGuestTicket',
    summary: 'A guest rates their resolved ticket (X-Ticket-Token); once',
    tags: ['Guest tickets'],
    request: { params: TicketParams, headers: GuestTokenHeaders, body: Rating },
    problems: [404, 409],
  },
] as const satisfies readonly RouteSpec[];
