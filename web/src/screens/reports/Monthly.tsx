/**
 * The monthly indicators (GET /reports/monthly) for supervisors (their organisation) and admins
 * (the organisation they choose): key figures first, then each section with its charts and
 * their tables, and the same report as a CSV file for a spreadsheet.
 */
import { useEffect, useState } from 'preact/hooks';
import { api, call, type Schemas } from '../../api/client';
import { ApiError } from '../../api/problem';
import { ADMIN_GROUPS, hasGroup } from '../../auth/profile';
import { session } from '../../auth/session';
import { Loading, Page } from '../../components/Page';
import { type AreaTranslate, useMessages } from '../../i18n/bundle';
import type { Language } from '../../i18n/languages';
import { useStore } from '../../lib/store';
import { navigate, useLocation } from '../../router';
import { RequireSignIn } from '../RequireSignIn';
import { BarChart } from './Charts';
import type { BarInput } from './chart';
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
} from './format';
import { messages } from './messages';
import './reports.css';

type MonthlyReport = Schemas['MonthlyReport'];
type Times = MonthlyReport['firstResponse'];
type T = AreaTranslate<keyof (typeof messages)['ca']>;

/** Months offered: two years back, enough for a year-on-year look. */
const MONTHS_OFFERED = 24;

/** The words for a failed call: the API's own detail as it comes (in English), else a general line. */
function failureText(error: unknown, t: T): string {
  if (!(error instanceof ApiError)) return t('error.generic');
  if (error.status === 0) return t('error.network');
  if (error.status === 401) return t('error.session');
  return error.errors[0]?.message ?? error.detail ?? (error.title || t('error.generic'));
}

/** The report's query: admins name the organisation, supervisors get their own. */
const reportQuery = (month: string, organisationId: string | undefined) =>
  organisationId ? { month, organisationId } : { month };

/**
 * The CSV through the API client (it carries the token), saved with a temporary link. As a Blob:
 * decoding it as text would drop the byte order mark spreadsheets need to read the accents.
 */
