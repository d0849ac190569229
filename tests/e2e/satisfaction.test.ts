import { describe, expect, it } from 'vitest';
import type { RatingInvitation } from '../../contracts/tickets-views';
import { api, newUser } from '../support/api';
import { mailsAbout, nowSeconds } from '../support/mail';
import { fileAs, fileAsGuest, portalIncident, type TicketBody } from '../support/tickets';

const resolve = async (ticket: TicketBody) => {
  const response = await api<TicketBody>('PATCH', `/tickets/${ticket.id}`, {
    as: 'agent',
    body: { status: 'resolved' },
    headers: { 'if-match': `"${ticket.version}"` },
  });
  expect(response.status).toBe(200);
  return response.body;
};

/** The rating link's token, read from the resolution mail as the requester would follow it. */
async function ratingLinkOf(email: string, ticket: TicketBody, since: number): Promise<string> {
  const mails = await mailsAbout(email, ticket.number, since, 2);
  const resolution = mails.find((mail) => /\/satisfaction\//.test(mail.body.text ?? ''));
  const token = /\/satisfaction\/([A-Za-z0-9_-]+)/.exec(resolution?.body.text ?? '')?.[1];
  if (!token) throw new Error(`No rating link in the resolution mail of ${ticket.number}`);
  return token;
}

describe('rating a resolved ticket', () => {
  it('through the mail’s link: opening it never votes, only the confirmed POST does, once', async () => {
    const since = nowSeconds();
    const requester = await newUser({ locale: 'oc' });
    const ticket = await fileAs({ token: await requester.token() }, portalIncident());
    await resolve(ticket);
    const token = await ratingLinkOf(requester.email, ticket, since);

    // A mail scanner follows the link, twice: nothing is recorded.
    for (let visit = 0; visit < 2; visit++) {
      const opened = await api<RatingInvitation>('GET', `/public/satisfaction/${token}`, {
        headers: { 'accept-language': 'oc' },
      });
      expect(opened.status).toBe(200);
      expect(opened.body).toMatchObject({
        ticket: { number: ticket.number, status: 'resolved', statusLabel: 'Resolvut' },
        scale: [1, 2, 3, 4, 5],
        rated: null,
      });
    }
    const unrated = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { token: await requester.token() });
    expect(unrated.body.satisfaction).toBeUndefined();

    const vote = await api<RatingInvitation>('POST', `/public/satisfaction/${token}`, {
      body: { score: 4, comment: 'Rapid e clar' },
    });
    expect(vote.status).toBe(201);
    expect(vote.body.rated).toMatchObject({ score: 4, comment: 'Rapid e clar' });

    const again = await api('POST', `/public/satisfaction/${token}`, { body: { score: 1 } });
    expect(again.status).toBe(409);
    const signedIn = await api('POST', `/tickets/${ticket.id}/satisfaction`, {
      token: await requester.token(),
      body: { score: 1 },
    });
    expect(signedIn.status).toBe(409);

    // Staff see the rating on the ticket.
    const staffView = await api<TicketBody>('GET', `/tickets/${ticket.id}`, { as: 'agent' });
    expect(staffView.body.satisfaction).toMatchObject({ score: 4, comment: 'Rapid e clar' });
  });

  it('signed in, on their own resolved ticket only; an unresolved ticket is a 409', async () => {
    const requester = await newUser();
    const token = await requester.token();
    const ticket = await fileAs({ token }, portalIncident());
    const early = await api('POST', `/tickets/${ticket.id}/satisfaction`, { token, body: { score: 5 } });
    expect(early.status).toBe(409);

    await resolve(ticket);
    const stranger = await api('POST', `/tickets/${ticket.id}/satisfaction`, {
      token: await (await newUser()).token(),
      body: { score: 1 },
    });
    expect(stranger.status).toBe(404);
    const rated = await api<TicketBody>('POST', `/tickets/${ticket.id}/satisfaction`, { token, body: { score: 5 } });
    expect(rated.status).toBe(201);
    expect(rated.body.satisfaction).toMatchObject({ score: 5 });
  });

  it('as a guest with the access token, and a link that is not the mailed one opens nothing', async () => {
    const guest = await fileAsGuest();
    await resolve(guest.ticket);
    const wrong = await api('POST', `/public/tickets/${guest.ticket.id}/satisfaction`, {
      headers: { 'x-ticket-token': 'not-the-token' },
      body: { score: 3 },
    });
    expect(wrong.status).toBe(404);
    const rated = await api<TicketBody>('POST', `/public/tickets/${guest.ticket.id}/satisfaction`, {
      headers: { 'x-ticket-token': guest.token },
      body: { score: 3 },
    });
    expect(rated.status).toBe(201);
    expect(rated.body.satisfaction).toMatchObject({ score: 3 });
    const twice = await api('POST', `/public/tickets/${guest.ticket.id}/satisfaction`, {
      headers: { 'x-ticket-token': guest.token },
      body: { score: 3 },
    });
    expect(twice.status).toBe(409);

    // A token of the right shape for this ticket, but not signed by the stack.
    const forged = Buffer.concat([
      Buffer.from(guest.ticket.id.replaceAll('-', ''), 'hex'),
      Buffer.alloc(24, 7),
    ]).toString('base64url');
    expect((await api('GET', `/public/satisfaction/${forged}`)).status).toBe(404);
    expect((await api('POST', `/public/satisfaction/${forged}`, { body: { score: 5 } })).status).toBe(404);
  });
});
