import { describe, expect, it } from 'vitest';
import { reply } from '../../../functions/tickets/domain/conversation';
import { openTicket } from '../../../functions/tickets/domain/filing';
import { updateTicket } from '../../../functions/tickets/domain/staff-changes';
import { threadView, ticketView } from '../../../functions/tickets/domain/views';
import { CLIENT, citizen, citizenProfile, incident, NOW, staffAccess, world } from './world';

describe('how a ticket reads', () => {
  it('shows the status and the topic path in the reader’s language', async () => {
    const { deps } = world();
    const ticket = await openTicket(
      deps,
      { kind: 'user', caller: citizen, profile: citizenProfile, client: CLIENT },
      incident,
    );
    expect(ticketView(ticket, 'es', 'requester', NOW)).toMatchObject({
      statusLabel: 'Abierto',
      topic: { id: 'dipu-web-portals', path: ['Tecnología y aplicaciones', 'Portales web'], name: 'Portales web' },
    });
  });

  it('names the team a forwarded ticket went to', async () => {
    const { deps } = world();
    const ticket = await openTicket(
      deps,
      { kind: 'user', caller: citizen, profile: citizenProfile, client: CLIENT },
      incident,
    );
    const forwarded = await updateTicket(deps, staffAccess(ticket), { teamId: 'dipu-systems' }, 1, undefined);
    const view = ticketView(forwarded, 'en', 'requester', NOW);
    expect(view.statusLabel).toBe(`Forwarded to ${view.team?.name}`);
    expect(ticketView(forwarded, 'ca', 'requester', NOW).statusLabel).toMatch(/^Derivat a /);
  });

  it('shows internal notes to staff only, and the thread oldest first', async () => {
    const { deps } = world();
    const ticket = await openTicket(
      deps,
      { kind: 'user', caller: citizen, profile: citizenProfile, client: CLIENT },
      incident,
    );
    const noted = await reply(deps, staffAccess(ticket), { body: 'CDN again', internal: true });
    await reply(deps, staffAccess(noted), { body: 'Fixed, please check.' });
    const thread = await deps.store.thread(ticket.ticketId);
    const bodies = (view: ReturnType<typeof threadView>) => view.thread.map((message) => message.body);
    expect(bodies(threadView({ as: 'requester', ticket }, thread, 'en', NOW))).toEqual([
      'Error 500',
      'Fixed, please check.',
    ]);
    expect(bodies(threadView(staffAccess(ticket), thread, 'en', NOW))).toEqual([
      'Error 500',
      'CDN again',
      'Fixed, please check.',
    ]);
  });
});
