import type { RatingInvitation } from '../../../contracts/tickets-views';
import type { Language } from '../../../contracts/vocabulary';
import { Conflict, NotFound } from '../../platform/kernel/errors';
import type { Ids } from '../../platform/kernel/ports';
import type { TicketRecord } from './model';
import type { RatingLinks } from './ports';
import { statusLabel } from './views';

/** What the link and the rating routes record: a score of 1 to 5 and, if given, a comment. */
export interface RatingInput {
  readonly score: number;
  readonly comment?: string;
}

/**
 * What a resolution leaves on the ticket for its rating link: the token's hash (the mail makes
 * the token again from the same facts) and the end of the reopen window, after which the link
 * takes no rating.
 */
export const ratingOnResolution = (
  links: RatingLinks,
  ids: Ids,
  ticket: Pick<TicketRecord, 'ticketId'>,
  resolvedAt: Date,
  until: string,
): NonNullable<TicketRecord['rating']> => ({
  tokenHash: ids.hash(links.ratingToken(ticket.ticketId, resolvedAt.toISOString())),
  until,
});

/** The ticket a rating link opens, if the token is the one its last resolution mailed. */
export function ticketOfLink(ticket: TicketRecord | undefined, token: string, ids: Ids): TicketRecord {
  if (!ticket?.rating || ids.hash(token) !== ticket.rating.tokenHash) throw new NotFound('No such rating link.');
  return ticket;
}

/**
 * The rating to record: once per ticket, on a resolved (or since closed) ticket, until the end
 * of the reopen window after its resolution.
 */
export function rated(ticket: TicketRecord, input: RatingInput, now: Date): NonNullable<TicketRecord['satisfaction']> {
  if (ticket.satisfaction) throw new Conflict('This ticket has been rated already.');
  if ((ticket.status !== 'resolved' && ticket.status !== 'closed') || !ticket.rating) {
    throw new Conflict('A ticket is rated once it is resolved.');
  }
  if (now.toISOString() > ticket.rating.until) throw new Conflict('The time to rate this ticket has passed.');
  return {
    score: input.score,
    ...(input.comment !== undefined ? { comment: input.comment } : {}),
    ratedAt: now.toISOString(),
  };
}

/** What the rating link's page shows: the ticket, the scale, and the rating if there is one already. */
export function ratingInvitation(ticket: TicketRecord, language: Language): RatingInvitation {
  return {
    ticket: {
      number: ticket.number,
      subject: ticket.subject,
      status: ticket.status,
      statusLabel: statusLabel(ticket, language),
    },
    scale: [1, 2, 3, 4, 5],
    ratableUntil: ticket.rating?.until ?? ticket.updatedAt,
    rated: ticket.satisfaction ?? null,
  };
}
