import { describe, expect, it } from 'vitest';
import type { FormRequestStep } from '../../../contracts/form-request-steps';
import { LANGUAGES } from '../../../contracts/vocabulary';
import { FormRequestOutboxMessage } from '../../../functions/mail/domain/form-request-outbox';
import {
  type FormRequestMailFacts,
  renderFormRequestMail,
} from '../../../functions/mail/domain/form-request-templates';
import { FORM_REQUEST_EVENTS, OutboxMessage } from '../../../functions/mail/domain/outbox';

const REQUEST_ID = '0b6c8f0e-3c1a-4d2b-9f4e-5a6b7c8d9e0f';
const LINK = `https://portal.test/form-requests/${REQUEST_ID}`;
/** 23:00 UTC on the last day of February is already 1 March in Barcelona. */
const DUE_AT = '2026-02-28T23:00:00.000Z';

const facts = (formRequest: FormRequestMailFacts['formRequest']): FormRequestMailFacts => ({
  number: 'FR-0b6c8f0e',
  subject: 'https://cultura.example.cat',
  name: 'Marta',
  link: LINK,
  formRequest,
});
const waiting = facts({ step: 'templates', dueAt: DUE_AT, timeZone: 'Europe/Madrid' });
const textOf = (event: (typeof FORM_REQUEST_EVENTS)[number], language: (typeof LANGUAGES)[number], f = waiting) =>
  renderFormRequestMail(event, language, f).text;

describe('form request mails', () => {
  it('exist for every event in every language, with the reference, the website and the request’s portal page', () => {
    for (const event of FORM_REQUEST_EVENTS) {
      for (const language of LANGUAGES) {
        const mail = renderFormRequestMail(event, language, waiting);
        expect(mail.subject, `${event}/${language}`).toContain('[FR-0b6c8f0e]');
        expect(mail.text, `${event}/${language}`).toContain('https://cultura.example.cat');
        expect(mail.text, `${event}/${language}`).toContain(LINK);
        expect(mail.text, `${event}/${language}`).not.toMatch(/undefined|tiquet|tique\b|ticket/);
      }
    }
  });

  it('name the step the request waits at, in words, in each language', () => {
    expect(textOf('form_request_waiting', 'ca')).toContain('les plantilles de capçalera i peu');
    expect(textOf('form_request_waiting', 'es')).toContain('las plantillas de cabecera y pie');
    expect(textOf('form_request_waiting', 'oc')).toContain('es modèls de capçalera e de pè de pagina');
    expect(textOf('form_request_waiting', 'en')).toContain('the header and footer templates');
    const step = (step: FormRequestStep) => textOf('form_request_waiting', 'en', facts({ step }));
    expect(step('review')).toContain('the directorate’s review');
    expect(step('changes')).toContain('the changes the directorate asked for');
    expect(step('parameters')).toContain('the form’s parameters');
    expect(step('setup')).toContain('setting the form up');
    expect(step('links')).toContain('updating the links to the form');
  });

  it('tell the deadline in the directorate’s time zone, as the SLA mails do', () => {
    expect(textOf('form_request_waiting', 'ca')).toContain('diumenge, 1 de març del 2026, a les 0:00');
    expect(textOf('form_request_reminder', 'es')).toContain('domingo, 1 de marzo de 2026, 0:00');
    expect(textOf('form_request_reminder', 'oc')).toContain('diumenge, 1 de març del 2026, a les 0:00');
    expect(textOf('form_request_escalated', 'en')).toContain('Sunday, 1 March 2026 at 00:00');
  });

  it('tell a deadline without a time zone in UTC, and say so', () => {
    const text = textOf('form_request_reminder', 'en', facts({ step: 'setup', dueAt: DUE_AT }));
    expect(text).toContain('Saturday, 28 February 2026 at 23:00 (UTC)');
  });

  it('leave the deadline out when the step has none', () => {
    expect(textOf('form_request_waiting', 'en', facts({ step: 'review' }))).not.toMatch(/Due by/);
  });

  it('escalate to the supervisors as supervisors, with the missed deadline', () => {
    const text = textOf('form_request_escalated', 'ca');
    expect(text).toContain('Us l’escalem com a supervisor.');
    expect(text).toContain('Termini: diumenge, 1 de març del 2026');
  });

  it('give the department the directorate’s comment on a rejection', () => {
    const comment = 'El web ja té un formulari de contacte: feu servir aquell.';
    for (const language of LANGUAGES) {
      const text = textOf('form_request_rejected', language, facts({ step: 'rejected', comment }));
      expect(text, language).toContain(comment);
    }
  });

  it('give the form’s address in each of its languages once it is live', () => {
    const urls = { ca: 'https://forms.example.cat/ca/cultura', oc: 'https://forms.example.cat/oc/cultura' };
    const completed = facts({ step: 'completed', urls });
    expect(textOf('form_request_completed', 'ca', completed)).toContain(`- català: ${urls.ca}\n- aranès: ${urls.oc}`);
    expect(textOf('form_request_completed', 'es', completed)).toContain(`- catalán: ${urls.ca}\n- aranés: ${urls.oc}`);
    expect(textOf('form_request_completed', 'oc', completed)).toContain(`- catalan: ${urls.ca}\n- aranés: ${urls.oc}`);
    expect(textOf('form_request_completed', 'en', completed)).toContain(`- Catalan: ${urls.ca}\n- Aranese: ${urls.oc}`);
    expect(textOf('form_request_completed', 'en', completed)).not.toMatch(/Spanish|English/);
  });

  it('never offer a rating, a guest’s private link or the hint to the first mail', () => {
    // A ticket's facts passed along are ignored: the form request's mails have no place for them.
    const withTicketLinks = {
      ...facts({ step: 'completed' }),
      ratingLink: 'https://portal.test/satisfaction/x',
      guestLink: 'https://portal.test/public/tickets/1#token=abc',
    };
    const text = renderFormRequestMail('form_request_completed', 'ca', withTicketLinks).text;
    expect(text).toContain(LINK);
    expect(text).not.toMatch(/satisfaction|token=|primer correu|Valoreu/);
  });

  it('say that replies do not reach the request', () => {
    expect(textOf('form_request_waiting', 'en')).toContain('replies to this email do not reach the request');
  });

  it('cannot be written without the request’s portal page', () => {
    const withoutLink = { ...waiting, link: undefined } as unknown as FormRequestMailFacts;
    expect(() => renderFormRequestMail('form_request_waiting', 'en', withoutLink)).toThrow(/portal link/);
  });
});

