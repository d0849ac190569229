import { REPORTS_ROUTES } from '../../../contracts/routes/reports';
import { administratorOf, organisationToRead } from '../../admin/domain/index';
import { findOrganisation, findTopic, loadCatalogue } from '../../catalogue';
import { byRoute } from '../../platform/http/handler';
import { ok } from '../../platform/http/responses';
import { NotFound } from '../../platform/kernel/errors';
import { getProfile } from '../../profiles';
import { DEFAULT_TIME_ZONE } from '../../sla/domain/index';
import { monthlyReport, reportCsv } from '../domain/index';
import { readMonth } from '../store';

/** Whether the client asked for CSV (`Accept: text/csv`), the spreadsheet's format, over JSON. */
const wantsCsv = (accept: string | undefined) => /(^|,)\s*text\/csv\b/i.test(accept ?? '');

/**
 * GET /reports/monthly: an organisation's indicators for one month of its time zone, assembled
 * from the month's counters (one Query) and the backlog's monthly nets (one Query), whatever
 * the number of tickets.
 */
export const handler = byRoute(REPORTS_ROUTES, {
  'GET /reports/monthly': {
    run: async ({ query, headers, caller, language }) => {
      const who = administratorOf(caller, await getProfile(caller.userId));
      const organisationId = organisationToRead(who, query.organisationId);
      const [catalogue, month] = await Promise.all([loadCatalogue(), readMonth(organisationId, query.month)]);
      const organisation = findOrganisation(catalogue, organisationId);
      if (!organisation) throw new NotFound('No such organisation.');
      const report = monthlyReport({
        organisationId,
        month: query.month,
        timeZone: organisation.calendar?.timeZone ?? DEFAULT_TIME_ZONE,
        counters: month.counters,
        backlogNets: month.backlog,
        topic: (id) => {
          const topic = findTopic(catalogue, id);
          return topic ? { name: topic.name[language], level: topic.level } : undefined;
        },
      });
      if (!wantsCsv(headers.accept)) return ok(report);
      return ok(
        { mediaType: 'text/csv; charset=utf-8', text: reportCsv(report, language) },
        { 'content-disposition': `attachment; filename="indicadors-${organisationId}-${query.month}.csv"` },
      );
    },
  },
});
