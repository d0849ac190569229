import type { Status } from '../../../contracts/vocabulary';
import { InvalidTransition } from '../../platform/kernel/errors';

/**
 * What happens to a ticket. Every status change, whoever causes it, is one of these and goes
 * through {@link transition}: there is no other way to change a ticket's status.
 */
export type TicketEvent =
  /** A public answer from staff. */
  | { readonly type: 'staff_replied' }
  /** Staff ask the requester for information (the SLA clock pauses while they wait). */
  | { readonly type: 'info_requested' }
  | { readonly type: 'requester_replied' }
  /** Staff move the ticket to another team. */
  | { readonly type: 'forwarded' }
  /** Staff set a status directly (PATCH). */
  | { readonly type: 'status_set'; readonly to: Status }
  /** The requester, within the organisation's reopen window after resolution. */
  | { readonly type: 'reopened' }
  /** Nobody reopened a resolved ticket within the window. */
  | { readonly type: 'auto_closed' };

/** Where staff may move a ticket directly, from each status. */
const DIRECT: Record<Status, readonly Status[]> = {
  open: ['in_progress', 'waiting_on_requester', 'forwarded', 'resolved', 'closed'],
  in_progress: ['waiting_on_requester', 'forwarded', 'resolved'],
  waiting_on_requester: ['in_progress', 'forwarded', 'resolved', 'closed'],
  forwarded: ['in_progress', 'waiting_on_requester', 'resolved'],
  resolved: ['in_progress', 'closed'],
  closed: [],
};

/**
 * The other events: the status each leads to, the statuses it may happen in, and those it
 * leaves unchanged (a staff answer on a ticket already forwarded keeps it with that team).
 */
interface EventRule {
  readonly to: Status;
  readonly from: readonly Status[];
  readonly keeps?: readonly Status[];
  /** What to tell whoever caused a refused event, when the generic sentence would not help them. */
  readonly refusal?: string;
}

const EVENTS: Record<Exclude<TicketEvent['type'], 'status_set'>, EventRule> = {
  staff_replied: {
    to: 'in_progress',
    from: ['open', 'in_progress', 'waiting_on_requester'],
    keeps: ['forwarded', 'resolved'],
  },
  info_requested: { to: 'waiting_on_requester', from: ['open', 'in_progress', 'waiting_on_requester', 'forwarded'] },
  requester_replied: {
    to: 'in_progress',
    from: ['waiting_on_requester', 'in_progress'],
    keeps: ['open', 'forwarded'],
    refusal: 'This ticket takes no more replies; file a new ticket if you still need help.',
  },
  forwarded: { to: 'forwarded', from: ['open', 'in_progress', 'waiting_on_requester', 'forwarded'] },
  reopened: { to: 'in_progress', from: ['resolved'] },
  auto_closed: { to: 'closed', from: ['resolved'] },
};

const words = (status: Status) => status.replaceAll('_', ' ');

/** The status a ticket in `from` has after `event`; an event the lifecycle refuses throws {@link InvalidTransition} (409). */
export function transition(from: Status, event: TicketEvent): Status {
  if (event.type === 'status_set') {
    if (event.to === from || DIRECT[from].includes(event.to)) return event.to;
    throw new InvalidTransition(from, event.to, `A ${words(from)} ticket cannot become ${words(event.to)}.`);
  }
  const rule = EVENTS[event.type];
  if (rule.from.includes(from)) return rule.to;
  if (rule.keeps?.includes(from)) return from;
  throw new InvalidTransition(
    from,
    rule.to,
    rule.refusal ?? `A ${words(from)} ticket cannot become ${words(rule.to)}.`,
  );
}
