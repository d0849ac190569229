import type { RouteSpec } from '../http';
import { STAFF_GROUPS } from '../vocabulary';

/** Whom staff may forward or assign to. */
export const DESK_ROUTES = [
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
] as const satisfies readonly RouteSpec[];
