import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { TicketRecord } from '../domain/tickets/model';
import type { MailEvent, Notifier } from '../domain/tickets/ports';
import { logger } from '../http/observability';
import { readEnv } from '../shared/env';
import { renderMail } from './templates';

const env = readEnv('mailFrom', 'mailConfigurationSet', 'webBaseUrl');
const ses = new SESv2Client({});

const ticketLink = (ticket: TicketRecord) => `${env.webBaseUrl}/tickets/${ticket.ticketId}`;
const guestLink = (ticket: TicketRecord, token: string) =>
  `${env.webBaseUrl}/public/tickets/${ticket.ticketId}#token=${encodeURIComponent(token)}`;

/**
 * Sends notification mail through SES. A mail that fails is logged, not thrown: the ticket is
 * already stored, and the requester can always follow it on the portal.
 */
export const sesNotifier: Notifier = {
  async notify(event: MailEvent, ticket: TicketRecord, extra = {}) {
    const mail = renderMail(event, ticket.requesterLanguage, {
      number: ticket.number,
      subject: ticket.subject,
      link: ticketLink(ticket),
      name: ticket.requesterName,
      ...(extra.accessToken ? { guestLink: guestLink(ticket, extra.accessToken) } : {}),
      ...(extra.message ? { message: extra.message } : {}),
    });
    try {
      await ses.send(
        new SendEmailCommand({
          FromEmailAddress: env.mailFrom,
          Destination: { ToAddresses: [ticket.requesterEmail] },
          ConfigurationSetName: env.mailConfigurationSet,
          Content: {
            Simple: {
              Subject: { Data: mail.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
            },
          },
        }),
      );
    } catch (error) {
      logger.error('Notification mail not sent', { event, ticketId: ticket.ticketId, error: (error as Error).name });
    }
  },
};
