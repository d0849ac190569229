import { useState } from 'preact/hooks';
import { api, call } from '../api/client';
import { Page } from '../components/Page';
import { useI18n } from '../i18n';
import type { Params } from '../router';
import { type TicketAccess, TicketView } from './TicketView';

/**
 * Guests' access tokens, by ticket, in memory only. The mailed link carries the token in the
 * fragment (`#token=…`), which browsers never send to a server; it is taken out of the address
 * bar at once so it does not end up in history, bookmarks or a shared screenshot. The price, as
 * for signed-in sessions: after a reload the guest opens the mailed link again.
 */
const tokens = new Map<string, string>();

function takeToken(ticketId: string): string | undefined {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  const token = fragment.get('token');
  if (token) {
    tokens.set(ticketId, token);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
  }
  return tokens.get(ticketId);
}

/** `/public/tickets/:id#token=…`: a guest's ticket through the public routes. */
export default function GuestTicket({ params }: { params: Params }) {
  const { t } = useI18n();
  const ticketId = params.id ?? '';
  const [token] = useState(() => takeToken(ticketId));
  if (!token) {
    return (
      <Page title={t('ticket.notFound')}>
        <p class="notice notice--error">{t('guest.noToken')}</p>
      </Page>
    );
  }
  const options = { params: { path: { ticketId }, header: { 'X-Ticket-Token': token } } };
  const access: TicketAccess = {
    ticketId,
    load: () => call(api().GET('/public/tickets/{ticketId}', options)),
    reply: (body) => call(api().POST('/public/tickets/{ticketId}/messages', { ...options, body: { body } })),
    attach: (attachment) =>
      call(api().POST('/public/tickets/{ticketId}/attachments', { ...options, body: attachment })),
    // The link as JSON, not the 302 meant for API clients: the page starts the download itself.
    download: (attachmentId) =>
      call(
        api().GET('/public/tickets/{ticketId}/attachments/{attachmentId}', {
          params: { path: { ticketId, attachmentId }, header: { 'X-Ticket-Token': token } },
          headers: { Accept: 'application/json' },
        }),
      ),
    rate: (score, comment) =>
      call(
        api().POST('/public/tickets/{ticketId}/satisfaction', {
          ...options,
          body: comment ? { score, comment } : { score },
        }),
      ),
  };
  return <TicketView access={access} notice={t('guest.reload')} />;
}
