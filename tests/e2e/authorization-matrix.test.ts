import { describe, expect, it } from 'vitest';
import { api, newUser, tokenAs, tokenFor } from '../support/api';
import { fileAs, portalIncident, type TicketBody } from '../support/tickets';

/**
 * Who may do what on the desk, cell by cell: each staff route against each kind of caller, on a
 * ticket of the provincial council's web team filed by a citizen. 404 where the ticket is none
 * of the caller's business (never 403, which would confirm it exists); 403 where the route itself
 * is not for them.
 */
const CALLERS = {
  'another citizen': async () => (await newUser()).token(),
  'agent of the team': () => tokenFor('agent'),
  'agent of another team': () => tokenAs('agent2'),
  supervisor: () => tokenFor('supervisor'),
  admin: () => tokenFor('admin'),
  'agent of another organisation': () => tokenAs('agent.salut'),
} as const;
type Caller = keyof typeof CALLERS;

const ROUTES: Record<string, (ticket: TicketBody, token: string) => Promise<number>> = {
  'GET /tickets/{id}': async (ticket, token) => (await api('GET', `/tickets/${ticket.id}`, { token })).status,
  'PATCH /tickets/{id}': async (ticket, token) =>
    (
      await api('PATCH', `/tickets/${ticket.id}`, {
        token,
        body: { priority: 'P4', reason: 'Checked with the town' },
        headers: { 'if-match': `"${ticket.version}"` },
      })
    ).status,
  'POST /tickets/{id}/messages (note)': async (ticket, token) =>
    (await api('POST', `/tickets/${ticket.id}/messages`, { token, body: { body: 'Looking', internal: true } })).status,
  'POST /tickets/{id}/reopen': async (ticket, token) =>
    (await api('POST', `/tickets/${ticket.id}/reopen`, { token, body: { reason: 'Not me' } })).status,
  'GET /tickets?view=queue': async (_, token) =>
    (await api('GET', '/tickets?view=queue&teamId=dipu-web', { token })).status,
  'GET /teams': async (_, token) => (await api('GET', '/teams', { token })).status,
  'GET /agents': async (_, token) => (await api('GET', '/agents', { token })).status,
};

const EXPECTED: Record<string, Record<Caller, number>> = {
  //                                   citizen team  other sup  admin  other org
  'GET /tickets/{id}': row(404, 200, 404, 200, 404, 404),
  'PATCH /tickets/{id}': row(403, 200, 404, 200, 403, 404),
  'POST /tickets/{id}/messages (note)': row(404, 201, 404, 201, 404, 404),
  'POST /tickets/{id}/reopen': row(404, 404, 404, 404, 404, 404),
  'GET /tickets?view=queue': row(403, 200, 403, 200, 403, 403),
  'GET /teams': row(403, 200, 200, 200, 403, 200),
  'GET /agents': row(403, 200, 200, 200, 403, 200),
};

function row(...statuses: number[]): Record<Caller, number> {
  return Object.fromEntries(Object.keys(CALLERS).map((caller, i) => [caller, statuses[i]])) as Record<Caller, number>;
}

describe('the desk’s authorization matrix', () => {
  for (const [route, expected] of Object.entries(EXPECTED)) {
    it(`${route}: ${Object.entries(expected)
      .map(([caller, status]) => `${caller} ${status}`)
      .join(', ')}`, async () => {
      const seen: Record<string, number> = {};
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        const ticket = await fileAs('citizen', portalIncident());
        seen[caller] = await (ROUTES[route] as (typeof ROUTES)[string])(ticket, await CALLERS[caller]());
      }
      expect(seen).toEqual(expected);
    });
  }
});
