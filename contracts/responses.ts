import { AgentList, TeamList } from './desk';
import { Health, OpenApiDocument } from './health';
import type { ResponseSpec } from './http';
import { Me } from './me';
import type { RouteKey } from './routes';
import { Ticket, TicketPage, TicketWithThread } from './tickets';
import { Topic, TopicList } from './topics';

const CREATED = { Location: 'Where the new resource is read' } as const;

/**
 * What each route answers when it succeeds, with the schema of each body. Kept apart from the
 * route table on purpose: handlers import it only as a type (their replies are checked against
 * it when compiling), so no Lambda builds these schemas at cold start; the OpenAPI document and
 * the tests use them at run time.
 */
export const RESPONSES = {
  'GET /health': {
    200: { description: 'Every service answers', schema: Health },
    503: { description: 'At least one service does not answer', schema: Health },
  },
  'GET /openapi.json': { 200: { description: 'OpenAPI 3.1 document', schema: OpenApiDocument } },
  'GET /me': { 200: { description: 'Your profile', schema: Me } },
  'PATCH /me': { 200: { description: 'Your profile after the change', schema: Me } },
  'GET /topics': { 200: { description: 'Topic tree, top level first', schema: TopicList } },
  'GET /topics/{topicId}': { 200: { description: 'The topic', schema: Topic } },
  'POST /tickets': { 201: { description: 'The new ticket', schema: Ticket, headers: CREATED } },
  'GET /tickets': { 200: { description: 'A page of tickets', schema: TicketPage } },
  'GET /tickets/{ticketId}': { 200: { description: 'The ticket', schema: TicketWithThread } },
  'PATCH /tickets/{ticketId}': {
    200: { description: 'The ticket after the change', schema: Ticket, headers: { ETag: 'The new version' } },
  },
  'POST /tickets/{ticketId}/messages': {
    201: { description: 'The ticket after the message', schema: Ticket, headers: CREATED },
  },
  'POST /tickets/{ticketId}/reopen': { 200: { description: 'The ticket, in progress again', schema: Ticket } },
  'GET /teams': { 200: { description: 'Teams of your organisation, first level first', schema: TeamList } },
  'GET /agents': { 200: { description: 'Staff of your organisation, by name', schema: AgentList } },
  'POST /public/tickets': { 201: { description: 'The new ticket', schema: Ticket, headers: CREATED } },
  'GET /public/tickets/{ticketId}': { 200: { description: 'The ticket', schema: TicketWithThread } },
  'POST /public/tickets/{ticketId}/messages': {
    201: { description: 'The ticket after the message', schema: Ticket, headers: CREATED },
  },
} as const satisfies { readonly [K in RouteKey]: Readonly<Record<number, ResponseSpec>> };