const message = (overrides: Record<string, unknown> = {}) => ({
  notificationId: 'n-1',
  event: 'form_request_waiting',
  ticketId: REQUEST_ID,
  number: 'FR-0b6c8f0e',
  subject: 'https://cultura.example.cat',
  recipient: { name: 'DGAC', email: 'dgac@example.org', language: 'ca' },
  formRequest: { requestId: REQUEST_ID, step: 'review', dueAt: DUE_AT, timeZone: 'Europe/Madrid' },
  createdAt: '2026-02-20T10:00:00.000Z',
  ...overrides,
});

describe('the outbox, for form requests', () => {
  it('accepts a form request’s mail, with its step, deadline, comment and URLs', () => {
    const full = message({
      event: 'form_request_completed',
      recipient: { userId: 'u-1' },
      formRequest: {
        requestId: REQUEST_ID,
        step: 'completed',
        comment: 'Fet.',
        urls: { ca: 'https://forms.example.cat/ca', es: 'https://forms.example.cat/es' },
      },
    });
    expect(FormRequestOutboxMessage.parse(full)).toEqual(full);
    expect(FormRequestOutboxMessage.safeParse(message()).success).toBe(true);
    expect(
      FormRequestOutboxMessage.safeParse(
        message({ event: 'form_request_escalated', recipient: { supervisorsOf: 'gencat' } }),
      ).success,
    ).toBe(true);
  });

  it('refuses a step the workflow does not have, a deadline that is not a date, a URL for an unknown language', () => {
    const formRequest = message().formRequest;
    expect(
      FormRequestOutboxMessage.safeParse(message({ formRequest: { ...formRequest, step: 'approval' } })).success,
    ).toBe(false);
    expect(
      FormRequestOutboxMessage.safeParse(message({ formRequest: { ...formRequest, dueAt: 'tomorrow' } })).success,
    ).toBe(false);
    expect(
      FormRequestOutboxMessage.safeParse(message({ formRequest: { ...formRequest, urls: { fr: 'https://x' } } }))
        .success,
    ).toBe(false);
  });

  it('keeps form request events and ticket events apart: the former always carry formRequest, the latter are ticket mails', () => {
    expect(FormRequestOutboxMessage.safeParse(message({ formRequest: undefined })).success).toBe(false);
    expect(FormRequestOutboxMessage.safeParse(message({ event: 'created' })).success).toBe(false);
    // The ticket mails' schema, which the ticket functions build, knows nothing of formRequest.
    expect(OutboxMessage.parse(message({ event: 'created' }))).not.toHaveProperty('formRequest');
  });
});
