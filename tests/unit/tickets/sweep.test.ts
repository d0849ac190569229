import { describe, expect, it } from 'vitest';
import { findOrganisation } from '../../../functions/catalogue/domain/index';
import { InvalidTransition } from '../../../functions/platform/kernel/errors';
import { openTicket } from '../../../functions/tickets/domain/filing';
import { reopenTicket } from '../../../functions/tickets/domain/reopening';
import { updateTicket } from '../../../functions/tickets/domain/staff-changes';
import { sweep } from '../../../functions/tickets/domain/sweep';
import { threadView } from '../../../functions/tickets/domain/views';
import { DEMO_CATALOGUE } from '../../../lib/local/demo-catalogue';
import { CLIENT, citizen, citizenProfile, incident, staffAccess, world } from './world';

const requester = { kind: 'user' as const, caller: citizen, profile: citizenProfile, client: CLIENT };
/** A local time in Madrid (UTC+1 in November). */
const madrid = (iso: string) => new Date(`${iso}+01:00`);

/**
 * The council's P2 incident filed on Monday 23 November at 10:00 (world's clock) is due its
 * first response at 12:00, warned of at 11:30; its team is Web portals, nobody assigned.
 */
async function filedIncident() {
  const w = world();
  /** Files the sweeper deleted, by ticket: stands in for the attachment store (tested against DynamoDB and S3 end to end). */
  const purged: string[] = [];
  const files = { purge: async (ticketId: string) => (purged.push(ticketId), 2) };
  const deps = { ...w.deps, index: w.index, heldMail: { release: w.release }, files };
  const ticket = await openTicket(w.deps, requester, incident);
  const run = (at: string | Date) => sweep(deps, typeof at === 'string' ? madrid(at) : at, ['dipu']);
  const mails = (event: string) => [...w.outbox, ...w.held].filter((mail) => mail.event === event);
  return { ...w, ticket, run, mails, purged };
}

