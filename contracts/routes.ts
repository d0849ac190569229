import {
  AgentDocument,
  AgentParams,
  AuditQuery,
  CalendarDocument,
  OptionalIfMatch,
  OrganisationDocument,
  OrganisationParams,
  SlaPolicy,
  TeamDocument,
  TeamParams,
  TopicDocument,
} from './admin';
import { type RequestSpec, type RouteSpec, routeKey } from './http';
import { UpdateMe } from './me';
import { MonthlyReportHeaders, MonthlyReportQuery } from './reports';
import {
  CreateGuestTicket,
  CreateTicket,
  GuestReply,
  GuestTokenHeaders,
  IfMatchHeaders,
  ListTicketsQuery,
  Rating,
  RatingLinkParams,
  Reopen,
  Reply,
  TicketParams,
  UpdateTicket,
} from './tickets';
import { TopicParams, TopicsQuery } from './topics';
import { ADMIN_GROUPS, STAFF_GROUPS } from './vocabulary';

/** An administration route: supervisors (their own organisation) and admins (any). */
const administration = <const M extends 'GET' | 'PUT', const P extends string, const R extends RequestSpec>(
  method: M,
  path: P,
  operationId: string,
  summary: string,
  request: R,
) =>
  ({
    method,
    path,
    auth: 'jwt',
    operationId,
    summary,
    tags: ['Administration'],
    request,
    roles: ADMIN_GROUPS,
    problems: method === 'PUT' ? ([404, 409] as const) : ([404] as const),
  }) as const;

/**
 * The HTTP API, one entry per route: what the gateway exposes and what each route accepts.
 * Everything else follows from it and from RESPONSES (responses.ts), what each returns: the
 * API Gateway routes CDK creates, each handler's input schemas and reply types, the OpenAPI
 * document, and the portal's client.
 */
