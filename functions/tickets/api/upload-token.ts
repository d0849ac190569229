import { linkToken } from '../../platform/links';
import type { TicketRecord } from '../domain/model';

/**
 * The token a guest's filing answers with, so whoever filed can upload the ticket's files
 * without the access token, which only travels by mail: it names the ticket and its filing time
 * under the stack's key, and opens uploads to that ticket for an hour (domain/attachments.ts).
 */
export const uploadToken = (ticket: Pick<TicketRecord, 'ticketId' | 'createdAt'>) =>
  linkToken('attachment-upload', ticket.ticketId, ticket.createdAt);
