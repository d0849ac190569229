import type { Language } from '../../../contracts/vocabulary';

/**
 * Replies to notification mails come back to a subdomain of the sender's (`reply.<domain>`):
 * its MX record points at SES, while the administration's own domain keeps its mail servers.
 * Each mail's Reply-To is `<ticketId>@reply.<domain>`, so a reply names its ticket.
 */
export const replyDomainOf = (fromAddress: string): string => `reply.${domainOf(fromAddress)}`;

export const replyAddressOf = (fromAddress: string, ticketId: string): string =>
  `${ticketId}@${replyDomainOf(fromAddress)}`;

const domainOf = (address: string): string => address.slice(address.lastIndexOf('@') + 1).toLowerCase();
const localPartOf = (address: string): string => address.slice(0, address.lastIndexOf('@')).toLowerCase();

/** Ticket ids are UUIDs; anything else at the reply domain names no ticket. */
const TICKET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The ticket a reply is about: the first recipient at the reply domain whose local part is a ticket id. */
export function ticketIdOf(recipients: readonly string[], replyDomain: string): string | undefined {
  for (const recipient of recipients) {
    if (domainOf(recipient) !== replyDomain.toLowerCase()) continue;
    const local = localPartOf(recipient);
    if (TICKET_ID.test(local)) return local;
  }
  return undefined;
}

/** What an inbound mail says about itself, read from its headers by a MIME parser. */
export interface InboundFacts {
  /** The From address, if it has one. */
  readonly from?: string;
  /** Header values by lower-case name (the first value of each). */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export type SilenceReason =
  | 'no-sender'
  | 'auto-submitted'
  | 'bulk'
  | 'mailing-list'
  | 'auto-reply'
  | 'bounce'
  | 'robot-sender'
  | 'own-mail'
  | 'spam';

export type ReplyVerdict = { readonly answer: true } | { readonly answer: false; readonly reason: SilenceReason };

/**
 * How to tell our own mail: our sender address (not its whole domain, where the administration's
 * own people write from) and the domains only we send from or receive at (the reply domain).
 */
export interface OurMail {
  readonly senders: readonly string[];
  readonly domains: readonly string[];
}

/** Senders that are programs, not people: answering them starts loops or feeds bounces. */
const ROBOT_SENDER =
  /^(mailer-daemon|postmaster|no-?reply|do-?not-?reply|bounces?|listserv|majordomo|owner-.+|.+-request|.+-bounces?)$/;

/**
 * Whether an inbound mail may get our automatic answer (RFC 3834): never a mail written by a
 * program (auto-replies, out-of-office notes, bounces, list traffic), never one of ours coming
 * back, never one SES marked as spam or a virus. Answering those is how mail loops start and
 * how a helpdesk becomes a source of backscatter.
 */
export function replyVerdict(facts: InboundFacts, ours: OurMail): ReplyVerdict {
  const header = (name: string) => facts.headers[name]?.trim().toLowerCase();
  const from = facts.from?.trim().toLowerCase();
  if (!from?.includes('@')) return { answer: false, reason: 'no-sender' };
  const senders = new Set(ours.senders.map((sender) => sender.toLowerCase()));
  const domains = new Set(ours.domains.map((domain) => domain.toLowerCase()));
  const messageIdDomain = /@([^>\s]+)>?$/.exec(header('message-id') ?? '')?.[1];
  if (
    senders.has(from) ||
    domains.has(domainOf(from)) ||
    (messageIdDomain !== undefined && domains.has(messageIdDomain))
  ) {
    return { answer: false, reason: 'own-mail' };
  }
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted !== undefined && autoSubmitted !== 'no') return { answer: false, reason: 'auto-submitted' };
  if (['bulk', 'list', 'junk'].includes(header('precedence') ?? '')) return { answer: false, reason: 'bulk' };
  if (header('list-id') !== undefined || header('list-unsubscribe') !== undefined) {
    return { answer: false, reason: 'mailing-list' };
  }
  if (header('x-autoreply') !== undefined || header('x-autorespond') !== undefined) {
    return { answer: false, reason: 'auto-reply' };
  }
  if (header('return-path') === '<>') return { answer: false, reason: 'bounce' };
  if (ROBOT_SENDER.test(localPartOf(from))) return { answer: false, reason: 'robot-sender' };
  if (header('x-ses-spam-verdict') === 'fail' || header('x-ses-virus-verdict') === 'fail') {
    return { answer: false, reason: 'spam' };
  }
  return { answer: true };
}

/** What the answer needs to know of the ticket a reply names. */
export interface RepliedTicket {
  readonly ticketId: string;
  readonly number: string;
  /** The requester's mail language: their profile's, or the one a guest filed in. */
  readonly language: Language;
  /** The requester's address: their verified profile's, or the guest's. */
  readonly requesterEmail?: string;
  readonly guest: boolean;
}

/**
 * What the answer says. Only the ticket's own requester hears about the ticket (its number and
 * where to follow it; a guest, where their private link is, never the link itself); anyone
 * else, and any reply naming no ticket we know, gets the generic pointer to the portal, so a
 * forged reply learns nothing about a ticket and reaches nobody but its own From address.
 */
export type AutoAnswer =
  | { readonly kind: 'ticket'; readonly language: Language; readonly number: string; readonly ticketId: string }
  | { readonly kind: 'guest-ticket'; readonly language: Language; readonly number: string; readonly ticketId: string }
  | { readonly kind: 'generic' };

export function autoAnswerFor(ticket: RepliedTicket | undefined, from: string): AutoAnswer {
  const sender = from.trim().toLowerCase();
  if (!ticket || ticket.requesterEmail?.toLowerCase() !== sender) return { kind: 'generic' };
  return ticket.guest
    ? { kind: 'guest-ticket', language: ticket.language, number: ticket.number, ticketId: ticket.ticketId }
    : { kind: 'ticket', language: ticket.language, number: ticket.number, ticketId: ticket.ticketId };
}

/** The UTC day an answer is counted in: one answer per sender and ticket per day. */
export const answerDay = (at: Date): string => at.toISOString().slice(0, 10);
