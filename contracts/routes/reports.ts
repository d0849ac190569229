import type { RouteSpec } from '../http';
import { MonthlyReportHeaders, MonthlyReportQuery } from '../reports';
import { ADMIN_GROUPS } from '../vocabulary';

/** The monthly indicators. */
export const REPORTS_ROUTES = [
  {
    method: 'GET',
    path: '/reports/monthly',
    auth: 'jwt',
    operationId: 'getMonthlyReport',
    summary:
      'An organisation’s indicators for one month: tickets received, response and resolution times, SLA compliance, satisfaction, backlog; `Accept: text/csv` for a spreadsheet',
    tags: ['Reports'],
    request: { query: MonthlyReportQuery, headers: MonthlyReportHeaders },
    roles: ADMIN_GROUPS,
    problems: [403, 404],
  },
] as const satisfies readonly RouteSpec[];
