import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../../../functions/tickets/domain/numbering';
import { priorityFrom } from '../../../functions/tickets/domain/priority';

const answers = (blocksWork: boolean, affectsOthers: boolean, affectsCitizens: boolean) => ({
  blocksWork,
  affectsOthers,
  affectsCitizens,
});

describe('ITIL priority from the impact questions', () => {
  it('is P1 when work stops, others are affected and citizens are affected', () => {
    expect(priorityFrom(answers(true, true, true))).toBe('P1');
  });

  it('is P5 when nothing is affected', () => {
    expect(priorityFrom(answers(false, false, false))).toBe('P5');
  });

  it('raises impact for more users and urgency for stopped work or affected citizens', () => {
    expect(priorityFrom(answers(true, true, false))).toBe('P2');
    expect(priorityFrom(answers(false, true, false))).toBe('P3');
    expect(priorityFrom(answers(true, false, true))).toBe('P3');
    expect(priorityFrom(answers(true, false, false))).toBe('P4');
    expect(priorityFrom(answers(false, false, true))).toBe('P4');
  });

  it('is P3 when the requester gave no impact answers', () => {
    expect(priorityFrom(undefined)).toBe('P3');
  });
});

describe('human ticket numbers', () => {
  it('carry the organisation prefix, the year and a zero-padded sequence', () => {
    expect(formatTicketNumber('DIPU', 2026, 42)).toBe('DIPU-2026-000042');
  });
});
