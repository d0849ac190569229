import type { Status } from './status';

/**
 * Where a ticket may go from each status: open → in progress ⇄ waiting on the requester,
 * forwarded to a second-level team, resolved, closed; a resolved ticket goes back to
 * in progress when reopened.
 */
const NEXT: Record<Status, readonly Status[]> = {
  open: ['in_progress', 'waiting_on_requester', 'forwarded', 'resolved', 'closed'],
  in_progress: ['waiting_on_requester', 'forwarded', 'resolved'],
  waiting_on_requester: ['in_progress', 'forwarded', 'resolved', 'closed'],
  forwarded: ['in_progress', 'waiting_on_requester', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

export const canMove = (from: Status, to: Status): boolean => from === to || NEXT[from].includes(to);
