import type { z } from 'zod';
import { type RouteSpec, routeKey } from '../shared/routes';
import { HealthSchema } from './schemas/health';
import { MeSchema } from './schemas/me';
import {
  CreateGuestTicketBody,
  CreateTicketBody,
  ListTicketsQuery,
  ReplyBody,
  ThreadSchema,
  TicketPageSchema,
  TicketParams,
  TicketSchema,
  UpdateTicketBody,
} from './schemas/tickets';
import { TopicListSchema, TopicParams, TopicSchema, TopicsQuery } from './schemas/topics';

export interface OperationSpec {
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  readonly request?: { readonly body?: z.ZodType; readonly query?: z.ZodObject; readonly params?: z.ZodObject };
  /** Success responses; problem responses are added from the route's auth and request. */
  readonly responses: Readonly<Record<number, { readonly description: string; readonly schema?: z.ZodType }>>;
}

/**
 * What each route accepts and returns, keyed by route key. The OpenAPI document is
 * generated from it, and a test proves it covers exactly the route table.
 */
export const OPERATIONS: Readonly<Record<string, OperationSpec>> = {
  'GET /health': {
    operationId: 'getHealth',
    summary: 'Whether each backing service answers',
    tags: ['Operations'],
    responses: {
      200: { description: 'Every service answers', schema: HealthSchema },
      503: { description: 'At least one service does not answer', schema: HealthSchema },
    },
  },
  'GET /openapi.json': {
    operationId: 'getOpenApi',
    summary: 'This document',
    tags: ['Operations'],
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },
  'GET /me': {
    operationId: 'getMe',
    summary: 'The signed-in caller: id, email, groups and the language responses use',
    tags: ['Identity'],
    responses: { 200: { description: 'The caller', schema: MeSchema } },
  },
  'GET /topics': {
    operationId: 'listTopics',
    summary: 'Topics a requester may choose, levels 1–3, each with its form and self-help guidance',
    tags: ['Topics'],
    request: { query: TopicsQuery },
    responses: { 200: { description: 'Topic tree, top level first', schema: TopicListSchema } },
  },
  'GET /topics/{topicId}': {
    operationId: 'getTopic',
    summary: 'One topic with its form and guidance',
    tags: ['Topics'],
    request: { params: TopicParams },
    responses: { 200: { description: 'The topic', schema: TopicSchema } },
  },
  'POST /tickets': {
    operationId: 'fileTicket',
    summary: 'File a ticket as a signed-in user (accepts Idempotency-Key)',
    tags: ['Tickets'],
    request: { body: CreateTicketBody },
    responses: { 201: { description: 'The new ticket', schema: TicketSchema } },
  },
  'GET /tickets': {
    operationId: 'listMyTickets',
    summary: 'My tickets, newest first; closed ones included',
    tags: ['Tickets'],
    request: { query: ListTicketsQuery },
    responses: { 200: { description: 'A page of tickets', schema: TicketPageSchema } },
  },
  'GET /tickets/{ticketId}': {
    operationId: 'getTicket',
    summary: 'A ticket with its thread (oldest first), attachments and history',
    tags: ['Tickets'],
    request: { params: TicketParams },
    responses: { 200: { description: 'The ticket', schema: ThreadSchema } },
  },
  'PATCH /tickets/{ticketId}': {
    operationId: 'updateTicket',
    summary: 'Staff: change status, assignee, team (forward), priority (with a reason) or topic; needs If-Match',
    tags: ['Tickets'],
    request: { params: TicketParams, body: UpdateTicketBody },
    responses: { 200: { description: 'The ticket after the change', schema: TicketSchema } },
  },
  'POST /tickets/{ticketId}/messages': {
    operationId: 'addMessage',
    summary: 'Reply at the end of the thread; staff may add internal notes or ask for information',
    tags: ['Tickets'],
    request: { params: TicketParams, body: ReplyBody },
    responses: { 201: { description: 'The ticket after the message', schema: TicketSchema } },
  },
  'POST /public/tickets': {
    operationId: 'fileGuestTicket',
    summary: 'File a ticket without an account; the access link is emailed (accepts Idempotency-Key)',
    tags: ['Guest tickets'],
    request: { body: CreateGuestTicketBody },
    responses: { 201: { description: 'The new ticket', schema: TicketSchema } },
  },
  'GET /public/tickets/{ticketId}': {
    operationId: 'getGuestTicket',
    summary: 'A guest’s ticket; needs the X-Ticket-Token header from the emailed link',
    tags: ['Guest tickets'],
    request: { params: TicketParams },
    responses: { 200: { description: 'The ticket', schema: ThreadSchema } },
  },
  'POST /public/tickets/{ticketId}/messages': {
    operationId: 'addGuestMessage',
    summary: 'A guest replies at the end of the thread (X-Ticket-Token)',
    tags: ['Guest tickets'],
    request: { params: TicketParams, body: ReplyBody.pick({ body: true }) },
    responses: { 201: { description: 'The ticket after the message', schema: TicketSchema } },
  },
} satisfies Record<string, OperationSpec>;

export const operationFor = (route: RouteSpec): OperationSpec | undefined => OPERATIONS[routeKey(route)];
