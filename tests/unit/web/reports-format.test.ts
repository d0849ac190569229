import { describe, expect, it } from 'vitest';
import {
  capitalised,
  csvFileName,
  formatMinutes,
  formatNumber,
  formatPercent,
  hasActivity,
  isMonth,
  monthName,
  monthOf,
  monthsUpTo,
} from '../../../web/src/screens/reports/format';

const NBSP = '\u00a0';

describe('the months of the indicators', () => {
  it('takes only YYYY-MM months, as the API does', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-00')).toBe(false);
    expect(isMonth(null)).toBe(false);
    expect(isMonth('2026-11-01')).toBe(false);
  });

  it('starts a month at midnight in the organisation’s time zone, not in UTC', () => {
    // 23:30 UTC on 31 October is already 1 November in Madrid (UTC+1 in winter).
    expect(monthOf(new Date('2026-10-31T23:30:00Z'), 'Europe/Madrid')).toBe('2026-11');
    expect(monthOf(new Date('2026-10-31T23:30:00Z'), 'UTC')).toBe('2026-10');
  });

  it('offers months newest first, back across the turn of the year', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    const two = monthsUpTo('2026-11', 24);
    expect(two).toHaveLength(24);
    expect(two.at(-1)).toBe('2024-12');
    expect(new Set(two).size).toBe(24);
  });

  it('names months in each language, Aranese from its own list', () => {
    expect(monthName('2026-11', 'oc')).toBe('noveme de 2026');
    expect(monthName('2026-01', 'oc')).toBe('gèr de 2026');
    expect(monthName('2026-11', 'en')).toBe('November 2026');
    expect(monthName('2026-11', 'es')).toBe('noviembre de 2026');
    // ICU's Catalan says "del 2026" (older data: "de 2026"): either reads right.
    expect(monthName('2026-11', 'ca')).toMatch(/^novembre de[l]? 2026$/);
    expect(capitalised(monthName('2026-04', 'oc'))).toBe('Abriu de 2026');
  });
});

describe('numbers in the reader’s language', () => {
  it('groups and marks decimals as each language writes them, Aranese as Catalan', () => {
    expect(formatNumber(12345, 'ca')).toBe('12.345');
    expect(formatNumber(12345, 'oc')).toBe('12.345');
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatNumber(4.25, 'ca', 2)).toBe('4,25');
    expect(formatNumber(4.5, 'oc', 2)).toBe('4,5');
    expect(formatNumber(4.5, 'en', 2)).toBe('4.5');
  });

  it('writes percentages out of 100 with one decimal at most', () => {
    expect(formatPercent(66.7, 'ca')).toBe(`66,7${NBSP}%`);
    expect(formatPercent(66.7, 'oc')).toBe(`66,7${NBSP}%`);
    expect(formatPercent(100, 'en')).toBe('100%');
    expect(formatPercent(0, 'es')).toBe(`0${NBSP}%`);
  });

  it('writes business minutes as hours and minutes that never break inside a unit', () => {
    expect(formatMinutes(200, 'ca')).toBe(`3${NBSP}h 20${NBSP}min`);
    expect(formatMinutes(45, 'ca')).toBe(`45${NBSP}min`);
    expect(formatMinutes(120, 'en')).toBe(`2${NBSP}h`);
    expect(formatMinutes(0, 'ca')).toBe(`0${NBSP}min`);
    // Percentiles come from a histogram: fractions of a minute round away.
    expect(formatMinutes(59.6, 'ca')).toBe(`1${NBSP}h`);
    expect(formatMinutes(61_000, 'ca')).toBe(`1.016${NBSP}h 40${NBSP}min`);
  });
});

describe('a month with or without activity', () => {
  const quiet = {
    received: { total: 0 },
    resolved: 0,
    closed: 0,
    reopened: 0,
    firstResponse: { count: 0 },
    resolution: { count: 0 },
    satisfaction: { count: 0 },
    callbacks: { requested: 0, answered: 0 },
  };

  it('has none when nothing was received, resolved, measured or rated', () => {
    expect(hasActivity(quiet)).toBe(false);
  });

  it('has some as soon as any one thing happened, received or not', () => {
    expect(hasActivity({ ...quiet, received: { total: 1 } })).toBe(true);
    expect(hasActivity({ ...quiet, closed: 2 })).toBe(true);
    expect(hasActivity({ ...quiet, satisfaction: { count: 1 } })).toBe(true);
    expect(hasActivity({ ...quiet, callbacks: { requested: 0, answered: 1 } })).toBe(true);
  });

  it('names the CSV as the API does', () => {
    expect(csvFileName('hestia', '2026-11')).toBe('indicadors-hestia-2026-11.csv');
  });
});
