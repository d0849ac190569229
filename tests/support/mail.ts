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
