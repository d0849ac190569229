import { describe, expect, it } from 'vitest';
import { SesFeedback, suppressionsOf } from '../../../functions/mail/domain/feedback';

const bounce = (bounceType: string) =>
  SesFeedback.parse({
    eventType: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType: 'General',
      bouncedRecipients: [{ emailAddress: 'gone@example.org', status: '5.1.1' }],
      timestamp: '2026-11-24T10:00:00.000Z',
      feedbackId: 'f1',
    },
    mail: { messageId: 'm1' },
  });

describe('SES feedback', () => {
  it('suppresses the recipients of a permanent bounce', () => {
    expect(suppressionsOf(bounce('Permanent'))).toEqual([
      { address: 'gone@example.org', reason: 'bounce', detail: 'Permanent/General', at: '2026-11-24T10:00:00.000Z' },
    ]);
  });

  it('suppresses nobody for a transient bounce: the next mail may arrive', () => {
    expect(suppressionsOf(bounce('Transient'))).toEqual([]);
  });

  it('suppresses every complaining recipient', () => {
    const complaint = SesFeedback.parse({
      eventType: 'Complaint',
      complaint: {
        complainedRecipients: [{ emailAddress: 'a@example.org' }, { emailAddress: 'b@example.org' }],
        complaintFeedbackType: 'abuse',
        timestamp: '2026-11-24T10:00:00.000Z',
      },
    });
    expect(suppressionsOf(complaint).map(({ address, reason, detail }) => [address, reason, detail])).toEqual([
      ['a@example.org', 'complaint', 'abuse'],
      ['b@example.org', 'complaint', 'abuse'],
    ]);
  });

  it('does not take other events for feedback', () => {
    expect(SesFeedback.safeParse({ eventType: 'DeliveryDelay', deliveryDelay: {} }).success).toBe(false);
  });
});
