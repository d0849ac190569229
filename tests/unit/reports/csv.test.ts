import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../../contracts/reports-views';
import { LANGUAGES } from '../../../contracts/vocabulary';
import { reportCsv } from '../../../functions/reports/domain/index';

const march: MonthlyReport = {
  organisationId: 'oac360',
  month: '2026-03',
  timeZone: 'Europe/Madrid',
  received: {
    total: 12,
    byType: [
      { key: 'incident', count: 5 },
      { key: 'request', count: 3 },
      { key: 'callback', count: 4 },
    ],
    byChannel: [
      { key: 'web', count: 8 },
      { key: 'phone', count: 4 },
    ],
    byPriority: [{ key: 'P3', count: 12 }],
    byTopic: [
      { id: 'works', level: 1, name: 'Obres; "urgents"', count: 7 },
      { id: 'census', level: 1, name: 'Padró\nmunicipal', count: 5 },
      { id: 'oac360-callback', level: 2, name: '=HYPERLINK("http://example.com")', count: 4 },
    ],
  },
  resolved: 9,
  closed: 4,
  reopened: 1,
  backlogAtMonthEnd: -2,
  firstResponse: { count: 10, medianMinutes: 31, p90Minutes: 87.4, withinTarget: 8, compliancePercent: 80 },
  resolution: { count: 3, medianMinutes: 1464.6, p90Minutes: 1464.6, withinTarget: 2, compliancePercent: 66.7 },
  satisfaction: {
    count: 0,
    average: null,
    distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
    target: 4,
    meetsTarget: null,
  },
  callbacks: {
    requested: 4,
    bySlot: [{ key: 'morning', count: 4 }],
    answered: 3,
    answeredInSlot: 2,
    inSlotPercent: 66.7,
  },
  percentiles: { method: 'histogram', maxRelativeError: 0.05 },
};

/** RFC 4180 read back, `;`-separated: the rows of cells a spreadsheet would show. */
function parse(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const char = csv[i];
    if (quoted) {
      if (char === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ';') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');
const cells = (language: (typeof LANGUAGES)[number] = 'ca') => parse(reportCsv(march, language).slice(1));

describe('the monthly report as CSV', () => {
  it('starts with a UTF-8 byte order mark, so Excel reads the accents', () => {
    const csv = reportCsv(march, 'ca');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).startsWith('\uFEFF')).toBe(false);
  });

  it('ends every line, the last too, in CRLF and has no bare line feed outside quotes', () => {
    const csv = reportCsv(march, 'ca');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replaceAll('"Padró\nmunicipal"', '').replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('has a header row in the reader’s language, then the organisation and the month', () => {
    expect(lines(reportCsv(march, 'ca')).slice(0, 3)).toEqual([
      'Secció;Indicador;Desglossament;Valor',
      'Informe;Organització;;oac360',
      'Informe;Mes;;2026-03',
    ]);
    expect(lines(reportCsv(march, 'es'))[0]).toBe('Sección;Indicador;Desglose;Valor');
    expect(lines(reportCsv(march, 'oc'))[0]).toBe('Seccion;Indicador;Detalh;Valor');
    expect(lines(reportCsv(march, 'en')).slice(0, 3)).toEqual([
      'Section;Metric;Breakdown;Value',
      'Report;Organisation;;oac360',
      'Report;Month;;2026-03',
    ]);
  });

  it('separates fields with semicolons: every row has four cells', () => {
    for (const language of LANGUAGES) {
      for (const row of cells(language)) expect(row, row.join('|')).toHaveLength(4);
    }
  });

  it('writes decimals with a comma, whole numbers as they are, and nothing for a missing figure', () => {
    const csv = lines(reportCsv(march, 'ca'));
    expect(csv).toContain('Primera resposta;Mediana (minuts hàbils);;31');
    expect(csv).toContain('Primera resposta;Percentil 90 (minuts hàbils);;87,4');
    expect(csv).toContain('Resolució;Compliment (%);;66,7');
    expect(csv).toContain('Activitat;Pendents a final de mes;;-2');
    expect(csv).toContain('Satisfacció;Mitjana;;');
    expect(csv).toContain('Satisfacció;Objectiu assolit;;');
  });

  it('quotes a field holding a semicolon, a quote or a line break, doubling its quotes', () => {
    const csv = reportCsv(march, 'ca');
    expect(csv).toContain('Tiquets rebuts;Per tema (nivell 1);"Obres; ""urgents""";7\r\n');
    expect(csv).toContain('Tiquets rebuts;Per tema (nivell 1);"Padró\nmunicipal";5\r\n');
    expect(cells()).toContainEqual(['Tiquets rebuts', 'Per tema (nivell 1)', 'Obres; "urgents"', '7']);
  });

  it('keeps a name from being read as a formula', () => {
    expect(cells()).toContainEqual([
      'Tiquets rebuts',
      'Per tema (nivell 2)',
      '\'=HYPERLINK("http://example.com")',
      '4',
    ]);
  });

  it('has one row per breakdown, named in the reader’s language', () => {
    const byType = cells('ca').filter(([section, metric]) => section === 'Tiquets rebuts' && metric === 'Per tipus');
    expect(byType).toEqual([
      ['Tiquets rebuts', 'Per tipus', 'Incidència', '5'],
      ['Tiquets rebuts', 'Per tipus', 'Sol·licitud', '3'],
      ['Tiquets rebuts', 'Per tipus', 'Truca’m', '4'],
    ]);
    const distribution = cells('en').filter(
      ([section, metric]) => section === 'Satisfaction' && metric === 'Distribution',
    );
    expect(distribution.map(([, , score, count]) => [score, count])).toEqual([
      ['1', '0'],
      ['2', '0'],
      ['3', '0'],
      ['4', '0'],
      ['5', '0'],
    ]);
    expect(cells('es')).toContainEqual(['Llámame', 'Por franja horaria', 'Mañana', '4']);
    expect(cells('oc')).toContainEqual(['Tiquets recebuts', 'Per canau', 'Telefòn', '4']);
  });

  it('writes every figure of the report: one row each, plus one per breakdown', () => {
    const breakdowns = 3 + 2 + 1 + 3 + 5 + 1; // types, channels, priorities, topics, scores, slots
    const figures = 4 + 1 + 4 + 2 * 5 + 4 + 4; // report, received total, activity, times, satisfaction, callbacks
    expect(cells()).toHaveLength(1 + breakdowns + figures);
  });

  it('says yes or no for the satisfaction target in the reader’s language', () => {
    const rated = { ...march, satisfaction: { ...march.satisfaction, count: 2, average: 4.5, meetsTarget: true } };
    expect(lines(reportCsv(rated, 'oc'))).toContain('Satisfaccion;Objectiu complit;;Òc');
    expect(lines(reportCsv(rated, 'en'))).toContain('Satisfaction;Target met;;Yes');
    expect(lines(reportCsv(rated, 'en'))).toContain('Satisfaction;Average;;4,5');
  });
});
