/**
 * The monthly report as CSV, ready to open in a spreadsheet set to the Catalan (or Spanish) locale.
 *
 * Why semicolons: those locales write decimals with a comma (66,7), so their spreadsheets split
 * CSV on `;`, not on `,`; a comma-separated file would open as one column with numbers broken at
 * their decimal mark. So fields are separated by `;` and decimals use a comma. The file starts with
 * a UTF-8 byte order mark, without which Excel reads it in the system's code page and mangles
 * accents (Resolució, Incidència); lines end in CRLF, and fields holding `;`, `"` or a line break
 * are quoted as RFC 4180 says (doubled quotes inside).
 *
 * One row per figure: `section;metric;breakdown;value`, the header and the names in the reader's
 * language; a breakdown row per tally entry (type, channel, priority, topic, score, slot); an empty
 * value for a figure that does not exist (no ratings, nothing measured).
 */
import type { MonthlyReport } from '../../../contracts/reports-views';
import type { CallbackSlot, Channel, Language, TicketType } from '../../../contracts/vocabulary';

type Texts = Readonly<Record<Language, string>>;

/** Every word the file writes, in each language (oc is Aranese). */
const TERMS = {
  // Header
  section: { ca: 'Secció', es: 'Sección', oc: 'Seccion', en: 'Section' },
  metric: { ca: 'Indicador', es: 'Indicador', oc: 'Indicador', en: 'Metric' },
  breakdown: { ca: 'Desglossament', es: 'Desglose', oc: 'Detalh', en: 'Breakdown' },
  value: { ca: 'Valor', es: 'Valor', oc: 'Valor', en: 'Value' },
  // Sections
  report: { ca: 'Informe', es: 'Informe', oc: 'Informe', en: 'Report' },
  received: { ca: 'Tiquets rebuts', es: 'Tiques recibidos', oc: 'Tiquets recebuts', en: 'Tickets received' },
  activity: { ca: 'Activitat', es: 'Actividad', oc: 'Activitat', en: 'Activity' },
  firstResponse: { ca: 'Primera resposta', es: 'Primera respuesta', oc: 'Prumèra responsa', en: 'First response' },
  resolution: { ca: 'Resolució', es: 'Resolución', oc: 'Resolucion', en: 'Resolution' },
  satisfaction: { ca: 'Satisfacció', es: 'Satisfacción', oc: 'Satisfaccion', en: 'Satisfaction' },
  callbacks: { ca: 'Truca’m', es: 'Llámame', oc: 'Truca’m', en: 'Call me' },
  // Metrics
  organisation: { ca: 'Organització', es: 'Organización', oc: 'Organizacion', en: 'Organisation' },
  month: { ca: 'Mes', es: 'Mes', oc: 'Mes', en: 'Month' },
  timeZone: { ca: 'Zona horària', es: 'Zona horaria', oc: 'Fus orari', en: 'Time zone' },
  maxRelativeError: {
    ca: 'Error màxim dels percentils (%)',
    es: 'Error máximo de los percentiles (%)',
    oc: 'Error maximau des percentils (%)',
    en: 'Maximum percentile error (%)',
  },
  total: { ca: 'Total', es: 'Total', oc: 'Totau', en: 'Total' },
  byType: { ca: 'Per tipus', es: 'Por tipo', oc: 'Per tipe', en: 'By type' },
  byChannel: { ca: 'Per canal', es: 'Por canal', oc: 'Per canau', en: 'By channel' },
  byPriority: { ca: 'Per prioritat', es: 'Por prioridad', oc: 'Per prioritat', en: 'By priority' },
  byTopic1: { ca: 'Per tema (nivell 1)', es: 'Por tema (nivel 1)', oc: 'Per tèma (nivèu 1)', en: 'By topic (level 1)' },
  byTopic2: { ca: 'Per tema (nivell 2)', es: 'Por tema (nivel 2)', oc: 'Per tèma (nivèu 2)', en: 'By topic (level 2)' },
  resolved: { ca: 'Resolts', es: 'Resueltos', oc: 'Resolvuts', en: 'Resolved' },
  closed: { ca: 'Tancats', es: 'Cerrados', oc: 'Barrats', en: 'Closed' },
  reopened: { ca: 'Reoberts', es: 'Reabiertos', oc: 'Tornats a dobrir', en: 'Reopened' },
  backlog: {
    ca: 'Pendents a final de mes',
    es: 'Pendientes a final de mes',
    oc: 'Non resolvuts a fin de mes',
    en: 'Unresolved at month end',
  },
  measured: { ca: 'Mesurats', es: 'Medidos', oc: 'Mesurats', en: 'Measured' },
  median: {
    ca: 'Mediana (minuts hàbils)',
    es: 'Mediana (minutos hábiles)',
    oc: 'Mediana (minuts laborables)',
    en: 'Median (business minutes)',
  },
  p90: {
    ca: 'Percentil 90 (minuts hàbils)',
    es: 'Percentil 90 (minutos hábiles)',
    oc: 'Percentil 90 (minuts laborables)',
    en: '90th percentile (business minutes)',
  },
  withinTarget: { ca: 'Dins del termini', es: 'Dentro del plazo', oc: 'Dins deth terme', en: 'Within target' },
  compliance: { ca: 'Compliment (%)', es: 'Cumplimiento (%)', oc: 'Compliment (%)', en: 'Compliance (%)' },
  ratings: { ca: 'Valoracions', es: 'Valoraciones', oc: 'Valoracions', en: 'Ratings' },
  average: { ca: 'Mitjana', es: 'Media', oc: 'Mejana', en: 'Average' },
  distribution: { ca: 'Distribució', es: 'Distribución', oc: 'Distribucion', en: 'Distribution' },
  target: { ca: 'Objectiu', es: 'Objetivo', oc: 'Objectiu', en: 'Target' },
  meetsTarget: { ca: 'Objectiu assolit', es: 'Objetivo alcanzado', oc: 'Objectiu complit', en: 'Target met' },
  requested: { ca: 'Sol·licitades', es: 'Solicitadas', oc: 'Demanades', en: 'Requested' },
  bySlot: { ca: 'Per franja horària', es: 'Por franja horaria', oc: 'Per franja orària', en: 'By slot' },
  answered: { ca: 'Ateses', es: 'Atendidas', oc: 'Responudes', en: 'Answered' },
  answeredInSlot: {
    ca: 'Ateses dins la franja',
    es: 'Atendidas dentro de la franja',
    oc: 'Responudes dins era franja',
    en: 'Answered in slot',
  },
  inSlot: { ca: 'Dins la franja (%)', es: 'Dentro de la franja (%)', oc: 'Dins era franja (%)', en: 'In slot (%)' },
  yes: { ca: 'Sí', es: 'Sí', oc: 'Òc', en: 'Yes' },
  no: { ca: 'No', es: 'No', oc: 'Non', en: 'No' },
  // Breakdowns: the vocabulary
  incident: { ca: 'Incidència', es: 'Incidencia', oc: 'Incidéncia', en: 'Incident' },
  request: { ca: 'Sol·licitud', es: 'Solicitud', oc: 'Sollicitud', en: 'Request' },
  query: { ca: 'Consulta', es: 'Consulta', oc: 'Consulta', en: 'Query' },
  complaint: { ca: 'Queixa', es: 'Queja', oc: 'Reclamacion', en: 'Complaint' },
  suggestion: { ca: 'Suggeriment', es: 'Sugerencia', oc: 'Suggeriment', en: 'Suggestion' },
  callback: { ca: 'Truca’m', es: 'Llámame', oc: 'Truca’m', en: 'Call me' },
  web: { ca: 'Web', es: 'Web', oc: 'Web', en: 'Web' },
  phone: { ca: 'Telèfon', es: 'Teléfono', oc: 'Telefòn', en: 'Phone' },
  email: { ca: 'Correu electrònic', es: 'Correo electrónico', oc: 'Corrèu electronic', en: 'Email' },
  in_person: { ca: 'Presencial', es: 'Presencial', oc: 'Presenciau', en: 'In person' },
  morning: { ca: 'Matí', es: 'Mañana', oc: 'Maitin', en: 'Morning' },
  afternoon: { ca: 'Tarda', es: 'Tarde', oc: 'Tarde', en: 'Afternoon' },
} as const satisfies Record<string, Texts> & Record<TicketType | Channel | CallbackSlot, Texts>;

