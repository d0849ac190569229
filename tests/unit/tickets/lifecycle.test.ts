import { describe, expect, it } from 'vitest';
import { STATUSES, type Status } from '../../../contracts/vocabulary';
import { InvalidTransition } from '../../../functions/platform/kernel/errors';
import { type TicketEvent, transition } from '../../../functions/tickets/domain/lifecycle';

const set = (to: Status): TicketEvent => ({ type: 'status_set', to });

function refusal(from: Status, event: TicketEvent): InvalidTransition {
  try {
    transition(from, event);
  } catch (error) {
    if (error instanceof InvalidTransition) return error;
    throw error;
  }
  throw new Error(`expected ${event.type} on a ${from} ticket to be refused`);
}

describe('the ticket lifecycle, set directly by staff', () => {
  it('follows open → in progress ⇄ waiting on the requester → forwarded → resolved → closed', () => {
    expect(transition('open', set('in_progress'))).toBe('in_progress');
    expect(transition('in_progress', set('waiting_on_requester'))).toBe('waiting_on_requester');
    expect(transition('waiting_on_requester', set('in_progress'))).toBe('in_progress');
    expect(transition('in_progress', set('forwarded'))).toBe('forwarded');
    expect(transition('forwarded', set('resolved'))).toBe('resolved');
    expect(transition('resolved', set('closed'))).toBe('closed');
  });

  it('takes a resolved ticket back into progress, but never a closed one, and never goes back to open', () => {
    expect(transition('resolved', set('in_progress'))).toBe('in_progress');
    for (const to of STATUSES.filter((status) => status !== 'closed')) {
      expect(() => transition('closed', set(to)), to).toThrow(InvalidTransition);
    }
    expect(() => transition('in_progress', set('open'))).toThrow(InvalidTransition);
    expect(() => transition('resolved', set('open'))).toThrow(InvalidTransition);
  });

  it('accepts setting the status a ticket already has', () => {
    for (const status of STATUSES) expect(transition(status, set(status))).toBe(status);
  });

  it('names both statuses when it refuses', () => {
    const error = refusal('closed', set('in_progress'));
    expect([error.from, error.to]).toEqual(['closed', 'in_progress']);
    expect(error.message).toContain('closed → in_progress');
  });
});

describe('the lifecycle of conversation events', () => {
  it('a request for information waits on the requester, from any open status', () => {
    for (const from of ['open', 'in_progress', 'waiting_on_requester', 'forwarded'] as const) {
      expect(transition(from, { type: 'info_requested' })).toBe('waiting_on_requester');
    }
  });

  it('refuses a request for information on a resolved or closed ticket', () => {
    for (const from of ['resolved', 'closed'] as const) {
      const error = refusal(from, { type: 'info_requested' });
      expect([error.from, error.to]).toEqual([from, 'waiting_on_requester']);
    }
  });

  it('a staff answer takes a new or waiting ticket in hand, keeps a forwarded or resolved one, refuses a closed one', () => {
    expect(transition('open', { type: 'staff_replied' })).toBe('in_progress');
    expect(transition('waiting_on_requester', { type: 'staff_replied' })).toBe('in_progress');
    expect(transition('forwarded', { type: 'staff_replied' })).toBe('forwarded');
    expect(transition('resolved', { type: 'staff_replied' })).toBe('resolved');
    expect(() => transition('closed', { type: 'staff_replied' })).toThrow(InvalidTransition);
  });

  it('the requester’s answer puts a waiting ticket back in progress and leaves the others where they are', () => {
    expect(transition('waiting_on_requester', { type: 'requester_replied' })).toBe('in_progress');
    expect(transition('open', { type: 'requester_replied' })).toBe('open');
    expect(transition('forwarded', { type: 'requester_replied' })).toBe('forwarded');
  });

  it('takes no more replies from the requester once resolved or closed, and tells them what to do', () => {
    for (const from of ['resolved', 'closed'] as const) {
      expect(refusal(from, { type: 'requester_replied' }).message).toContain('file a new ticket');
    }
  });

  it('forwarding moves any ticket still being worked to another team', () => {
    expect(transition('in_progress', { type: 'forwarded' })).toBe('forwarded');
    expect(transition('forwarded', { type: 'forwarded' })).toBe('forwarded');
    expect(() => transition('resolved', { type: 'forwarded' })).toThrow(InvalidTransition);
  });

  it('reopening and closing by time apply to resolved tickets only', () => {
    expect(transition('resolved', { type: 'reopened' })).toBe('in_progress');
    expect(transition('resolved', { type: 'auto_closed' })).toBe('closed');
    expect(() => transition('closed', { type: 'reopened' })).toThrow(InvalidTransition);
    expect(() => transition('in_progress', { type: 'auto_closed' })).toThrow(InvalidTransition);
  });
});
