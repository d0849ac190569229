import type { Impact } from '../../../contracts/tickets';
import type { Priority } from '../../../contracts/vocabulary';

type Level = 'low' | 'medium' | 'high';

/** ITIL matrix: rows impact, columns urgency. */
const MATRIX: Record<Level, Record<Level, Priority>> = {
  high: { high: 'P1', medium: 'P2', low: 'P3' },
  medium: { high: 'P2', medium: 'P3', low: 'P4' },
  low: { high: 'P3', medium: 'P4', low: 'P5' },
};

/**
 * ITIL priority from the impact answers. "Affects more users" raises impact; "stops my work"
 * and "affects service to citizens" each raise urgency. No answers at all means medium/medium.
 */
export function priorityFrom(impact: Impact | undefined): Priority {
  if (!impact) return MATRIX.medium.medium;
  const impactLevel: Level = impact.affectsOthers ? 'high' : 'low';
  const raised = Number(impact.blocksWork) + Number(impact.affectsCitizens);
  const urgency: Level = raised === 2 ? 'high' : raised === 1 ? 'medium' : 'low';
  return MATRIX[impactLevel][urgency];
}
