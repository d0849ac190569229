import type { Catalogue } from '../catalogue/model';
import type { HistoryRecord, MessageRecord, Page, Thread, TicketRecord } from './model';
import type { Status } from './status';

/** Everything about a new ticket except its human number, which the store allocates. */
export type NewTicket = Omit<TicketRecord, 'number'>;

export interface TicketStore {
  /** One transaction: ticket, first message, history, number sequence and monthly counters. */
  file(ticket: NewTicket, first: MessageRecord, history: HistoryRecord, numberPrefix: string): Promise<TicketRecord>;
  /** The ticket with its messages and history, or undefined. */
  thread(ticketId: string): Promise<Thread | undefined>;
  /** Just the ticket item, for writes that need its state. */
  ticket(ticketId: string): Promise<TicketRecord | undefined>;
  listByRequester(
    requesterId: string,
    options: { status?: Status; limit: number; cursor?: string },
  ): Promise<Page<TicketRecord>>;
  /** Adds a message and, with the same version check, moves the ticket to `status`. */
  addMessage(
    ticket: TicketRecord,
    message: MessageRecord,
    status: Status,
    history?: HistoryRecord,
  ): Promise<TicketRecord>;
}

export interface CatalogueSource {
  load(): Promise<Catalogue>;
}

export type MailEvent = 'created' | 'staff_replied' | 'info_requested' | 'resolved';

export interface Notifier {
  /** `accessToken` only for guests, to build their link. */
  notify(event: MailEvent, ticket: TicketRecord, extra?: { accessToken?: string; message?: string }): Promise<void>;
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