type Term = keyof typeof TERMS;

const SEPARATOR = ';';
const LINE_END = '\r\n';
const BOM = '\uFEFF';

/** A field as RFC 4180 wants it: quoted, quotes doubled, when it holds the separator, a quote or a line break. */
const field = (text: string) => (/[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * Text from the catalogue, kept from being read as a formula (CSV injection): a leading
 * `=`, `+`, `-`, `@`, tab or carriage return gets an apostrophe before it, as OWASP advises.
 */
const text = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** Decimal comma; nothing for null. */
const number = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

/** The report as CSV text (with its BOM) for a reader of `language`. */
export function reportCsv(report: MonthlyReport, language: Language): string {
  const say = (term: Term) => TERMS[term][language];
  const rows: string[][] = [[say('section'), say('metric'), say('breakdown'), say('value')]];
  const row = (section: Term, metric: Term, breakdown: string, value: string) => {
    rows.push([say(section), say(metric), breakdown, value]);
  };
  const figure = (section: Term, metric: Term, value: number | null) => row(section, metric, '', number(value));
  const yesNo = (value: boolean | null) => (value === null ? '' : say(value ? 'yes' : 'no'));

  row('report', 'organisation', '', text(report.organisationId));
  row('report', 'month', '', report.month);
  row('report', 'timeZone', '', report.timeZone);
  figure('report', 'maxRelativeError', Math.round(report.percentiles.maxRelativeError * 1000) / 10);

  const { received } = report;
  figure('received', 'total', received.total);
  for (const { key, count } of received.byType) row('received', 'byType', say(key), number(count));
  for (const { key, count } of received.byChannel) row('received', 'byChannel', say(key), number(count));
  for (const { key, count } of received.byPriority) row('received', 'byPriority', key, number(count));
  for (const { level, name, count } of received.byTopic) {
    row('received', level === 1 ? 'byTopic1' : 'byTopic2', text(name), number(count));
  }

  figure('activity', 'resolved', report.resolved);
  figure('activity', 'closed', report.closed);
  figure('activity', 'reopened', report.reopened);
  figure('activity', 'backlog', report.backlogAtMonthEnd);

  for (const section of ['firstResponse', 'resolution'] as const) {
    const times = report[section];
    figure(section, 'measured', times.count);
    figure(section, 'median', times.medianMinutes);
    figure(section, 'p90', times.p90Minutes);
    figure(section, 'withinTarget', times.withinTarget);
    figure(section, 'compliance', times.compliancePercent);
  }

  const { satisfaction } = report;
  figure('satisfaction', 'ratings', satisfaction.count);
  figure('satisfaction', 'average', satisfaction.average);
  for (const score of [1, 2, 3, 4, 5] as const) {
    row('satisfaction', 'distribution', String(score), number(satisfaction.distribution[score]));
  }
  figure('satisfaction', 'target', satisfaction.target);
  row('satisfaction', 'meetsTarget', '', yesNo(satisfaction.meetsTarget));

  const { callbacks } = report;
  figure('callbacks', 'requested', callbacks.requested);
  for (const { key, count } of callbacks.bySlot) row('callbacks', 'bySlot', say(key), number(count));
  figure('callbacks', 'answered', callbacks.answered);
  figure('callbacks', 'answeredInSlot', callbacks.answeredInSlot);
  figure('callbacks', 'inSlot', callbacks.inSlotPercent);

  return BOM + rows.map((cells) => cells.map(field).join(SEPARATOR) + LINE_END).join('');
}
