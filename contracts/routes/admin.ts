import {
  AgentDocument,
  AgentParams,
  AuditQuery,
  CalendarDocument,
  OptionalIfMatch,
  OrganisationParams,
  TeamParams,
} from '../admin';
import { OrganisationDocument, SlaPolicy, TeamDocument, TopicDocument } from '../catalogue';
import type { RequestSpec, RouteSpec } from '../http';
import { TopicParams } from '../topics';
import { ADMIN_GROUPS } from '../vocabulary';

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

/** Administration of an organisation's service, by its supervisors or admins. */
export const ADMIN_ROUTES = [
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
] as const satisfies readonly RouteSpec[];
