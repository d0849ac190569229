import { describe, expect, it } from 'vitest';
import {
  answerDay,
  autoAnswerFor,
  type RepliedTicket,
  replyAddressOf,
  replyDomainOf,
  replyVerdict,
  ticketIdOf,
} from '../../../functions/mail/domain/replies';

const OURS = { senders: ['finestreta@diba.example'], domains: ['reply.diba.example'] };
const TICKET_ID = '0b6f2f7e-3c1a-4d7e-9a51-2f4e6c1d8a90';
const person = (headers: Record<string, string> = {}) => ({ from: 'anna@example.org', headers });

describe('the reply address', () => {
  it('is the ticket id at the reply subdomain of the sender’s domain', () => {
    expect(replyDomainOf('finestreta@Diba.example')).toBe('reply.diba.example');
    expect(replyAddressOf('finestreta@diba.example', TICKET_ID)).toBe(`${TICKET_ID}@reply.diba.example`);
  });

  it('names the ticket a reply is about, and nothing for other recipients or made-up local parts', () => {
    expect(
      ticketIdOf(['someone@else.example', `${TICKET_ID.toUpperCase()}@REPLY.diba.example`], 'reply.diba.example'),
    ).toBe(TICKET_ID);
    expect(ticketIdOf([`${TICKET_ID}@diba.example`], 'reply.diba.example')).toBeUndefined();
    expect(ticketIdOf(['help@reply.diba.example'], 'reply.diba.example')).toBeUndefined();
    expect(ticketIdOf([], 'reply.diba.example')).toBeUndefined();
  });
});

describe('whether an inbound mail is answered', () => {
  it('answers a person’s plain reply, also from the administration’s own domain', () => {
    expect(replyVerdict(person({ 'message-id': '<abc@mail.example.org>' }), OURS)).toEqual({ answer: true });
    expect(replyVerdict({ from: 'agent@diba.example', headers: {} }, OURS)).toEqual({ answer: true });
  });

  it.each([
    ['Auto-Submitted other than no', { 'auto-submitted': 'auto-replied' }, 'auto-submitted'],
    ['Auto-Submitted: auto-generated', { 'auto-submitted': 'Auto-Generated' }, 'auto-submitted'],
    ['Precedence: bulk', { precedence: 'bulk' }, 'bulk'],
    ['Precedence: list', { precedence: 'list' }, 'bulk'],
    ['Precedence: junk', { precedence: 'junk' }, 'bulk'],
    ['a List-Id', { 'list-id': 'Ajuntament <veins.ajuntament.example>' }, 'mailing-list'],
    ['a List-Unsubscribe', { 'list-unsubscribe': '<mailto:leave@lists.example>' }, 'mailing-list'],
    ['X-Autoreply', { 'x-autoreply': 'yes' }, 'auto-reply'],
    ['an empty Return-Path (a bounce)', { 'return-path': '<>' }, 'bounce'],
    ['one of our own Message-IDs', { 'message-id': '<123@reply.diba.example>' }, 'own-mail'],
    ['SES’s spam verdict', { 'x-ses-spam-verdict': 'FAIL' }, 'spam'],
    ['SES’s virus verdict', { 'x-ses-virus-verdict': 'FAIL' }, 'spam'],
  ])('does not answer a mail with %s', (_, headers, reason) => {
    expect(replyVerdict(person(headers), OURS)).toEqual({ answer: false, reason });
  });

  it('answers a person who says Auto-Submitted: no, or whose mail passed SES’s scans', () => {
    expect(replyVerdict(person({ 'auto-submitted': 'no', 'x-ses-spam-verdict': 'PASS' }), OURS)).toEqual({
      answer: true,
    });
  });

  it.each([
    'MAILER-DAEMON@mx.example.org',
    'postmaster@example.org',
    'no-reply@bank.example',
    'noreply@x.example',
    'veins-request@lists.example',
  ])('does not answer the program %s', (from) => {
    expect(replyVerdict({ from, headers: {} }, OURS)).toEqual({ answer: false, reason: 'robot-sender' });
  });

  it('does not answer our own mail coming back, nor mail without a sender', () => {
    for (const from of ['Finestreta@diba.example', 'x@reply.diba.example']) {
      expect(replyVerdict({ from, headers: {} }, OURS)).toEqual({ answer: false, reason: 'own-mail' });
    }
    expect(replyVerdict({ headers: {} }, OURS)).toEqual({ answer: false, reason: 'no-sender' });
  });
});

describe('what the answer says', () => {
  const ticket = (over: Partial<RepliedTicket> = {}): RepliedTicket => ({
    ticketId: TICKET_ID,
    number: 'DIPU-2026-000042',
    language: 'es',
    requesterEmail: 'Anna@example.org',
    guest: false,
    ...over,
  });

  it('tells the ticket’s own requester about the ticket, in its language, whatever the address’s case', () => {
    expect(autoAnswerFor(ticket(), 'anna@EXAMPLE.org')).toEqual({
      kind: 'ticket',
      language: 'es',
      number: 'DIPU-2026-000042',
      ticketId: TICKET_ID,
    });
  });

  it('tells a guest where their private link is, never the ticket page', () => {
    expect(autoAnswerFor(ticket({ guest: true, language: 'oc' }), 'anna@example.org')).toEqual({
      kind: 'guest-ticket',
      language: 'oc',
      number: 'DIPU-2026-000042',
      ticketId: TICKET_ID,
    });
  });

  it('tells anyone else, or a reply to a ticket we do not know, only where the portal is', () => {
    expect(autoAnswerFor(ticket(), 'stranger@example.org')).toEqual({ kind: 'generic' });
    expect(autoAnswerFor(ticket({ requesterEmail: undefined }), 'anna@example.org')).toEqual({ kind: 'generic' });
    expect(autoAnswerFor(undefined, 'anna@example.org')).toEqual({ kind: 'generic' });
  });

  it('is counted by UTC day', () => {
    expect(answerDay(new Date('2026-11-24T23:59:59Z'))).toBe('2026-11-24');
    expect(answerDay(new Date('2026-11-25T00:00:00Z'))).toBe('2026-11-25');
  });
});
