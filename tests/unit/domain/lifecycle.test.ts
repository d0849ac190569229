import { describe, expect, it } from 'vitest';
import { canMove } from '../../../functions/domain/tickets/lifecycle';

describe('ticket lifecycle', () => {
  it('follows open → in progress ⇄ waiting on the requester → forwarded → resolved → closed', () => {
    expect(canMove('open', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'waiting_on_requester')).toBe(true);
    expect(canMove('waiting_on_requester', 'in_progress')).toBe(true);
    expect(canMove('in_progress', 'forwarded')).toBe(true);
    expect(canMove('forwarded', 'resolved')).toBe(true);
    expect(canMove('resolved', 'closed')).toBe(true);
  });

  it('reopens a resolved ticket into in progress, but never a closed one', () => {
    expect(canMove('resolved', 'in_progress')).toBe(true);
    expect(canMove('closed', 'in_progress')).toBe(false);
    expect(canMove('closed', 'open')).toBe(false);
  });

  it('never goes back to open', () => {
    expect(canMove('in_progress', 'open')).toBe(false);
    expect(canMove('resolved', 'open')).toBe(false);
  });
});
