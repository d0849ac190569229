import type { Commitment, SlaPolicy, SlaRule } from '../../../contracts/catalogue';
import type { Priority } from '../../../contracts/vocabulary';

/** The policy's schema is the contract's: administrators send it as it is stored. */
export { Commitment, SlaPolicy, SlaRule } from '../../../contracts/catalogue';

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
