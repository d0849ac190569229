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
  /** Writes the ticket as given if its stored version is still `expectedVersion`, with history and mails. */
  update(
    ticket: TicketRecord,
    expectedVersion: number,
    history: readonly HistoryRecord[],
    notifications: readonly OutboxMessage[],
    references: References,
  ): Promise<TicketRecord>;
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

export interface TicketDeps {
  readonly store: TicketStore;
  readonly limits: FilingLimits;
  readonly catalogue: CatalogueSource;
  readonly clock: Clock;
  readonly ids: Ids;
}