describe('the sweeper', () => {
  it('warns the team holding a ticket once most of a commitment’s time has gone, and a re-run sends nothing more', async () => {
    const { ticket, run, mails, tickets, history } = await filedIncident();
    expect(await run('2026-11-23T11:29:00')).toMatchObject({ due: 0, warnings: 0 });
    expect(await run('2026-11-23T11:30:00')).toMatchObject({ due: 1, warnings: 1, escalations: 0 });
    expect(mails('sla_warning')).toEqual([
      expect.objectContaining({
        ticketId: ticket.ticketId,
        recipient: { teamId: 'dipu-web', organisationId: 'dipu' },
        due: {
          commitment: 'firstResponse',
          at: madrid('2026-11-23T12:00:00').toISOString(),
          timeZone: 'Europe/Madrid',
        },
      }),
    ]);
    expect(history.filter((entry) => entry.action === 'sla_warning')).toHaveLength(1);
    expect(await run('2026-11-23T11:45:00')).toMatchObject({ due: 0, warnings: 0 });
    expect(mails('sla_warning')).toHaveLength(1);
    expect(tickets.get(ticket.ticketId)?.version).toBe(ticket.version + 1);
  });

  it('warns the assignee rather than the team once someone has the ticket', async () => {
    const { deps, ticket, run, mails } = await filedIncident();
    const taken = await updateTicket(deps, staffAccess(ticket), { assigneeId: 'u-agent' }, ticket.version, {
      ...staffAccess(ticket).member,
    });
    expect(taken.assigneeId).toBe('u-agent');
    await run('2026-11-23T11:30:00');
    expect(mails('sla_warning').map((mail) => mail.recipient)).toEqual([{ userId: 'u-agent' }]);
  });

  it('escalates a broken commitment to the organisation’s supervisors once, and tells only staff in the history', async () => {
    const { ticket, run, mails, deps } = await filedIncident();
    expect(await run('2026-11-23T12:01:00')).toMatchObject({ warnings: 0, escalations: 1 });
    expect(mails('sla_escalated').map((mail) => mail.recipient)).toEqual([{ supervisorsOf: 'dipu' }]);
    expect(await run('2026-11-23T12:30:00')).toMatchObject({ escalations: 0 });
    expect(mails('sla_escalated')).toHaveLength(1);

    const thread = await deps.store.thread(ticket.ticketId);
    const stored = thread.ticket ?? ticket;
    expect(stored.sla?.escalated?.firstResponse).toBe(madrid('2026-11-23T12:01:00').toISOString());
    const seenBy = (access: Parameters<typeof threadView>[0]) =>
      threadView(access, thread, 'en', madrid('2026-11-23T12:30:00')).history.map((entry) => entry.action);
    expect(seenBy(staffAccess(stored))).toContain('sla_escalated');
    expect(seenBy({ as: 'requester', ticket: stored })).not.toContain('sla_escalated');
  });

  it('holds staff mail written while the organisation is closed until it opens, then lets it go', async () => {
    const { run, outbox, held } = await filedIncident();
    // Found at 20:00, after hours: the breach is recorded then, the supervisors hear at 8:00.
    expect(await run('2026-11-23T20:00:00')).toMatchObject({ escalations: 1 });
    expect(outbox.filter((mail) => mail.event === 'sla_escalated')).toEqual([]);
    expect(held).toEqual([
      expect.objectContaining({
        event: 'sla_escalated',
        holdUntil: madrid('2026-11-24T08:00:00').toISOString(),
      }),
    ]);
    expect(await run('2026-11-24T07:59:00')).toMatchObject({ mailReleased: 0 });
    expect(await run('2026-11-24T08:00:00')).toMatchObject({ mailReleased: 1 });
    expect(held).toEqual([]);
    expect(outbox.filter((mail) => mail.event === 'sla_escalated')).toHaveLength(1);
  });

  it('closes a resolved ticket itself once the reopen window has passed, and then it cannot be reopened', async () => {
    const { deps, ticket, run, tickets, setNow } = await filedIncident();
    const windowDays = findOrganisation(DEMO_CATALOGUE, 'dipu')?.reopenWindowDays ?? 0;
    setNow(madrid('2026-11-23T10:30:00'));
    const resolved = await updateTicket(deps, staffAccess(ticket), { status: 'resolved' }, ticket.version, undefined);
    const closesAt = new Date(madrid('2026-11-23T10:30:00').getTime() + windowDays * 86_400_000);
    expect(resolved.autoCloseAt).toBe(closesAt.toISOString());
    expect(await run(new Date(closesAt.getTime() - 60_000))).toMatchObject({ closed: 0 });
    expect(await run(closesAt)).toMatchObject({ closed: 1 });
    const closed = tickets.get(ticket.ticketId);
    expect(closed).toMatchObject({ status: 'closed' });
    expect(closed?.autoCloseAt).toBeUndefined();
    setNow(new Date(closesAt.getTime() + 60_000));
    const { history } = await deps.store.thread(ticket.ticketId);
    await expect(
      reopenTicket(deps, { as: 'requester', ticket: closed ?? ticket }, history, 'Still broken'),
    ).rejects.toThrow(InvalidTransition);
  });

  it('deletes a closed ticket’s files once its organisation’s retention has passed since it closed, once', async () => {
    const { deps, ticket, run, tickets, purged, setNow } = await filedIncident();
    const retentionDays = findOrganisation(DEMO_CATALOGUE, 'dipu')?.attachments.retentionDays ?? 0;
    setNow(madrid('2026-11-23T10:30:00'));
    const closed = await updateTicket(deps, staffAccess(ticket), { status: 'closed' }, ticket.version, undefined);
    const purgeAt = new Date(madrid('2026-11-23T10:30:00').getTime() + retentionDays * 86_400_000);
    expect(closed.filesPurgeAt).toBe(purgeAt.toISOString());

    expect(await run(new Date(purgeAt.getTime() - 60_000))).toMatchObject({ filesPurged: 0 });
    expect(purged).toEqual([]);
    expect(await run(purgeAt)).toMatchObject({ due: 1, filesPurged: 2 });
    expect(purged).toEqual([ticket.ticketId]);
    // Off the sweep index: later runs do not come back to it.
    expect(tickets.get(ticket.ticketId)?.filesPurgeAt).toBeUndefined();
    expect(await run(new Date(purgeAt.getTime() + 86_400_000))).toMatchObject({ due: 0, filesPurged: 0 });
  });

  it('counts the retention of a ticket that closed itself from when it closed', async () => {
    const { deps, ticket, run, tickets, setNow } = await filedIncident();
    setNow(madrid('2026-11-23T10:30:00'));
    const resolved = await updateTicket(deps, staffAccess(ticket), { status: 'resolved' }, ticket.version, undefined);
    const closesAt = new Date(resolved.autoCloseAt ?? '');
    await run(closesAt);
    const retentionDays = findOrganisation(DEMO_CATALOGUE, 'dipu')?.attachments.retentionDays ?? 0;
    expect(tickets.get(ticket.ticketId)?.filesPurgeAt).toBe(
      new Date(closesAt.getTime() + retentionDays * 86_400_000).toISOString(),
    );
  });

  it('stops the close when the requester reopens in time', async () => {
    const { deps, ticket, run, tickets, setNow } = await filedIncident();
    const resolved = await updateTicket(deps, staffAccess(ticket), { status: 'resolved' }, ticket.version, undefined);
    setNow(madrid('2026-11-24T09:00:00'));
    const { history } = await deps.store.thread(ticket.ticketId);
    const reopened = await reopenTicket(deps, { as: 'requester', ticket: resolved }, history, 'Still broken');
    expect(reopened.status).toBe('in_progress');
    expect(reopened.autoCloseAt).toBeUndefined();
    expect(await run('2026-12-31T09:00:00')).toMatchObject({ closed: 0 });
    expect(tickets.get(ticket.ticketId)?.status).toBe('in_progress');
  });
});
