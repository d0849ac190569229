import type { Language } from '../../contracts/vocabulary';
import { endpointOf, signedFetch } from '../platform/aws';
import { readEnv } from '../platform/env';
import { logger } from '../platform/observability';
import { htmlOf } from './domain/html';
import { isFormRequestEvent, type OutboxMessage } from './domain/outbox';
import { replyAddressOf } from './domain/replies';
import { type MailContent, renderMail } from './domain/templates';
import { ratingToken } from './links';

/** Whom a mail goes to, in which language. */
export interface Addressee {
  readonly name: string;
  readonly email: string;
  readonly language: Language;
  /** Guests follow their ticket through their private link, never the portal's ticket page. */
  readonly guest: boolean;
}

// Read on first send, so modules that only build outbox items can import this feature.
let env: ReturnType<typeof readMailEnv> | undefined;
const readMailEnv = () => readEnv('mailFrom', 'mailConfigurationSet', 'webBaseUrl');

/** The portal's base address, for the mails that link to it (read on first use, as above). */
export function webBaseUrl(): string {
  env ??= readMailEnv();
  return env.webBaseUrl;
}

/**
 * Sends a ticket's mail through SES (SendEmail, v2 API) with the configuration set, in the
 * addressee's language. Throws if SES refuses it. A form request's mail is
 * send-form-request.ts's: its templates stay out of the ticket functions' bundles.
 */
export async function sendMail(message: OutboxMessage, to: Addressee, accessToken?: string): Promise<void> {
  if (isFormRequestEvent(message.event)) throw new Error('A form request’s mail goes through sendFormRequestMail');
  env ??= readMailEnv();
  const ticketPath = encodeURIComponent(message.ticketId);
  const mail = renderMail(message.event, to.language, {
    number: message.number,
    subject: message.subject,
    // A guest's name is unverified text: a form that mails any address must not carry it.
    ...(to.guest ? {} : { name: to.name }),
    link: to.guest ? undefined : `${env.webBaseUrl}/tickets/${ticketPath}`,
    // The token goes in the fragment: browsers never send it to a server, so it stays out of logs.
    ...(accessToken
      ? { guestLink: `${env.webBaseUrl}/public/tickets/${ticketPath}#token=${encodeURIComponent(accessToken)}` }
      : {}),
    ...(message.message !== undefined ? { message: message.message } : {}),
    ...(message.due ? { due: message.due } : {}),
    // Guests and signed-in requesters alike: the token itself proves the mail was theirs.
    ...(message.resolvedAt
      ? { ratingLink: `${env.webBaseUrl}/satisfaction/${ratingToken(message.ticketId, message.resolvedAt)}` }
      : {}),
  });
  await deliverMail(to.email, to.language, mail, {
    replyTo: replyAddressOf(env.mailFrom, message.ticketId),
    autoSubmitted: 'auto-generated',
  });
}

/**
 * Sends one mail through SES (SendEmail, v2 API) with the configuration set: a text part and
 * an HTML part made from it. `Auto-Submitted` (RFC 3834) tells the recipient's autoresponders
 * not to answer a program; replies go to `replyTo`, where the inbound function answers them.
 */
export async function deliverMail(
  address: string,
  language: Language,
  mail: MailContent,
  options: { readonly replyTo?: string; readonly autoSubmitted: 'auto-generated' | 'auto-replied' },
): Promise<void> {
  env ??= readMailEnv();
  const response = await signedFetch('ses', `${endpointOf('ses')}/v2/email/outbound-emails`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      FromEmailAddress: env.mailFrom,
      Destination: { ToAddresses: [address] },
      ...(options.replyTo ? { ReplyToAddresses: [options.replyTo] } : {}),
      ConfigurationSetName: env.mailConfigurationSet,
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: {
            Text: { Data: mail.text, Charset: 'UTF-8' },
            Html: { Data: htmlOf(mail.text, language), Charset: 'UTF-8' },
          },
          Headers: [{ Name: 'Auto-Submitted', Value: options.autoSubmitted }],
        },
      },
    }),
  });
  if (!response.ok) {
    const refusal = (await response.text()).slice(0, 300);
    throw new Error(`SES refused the mail: ${response.status} ${refusal}`);
  }
}

/** The portal's addresses, for mails that point there. */
export function portalLinks(): { portal: string; ticket: (ticketId: string) => string } {
  env ??= readMailEnv();
  const base = env.webBaseUrl;
  return { portal: `${base}/`, ticket: (ticketId) => `${base}/tickets/${encodeURIComponent(ticketId)}` };
}

/**
 * A guest's first mail, sent inside the request: it carries their access token, which exists
 * nowhere else and so cannot wait in the outbox. The ticket is stored already, so a failure
 * is logged, not thrown.
 */
export async function sendGuestAccessMail(message: OutboxMessage, to: Addressee, accessToken: string): Promise<void> {
  try {
    await sendMail(message, to, accessToken);
  } catch (error) {
    logger.error('Guest access mail not sent', { ticketId: message.ticketId, error: (error as Error).message });
  }
}
