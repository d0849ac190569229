import { describe, expect, it } from 'vitest';
import { nextSort, sortTickets } from '../../../web/src/lib/sort';

const tickets = [
  { number: 'OAC-2026-000010', createdAt: '2026-11-20T10:00:00Z', statusLabel: 'Oberta', subject: 'Àlgebra' },
  { number: 'OAC-2026-000009', createdAt: '2026-11-22T10:00:00Z', statusLabel: 'Tancada', subject: 'zona' },
  { number: 'OAC-2026-000100', createdAt: '2026-11-21T10:00:00Z', statusLabel: 'En curs', subject: 'Alcalde' },
];

describe('sorting my tickets within the page', () => {
  it('sorts by date, number (numerically), status and subject (by language)', () => {
    const numbers = (list: typeof tickets) => list.map((t) => t.number.slice(-3));
    expect(numbers(sortTickets(tickets, { key: 'createdAt', direction: 'descending' }, 'ca'))).toEqual([
      '009',
      '100',
      '010',
    ]);
    expect(numbers(sortTickets(tickets, { key: 'number', direction: 'ascending' }, 'ca'))).toEqual([
      '009',
      '010',
      '100',
    ]);
    expect(numbers(sortTickets(tickets, { key: 'statusLabel', direction: 'ascending' }, 'ca'))).toEqual([
      '100',
      '010',
      '009',
    ]);
    expect(sortTickets(tickets, { key: 'subject', direction: 'ascending' }, 'ca').map((t) => t.subject)).toEqual([
      'Alcalde',
      'Àlgebra',
      'zona',
    ]);
  });

  it('does not change the page it was given', () => {
    const before = [...tickets];
    sortTickets(tickets, { key: 'subject', direction: 'descending' }, 'ca');
    expect(tickets).toEqual(before);
  });

  it('flips the same column and starts a new one ascending, dates newest first', () => {
    expect(nextSort({ key: 'number', direction: 'ascending' }, 'number')).toEqual({
      key: 'number',
      direction: 'descending',
    });
    expect(nextSort({ key: 'number', direction: 'descending' }, 'subject')).toEqual({
      key: 'subject',
      direction: 'ascending',
    });
    expect(nextSort({ key: 'number', direction: 'ascending' }, 'createdAt')).toEqual({
      key: 'createdAt',
      direction: 'descending',
    });
  });
});
