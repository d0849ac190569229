import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../contracts/reports-views';
import { api } from '../support/api';
import { fileAs, portalIncident } from '../support/tickets';

/**
 * The monthly indicators as supervisors get them. Their figures are specified on a hand-built
 * month in tests/integration/monthly-report.test.ts; here, who may read them and in what form.
 */
const thisMonth = () => new Date().toISOString().slice(0, 7);

describe('the monthly indicators', () => {
  it('count this month’s filings for the supervisor of the organisation, as JSON or as CSV', async () => {
    const before = await api<MonthlyReport>('GET', `/reports/monthly?month=${thisMonth()}`, { as: 'supervisor' });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ organisationId: 'dipu', timeZone: 'Europe/Madrid' });
    await fileAs('citizen', portalIncident());
    const after = await api<MonthlyReport>('GET', `/reports/monthly?month=${thisMonth()}`, { as: 'supervisor' });
    expect(after.body.received.total).toBe(before.body.received.total + 1);

    const csv = await api<string>('GET', `/reports/monthly?month=${thisMonth()}`, {
      as: 'supervisor',
      headers: { accept: 'text/csv' },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.body.split('\r\n')[0]?.split(';')).toHaveLength(4);
  });

  it('are for supervisors and admins: a citizen or an agent is refused, another organisation is not found', async () => {
    for (const role of ['citizen', 'agent']) {
      expect((await api('GET', `/reports/monthly?month=${thisMonth()}`, { as: role })).status).toBe(403);
    }
    const other = await api('GET', `/reports/monthly?month=${thisMonth()}&organisationId=salut`, {
      as: 'supervisor',
    });
    expect(other.status).toBe(404);
    // Admins name the organisation; without one there is nothing to report on.
    expect((await api('GET', `/reports/monthly?month=${thisMonth()}`, { as: 'admin' })).status).toBe(404);
    const salut = await api<MonthlyReport>('GET', `/reports/monthly?month=${thisMonth()}&organisationId=salut`, {
      as: 'admin',
    });
    expect(salut.status).toBe(200);
    expect(salut.body.organisationId).toBe('salut');
  });
});