async function downloadCsv(month: string, organisationId: string | undefined, fileName: string): Promise<void> {
  const blob = await call(
    api().GET('/reports/monthly', {
      params: { query: reportQuery(month, organisationId), header: { Accept: 'text/csv' } },
      parseAs: 'blob',
    }),
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has started the download from it.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `named`: the organisation goes in the query (admins); supervisors get their own without. */
function Download({ month, organisationId, named }: { month: string; organisationId: string; named: boolean }) {
  const { t } = useMessages(messages);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const start = async () => {
    if (busy) return;
    const file = csvFileName(organisationId, month);
    setBusy(true);
    setError(undefined);
    setNotice(t('csv.busy'));
    try {
      await downloadCsv(month, named ? organisationId : undefined, file);
      setNotice(t('csv.done', { file }));
    } catch (failure) {
      setNotice('');
      setError(t('csv.failed', { reason: failureText(failure, t) }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="reports-download">
      <button type="button" class="button button--secondary" aria-describedby="csv-hint" onClick={start}>
        {t('csv.download')}
      </button>
      <p class="hint" id="csv-hint">
        {t('csv.hint')}
      </p>
      <p class="confirmation" role="status">
        {notice}
      </p>
      {error ? (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** A figure that may not exist (nothing measured, no ratings) in words rather than a dash. */
const orNone = (value: number | null, show: (value: number) => string, t: T) =>
  value === null ? t('noData') : show(value);

function KeyFigures({ report, lang, t }: { report: MonthlyReport; lang: Language; t: T }) {
  const { satisfaction } = report;
  const percent = (value: number | null) => orNone(value, (v) => formatPercent(v, lang), t);
  const figures: { label: string; value: string; note?: string }[] = [
    { label: t('key.received'), value: formatNumber(report.received.total, lang) },
    { label: t('key.resolved'), value: formatNumber(report.resolved, lang) },
    { label: t('key.backlog'), value: formatNumber(report.backlogAtMonthEnd, lang) },
    { label: t('key.firstResponse'), value: percent(report.firstResponse.compliancePercent) },
    { label: t('key.resolution'), value: percent(report.resolution.compliancePercent) },
    {
      label: t('key.satisfaction'),
      value:
        satisfaction.average === null
          ? t('noData')
          : t('key.outOf', { value: formatNumber(satisfaction.average, lang, 2) }),
      note: targetWords(satisfaction, lang, t),
    },
  ];
  return (
    <dl class="key-figures">
      {figures.map((figure) => (
        <div key={figure.label}>
          <dt>{figure.label}</dt>
          <dd>
            <span class="key-figure">{figure.value}</span>
            {figure.note ? <span class="key-figure-note">{figure.note}</span> : null}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** "Meets the target of 4 out of 5." in words, never by colour alone; nothing without ratings. */
function targetWords(satisfaction: MonthlyReport['satisfaction'], lang: Language, t: T): string | undefined {
  if (satisfaction.meetsTarget === null) return undefined;
  const target = formatNumber(satisfaction.target, lang, 2);
  return t(satisfaction.meetsTarget ? 'satisfaction.meets' : 'satisfaction.misses', { target });
}

function Received({ report, lang, t }: { report: MonthlyReport; lang: Language; t: T }) {
  const { received } = report;
  const count = (label: string, value: number): BarInput => ({ label, value, text: formatNumber(value, lang) });
  const topics = (level: number) =>
    received.byTopic.filter((topic) => topic.level === level).map((topic) => count(topic.name, topic.count));
  const header = t('received.count');
  return (
    <section aria-labelledby="received-title">
      <h2 id="received-title">{t('received.title')}</h2>
      <p>{received.total === 1 ? t('received.one') : t('received.many', { n: formatNumber(received.total, lang) })}</p>
      <div class="chart-grid">
        <BarChart
          caption={t('by.type')}
          labelHeader={t('col.type')}
          valueHeader={header}
          bars={received.byType.map((item) => count(t(`type.${item.key}`), item.count))}
        />
        <BarChart
          caption={t('by.channel')}
          labelHeader={t('col.channel')}
          valueHeader={header}
          bars={received.byChannel.map((item) => count(t(`channel.${item.key}`), item.count))}
        />
        <BarChart
          caption={t('by.priority')}
          labelHeader={t('col.priority')}
          valueHeader={header}
          bars={received.byPriority.map((item) => count(t(`priority.${item.key}`), item.count))}
        />
        <BarChart caption={t('by.area')} labelHeader={t('col.area')} valueHeader={header} bars={topics(1)} />
        <BarChart caption={t('by.topic')} labelHeader={t('col.topic')} valueHeader={header} bars={topics(2)} />
      </div>
    </section>
  );
}

/** A few counts as a definition list: label, then the number. */
function Facts({ items }: { items: { label: string; value: string }[] }) {
  return (
    <dl class="facts report-facts">
      {items.map((item) => (
        <div key={item.label}>
          <dt>{item.label}</dt>
          <dd>{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Activity({ report, lang, t }: { report: MonthlyReport; lang: Language; t: T }) {
  return (
    <section aria-labelledby="activity-title">
      <h2 id="activity-title">{t('activity.title')}</h2>
      <Facts
        items={[
          { label: t('activity.resolved'), value: formatNumber(report.resolved, lang) },
          { label: t('activity.closed'), value: formatNumber(report.closed, lang) },
          { label: t('activity.reopened'), value: formatNumber(report.reopened, lang) },
          { label: t('activity.backlog'), value: formatNumber(report.backlogAtMonthEnd, lang) },
        ]}
      />
    </section>
  );
}

function TimesAndCompliance({ report, lang, t }: { report: MonthlyReport; lang: Language; t: T }) {
  const minutes = (value: number | null) => orNone(value, (v) => formatMinutes(v, lang), t);
  const percent = (value: number | null) => orNone(value, (v) => formatPercent(v, lang), t);
  const measures: { label: string; show: (times: Times) => string }[] = [
    { label: t('times.measured'), show: (times) => formatNumber(times.count, lang) },
    { label: t('times.median'), show: (times) => minutes(times.medianMinutes) },
    { label: t('times.p90'), show: (times) => minutes(times.p90Minutes) },
    { label: t('times.withinTarget'), show: (times) => formatNumber(times.withinTarget, lang) },
    { label: t('times.compliance'), show: (times) => percent(times.compliancePercent) },
  ];
  const compliance = [
    { label: t('times.firstResponse'), value: report.firstResponse.compliancePercent },
    { label: t('times.resolution'), value: report.resolution.compliancePercent },
    { label: t('compliance.callbacks'), value: report.callbacks.inSlotPercent },
  ];
  // Only what was measured: no call-backs this month is no bar, not an empty one.
  const bars = compliance.flatMap(({ label, value }) =>
    value === null ? [] : [{ label, value, text: formatPercent(value, lang) }],
  );
  return (
    <section aria-labelledby="times-title">
      <h2 id="times-title">{t('times.title')}</h2>
      <p class="hint">{t('times.intro')}</p>
      <div class="chart-grid">
        <table class="report-table report-table--times">
          <caption>{t('times.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('times.measure')}</th>
              <th scope="col" class="numeric">
                {t('times.firstResponse')}
              </th>
              <th scope="col" class="numeric">
                {t('times.resolution')}
              </th>
            </tr>
          </thead>
          <tbody>
            {measures.map((measure) => (
              <tr key={measure.label}>
                <th scope="row">{measure.label}</th>
                <td class="numeric">{measure.show(report.firstResponse)}</td>
                <td class="numeric">{measure.show(report.resolution)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <BarChart
          caption={t('compliance.caption')}
          labelHeader={t('times.measure')}
          valueHeader={t('times.compliance')}
          bars={bars}
          max={100}
        />
      </div>
      <p class="hint">{t('times.note', { error: formatPercent(report.percentiles.maxRelativeError * 100, lang) })}</p>
    </section>
  );
}

function Satisfaction({ report, lang, t }: { report: MonthlyReport; lang: Language; t: T }) {
  const { satisfaction } = report;
  const body =
    satisfaction.count === 0 || satisfaction.average === null ? (
      <p>{t('satisfaction.none')}</p>
    ) : (
      <>
        <p>
          {t(satisfaction.count === 1 ? 'satisfaction.summaryOne' : 'satisfaction.summary', {
            average: formatNumber(satisfaction.average, lang, 2),
            n: formatNumber(satisfaction.count, lang),
          })}{' '}
          <strong class={satisfaction.meetsTarget ? 'target-met' : 'target-missed'}>
            {targetWords(satisfaction, lang, t)}
          </strong>
        </p>
        <div class="chart-grid">
          <BarChart
            caption={t('satisfaction.averageCaption')}
            labelHeader={t('times.measure')}
            valueHeader={t('satisfaction.outOf5')}
            max={5}
            target={{
              value: satisfaction.target,
              name: t('satisfaction.target'),
              text: formatNumber(satisfaction.target, lang, 2),
            }}
            bars={[
              {
                label: t('satisfaction.average'),
                value: satisfaction.average,
                text: formatNumber(satisfaction.average, lang, 2),
              },
            ]}
          />
          <BarChart
            caption={t('satisfaction.distribution')}
            labelHeader={t('satisfaction.score')}
            valueHeader={t('satisfaction.ratings')}
            bars={([5, 4, 3, 2, 1] as const).map((score) => ({
              label: t(`score.${score}`),
              value: satisfaction.distribution[score],
              text: formatNumber(satisfaction.distribution[score], lang),
            }))}
          />
        </div>
      </>
    );
  return (
    <section aria-labelledby="satisfaction-title">
      <h2 id="satisfaction-title">{t('satisfaction.title')}</h2>
      {body}
    </section>
  );
}

function Callbacks({ report, lang, t }: { report: MonthlyReport; lang: Language; t: T }) {
  const { callbacks } = report;
  const inSlot =
    callbacks.inSlotPercent === null
      ? formatNumber(callbacks.answeredInSlot, lang)
      : `${formatNumber(callbacks.answeredInSlot, lang)} (${formatPercent(callbacks.inSlotPercent, lang)})`;
  return (
    <section aria-labelledby="callbacks-title">
      <h2 id="callbacks-title">{t('callbacks.title')}</h2>
      {callbacks.requested === 0 && callbacks.answered === 0 ? (
        <p>{t('callbacks.none')}</p>
      ) : (
        <div class="chart-grid">
          <Facts
            items={[
              { label: t('callbacks.requested'), value: formatNumber(callbacks.requested, lang) },
              { label: t('callbacks.answered'), value: formatNumber(callbacks.answered, lang) },
              { label: t('callbacks.answeredInSlot'), value: inSlot },
            ]}
          />
          <BarChart
            caption={t('callbacks.bySlot')}
            labelHeader={t('callbacks.slot')}
            valueHeader={t('callbacks.count')}
            bars={callbacks.bySlot.map((item) => ({
              label: t(item.key === 'morning' ? 'new.slotMorning' : 'new.slotAfternoon'),
              value: item.count,
              text: formatNumber(item.count, lang),
            }))}
          />
        </div>
      )}
    </section>
  );
}

function Report({ report }: { report: MonthlyReport }) {
  const { t, lang } = useMessages(messages);
  const month = capitalised(monthName(report.month, lang));
  if (!hasActivity(report)) {
    return (
      <div class="panel">
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.text')}</p>
        {report.backlogAtMonthEnd > 0 ? (
          <p>{t('empty.backlog', { n: formatNumber(report.backlogAtMonthEnd, lang) })}</p>
        ) : null}
      </div>
    );
  }
  return (
    <>
      <section aria-labelledby="key-title">
        <h2 id="key-title">{t('key.title', { month })}</h2>
        <KeyFigures report={report} lang={lang} t={t} />
      </section>
      <Received report={report} lang={lang} t={t} />
      <Activity report={report} lang={lang} t={t} />
      <TimesAndCompliance report={report} lang={lang} t={t} />
      <Satisfaction report={report} lang={lang} t={t} />
      <Callbacks report={report} lang={lang} t={t} />
    </>
  );
}

/** Organisations admins may choose: those the topic catalogue names (there is no list route). */
function useOrganisations(admin: boolean): string[] | undefined {
  const [organisations, setOrganisations] = useState<string[]>();
  useEffect(() => {
    if (!admin) return;
    let current = true;
    call(api().GET('/topics'))
      .then(({ items }) => {
        const ids = new Set(items.flatMap((topic) => (topic.organisationId ? [topic.organisationId] : [])));
        if (current) setOrganisations([...ids].sort());
      })
      .catch(() => current && setOrganisations([]));
    return () => {
      current = false;
    };
  }, [admin]);
  return organisations;
}

function Reports() {
  const { t, lang } = useMessages(messages);
  const signedIn = useStore(session);
  const admin = hasGroup(signedIn, ['admin']);
  const { search } = useLocation();
  const thisMonth = monthOf(new Date());
  const asked = search.get('month');
  const month = isMonth(asked) ? asked : thisMonth;
  const organisationId = admin ? (search.get('organisation') ?? '') : '';
  const organisations = useOrganisations(admin);

  const [chosenMonth, setChosenMonth] = useState(month);
  const [chosenOrganisation, setChosenOrganisation] = useState(organisationId);
  const [result, setResult] = useState<{ report?: MonthlyReport; error?: string }>({});

  useEffect(() => {
    setChosenMonth(month);
    setChosenOrganisation(organisationId);
  }, [month, organisationId]);

  useEffect(() => {
    setResult({});
    if (admin && !organisationId) return;
    let current = true;
    call(api().GET('/reports/monthly', { params: { query: reportQuery(month, admin ? organisationId : undefined) } }))
      // JSON, as asked by default; the contract's other body is the CSV of `Accept: text/csv`.
      .then((report) => current && setResult({ report: report as MonthlyReport }))
      .catch((failure: unknown) => current && setResult({ error: failureText(failure, t) }));
    return () => {
      current = false;
    };
  }, [month, organisationId, admin, lang]);

  const show = (event: Event) => {
    event.preventDefault();
    const query = new URLSearchParams({ month: chosenMonth });
    if (admin && chosenOrganisation) query.set('organisation', chosenOrganisation);
    navigate(`/reports?${query}`);
  };

  const months = monthsUpTo(thisMonth, MONTHS_OFFERED);
  // A month from an older link stays choosable.
  if (!months.includes(month)) months.unshift(month);
  const organisationChoices = [...(organisations ?? [])];
  if (organisationId && !organisationChoices.includes(organisationId)) organisationChoices.unshift(organisationId);
  const { report, error } = result;

  return (
    <Page title={t('reports.title')}>
      <form class="filter reports-filter" onSubmit={show} aria-label={t('reports.choose')}>
        {admin ? (
          <div class="field">
            <label for="report-organisation">{t('reports.organisation')}</label>
            <select id="report-organisation" onChange={(event) => setChosenOrganisation(event.currentTarget.value)}>
              <option value="" selected={chosenOrganisation === ''}>
                {t('form.choose')}
              </option>
              {organisationChoices.map((id) => (
                <option key={id} value={id} selected={chosenOrganisation === id}>
                  {id}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div class="field">
          <label for="report-month">{t('reports.month')}</label>
          <select id="report-month" onChange={(event) => setChosenMonth(event.currentTarget.value)}>
            {months.map((value) => (
              <option key={value} value={value} selected={chosenMonth === value}>
                {capitalised(monthName(value, lang))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t('reports.show')}
        </button>
      </form>
      {admin && !organisationId ? (
        <p class="panel">
          {organisations && organisations.length === 0 ? t('reports.noOrganisations') : t('reports.chooseOrganisation')}
        </p>
      ) : error ? (
        <p class="notice notice--error" role="alert">
          {error}
        </p>
      ) : !report ? (
        <Loading />
      ) : (
        <>
          <p class="lead">{t('reports.lead', { org: report.organisationId, timeZone: report.timeZone })}</p>
          <Download month={report.month} organisationId={report.organisationId} named={admin} />
          <Report report={report} />
        </>
      )}
    </Page>
  );
}

export default function Monthly() {
  return (
    <RequireSignIn groups={ADMIN_GROUPS}>
      <Reports />
    </RequireSignIn>
  );
}
