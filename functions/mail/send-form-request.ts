import type { FormRequestOutboxMessage } from './domain/form-request-outbox';
import { renderFormRequestMail } from './domain/form-request-templates';
import { type Addressee, deliverMail, webBaseUrl } from './send';

/**
 * A form request's mail, apart from send.ts so that only the notify function bundles its
 * templates. Everyone it goes to (the department's member, the directorate's or the technical
 * office's shared mailbox, the supervisors) signs in to the portal, so it links to the request's
 * page there, never a guest's ticket link; it has no rating link, and no Reply-To: a reply names
 * no ticket, so the inbound function has nothing to add it to.
 */
export async function sendFormRequestMail(message: FormRequestOutboxMessage, to: Addressee): Promise<void> {
  const { event, formRequest } = message;
  const { requestId, ...request } = formRequest;
  const mail = renderFormRequestMail(event, to.language, {
    number: message.number,
    subject: message.subject,
    // A shared mailbox travels as a guest's details do; it is greeted without its name, as they are.
    ...(to.guest ? {} : { name: to.name }),
    link: `${webBaseUrl()}/form-requests/${encodeURIComponent(requestId)}`,
    formRequest: request,
  });
  await deliverMail(to.email, to.language, mail, { autoSubmitted: 'auto-generated' });
}
