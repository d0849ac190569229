import type { RouteSpec } from '../http';
import { CreateTicket, IfMatchHeaders, ListTicketsQuery, Reopen, Reply, TicketParams, UpdateTicket } from '../tickets';
import { STAFF_GROUPS } from '../vocabulary';

/** Signed-in requesters file and follow tickets; staff work them. */
export const TICKETS_ROUTES = [
  {
    method: 'POST',
    path: '/tickets',
    auth: 'jwt',
    operationId: 'fileTicket',
    summary: 'File a ticket as a signed-in user',
    tags: ['Tickets'],
    request: { body: CreateTicket },
    idempotent: true,
    problems: [403, 429],
  },
  {
    method: 'GET',
    path: '/tickets',
    auth: 'jwt',
    operationId: 'listTickets',
    summary: 'My tickets, newest first, closed ones included; staff: a work queue by next due time (view)',
    tags: ['Tickets'],
    request: { query: ListTicketsQuery },
    problems: [403],
  },
  {
    method: 'GET',
    path: '/tickets/{ticketId}',
    auth: 'jwt',
    operationId: 'getTicket',
    summary: 'A ticket with its thread (oldest first) and history',
    tags: ['Tickets'],
    request: { params: TicketParams },
    problems: [404],
  },
  {
    method: 'PATCH',
    path: '/tickets/{ticketId}',
    auth: 'jwt',
    operationId: 'updateTicket',
    summary: 'Staff: change status, assignee, team (forward), priority (with a reason) or topic',
    tags: ['Tickets'],
    request: { params: TicketParams, headers: IfMatchHeaders, body: UpdateTicket },
    roles: STAFF_GROUPS,
    problems: [404, 409],
  },
  {
    method: 'POST',
    path: '/tickets/{ticketId}/messages',
    auth: 'jwt',
    operationId: 'addMessage',
    summary: 'Reply at the end of the thread; staff may add internal notes or ask for information',
    tags: ['Tickets'],
    request: { params: TicketParams, body: Reply },
    idempotent: true,
    problems: [403, 404, 409],
  },
  {
    method: 'POST',
    path: '/tickets/{ticketId}/reopen',
    auth: 'jwt',
    operationId: 'reopenTicket',
    summary:
      'The requester reopens a resolved ticket within the organisation’s reopen window, saying why; later, a new ticket is the way',
    tags: ['Tickets'],
    request: { params: TicketParams, body: Reopen },
    problems: [404, 409],
  },
] as const satisfies readonly RouteSpec[];
