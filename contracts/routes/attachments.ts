import {
  AttachmentParams,
  DownloadHeaders,
  GuestDownloadHeaders,
  GuestUploadHeaders,
  NewAttachment,
} from '../attachments';
import type { RouteSpec } from '../http';
import { TicketParams } from '../tickets';

/**
 * Files go straight to S3 and come straight from it: the API hands out an upload policy held to
 * the declared size and type, and a short-lived download link once the file is scanned clean.
 */
export const ATTACHMENT_ROUTES = [
  {
    method: 'POST',
    path: '/tickets/{ticketId}/attachments',
    auth: 'jwt',
    operationId: 'attachFile',
    summary: 'Declare a file (name, type, size) and get where to upload it; whoever may answer the ticket may attach',
    tags: ['Attachments'],
    request: { params: TicketParams, body: NewAttachment },
    problems: [403, 404, 409],
  },
  {
    method: 'GET',
    path: '/tickets/{ticketId}/attachments/{attachmentId}',
    auth: 'jwt',
    operationId: 'downloadFile',
    summary: 'A 302 to a download link valid for a minute, once the file is scanned clean',
    tags: ['Attachments'],
    request: { params: AttachmentParams, headers: DownloadHeaders },
    problems: [404, 409],
  },
  {
    method: 'POST',
    path: '/public/tickets/{ticketId}/attachments',
    auth: 'public',
    operationId: 'attachGuestFile',
    summary: 'A guest declares a file (X-Ticket-Token, or X-Upload-Token right after filing)',
    tags: ['Guest tickets'],
    request: { params: TicketParams, headers: GuestUploadHeaders, body: NewAttachment },
    problems: [403, 404, 409],
  },
  {
    method: 'GET',
    path: '/public/tickets/{ticketId}/attachments/{attachmentId}',
    auth: 'public',
    operationId: 'downloadGuestFile',
    summary: 'A guest downloads a clean file of their ticket (X-Ticket-Token): a 302 to a link valid for a minute',
    tags: ['Guest tickets'],
    request: { params: AttachmentParams, headers: GuestDownloadHeaders },
    problems: [404, 409],
  },
] as const satisfies readonly RouteSpec[];
