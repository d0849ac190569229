import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../contracts/http';
import { ROUTES } from '../../contracts/routes';
import { api, type CallOptions } from '../support/api';
import { fileAs, fileAsGuest, portalIncident, type TicketBody } from '../support/tickets';

/**
 * The statuses every route answers by its shape alone — 401 without a token, 400 for bad
 * input, 413 and 415 for bodies, 409 for a reused Idempotency-Key — asked of each route of the
 * table, so a new route is held to them without a test of its own. The run's statuses are then
 * compared with the document (support/status-coverage.ts).
 */
const routes = Object.values(ROUTES) as RouteSpec[];
let ticket: TicketBody;
let guest: { ticket: TicketBody; token: string };
let formRequestId: string;

const petition = () => ({
  website: `https://example.gencat.cat/${randomUUID()}`,
  topics: ['gencat-education-enrolment'],
  languages: ['ca'],
  contact: { name: 'Laia Costa Riera', email: 'laia@example.org' },
});

beforeAll(async () => {
  ticket = await fileAs('citizen', portalIncident());
  guest = await fileAsGuest();
  formRequestId = (await api<{ id: string }>('POST', '/form-requests', { as: 'department', body: petition() })).body.id;
});

/** The route's path with real ids, or with `bad` ids where given. */
const pathOf = (route: RouteSpec, bad = false) =>
  route.path
    .replace('{ticketId}', bad ? 'not-a-uuid' : route.path.startsWith('/public') ? guest.ticket.id : ticket.id)
    .replace('{topicId}', bad ? 'Not_A_Slug' : 'dipu-web-portals')
    .replace('{organisationId}', bad ? 'Not_A_Slug' : 'dipu')
    .replace('{teamId}', bad ? 'Not_A_Slug' : 'dipu-web')
    .replace('{userId}', bad ? 'not%20a%20user' : randomUUID())
    // A link token's shape (the satisfaction routes); a bad one is too short to be one.
    .replace('{token}', bad ? 'short' : 'A'.repeat(54))
    .replace('{requestId}', bad ? 'not-a-uuid' : formRequestId)
    .replace('{language}', bad ? 'fr' : 'ca');

/**
 * Who may call the route: a supervisor where roles are required (the first role named where a
 * supervisor is not one of them), the ticket's own requester otherwise.
 */
const caller = (route: RouteSpec): CallOptions =>
  route.auth === 'public'
    ? { headers: { 'x-ticket-token': guest.token } }
    : {
        as: route.roles ? (route.roles.includes('supervisor') ? 'supervisor' : (route.roles[0] as string)) : 'citizen',
        headers: { 'if-match': `"${ticket.version}"` },
      };

const validBody = (route: RouteSpec): unknown => {
  switch (`${route.method} ${route.path}`) {
    case 'POST /tickets':
      return portalIncident();
    case 'POST /public/tickets':
      return { ...portalIncident(), requester: { name: 'Guest', email: `g-${randomUUID().slice(0, 8)}@example.org` } };
    case 'PATCH /me':
      return { language: 'ca' };
    case 'POST /form-requests':
      return petition();
    default:
      return { body: `A reply ${randomUUID()}` };
  }
};

describe('what every route answers by its shape', () => {
  it('401 from the gateway without a token, on every route behind the authorizer', async () => {
    for (const route of routes.filter((candidate) => candidate.auth === 'jwt')) {
      const response = await api(route.method, pathOf(route), { body: route.request?.body ? {} : undefined });
      expect(response.status, `${route.method} ${route.path}`).toBe(401);
    }
  });

  it('400 problem+json for input the contract refuses, on every route that takes input', async () => {
    for (const route of routes.filter((candidate) => candidate.request)) {
      const { params, query, body } = route.request ?? {};
      const path = params ? pathOf(route, true) : `${pathOf(route)}${query ? '?limit=0&organisationId=%20' : ''}`;
      const response = await api(route.method, path, { ...caller(route), body: body ? [] : undefined });
      expect(response.status, `${route.method} ${route.path}`).toBe(400);
    }
  });

  it('413 for a body above 64 KB and 415 for one that is not JSON, on every route that takes a body', async () => {
    for (const route of routes.filter((candidate) => candidate.request?.body)) {
      const big = await api(route.method, pathOf(route), { ...caller(route), body: { body: 'x'.repeat(70_000) } });
      expect(big.status, `${route.method} ${route.path}`).toBe(413);
      const options = caller(route);
      const text = await api(route.method, pathOf(route), {
        ...options,
        body: 'plain words',
        headers: { ...options.headers, 'content-type': 'text/plain' },
      });
      expect(text.status, `${route.method} ${route.path}`).toBe(415);
    }
  });

  it('409 for an Idempotency-Key reused with another request, on every route that accepts one', async () => {
    for (const route of routes.filter((candidate) => candidate.idempotent)) {
      const options = caller(route);
      const headers = { ...options.headers, 'idempotency-key': randomUUID() };
      const first = await api(route.method, pathOf(route), { ...options, headers, body: validBody(route) });
      expect(first.status, `${route.method} ${route.path}`).toBe(201);
      const reused = await api(route.method, pathOf(route), { ...options, headers, body: validBody(route) });
      expect(reused.status, `${route.method} ${route.path}`).toBe(409);
    }
  });
});
