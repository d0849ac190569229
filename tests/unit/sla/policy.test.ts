import { describe, expect, it } from 'vitest';
import { commitmentsFor, SlaPolicy } from '../../../functions/sla/domain/policy';

const policy = SlaPolicy.parse({
  rules: [
    { firstResponse: { days: 1, endOfDay: true }, resolution: { days: 5 } },
    { priority: 'P1', firstResponse: { minutes: 30 }, resolution: { minutes: 240 } },
    { topicId: 'oac360-certificates', firstResponse: { minutes: 60 }, resolution: { days: 2 } },
    { priority: 'P1', topicId: 'oac360-certificates', firstResponse: { minutes: 15 }, resolution: { minutes: 120 } },
  ],
});

describe('SLA policies', () => {
  it('give each ticket the commitments of the most specific rule: topic and priority, topic, priority, default', () => {
    expect(commitmentsFor(policy, { priority: 'P1', topicId: 'oac360-certificates' }).firstResponse).toEqual({
      minutes: 15,
    });
    expect(commitmentsFor(policy, { priority: 'P3', topicId: 'oac360-certificates' }).firstResponse).toEqual({
      minutes: 60,
    });
    expect(commitmentsFor(policy, { priority: 'P1', topicId: 'oac360-grants' }).firstResponse).toEqual({ minutes: 30 });
    expect(commitmentsFor(policy, { priority: 'P4', topicId: 'oac360-grants' })).toEqual({
      firstResponse: { days: 1, endOfDay: true },
      resolution: { days: 5 },
      // Unless the policy says otherwise, warnings come when three quarters of the time have gone.
      warnAtPercent: 75,
    });
  });

  it('must have a default rule and no two rules for the same priority and topic', () => {
    const target = { firstResponse: { minutes: 60 }, resolution: { days: 1 } };
    const withoutDefault = SlaPolicy.safeParse({ rules: [{ priority: 'P1', ...target }] });
    expect(withoutDefault.error?.issues.map((issue) => issue.message)).toEqual([
      'Add a default rule, with no priority or topic, so every priority has targets.',
    ]);
    const twice = SlaPolicy.safeParse({
      rules: [target, { priority: 'P2', ...target }, { priority: 'P2', ...target }],
    });
    expect(twice.error?.issues.map((issue) => issue.path)).toEqual([['rules', 2]]);
  });

  it('refuse targets that are not whole positive amounts of business time', () => {
    for (const firstResponse of [{ minutes: 0 }, { minutes: 1.5 }, { days: -1 }, { hours: 2 }, {}]) {
      expect(
        SlaPolicy.safeParse({ rules: [{ firstResponse, resolution: { days: 1 } }] }).success,
        JSON.stringify(firstResponse),
      ).toBe(false);
    }
  });
});
