import type { Priority, Status } from '../../../contracts/vocabulary';
import type { Catalogue } from '../../catalogue/domain/index';
import type { OutboxMessage } from '../../mail/domain/index';
import type { Clock, Ids } from '../../platform/kernel/ports';
import type { Profile } from '../../profiles/domain/index';
import type { TicketSla } from '../../sla/domain/index';
import type { FilingLimits, LimitCounter } from './limits';
import type { HistoryRecord, MessageRecord, NewTicket, Page, Thread, TicketRecord } from './model';

/** Teams and topics a change refers to: the write only commits if they still belong to the ticket's organisation. */
export interface References {
  readonly teamId?: string;
  readonly topicId?: string;
}

export interface TicketStore {
  /**
   * Allocates the human number, then one transaction: ticket, first message, history,
   * monthly counters and the mails `notify` derives from the numbered ticket. Each abuse-limit
   * counter is incremented in that transaction unless already full (Throttled): read first, so
   * a refused filing writes nothing, and conditioned, so filings at once cannot overshoot.
   */
  file(
    ticket: NewTicket,
    first: MessageRecord,
    history: HistoryRecord,
    numberPrefix: string,
    notify: (ticket: TicketRecord) => OutboxMessage[],
    counters: readonly LimitCounter[],
    assignment?: AutoAssignment,
  ): Promise<TicketRecord>;
  /** The ticket with its messages and history, in one Query. */
  thread(ticketId: string, options?: { consistent?: boolean }): Promise<Thread>;
  /** Just the ticket item, for writes that need its state: read consistently, as the write's condition will see it. */
  ticket(ticketId: string): Promise<TicketRecord | undefined>;
  /** The ticket and these people's profiles, in one request, read consistently as `ticket` is. */
  ticketAndProfiles(
    ticketId: string,
    userIds: readonly string[],
  ): Promise<{ ticket: TicketRecord | undefined; profiles: ReadonlyMap<string, Profile> }>;
  /** A page of a work queue, earliest due first, one Query on its index. */
  listWork(list: WorkList, options: ListOptions): Promise<Page<TicketRecord>>;
  listByRequester(
    requesterId: string,
    options: { status?: Status; limit: number; cursor?: string },
  ): Promise<Page<TicketRecord>>;
  /**
   * One transaction: the message, the ticket moved to `status` (on the condition that it is
   * still in the status the step started from), its SLA clock as `sla`, history and mails.
   */
  addMessage(
    ticket: TicketRecord,
    message: MessageRecord,
    status: Status,
    history?: HistoryRecord,
    notifications?: readonly OutboxMessage[],
    sla?: TicketSla,
  ): Promise<TicketRecord>;
  /**
   * Writes `after` if the stored version is still `expectedVersion`, with history and mails,
   * and moves the open-ticket counts of whoever held it `before` and holds it after.
   */
  update(change: TicketChange): Promise<TicketRecord>;
  /**
   * Records the requester's rating, in one transaction with the monthly counters, unless the
   * ticket has one already or is no longer resolved or closed (Conflict). No version check: a
   * rating does not depend on what else changed.
   */
  rate(ticket: TicketRecord, satisfaction: NonNullable<TicketRecord['satisfaction']>): Promise<TicketRecord>;
}

export interface TicketChange {
  readonly before: TicketRecord;
  readonly after: TicketRecord;
  readonly expectedVersion: number;
  readonly history?: readonly HistoryRecord[];
  readonly notifications?: readonly OutboxMessage[];
  readonly references?: References;
}

/**
 * Automatic assignment of a new ticket (teams that opt in): the store reads the organisation's
 * staff and, consistently, the open tickets of those eligible, and gives the ticket to the one
 * `choose` picks, on the condition that their count is still the one it chose by.
 */
export interface AutoAssignment {
  readonly teamId: string;
  /** Who may be given the ticket, among the organisation's staff, in round-robin order. */
  eligible(staff: readonly Profile[]): Profile[];
  /** Whom to give it, from each candidate's open tickets and who was given the team's previous one. */
  choose(candidates: readonly string[], openTickets: ReadonlyMap<string, number>, previous: string | undefined): string;
  /** What giving the ticket (assigned now) to `agent` adds: its history line and the agent's mail. */
  given(
    ticket: TicketRecord,
    agent: Profile,
  ): { readonly history: HistoryRecord; readonly notification: OutboxMessage };
}

/** Which queue a staff view reads: a team's (its unassigned tickets only, for `queue`), or an assignee's. */
export type WorkList =
  | { readonly index: 'team'; readonly teamId: string; readonly unassignedOnly: boolean }
  | { readonly index: 'assignee'; readonly userId: string };

export interface ListOptions {
  readonly status?: Status;
  readonly topicId?: string;
  readonly priority?: Priority;
  readonly limit: number;
  readonly cursor?: string;
}

export interface CatalogueSource {
  load(): Promise<Catalogue>;
}

/** Sends a guest's first mail at once: it carries their access token, which is stored nowhere. */
export interface GuestMailer {
  sendAccessLink(message: OutboxMessage, accessToken: string): Promise<void>;
}

/** The token of a resolution mail's rating link, made from the ticket and its resolution (platform/links.ts). */
export interface RatingLinks {
  ratingToken(ticketId: string, resolvedAt: string): string;
}

export interface TicketDeps {
  readonly store: TicketStore;
  readonly links: RatingLinks;
  readonly limits: FilingLimits;
  readonly catalogue: CatalogueSource;
  readonly clock: Clock;
  readonly ids: Ids;
}
