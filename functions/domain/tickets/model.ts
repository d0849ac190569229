import type { Language } from '../../http/language';
import type { TicketType } from '../catalogue/model';
import type { ImpactAnswers, Priority } from './priority';
import type { Status } from './status';

export const CHANNELS = ['web', 'phone', 'email', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

export interface CallbackRequest {
  readonly phone: string;
  readonly slot: 'morning' | 'afternoon';
  readonly date?: string;
}

/** A ticket as stored. Never holds transient form fields. */
export interface TicketRecord {
  readonly ticketId: string;
  readonly organisationId: string;
  readonly number: string;
  readonly type: TicketType;
  readonly status: Status;
  readonly priority: Priority;
  readonly topicId: string;
  readonly subject: string;
  readonly description: string;
  readonly fields: Record<string, unknown>;
  readonly channel: Channel;
  readonly impact?: ImpactAnswers;
  readonly callback?: CallbackRequest;
  /** Cognito `sub`, or `guest#<id>` for a guest. */
  readonly requesterId: string;
  readonly requesterName: string;
  readonly requesterEmail: string;
  readonly requesterLanguage: Language;
  /** SHA-256 of a guest's access token; the token itself is only ever emailed. */
  readonly guestTokenHash?: string;
  readonly teamId?: string;
  readonly assigneeId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface MessageRecord {
  readonly ticketId: string;
  /** Sortable: creation time then a random suffix. */
  readonly messageId: string;
  readonly authorKind: 'requester' | 'staff' | 'system';
  readonly authorId?: string;
  readonly authorName: string;
  readonly body: string;
  readonly internal: boolean;
  readonly requestsInfo?: boolean;
  readonly createdAt: string;
}

export interface HistoryRecord {
  readonly ticketId: string;
  readonly entryId: string;
  readonly action: 'created' | 'status_changed' | 'assigned' | 'forwarded' | 'priority_changed' | 'topic_changed';
  readonly from?: string;
  readonly to?: string;
  readonly byId?: string;
  readonly byName: string;
  readonly at: string;
}

export interface Thread {
  readonly ticket: TicketRecord;
  readonly messages: readonly MessageRecord[];
  readonly history: readonly HistoryRecord[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}
