import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../contracts/vocabulary';
import { isFormRequestEvent, MAIL_EVENTS, type TicketMailEvent } from '../../../functions/mail/domain/outbox';
import { renderMail } from '../../../functions/mail/domain/templates';

/** Form requests' events have their own templates (form-requests.test.ts). */
const TICKET_EVENTS = MAIL_EVENTS.filter((event): event is TicketMailEvent => !isFormRequestEvent(event));
const facts = { number: 'DIPU-2026-000042', subject: 'Portal down', name: 'Anna', link: 'https://x/tickets/1' };

describe('notification mails', () => {
  it('exist for every event in every language, with the number in the subject and the link', () => {
    for (const event of TICKET_EVENTS) {
      for (const language of LANGUAGES) {
        const mail = renderMail(event, language, facts);
        expect(mail.subject, `${event}/${language}`).toContain('[DIPU-2026-000042]');
        expect(mail.text, `${event}/${language}`).toContain('https://x/tickets/1');
        expect(mail.text).not.toContain('undefined');
      }
    }
  });

  it('promise nothing the service does not offer: a resolved ticket is not reopened by mail or reply', () => {
    for (const language of LANGUAGES) {
      const text = renderMail('resolved', language, facts).text.toLowerCase();
      expect(text, language).not.toMatch(/reopen|reobri|reabri|tornar a dobrir|valor|rate/);
    }
  });

  it('say that replies to the mail do not reach the ticket (as the support centre does)', () => {
    expect(renderMail('created', 'en', facts).text).toContain('replies to this email are not added to the ticket');
  });

  it('greet people by name, and guests without one: their name is whatever a stranger typed', () => {
    expect(renderMail('created', 'en', facts).text).toMatch(/^Hello Anna,/);
    expect(renderMail('created', 'en', { ...facts, name: undefined }).text).toMatch(/^Hello,\n/);
    expect(renderMail('created', 'ca', { ...facts, name: undefined }).text).toMatch(/^Hola:\n/);
  });

  it('give a guest their private link only when there is one, and otherwise point to the first mail', () => {
    const first = renderMail('created', 'ca', {
      ...facts,
      link: undefined,
      guestLink: 'https://x/public/tickets/1#token=abc',
    });
    expect(first.text).toContain('#token=abc');
    const later = renderMail('staff_replied', 'ca', { ...facts, link: undefined, message: 'Fet.' });
    expect(later.text).toContain('l’enllaç del primer correu');
  });
});
