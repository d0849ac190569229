import type { HistoryAction } from '../../../contracts/vocabulary';
import type { Ids } from '../../platform/kernel/ports';
import type { HistoryRecord } from './model';

export interface Actor {
  readonly id?: string;
  readonly name: string;
}

/** One line of a ticket's history: who did what, from what to what, and when. */
export function historyEntry(
  ids: Ids,
  now: Date,
  ticketId: string,
  action: HistoryAction,
  by: Actor,
  from?: string,
  to?: string,
): HistoryRecord {
  return {
    ticketId,
    entryId: ids.sortableId(now),
    action,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(by.id !== undefined ? { byId: by.id } : {}),
    byName: by.name,
    at: now.toISOString(),
  };
}
