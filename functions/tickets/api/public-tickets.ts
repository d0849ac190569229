import { GUEST_ROUTES } from '../../../contracts/routes/guests';
import { byRoute } from '../../platform/http/handler';
import { idempotency } from '../../platform/http/idempotency';
import { created, ok } from '../../platform/http/responses';
import { accessAsGuest } from '../domain/access';
import { reply } from '../domain/conversation';
import { formIssues, openTicket } from '../domain/filing';
import { threadView, ticketView } from '../domain/views';
import { appendWithRetry } from './appending';
import { ticketDeps } from './deps';
import { logFiling } from './filed';
import { guestMailer as mailer } from './guest-mailer';
import { uploadToken } from './upload-token';

const deps = { ...ticketDeps, mailer };

/** Guests (citizens who write rarely): no account, an emailed link whose token opens one ticket. */
export const handler = byRoute(
  GUEST_ROUTES,
  {
    'POST /public/tickets': {
      bodyIssues: (raw) => formIssues(deps.catalogue, raw),
      run: async ({ body, language, client }) => {
        const { requester, ...input } = body;
        const ticket = await openTicket(deps, { kind: 'guest', ...requester, language, client }, input);
        logFiling(ticket, 'guest');
        // The access token travels only by email: whoever can read this response cannot open the ticket.
        // Its files may follow at once, with a token that opens uploads to this ticket only.
        return created(
          { ...ticketView(ticket, language, 'guest', deps.clock.now()), uploadToken: uploadToken(ticket) },
          `/public/tickets/${ticket.ticketId}`,
        );
      },
    },

    'GET /public/tickets/{ticketId}': {
      run: async ({ params, headers, language }) => {
        const thread = await deps.store.thread(params.ticketId);
        const access = accessAsGuest(thread.ticket, headers['x-ticket-token'], deps.ids);
        return ok(threadView(access, thread, language, deps.clock.now()));
      },
    },

    'POST /public/tickets/{ticketId}/messages': {
      run: async ({ params, body, headers, language }) => {
        const updated = await appendWithRetry(async () =>
          reply(
            deps,
            accessAsGuest(await deps.store.ticket(params.ticketId), headers['x-ticket-token'], deps.ids),
            body,
          ),
        );
        return created(ticketView(updated, language, 'guest', deps.clock.now()), `/public/tickets/${params.ticketId}`);
      },
    },
  },
  { idempotency },
);
