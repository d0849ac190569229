import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { replyAddressOf } from '../../functions/mail/domain/replies';
import { ENV } from '../../functions/platform/env';
import { feedInboundMail } from '../../lib/local/mail-events';
import { readMailbox, type SentMail } from '../../lib/local/ses';
import { api, endpoints, newUser } from '../support/api';
import { mailTo, nowSeconds } from '../support/mail';
import { fileAs, fileAsGuest, portalIncident, type TicketBody } from '../support/tickets';

const env = () => endpoints().functionEnvironment;
const replyTo = (ticketId: string) => replyAddressOf(env()[ENV.mailFrom] as string, ticketId);

/** A raw MIME reply as a mail client writes it; `extra` headers go before the body. */
function rawReply(from: string, to: string, extra: Record<string, string> = {}): string {
  const headers = {
    From: `=?UTF-8?Q?Persona_de_prova?= <${from}>`,
    To: to,
    Subject: 'Re: [DIPU] Hemos recibido su tique',
    Date: new Date().toUTCString(),
    'Message-ID': `<${randomUUID()}@mail.example.org>`,
    'MIME-Version': '1.0',
    'Content-Type': 'text/plain; charset=utf-8',
    ...extra,
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `${lines.join('\r\n')}\r\n\r\nGràcies, però encara no funciona.\r\n`;
}

/**
 * Mails to `to` since then, after giving a wrongly sent one time to arrive; not the filing's
 * notification, which the outbox may deliver in the same second.
 */
async function answersTo(to: string, since: number): Promise<SentMail[]> {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return (await readMailbox(endpoints().services.ses, since)).filter(
    (mail) => mail.destination.to.includes(to) && !mail.subject.endsWith('Hemos recibido su tique'),
  );
}

/** A signed-in requester (mails in Spanish) with a ticket, and the notification that told them of it. */
async function requesterWithTicket() {
  const user = await newUser({ locale: 'es' });
  const since = nowSeconds();
  const ticket = await fileAs({ token: await user.token() }, portalIncident());
  const [created] = await mailTo(user.email, since);
  return { user, ticket, created };
}

describe('notification mails', () => {
  it('have a text and an HTML part, say they were sent by a program, and take replies at the ticket’s reply address', async () => {
    const { ticket, created } = await requesterWithTicket();
    expect(created?.subject).toBe(`[${ticket.number}] Hemos recibido su tique`);
    expect(created?.replyTo).toEqual([replyTo(ticket.id)]);
    expect(created?.body.html).toContain(`<html lang="es">`);
    expect(created?.body.html).toContain(`/tickets/${ticket.id}</a>`);
    expect(created?.headers).toContainEqual({ name: 'Auto-Submitted', value: 'auto-generated' });
  });
});

describe('a reply to a notification mail', () => {
  it('is answered once, in the ticket’s language, with the ticket’s page, and is not added to the ticket', async () => {
    const { user, ticket } = await requesterWithTicket();
    const since = nowSeconds();
    await feedInboundMail(rawReply(user.email, replyTo(ticket.id)));
    const answers = await answersTo(user.email, since);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.subject).toBe(`[${ticket.number}] Las respuestas por correo no se añaden al tique`);
    expect(answers[0]?.body.text).toContain(`/tickets/${ticket.id}`);
    expect(answers[0]?.headers).toContainEqual({ name: 'Auto-Submitted', value: 'auto-replied' });
    const read = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { token: await user.token() });
    expect(read.body.thread).toHaveLength(1);
    expect(JSON.stringify(read.body)).not.toContain('encara no funciona');
  });

  it('is answered at most once a day per sender and ticket: a second reply the same day gets nothing', async () => {
    const { user, ticket } = await requesterWithTicket();
    const since = nowSeconds();
    await feedInboundMail(rawReply(user.email, replyTo(ticket.id)));
    await feedInboundMail(rawReply(user.email, replyTo(ticket.id)));
    expect(await answersTo(user.email, since)).toHaveLength(1);
    // Another ticket of theirs is another conversation.
    const other = await fileAs({ token: await user.token() }, portalIncident());
    await feedInboundMail(rawReply(user.email, replyTo(other.id)));
    const answers = await answersTo(user.email, since);
    expect(answers.map((mail) => mail.subject).sort()).toEqual(
      [ticket, other].map((filed) => `[${filed.number}] Las respuestas por correo no se añaden al tique`).sort(),
    );
  });

  it('is not answered when an autoresponder wrote it: no mail loop', async () => {
    const { user, ticket } = await requesterWithTicket();
    const since = nowSeconds();
    await feedInboundMail(
      rawReply(user.email, replyTo(ticket.id), { 'Auto-Submitted': 'auto-replied', 'X-Autoreply': 'yes' }),
    );
    expect(await answersTo(user.email, since)).toEqual([]);
  });

  it('is not answered when it comes from a mailing list', async () => {
    const { user, ticket } = await requesterWithTicket();
    const since = nowSeconds();
    await feedInboundMail(
      rawReply(user.email, replyTo(ticket.id), { 'List-Id': 'Veïns <veins.ajuntament.example>', Precedence: 'list' }),
    );
    expect(await answersTo(user.email, since)).toEqual([]);
  });

  it('about a ticket we do not know gets the generic pointer to the portal, once a day', async () => {
    const sender = `stranger-${randomUUID().slice(0, 8)}@example.net`;
    const since = nowSeconds();
    await feedInboundMail(rawReply(sender, replyTo(randomUUID())));
    await feedInboundMail(rawReply(sender, replyTo(randomUUID())));
    const answers = await answersTo(sender, since);
    expect(answers).toHaveLength(1);
    expect(answers[0]?.body.text).toContain('desde el portal');
    expect(answers[0]?.body.text).not.toContain('/tickets/');
  });

  it('from someone who is not the ticket’s requester learns nothing of the ticket', async () => {
    const { ticket } = await requesterWithTicket();
    const forger = `forger-${randomUUID().slice(0, 8)}@example.net`;
    const since = nowSeconds();
    await feedInboundMail(rawReply(forger, replyTo(ticket.id)));
    const [answer] = await answersTo(forger, since);
    expect(answer?.subject).not.toContain(ticket.number);
    expect(answer?.body.text).not.toContain(ticket.id);
  });

  it('from a guest points to their first mail’s link, and carries no token', async () => {
    const { ticket, token, mail } = await fileAsGuest();
    const email = mail?.destination.to[0] as string;
    const since = nowSeconds();
    await feedInboundMail(rawReply(email, replyTo(ticket.id)));
    const [answer] = await answersTo(email, since);
    expect(answer?.subject).toBe(`[${ticket.number}] Las respuestas por correo no se añaden al tique`);
    expect(answer?.body.text).toContain('el enlace del primer correo que le enviamos');
    expect(answer?.body.text).not.toContain(token);
    expect(answer?.body.text).not.toContain('/tickets/');
  });
});
