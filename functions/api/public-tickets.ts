import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { formIssues, guestTicket, openTicket, replyAsRequester } from '../domain/tickets/intake';
import { threadView, ticketView } from '../domain/tickets/view';
import { httpHandler } from '../http/handler';
import { idempotent } from '../http/idempotency';
import { metrics } from '../http/observability';
import { created, ok } from '../http/responses';
import { byRoute } from '../http/router';
import { CreateGuestTicketBody, ReplyBody, TicketParams } from './schemas/tickets';
import { ticketDeps as deps } from './ticket-deps';

/** Guests (citizens who write rarely): no account, an emailed link whose token opens one ticket. */
export const handler = byRoute({
  'POST /public/tickets': httpHandler(
    { body: CreateGuestTicketBody, bodyIssues: (raw) => formIssues(deps, raw), middlewares: [idempotent('body')] },
    async ({ body, language }) => {
      const { requester, ...input } = body;
      const { ticket, catalogue } = await openTicket(deps, { kind: 'guest', ...requester }, input, language);
      metrics.addMetric('GuestTicketsFiled', MetricUnit.Count, 1);
      // The access token travels only by email: whoever can read this response cannot open the ticket.
      return created(ticketView(ticket, catalogue, language), `/public/tickets/${ticket.ticketId}`);
    },
  ),

  'GET /public/tickets/{ticketId}': httpHandler({ params: TicketParams }, async ({ params, headers, language }) => {
    const [thread, catalogue] = await Promise.all([deps.store.thread(params.ticketId), deps.catalogue.load()]);
    guestTicket(thread?.ticket, headers['x-ticket-token'], deps.ids);
    return ok(threadView(thread as NonNullable<typeof thread>, catalogue, language, false));
  }),

  'POST /public/tickets/{ticketId}/messages': httpHandler(
    {
      params: TicketParams,
      body: ReplyBody.pick({ body: true }),
      middlewares: [idempotent('[pathParameters.ticketId, headers."x-ticket-token", body]')],
    },
    async ({ params, body, headers, language }) => {
      const [ticket, catalogue] = await Promise.all([deps.store.ticket(params.ticketId), deps.catalogue.load()]);
      const updated = await replyAsRequester(deps, guestTicket(ticket, headers['x-ticket-token'], deps.ids), body.body);
      return created(ticketView(updated, catalogue, language), `/public/tickets/${params.ticketId}`);
    },
  ),
});
