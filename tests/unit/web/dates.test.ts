import { describe, expect, it } from 'vitest';
import {
  ARANESE_MONTHS,
  ARANESE_WEEKDAYS,
  formatAraneseDate,
  formatDateTime,
  formatDay,
  formatShortDate,
} from '../../../web/src/i18n/dates';

describe('dates in the organisation time zone', () => {
  it('formats Aranese with Aranese month names, eliding "de" before a vowel', () => {
    expect(formatAraneseDate(new Date('2026-11-24T10:00:00Z'))).toBe('24 de noveme de 2026');
    expect(formatAraneseDate(new Date('2026-04-03T10:00:00Z'))).toBe('3 d’abriu de 2026');
    expect(formatAraneseDate(new Date('2026-08-15T10:00:00Z'))).toBe('15 d’agost de 2026');
    expect(formatAraneseDate(new Date('2026-10-12T10:00:00Z'))).toBe('12 d’octobre de 2026');
    expect(formatAraneseDate(new Date('2026-01-07T10:00:00Z'))).toBe('7 de gèr de 2026');
  });

  it('names every month and weekday', () => {
    expect(ARANESE_MONTHS).toHaveLength(12);
    expect(ARANESE_WEEKDAYS).toHaveLength(7);
    // 2026-11-24 is a Tuesday.
    expect(formatAraneseDate(new Date('2026-11-24T10:00:00Z'), 'Europe/Madrid', true)).toBe(
      'dimars, 24 de noveme de 2026',
    );
  });

  it('uses the organisation time zone, not UTC: 23:30 UTC on 31 December is 1 January in Madrid', () => {
    const instant = '2026-12-31T23:30:00Z';
    expect(formatDateTime(instant, 'oc')).toBe('1 de gèr de 2027, 00.30 h');
    expect(formatShortDate(instant)).toBe('01/01/2027');
    expect(formatDateTime(instant, 'ca')).toMatch(/1 de gener del? 2027.*0:30/);
    expect(formatDateTime(instant, 'es')).toMatch(/1 de enero de 2027.*0:30/);
    expect(formatDateTime(instant, 'en')).toMatch(/1 January 2027.*00:30/);
  });

  it('follows summer time', () => {
    expect(formatDateTime('2026-07-01T10:00:00Z', 'oc')).toBe('1 de julhet de 2026, 12.00 h');
    expect(formatDateTime('2026-01-01T10:00:00Z', 'oc')).toBe('1 de gèr de 2026, 11.00 h');
  });

  it('shows a calendar date as that day everywhere', () => {
    expect(formatDay('2026-03-09', 'oc')).toBe('9 de març de 2026');
    expect(formatDay('2026-03-09', 'ca')).toMatch(/9 de març del? 2026/);
  });

  it('returns what it cannot read unchanged', () => {
    expect(formatDateTime('not a date', 'oc')).toBe('not a date');
  });
});
