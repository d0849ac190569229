import type { Catalogue } from '../catalogue/model';
import type { HistoryRecord, MessageRecord, Page, Thread, TicketRecord } from './model';
import type { Notification } from './notifications';
import type { Status } from './status';

/** Everything about a new ticket except its human number, which the store allocates. */
export type NewTicket = Omit<TicketRecord, 'number'>;

export interface TicketStore {
  /**
   * Allocates the human number, then one transaction: ticket, first message, history, monthly
   * counters and the notifications `notify` derives from the numbered ticket.
   */
  file(
    ticket: NewTicket,
    first: MessageRecord,
    history: HistoryRecord,
    numberPrefix: string,
    notify: (ticket: TicketRecord) => Notification[],
  ): Promise<TicketRecord>;
  /** The ticket with its messages and history, or undefined. */
  thread(ticketId: string): Promise<Thread | undefined>;
  /** Just the ticket item, for writes that need its state. */
  ticket(ticketId: string): Promise<TicketRecord | undefined>;
  listByRequester(
    requesterId: string,
    options: { status?: Status; limit: number; cursor?: string },
  ): Promise<Page<TicketRecord>>;
  /** One transaction: the message, the ticket moved to `status` under a version check, history and mail. */
  addMessage(
    ticket: TicketRecord,
    message: MessageRecord,
    status: Status,
    history?: HistoryRecord,
    notifications?: Notification[],
  ): Promise<TicketRecord>;
  /** Writes the ticket as given if its stored version is still `expectedVersion`, with history and mail. */
  update(
    ticket: TicketRecord,
    expectedVersion: number,
    history: readonly HistoryRecord[],
    notifications: readonly Notification[],
  ): Promise<TicketRecord>;
}

export interface CatalogueSource {
  load(): Promise<Catalogue>;
}

export interface Mailer {
  /**
   * Sends at once, inside the request: only for a guest's first mail, whose access token
   * exists nowhere else and so cannot wait in the outbox. Never throws; failures are logged.
   */
  sendNow(notification: Notification, accessToken: string): Promise<void>;
}

export interface Clock {
  now(): Date;
}

export interface Ids {
  ticketId(): string;
  sortableId(at: Date): string;
  accessToken(): string;
  hash(token: string): string;
}
