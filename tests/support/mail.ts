import { readMailbox, type SentMail } from '../../lib/local/ses';
import { endpoints } from './api';

/** Mails sent to `to` since the test began, waiting briefly for any still in flight. */
export async function mailTo(to: string, sinceEpochSeconds: number, expected = 1): Promise<SentMail[]> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const mails = (await readMailbox(endpoints().services.ses, sinceEpochSeconds)).filter((mail) =>
      mail.destination.to.includes(to),
    );
    if (mails.length >= expected) return mails;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return (await readMailbox(endpoints().services.ses, sinceEpochSeconds)).filter((mail) =>
    mail.destination.to.includes(to),
  );
}

export const nowSeconds = () => Math.floor(Date.now() / 1000) - 1;
