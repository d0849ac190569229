import { describe, expect, it } from 'vitest';
import { cryptoIds } from '../../../functions/platform/ids';
import { Conflict, NotFound } from '../../../functions/platform/kernel/errors';
import { openTicket } from '../../../functions/tickets/domain/filing';
import { rated, ratingInvitation, ticketOfLink } from '../../../functions/tickets/domain/satisfaction';
import { updateTicket } from '../../../functions/tickets/domain/staff-changes';
import { CLIENT, citizen, citizenProfile, incident, staffAccess, world } from './world';

const requester = { kind: 'user' as const, caller: citizen, profile: citizenProfile, client: CLIENT };

async function resolvedTicket() {
  const w = world();
  const ticket = await openTicket(w.deps, requester, incident);
  w.setNow(new Date('2026-11-23T12:00:00Z'));
  const resolved = await updateTicket(w.deps, staffAccess(ticket), { status: 'resolved' }, ticket.version, undefined);
  return { ...w, resolved };
}

describe('rating a ticket', () => {
  it('leaves on the resolution only the hash of the mailed link’s token, good until the reopen window ends', async () => {
    const { resolved, outbox } = await resolvedTicket();
    const token = `rating-${resolved.ticketId}-2026-11-23T12:00:00.000Z`;
    // The council's window is 15 days; the mail carries the instant the token is made from.
    expect(resolved.rating).toEqual({ tokenHash: cryptoIds.hash(token), until: '2026-12-08T12:00:00.000Z' });
    expect(outbox.at(-1)).toMatchObject({ event: 'resolved', resolvedAt: '2026-11-23T12:00:00.000Z' });
    expect(JSON.stringify(outbox)).not.toContain(token);
    expect(ticketOfLink(resolved, token, cryptoIds)).toBe(resolved);
    expect(() => ticketOfLink(resolved, `${token}x`, cryptoIds)).toThrow(NotFound);
  });

  it('takes a score once, after resolution, until the window ends', async () => {
    const { deps, resolved } = await resolvedTicket();
    const open = await openTicket(deps, requester, incident);
    expect(() => rated(open, { score: 5 }, new Date('2026-11-24T09:00:00Z'))).toThrow(Conflict);
    expect(rated(resolved, { score: 4, comment: 'Quick' }, new Date('2026-11-24T09:00:00Z'))).toEqual({
      score: 4,
      comment: 'Quick',
      ratedAt: '2026-11-24T09:00:00.000Z',
    });
    expect(() => rated(resolved, { score: 4 }, new Date('2026-12-08T12:00:01Z'))).toThrow(/passed/);
    const once = await deps.store.rate(resolved, rated(resolved, { score: 2 }, new Date('2026-11-24T09:00:00Z')));
    expect(() => rated(once, { score: 5 }, new Date('2026-11-24T10:00:00Z'))).toThrow(/already/);
  });

  it('shows the link’s page the ticket, the scale and any rating, in the reader’s language', async () => {
    const { resolved } = await resolvedTicket();
    expect(ratingInvitation(resolved, 'es')).toEqual({
      ticket: { number: resolved.number, subject: 'Portal down', status: 'resolved', statusLabel: 'Resuelto' },
      scale: [1, 2, 3, 4, 5],
      ratableUntil: '2026-12-08T12:00:00.000Z',
      rated: null,
    });
  });
});
