/** Human ticket numbers: `DIPU-2026-000042`, sequential per organisation and year. */
export const formatTicketNumber = (prefix: string, year: number, sequence: number): string =>
  `${prefix}-${year}-${String(sequence).padStart(6, '0')}`;
