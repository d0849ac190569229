import { OutboxMessage, releaseHeldMail } from '../../functions/mail';
import { KEYS, KINDS } from '../../functions/platform/table/keys';
import { decode, kindOf, queryPartition } from '../../functions/platform/table/table';
import { readMailbox, type SentMail } from '../../lib/local/ses';
import { endpoints } from './api';

/**
 * Mails to `to` about ticket `number` sent since `sinceEpochSeconds`, waiting up to 5 s until
 * `count` have arrived: the outbox delivers them from the table's stream, after the response.
 */
export async function mailsAbout(
  to: string,
  number: string,
  sinceEpochSeconds: number,
  count = 1,
): Promise<SentMail[]> {
  let mails: SentMail[] = [];
  for (let attempt = 0; attempt < 50; attempt++) {
    mails = (await readMailbox(endpoints().services.ses, sinceEpochSeconds)).filter(
      (mail) => mail.destination.to.includes(to) && mail.subject.includes(number),
    );
    if (mails.length >= count) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return mails.sort((a, b) => a.at - b.at);
}

/** Any mail to `to` since then (for guests, whose address is unique to the test). */
export async function mailTo(to: string, sinceEpochSeconds: number): Promise<SentMail[]> {
  return mailsAbout(to, '', sinceEpochSeconds);
}

export const nowSeconds = () => Math.floor(Date.now() / 1000) - 1;

const outboxItems = async (ticketId: string, kind: string): Promise<OutboxMessage[]> =>
  (await queryPartition(KEYS.outbox(ticketId, '').pk, { consistent: true }))
    .filter((stored) => kindOf(stored) === kind)
    .map((stored) => decode(OutboxMessage, stored));

/** Staff mail about the ticket held until its organisation opens (written while it was closed). */
export const heldMailOf = (ticketId: string) => outboxItems(ticketId, KINDS.heldMail);

/** The mails written for a ticket, delivered or not: what the outbox holds of it. */
export const outboxOf = (ticketId: string) => outboxItems(ticketId, KINDS.outbox);

/**
 * Staff mail about a ticket, whatever the time of day the test runs: mail written in the
 * organisation's opening hours goes at once; mail written outside them waits until it opens,
 * when the sweeper lets it go, which this does now, as the sweeper then would.
 */
export async function staffMailsAbout(
  to: string,
  ticket: { readonly id: string; readonly number: string },
  sinceEpochSeconds: number,
  count = 1,
): Promise<SentMail[]> {
  for (const held of await heldMailOf(ticket.id)) await releaseHeldMail(held);
  return mailsAbout(to, ticket.number, sinceEpochSeconds, count);
}
