import { describe, expect, it } from 'vitest';
import { layoutBars, MAX_LABEL_CHARS, shorten, summarise, WIDTH } from '../../../web/src/screens/reports/chart';

const bar = (label: string, value: number) => ({ label, value, text: String(value) });

describe('the bar chart layout', () => {
  it('gives the largest value of a tally the whole scale and the others their share', () => {
    const layout = layoutBars([bar('Incidència', 4), bar('Consulta', 2), bar('Queixa', 1)]);
    const [first, second, third] = layout.rows;
    expect(first?.barWidth).toBe(layout.scaleWidth);
    expect(second?.barWidth).toBe(layout.scaleWidth / 2);
    expect(third?.barWidth).toBe(layout.scaleWidth / 4);
    // Every value fits after its bar, inside the chart.
    expect(layout.scaleWidth).toBeLessThan(WIDTH);
    for (const row of layout.rows) expect(row.valueX).toBeGreaterThan(row.barWidth);
  });

  it('stacks rows without overlap: each label above its bar, each row below the previous one', () => {
    const layout = layoutBars([bar('a', 1), bar('b', 1), bar('c', 1)]);
    for (const row of layout.rows) expect(row.labelY).toBeLessThanOrEqual(row.barY);
    for (let i = 1; i < layout.rows.length; i += 1) {
      expect(layout.rows[i]?.labelY).toBeGreaterThan((layout.rows[i - 1]?.barY ?? 0) + 14);
    }
    expect(layout.height).toBeGreaterThan(layout.rows.at(-1)?.barY ?? 0);
  });

  it('keeps a small value visible and a zero empty', () => {
    const layout = layoutBars([bar('many', 500), bar('one', 1), bar('none', 0)]);
    expect(layout.rows[1]?.barWidth).toBeGreaterThan(0);
    expect(layout.rows[2]?.barWidth).toBe(0);
  });

  it('measures a gauge against its scale, not its largest value, and caps it there', () => {
    const layout = layoutBars([bar('First response', 50), bar('Resolution', 120)], { max: 100 });
    expect(layout.rows[0]?.barWidth).toBe(layout.scaleWidth / 2);
    expect(layout.rows[1]?.barWidth).toBe(layout.scaleWidth);
  });

  it('draws a target line at its place on the scale, with room for its label below the bars', () => {
    const plain = layoutBars([bar('Average', 4.5)], { max: 5 });
    const withTarget = layoutBars([bar('Average', 4.5)], { max: 5, target: 4 });
    expect(withTarget.target?.x).toBe((4 / 5) * withTarget.scaleWidth);
    expect(withTarget.height).toBeGreaterThan(plain.height);
    expect(withTarget.target?.labelY).toBeLessThanOrEqual(withTarget.height);
  });

  it('has no height and no target when there is nothing to draw', () => {
    expect(layoutBars([])).toMatchObject({ height: 0, rows: [] });
    expect(layoutBars([bar('none', 0)]).rows[0]?.barWidth).toBe(0);
  });
});

describe('the chart’s words', () => {
  it('cuts a long label at a word, with an ellipsis, and leaves a short one whole', () => {
    const long = 'Hèstia — suport als serveis socials dels ajuntaments i consells comarcals';
    const short = shorten(long);
    expect(short.length).toBeLessThanOrEqual(MAX_LABEL_CHARS);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(shorten('Consulta')).toBe('Consulta');
  });

  it('says every value in one line for the SVG’s accessible name', () => {
    expect(summarise([bar('Incidència', 3), bar('Consulta', 1)])).toBe('Incidència: 3; Consulta: 1');
  });
});
