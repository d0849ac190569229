import { slug } from '../../../contracts/text';
import { PRIORITIES, type Priority } from '../../../contracts/vocabulary';
import * as z from '../../../contracts/zod';

/**
 * A response-time commitment, in business time of the organisation's calendar: open minutes,
 * or business days (`{ days: 1, endOfDay: true }` is source 004's "same or next business day").
 */
export const Commitment = z.union([
  z.strictObject({ minutes: z.int().check(z.gte(1), z.lte(365 * 24 * 60)) }),
  z.strictObject({ days: z.int().check(z.gte(0), z.lte(365)), endOfDay: z.optional(z.boolean()) }),
]);
export type Commitment = z.infer<typeof Commitment>;

/** Targets for the tickets a rule matches: by priority, by topic, both, or neither (the default). */
export const SlaRule = z.strictObject({
  priority: z.optional(z.enum(PRIORITIES)),
  topicId: z.optional(slug()),
  firstResponse: Commitment,
  resolution: Commitment,
});
export type SlaRule = z.infer<typeof SlaRule>;

const ruleKey = (rule: Pick<SlaRule, 'priority' | 'topicId'>) => `${rule.priority ?? '*'} ${rule.topicId ?? '*'}`;

/**
 * An organisation's SLA policy. It must have a default rule, so every ticket gets targets, and
 * no two rules for the same priority and topic, so which applies is never a matter of order.
 */
export const SlaPolicy = z
  .strictObject({
    rules: z.array(SlaRule).check(z.minLength(1)),
    /** The share of each commitment's business time, in percent, after which whoever holds the ticket is warned. */
    warnAtPercent: z._default(z.int().check(z.gte(1), z.lte(99)), 75),
  })
  .check(
    z.superRefine(({ rules }, context) => {
      if (!rules.some((rule) => rule.priority === undefined && rule.topicId === undefined)) {
        context.addIssue({
          code: 'custom',
          path: ['rules'],
          message: 'Add a default rule, with no priority or topic.',
          input: rules,
        });
      }
      const seen = new Set<string>();
      rules.forEach((rule, index) => {
        const key = ruleKey(rule);
        if (seen.has(key)) {
          context.addIssue({
            code: 'custom',
            path: ['rules', index],
            message: 'Another rule has this priority and topic.',
            input: rule,
          });
        }
        seen.add(key);
      });
    }),
  );
export type SlaPolicy = z.infer<typeof SlaPolicy>;

export interface Commitments {
  readonly firstResponse: Commitment;
  readonly resolution: Commitment;
  /** See {@link SlaPolicy}: when, in percent of each commitment's business time, to warn. */
  readonly warnAtPercent: number;
}

/** How specific a rule is: topic and priority, then topic, then priority, then the default. */
const specificity = (rule: SlaRule) => (rule.topicId ? 2 : 0) + (rule.priority ? 1 : 0);

/** The commitments of the most specific rule that matches the ticket's priority and topic. */
export function commitmentsFor(policy: SlaPolicy, ticket: { priority: Priority; topicId: string }): Commitments {
  const matching = policy.rules.filter(
    (rule) =>
      (rule.priority === undefined || rule.priority === ticket.priority) &&
      (rule.topicId === undefined || rule.topicId === ticket.topicId),
  );
  const rule = matching.toSorted((a, b) => specificity(b) - specificity(a))[0];
  // SlaPolicy guarantees a default rule; a policy built otherwise is a programming error.
  if (!rule) throw new Error('The SLA policy has no default rule');
  return { firstResponse: rule.firstResponse, resolution: rule.resolution, warnAtPercent: policy.warnAtPercent };
}
