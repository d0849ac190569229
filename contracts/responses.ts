import {
  AuditPage,
  CatalogueDocuments,
  StoredAgent,
  StoredCalendar,
  StoredOrganisation,
  StoredSlaPolicy,
  StoredTeam,
  StoredTopic,
} from './admin-views';
import { AgentList, TeamList } from './desk';
import { FormRequest, FormRequestList, FormTemplates } from './form-requests';
import { Health, OpenApiDocument } from './health';
import type { ResponseSpec } from './http';
import { Me } from './me';
import { MonthlyReport } from './reports-views';
import type { RouteKey } from './routes';
import {
  AttachmentUpload,
  DownloadLink,
  GuestTicketCreated,
  RatingInvitation,
  Ticket,
  TicketPage,
  TicketWithThread,
} from './tickets-views';
import { Topic, TopicList } from './topics';
import type * as z from './zod';

const CREATED = { Location: 'Where the new resource is read' } as const;
/** The file: a redirect to S3, or (with `Accept: application/json`) the link itself, for a browser to follow. */
const DOWNLOAD = {
  200: { description: 'With Accept: application/json: the download link, valid for a minute', schema: DownloadLink },
  302: {
    description: 'The file: follow Location, an S3 link valid for a minute',
    headers: { Location: 'Where to download the file from' },
  },
} as const;
const VERSIONED = { ETag: 'The version: send it back in If-Match to change the document' } as const;

/** An administered document: 200 when read or changed, 201 when a PUT created it. */
const administered = <S extends z.ZodMiniType>(schema: S, what: string) =>
  ({
    200: { description: what, schema, headers: VERSIONED },
    201: { description: `${what}, created`, schema, headers: VERSIONED },
  }) as const;

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
  'POST /tickets/{ticketId}/attachments': {
    201: { description: 'Where to upload the file', schema: AttachmentUpload, headers: CREATED },
  },
  'GET /tickets/{ticketId}/attachments/{attachmentId}': DOWNLOAD,
  'POST /public/tickets/{ticketId}/attachments': {
    201: { description: 'Where to upload the file', schema: AttachmentUpload, headers: CREATED },
  },
  'GET /public/tickets/{ticketId}/attachments/{attachmentId}': DOWNLOAD,
  'POST /tickets/{ticketId}/reopen': { 200: { description: 'The ticket, in progress again', schema: Ticket } },
  'POST /tickets/{ticketId}/satisfaction': {
    201: { description: 'The ticket with its rating', schema: Ticket, headers: CREATED },
  },
  'GET /public/satisfaction/{token}': {
    200: { description: 'The ticket and the choice of scores', schema: RatingInvitation },
  },
  'POST /public/satisfaction/{token}': {
    201: { description: 'The rating is recorded', schema: RatingInvitation },
  },
  'POST /public/tickets/{ticketId}/satisfaction': {
    201: { description: 'The ticket with its rating', schema: Ticket, headers: CREATED },
  },
  'GET /reports/monthly': {
    200: {
      description: 'The month’s indicators',
      schema: MonthlyReport,
      text: {
        mediaType: 'text/csv',
        description:
          'The same report with `Accept: text/csv`: UTF-8 with BOM, `;`-separated, decimal comma, one row per metric and breakdown',
      },
    },
  },
  'GET /catalogues/{organisationId}': {
    200: { description: 'Every administered document of the organisation, with versions', schema: CatalogueDocuments },
  },
  'PUT /organisations/{organisationId}': administered(StoredOrganisation, 'The organisation'),
  'GET /calendars/{organisationId}': {
    200: { description: 'The calendar', schema: StoredCalendar, headers: VERSIONED },
  },
  'PUT /calendars/{organisationId}': administered(StoredCalendar, 'The calendar'),
  'GET /sla-policies/{organisationId}': {
    200: { description: 'The SLA policy', schema: StoredSlaPolicy, headers: VERSIONED },
  },
  'PUT /sla-policies/{organisationId}': administered(StoredSlaPolicy, 'The SLA policy'),
  'GET /teams/{teamId}': { 200: { description: 'The team', schema: StoredTeam, headers: VERSIONED } },
  'PUT /teams/{teamId}': administered(StoredTeam, 'The team'),
  'PUT /topics/{topicId}': administered(StoredTopic, 'The topic'),
  'GET /agents/{userId}': { 200: { description: 'The member of staff', schema: StoredAgent, headers: VERSIONED } },
  'PUT /agents/{userId}': administered(StoredAgent, 'The member of staff'),
  'GET /audit': { 200: { description: 'A page of changes, newest first', schema: AuditPage } },
  'GET /teams': { 200: { description: 'Teams of your organisation, first level first', schema: TeamList } },
  'GET /agents': { 200: { description: 'Staff of your organisation, by name', schema: AgentList } },
  'POST /public/tickets': {
    201: {
      description: 'The new ticket, with a token to upload its files',
      schema: GuestTicketCreated,
      headers: CREATED,
    },
  },
  'GET /public/tickets/{ticketId}': { 200: { description: 'The ticket', schema: TicketWithThread } },
  'POST /public/tickets/{ticketId}/messages': {
    201: { description: 'The ticket after the message', schema: Ticket, headers: CREATED },
  },
  'POST /form-requests': {
    201: { description: 'The request, waiting for the directorate’s review', schema: FormRequest, headers: CREATED },
  },
  'GET /form-requests': { 200: { description: 'Requests, newest first', schema: FormRequestList } },
  'GET /form-requests/{requestId}': { 200: { description: 'The request', schema: FormRequest } },
  'POST /form-requests/{requestId}/review': {
    200: { description: 'The request after the decision', schema: FormRequest },
  },
  'PUT /form-requests/{requestId}/petition': {
    200: { description: 'The revised request, back to review', schema: FormRequest },
  },
  'PUT /form-requests/{requestId}/templates/{language}': {
    200: { description: 'The request, with this language’s templates stored', schema: FormRequest },
  },
  'GET /form-requests/{requestId}/templates/{language}': {
    200: { description: 'The language’s header and footer', schema: FormTemplates },
  },
  'PUT /form-requests/{requestId}/parameters': {
    200: { description: 'The request after the parametrisation', schema: FormRequest },
  },
  'POST /form-requests/{requestId}/setup': {
    200: { description: 'The request, its URLs handed to the department', schema: FormRequest },
  },
  'POST /form-requests/{requestId}/links-updated': {
    200: { description: 'The completed request', schema: FormRequest },
  },
} as const satisfies { readonly [K in RouteKey]: Readonly<Record<number, ResponseSpec>> };
