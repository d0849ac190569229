import { api, call } from '../api/client';
import type { Params } from '../router';
import { RequireSignIn } from './RequireSignIn';
import { type TicketAccess, TicketView } from './TicketView';

/** `/tickets/:id`: a signed-in requester's ticket. */
export default function TicketScreen({ params }: { params: Params }) {
  const ticketId = params.id ?? '';
  const path = { ticketId };
  const access: TicketAccess = {
    ticketId,
    load: () => call(api().GET('/tickets/{ticketId}', { params: { path } })),
    reply: (body) => call(api().POST('/tickets/{ticketId}/messages', { params: { path }, body: { body } })),
    attach: (attachment) => call(api().POST('/tickets/{ticketId}/attachments', { params: { path }, body: attachment })),
    // The link as JSON, not the 302 meant for API clients: the page starts the download itself.
    download: (attachmentId) =>
      call(
        api().GET('/tickets/{ticketId}/attachments/{attachmentId}', {
          params: { path: { ticketId, attachmentId } },
          headers: { Accept: 'application/json' },
        }),
      ),
    reopen: (reason) => call(api().POST('/tickets/{ticketId}/reopen', { params: { path }, body: { reason } })),
    rate: (score, comment) =>
      call(
        api().POST('/tickets/{ticketId}/satisfaction', {
          params: { path },
          body: comment ? { score, comment } : { score },
        }),
      ),
  };
  return (
    <RequireSignIn>
      <TicketView access={access} />
    </RequireSignIn>
  );
}
