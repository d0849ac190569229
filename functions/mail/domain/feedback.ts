import * as z from '../../../contracts/zod';

/**
 * A bounce or complaint as SES's configuration-set event publishing writes it (the SNS
 * message), with only the fields acted on. Other event types never reach the function (the
 * subscription filters them) and are ignored if they do.
 */
export const SesFeedback = z.union([
  z.object({
    eventType: z.literal('Bounce'),
    bounce: z.object({
      bounceType: z.string(),
      bounceSubType: z.optional(z.string()),
      bouncedRecipients: z.array(z.object({ emailAddress: z.string() })),
      timestamp: z.string(),
    }),
  }),
  z.object({
    eventType: z.literal('Complaint'),
    complaint: z.object({
      complainedRecipients: z.array(z.object({ emailAddress: z.string() })),
      complaintFeedbackType: z.optional(z.string()),
      timestamp: z.string(),
    }),
  }),
]);
export type SesFeedback = z.infer<typeof SesFeedback>;

export interface Suppression {
  readonly address: string;
  readonly reason: 'bounce' | 'complaint';
  readonly detail: string;
  readonly at: string;
}

/**
 * Which addresses stop getting mail: every complaining recipient, and the recipients of a
 * permanent bounce. A transient bounce (mailbox full, greylisting) suppresses nobody: SES
 * retried already, and the next notification may well arrive.
 */
export function suppressionsOf(feedback: SesFeedback): Suppression[] {
  if (feedback.eventType === 'Complaint') {
    const { complainedRecipients, complaintFeedbackType, timestamp } = feedback.complaint;
    return complainedRecipients.map(({ emailAddress }) => ({
      address: emailAddress,
      reason: 'complaint',
      detail: complaintFeedbackType ?? 'complaint',
      at: timestamp,
    }));
  }
  const { bounceType, bounceSubType, bouncedRecipients, timestamp } = feedback.bounce;
  if (bounceType !== 'Permanent') return [];
  return bouncedRecipients.map(({ emailAddress }) => ({
    address: emailAddress,
    reason: 'bounce',
    detail: `${bounceType}/${bounceSubType ?? 'General'}`,
    at: timestamp,
  }));
}
