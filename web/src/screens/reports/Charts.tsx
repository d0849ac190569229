/**
 * Hand-written SVG bar charts (no chart library: a few hundred bytes instead of tens of KB). Each
 * is a `<figure>`: its caption, the SVG as one image whose aria-label says every value, and the
 * same data as a table behind a disclosure, for those who read tables better than bars.
 */
import { useMessages } from '../../i18n/bundle';
import { BAR_HEIGHT, type BarInput, layoutBars, summarise, WIDTH } from './chart';
import { messages } from './messages';

export interface BarChartProps {
  caption: string;
  bars: readonly BarInput[];
  /** Header of the table's first column (what each bar is) and of its second (what the value counts). */
  labelHeader: string;
  valueHeader: string;
  /** The scale's end (100 for percentages, 5 for scores): drawn as a track behind each bar. */
  max?: number;
  /** A commitment, drawn as a line with its label under the bars, and a row of the table. */
  target?: { value: number; name: string; text: string };
}

export function BarChart({ caption, bars, labelHeader, valueHeader, max, target }: BarChartProps) {
  const { t } = useMessages(messages);
  // A tally of nothing says so in words; a gauge is left out by its caller when it has nothing to show.
  if (bars.length === 0 || (max === undefined && bars.every((bar) => bar.value === 0))) {
    return (
      <figure class="chart">
        <figcaption>{caption}</figcaption>
        <p class="chart-empty">{t('chart.empty')}</p>
      </figure>
    );
  }
  const layout = layoutBars(bars, { max, target: target?.value });
  return (
    <figure class="chart">
      <figcaption>{caption}</figcaption>
      <svg
        class="chart-svg"
        viewBox={`0 0 ${WIDTH} ${layout.height}`}
        role="img"
        aria-label={`${caption}. ${summarise(bars)}${target ? `. ${target.name}: ${target.text}` : ''}`}
      >
        {layout.rows.map((row) => (
          <g key={row.label}>
            <text class="chart-label" x={0} y={row.labelY}>
              {row.shortLabel}
            </text>
            {max === undefined ? null : (
              <rect
                class="chart-track"
                x={0.5}
                y={row.barY + 0.5}
                width={layout.scaleWidth - 1}
                height={BAR_HEIGHT - 1}
              />
            )}
            {row.barWidth > 0 ? (
              <rect class="chart-bar" x={0} y={row.barY} width={row.barWidth} height={BAR_HEIGHT} />
            ) : null}
            <text class="chart-value" x={max === undefined ? row.valueX : layout.scaleWidth + 6} y={row.valueY}>
              {row.text}
            </text>
          </g>
        ))}
        {layout.target && target ? (
          <>
            <line
              class="chart-target"
              x1={layout.target.x}
              x2={layout.target.x}
              y1={layout.target.top}
              y2={layout.target.bottom}
            />
            <text class="chart-target-label" x={layout.target.labelX} y={layout.target.labelY} text-anchor="middle">
              {target.name}: {target.text}
            </text>
          </>
        ) : null}
      </svg>
      <DataTable
        caption={caption}
        bars={target ? [...bars, { label: target.name, value: target.value, text: target.text }] : bars}
        labelHeader={labelHeader}
        valueHeader={valueHeader}
      />
    </figure>
  );
}

function DataTable({ caption, bars, labelHeader, valueHeader }: Omit<BarChartProps, 'max' | 'target'>) {
  const { t } = useMessages(messages);
  return (
    <details class="chart-data">
      <summary>
        {t('chart.table')}
        <span class="reports-visually-hidden">: {caption}</span>
      </summary>
      <table class="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col" class="numeric">
              {valueHeader}
            </th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td class="numeric">{bar.text}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