const routes = [
  {
    method: 'GET',
    path: '/health',
    auth: 'public',
    operationId: 'getHealth',
    summary: 'Whether each backing service answers',
    tags: ['Operations'],
  },
  {
    method: 'GET',
    path: '/openapi.json',
    auth: 'public',
    operationId: 'getOpenApi',
    summary: 'This document',
    tags: ['Operations'],
    publicCacheSeconds: 300,
  },
  {
    method: 'GET',
    path: '/me',
    auth: 'jwt',
    operationId: 'getMe',
    summary: 'Who the API takes you for: profile, groups and, for staff, where they work',
    tags: ['Me'],
  },
  {
    method: 'PATCH',
    path: '/me',
    auth: 'jwt',
    operationId: 'updateMe',
    summary: 'Change your name or the language of your mails',
    tags: ['Me'],
    request: { body: UpdateMe },
  },
  {
    method: 'GET',
    path: '/topics',
    auth: 'public',
    operationId: 'listTopics',
    summary: 'Topics a requester may choose, levels 1–3, each with its form and self-help guidance',
    tags: ['Topics'],
    request: { query: TopicsQuery },
    publicCacheSeconds: 60,
  },
  {
    method: 'GET',
    path: '/topics/{topicId}',
    auth: 'public',
    operationId: 'getTopic',
    summary: 'One topic with its form and guidance',
    tags: ['Topics'],
    request: { params: TopicParams },
    publicCacheSeconds: 60,
    problems: [404],
  },
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
  {
    method: 'GET',
    path: '/reports/monthly',
    auth: 'jwt',
    operationId: 'getMonthlyReport',
    summary:
      'An organisation’s indicators for one month: tickets received, response and resolution times, SLA compliance, satisfaction, backlog; `Accept: text/csv` for a spreadsheet',
    tags: ['Reports'],
    request: { query: MonthlyReportQuery, headers: MonthlyReportHeaders },
    roles: ADMIN_GROUPS,
    problems: [403, 404],
  },
  administration(
    'GET',
    '/catalogues/{organisationId}',
    'getCatalogue',
    'An organisation’s catalogue as administered (organisation, calendar, SLA policy, teams, topics), each with its version; `shared` is the level-1 topics',
    { params: OrganisationParams },
  ),
  administration(
    'PUT',
    '/organisations/{organisationId}',
    'putOrganisation',
    'Create (admins) or change an organisation: names, ticket prefix, mail domains, reopen window, languages',
    { params: OrganisationParams, headers: OptionalIfMatch, body: OrganisationDocument },
  ),
  administration('GET', '/calendars/{organisationId}', 'getCalendar', 'The organisation’s business calendar', {
    params: OrganisationParams,
  }),
  administration(
    'PUT',
    '/calendars/{organisationId}',
    'putCalendar',
    'Set the organisation’s time zone, opening windows per weekday and holidays; new tickets count in it at once',
    { params: OrganisationParams, headers: OptionalIfMatch, body: CalendarDocument },
  ),
  administration('GET', '/sla-policies/{organisationId}', 'getSlaPolicy', 'The organisation’s SLA policy', {
    params: OrganisationParams,
  }),
  administration(
    'PUT',
    '/sla-policies/{organisationId}',
    'putSlaPolicy',
    'Set the response-time targets by priority and topic; new tickets get them at once',
    { params: OrganisationParams, headers: OptionalIfMatch, body: SlaPolicy },
  ),
  administration('GET', '/teams/{teamId}', 'getTeam', 'One team as administered', { params: TeamParams }),
  administration(
    'PUT',
    '/teams/{teamId}',
    'putTeam',
    'Create or change a team: names, level, automatic assignment on or off',
    { params: TeamParams, headers: OptionalIfMatch, body: TeamDocument },
  ),
  administration(
    'PUT',
    '/topics/{topicId}',
    'putTopic',
    'Create or change a topic of levels 2–3 (admins: also level 1): names and guidance in four languages, form, ticket types, internal flag, team',
    { params: TopicParams, headers: OptionalIfMatch, body: TopicDocument },
  ),
  administration('GET', '/agents/{userId}', 'getAgent', 'Where a member of staff works', { params: AgentParams }),
  administration(
    'PUT',
    '/agents/{userId}',
    'putAgent',
    'Set where a member of staff works: organisation, teams, topics, supervisor flag',
    { params: AgentParams, headers: OptionalIfMatch, body: AgentDocument },
  ),
  administration(
    'GET',
    '/audit',
    'listAudit',
    'Changes made through administration, newest first: who, when, before and after',
    { query: AuditQuery },
  ),
  {
    method: 'GET',
    path: '/teams',
    auth: 'jwt',
    operationId: 'listTeams',
    summary: 'Staff: the teams of your organisation, to forward tickets to',
    tags: ['Desk'],
    roles: STAFF_GROUPS,
  },
  {
    method: 'GET',
    path: '/agents',
    auth: 'jwt',
    operationId: 'listAgents',
    summary: 'Staff: the members of staff of your organisation, with their teams and topics, to assign tickets to',
    tags: ['Desk'],
    roles: STAFF_GROUPS,
  },
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

type Route = (typeof routes)[number];
type KeyOf<R> = R extends { readonly method: infer M extends string; readonly path: infer P extends string }
  ? `${M} ${P}`
  : never;
export type RouteKey = KeyOf<Route>;
type RouteOf<K extends RouteKey> = Extract<
  Route,
  {
    readonly method: K extends `${infer M} ${string}` ? M : never;
    readonly path: K extends `${string} ${infer P}` ? P : never;
  }
>;

/** The route table keyed by route key (`POST /tickets`). */
export const ROUTES = Object.fromEntries(routes.map((route) => [routeKey(route), route])) as {
  readonly [K in RouteKey]: RouteOf<K>;
};

export const ROUTE_KEYS = Object.keys(ROUTES) as readonly RouteKey[];
