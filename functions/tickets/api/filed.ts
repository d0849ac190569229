import { LOG_METRICS } from '../../platform/log-metrics';
import { logger } from '../../platform/observability';
import type { TicketRecord } from '../domain/model';

/** The log line the TicketsFiled metric counts (platform/log-metrics.ts), at the functions' INFO level. */
export const logFiling = (ticket: TicketRecord, filer: 'user' | 'guest') =>
  logger.info(LOG_METRICS.ticketFiled.message, {
    organisationId: ticket.organisationId,
    filer,
    channel: ticket.channel,
    ticketId: ticket.ticketId,
  });
