import { api, call } from '../api/client';
import type { Params } from '../router';
import { RequireSignIn } from './RequireSignIn';
import { type TicketAccess, TicketView } from './TicketView';

/** `/tickets/:id`: a signed-in requester's ticket. */
export default function TicketScreen({ params }: { params: Params }) {
  const ticketId = params.id ?? '';
  const path = { ticketId };
  const access: TicketAccess = {
    load: () => call(api().GET('/tickets/{ticketId}', { params: { path } })),
    reply: (body) => call(api().POST('/tickets/{ticketId}/messages', { params: { path }, body: { body } })),
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
