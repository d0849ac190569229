import { describe, expect, it } from 'vitest';
import { api } from '../support/api';
import { fileAs, portalIncident, type TicketBody } from '../support/tickets';

type Sla = NonNullable<TicketBody['sla']>;

describe('response-time commitments on tickets', () => {
  it('are set at filing in the organisation’s business hours, by the policy for the ticket’s priority', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const sla = ticket.sla as Sla;
    expect(ticket.priority).toBe('P1');
    // The council answers a P1 within an open hour (8:00–15:00 on weekdays, Madrid time).
    const filed = Date.parse(ticket.createdAt);
    expect(Date.parse(sla.firstResponseDueAt)).toBeGreaterThan(filed);
    expect(Date.parse(sla.resolutionDueAt)).toBeGreaterThan(Date.parse(sla.firstResponseDueAt));
    expect(sla).toMatchObject({
      paused: false,
      pausedMinutes: 0,
      breached: { firstResponse: false, resolution: false },
    });
    const madrid = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Madrid',
      hour: '2-digit',
      minute: '2-digit',
      weekday: 'short',
    });
    const due = madrid.formatToParts(new Date(sla.firstResponseDueAt));
    const hour = Number(due.find((part) => part.type === 'hour')?.value);
    expect(hour).toBeGreaterThanOrEqual(8);
    expect(hour).toBeLessThanOrEqual(15);
    expect(['Sat', 'Sun']).not.toContain(due.find((part) => part.type === 'weekday')?.value);
  });

  it('pause while the ticket waits on the requester, and run again once they answer', async () => {
    const ticket = await fileAs('citizen', portalIncident());
    const asked = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      as: 'agent',
      body: { body: 'Which page fails?', requestInfo: true },
    });
    expect(asked.body.sla).toMatchObject({ paused: true });
    expect(asked.body.sla?.firstRespondedAt).toBeDefined();
    const seen = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'citizen' });
    expect(seen.body.sla?.paused).toBe(true);
    const answered = await api<TicketBody>('POST', `/tickets/${ticket.id}/messages`, {
      as: 'citizen',
      body: { body: 'The home page.' },
    });
    expect(answered.body.status).toBe('in_progress');
    expect(answered.body.sla?.paused).toBe(false);
    expect(Date.parse(answered.body.sla?.resolutionDueAt ?? '')).toBeGreaterThanOrEqual(
      Date.parse(ticket.sla?.resolutionDueAt ?? ''),
    );
  });
});
