import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Notification } from '../domain/tickets/notifications';
import { readEnv } from '../shared/env';
import { renderMail } from './templates';

const env = readEnv('mailFrom', 'mailConfigurationSet', 'webBaseUrl');
const ses = new SESv2Client({});

/** Sends one notification through SES, in the requester's language. Throws if SES refuses it. */
export async function sendNotificationMail(notification: Notification, accessToken?: string): Promise<void> {
  const mail = renderMail(notification.event, notification.language, {
    number: notification.number,
    subject: notification.subject,
    name: notification.requesterName,
    link: notification.guest ? undefined : `${env.webBaseUrl}/tickets/${encodeURIComponent(notification.ticketId)}`,
    // The token goes in the fragment: browsers never send it to a server, so it stays out of logs.
    ...(accessToken
      ? {
          guestLink: `${env.webBaseUrl}/public/tickets/${encodeURIComponent(notification.ticketId)}#token=${encodeURIComponent(accessToken)}`,
        }
      : {}),
    ...(notification.message !== undefined ? { message: notification.message } : {}),
  });
  await ses.send(
    new SendEmailCommand({
      FromEmailAddress: env.mailFrom,
      Destination: { ToAddresses: [notification.requesterEmail] },
      ConfigurationSetName: env.mailConfigurationSet,
      Content: {
        Simple: {
          Subject: { Data: mail.subject, Charset: 'UTF-8' },
          Body: { Text: { Data: mail.text, Charset: 'UTF-8' } },
        },
      },
    }),
  );
}
