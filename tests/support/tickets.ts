import { randomUUID } from 'node:crypto';
import type { Ticket, TicketWithThread } from '../../contracts/tickets-views';
import { api } from './api';
import { mailTo, nowSeconds } from './mail';

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

/** Files as a guest and reads the access token from the mail it brings, as the guest would. */
export async function fileAsGuest() {
  const email = `guest-${randomUUID().slice(0, 8)}@example.org`;
  const since = nowSeconds();
  const response = await api<TicketBody>('POST', '/public/tickets', {
    body: { ...portalIncident(), requester: { name: 'Pere Guest', email } },
    headers: { 'accept-language': 'es' },
  });
  if (response.status !== 201) throw new Error(`Guest filing failed: ${response.status}`);
  const [mail] = await mailTo(email, since);
  const token = decodeURIComponent(/#token=([^\s]+)/.exec(mail?.body.text ?? '')?.[1] ?? '');
  return { ticket: response.body, token, mail, raw: JSON.stringify(response.body) };
}
