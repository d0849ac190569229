import { SATISFACTION_ROUTES } from '../../../contracts/routes/satisfaction';
import { byRoute } from '../../platform/http/handler';
import { created, ok } from '../../platform/http/responses';
import { cryptoIds, systemClock } from '../../platform/ids';
import { NotFound } from '../../platform/kernel/errors';
import { subjectOf } from '../../platform/links';
import { accessAsGuest, accessAsRequester } from '../domain/access';
import type { TicketRecord } from '../domain/model';
import { type RatingInput, rated, ratingInvitation, ticketOfLink } from '../domain/satisfaction';
import { ticketView } from '../domain/views';
import { dynamoTicketStore } from '../store';

/** Only what rating needs: no filing limits, catalogue use cases or mail in this function. */
const deps = { store: dynamoTicketStore, clock: systemClock, ids: cryptoIds };

/** The ticket a rating link names, if the link is the one its last resolution mailed: one read. */
async function ticketOfToken(token: string): Promise<TicketRecord> {
  const ticketId = subjectOf(token);
  if (!ticketId) throw new NotFound('No such rating link.');
  return ticketOfLink(await deps.store.ticket(ticketId), token, deps.ids);
}

/** One read, one transaction: the rating, and the month's satisfaction counter. */
const rate = (ticket: TicketRecord, input: RatingInput) =>
  deps.store.rate(ticket, rated(ticket, input, deps.clock.now()));

/**
 * Requesters rate how their resolved ticket was handled, once: signed in, as guests with their
 * access token, or through the resolution mail's link. Opening the link (GET) only shows the
 * ticket and the choice, so mail scanners that follow links never vote.
 */
export const handler = byRoute(SATISFACTION_ROUTES, {
  'POST /tickets/{ticketId}/satisfaction': {
    run: async ({ params, body, caller, language }) => {
      const { ticket } = accessAsRequester(caller, await deps.store.ticket(params.ticketId));
      const updated = await rate(ticket, body);
      return created(ticketView(updated, language, 'requester', deps.clock.now()), `/tickets/${ticket.ticketId}`);
    },
  },
  'POST /public/tickets/{ticketId}/satisfaction': {
    run: async ({ params, headers, body, language }) => {
      const { ticket } = accessAsGuest(await deps.store.ticket(params.ticketId), headers['x-ticket-token'], deps.ids);
      const updated = await rate(ticket, body);
      return created(ticketView(updated, language, 'guest', deps.clock.now()), `/public/tickets/${ticket.ticketId}`);
    },
  },
  'GET /public/satisfaction/{token}': {
    run: async ({ params, language }) => ok(ratingInvitation(await ticketOfToken(params.token), language)),
  },
  'POST /public/satisfaction/{token}': {
    run: async ({ params, body, language }) => {
      const updated = await rate(await ticketOfToken(params.token), body);
      return created(ratingInvitation(updated, language), `/public/satisfaction/${params.token}`);
    },
  },
});
