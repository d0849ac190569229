import { randomUUID } from 'node:crypto';
import type { Ticket, TicketWithThread } from '../../contracts/tickets';
import { api } from './api';

/** A ticket as the API returns it, with its thread and history when read one by one. */
export type TicketBody = Ticket & Partial<Pick<TicketWithThread, 'thread' | 'history'>>;

/** A valid incident on the council's web portals topic, with a unique subject to find it by. */
export const portalIncident = (over: Record<string, unknown> = {}) => ({
  type: 'incident',
  topicId: 'dipu-web-portals',
  subject: `Portal down ${randomUUID().slice(0, 8)}`,
  description: 'The municipal website answers with error 500 since 9:00.',
  fields: {},
  impact: { blocksWork: true, affectsOthers: true, affectsCitizens: true },
  ...over,
});

/** Files a ticket as a demo role, or with a token of a test's own user. */
export async function fileAs(who: string | { token: string }, body: unknown, headers: Record<string, string> = {}) {
  const caller = typeof who === 'string' ? { as: who } : who;
  const response = await api<TicketBody>('POST', '/tickets', { ...caller, body, headers });
  if (response.status !== 201) throw new Error(`Filing failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
