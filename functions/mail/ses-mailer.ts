import type { Notification } from '../domain/tickets/notifications';
import type { Mailer } from '../domain/tickets/ports';
import { logger } from '../http/observability';
import { sendNotificationMail } from './send-mail';

/** The in-request mailer for a guest's first mail: the ticket is stored already, so a failure is logged, not thrown. */
export const sesMailer: Mailer = {
  async sendNow(notification: Notification, accessToken: string) {
    try {
      await sendNotificationMail(notification, accessToken);
    } catch (error) {
      logger.error('Guest access mail not sent', { ticketId: notification.ticketId, error: (error as Error).name });
    }
  },
};
