/**
 * Sorting "My tickets" within the loaded page (the API pages newest first; a sort across pages
 * would need the server). Pure: tests/unit/web/sort.test.ts.
 */
export type SortKey = 'number' | 'createdAt' | 'statusLabel' | 'subject';
export type SortDirection = 'ascending' | 'descending';
export interface Sort {
  key: SortKey;
  direction: SortDirection;
}

export interface SortableTicket {
  number: string;
  createdAt: string;
  statusLabel: string;
  subject: string;
}

/** Sorted copy; text compares in the reader's language ("Àngel" beside "Angel"), numbers by value. */
export function sortTickets<T extends SortableTicket>(tickets: readonly T[], sort: Sort, locale: string): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...tickets].sort((a, b) => {
    const order =
      sort.key === 'createdAt'
        ? Date.parse(a.createdAt) - Date.parse(b.createdAt)
        : collator.compare(a[sort.key], b[sort.key]);
    return sign * order || collator.compare(a.number, b.number);
  });
}

/** Clicking a column: the same column flips, a new one starts ascending (dates newest first). */
export function nextSort(current: Sort, key: SortKey): Sort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'createdAt' ? 'descending' : 'ascending' };
}
