/**
 * The geometry of a horizontal bar chart: each row a label above its bar, the value just past the
 * bar's end. Pure: unit-tested in tests/unit/web/reports-chart.test.ts; Charts.tsx draws it.
 *
 * Sizes are SVG user units in a viewBox `WIDTH` wide; the SVG scales with its box, so on a 320 px
 * phone the text is still about 15 px. Labels sit above the bars so long topic names get the whole width.
 */

export interface BarInput {
  label: string;
  value: number;
  /** The value as the reader reads it ("66,7 %", "12"). */
  text: string;
}

export interface BarRow extends BarInput {
  /** The label cut to fit one line (the table and the SVG's aria-label carry it whole). */
  shortLabel: string;
  labelY: number;
  barY: number;
  barWidth: number;
  valueX: number;
  valueY: number;
}

export interface BarLayout {
  height: number;
  /** The length that stands for the maximum: the track of a gauge, the scale of the target. */
  scaleWidth: number;
  rows: BarRow[];
  /** Where the target line goes, if there is one. */
  target?: { x: number; top: number; bottom: number; labelX: number; labelY: number };
}

export const WIDTH = 300;
export const FONT_SIZE = 15;
const LABEL_HEIGHT = 22;
export const BAR_HEIGHT = 20;
const ROW_GAP = 12;
/** Room after the longest bar for its value ("100 %", "12.345"). */
const VALUE_SPACE = 60;
const TARGET_LABEL_HEIGHT = 24;
/** Half the width of "Objectiu: 4" and its translations. */
const TARGET_LABEL_HALF = 50;
/** About one line of 15-unit text in 300 units. */
export const MAX_LABEL_CHARS = 36;

/** Cut at a word where one is near, with an ellipsis. */
export function shorten(text: string, max = MAX_LABEL_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * Lays out the bars against `max` (the largest value when not given: a tally's longest bar takes
 * the whole scale). A value above zero always shows at least a sliver, so 1 of 500 is not read as 0.
 */
export function layoutBars(bars: readonly BarInput[], options: { max?: number; target?: number } = {}): BarLayout {
  const scaleWidth = WIDTH - VALUE_SPACE;
  const max = options.max ?? Math.max(0, ...bars.map((bar) => bar.value));
  const length = (value: number) => {
    if (max <= 0 || value <= 0) return 0;
    return Math.max(2, Math.round((Math.min(value, max) / max) * scaleWidth * 10) / 10);
  };
  const rowHeight = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
  const rows = bars.map((bar, i) => {
    const top = i * rowHeight;
    const barWidth = length(bar.value);
    return {
      ...bar,
      shortLabel: shorten(bar.label),
      labelY: top + FONT_SIZE,
      barY: top + LABEL_HEIGHT,
      barWidth,
      valueX: barWidth + 6,
      valueY: top + LABEL_HEIGHT + BAR_HEIGHT / 2 + FONT_SIZE * 0.35,
    };
  });
  const barsHeight = Math.max(0, bars.length * rowHeight - ROW_GAP);
  if (options.target === undefined || max <= 0) return { height: barsHeight, scaleWidth, rows };
  const x = Math.round((Math.min(options.target, max) / max) * scaleWidth * 10) / 10;
  return {
    height: barsHeight + TARGET_LABEL_HEIGHT,
    scaleWidth,
    rows,
    target: {
      x,
      top: LABEL_HEIGHT - 4,
      bottom: barsHeight + 4,
      // Centred under the line, but kept inside the chart.
      labelX: Math.min(Math.max(x, TARGET_LABEL_HALF), WIDTH - TARGET_LABEL_HALF),
      labelY: barsHeight + TARGET_LABEL_HEIGHT - 4,
    },
  };
}

/** What the chart shows, in one line for its aria-label: "Incidència: 3; Consulta: 1". */
export const summarise = (bars: readonly BarInput[]): string =>
  bars.map((bar) => `${bar.label}: ${bar.text}`).join('; ');
