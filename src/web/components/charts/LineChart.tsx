import { useId } from 'react';
import { defaultFormat, niceScale, PALETTE, shorten, VISUALLY_HIDDEN } from './scale';

export interface LineSeries {
  name: string;
  /** one value per x label (same order as `labels`) */
  values: number[];
  color?: string;
}

export interface LineChartProps {
  /** x-axis labels (years, months …) */
  labels: string[];
  series: LineSeries[];
  title: string;
  format?: (value: number) => string;
  height?: number;
  hideCaption?: boolean;
  emptyText?: string;
}

/**
 * A simple accessible SVG line chart with a legend; the numbers are also in a visually hidden
 * table (one row per series) for screen readers.
 */
export function LineChart({
  labels,
  series,
  title,
  format = defaultFormat,
  height = 280,
  hideCaption,
  emptyText = 'Không có dữ liệu',
}: LineChartProps) {
  const id = useId();
  const caption = hideCaption ? null : (
    <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{title}</figcaption>
  );
  if (labels.length === 0 || series.length === 0) {
    return (
      <figure style={{ margin: 0 }}>
        {caption}
        <p style={{ color: '#888' }}>{emptyText}</p>
      </figure>
    );
  }
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const scale = niceScale(max);
  const width = 760;
  const left = 56;
  const right = 16;
  const top = 16;
  const bottom = 36;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (i: number) => left + (labels.length === 1 ? plotW / 2 : (i / (labels.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / scale.max) * plotH;
  const colorOf = (s: LineSeries, i: number) => s.color ?? PALETTE[i % PALETTE.length];
  return (
    <figure style={{ margin: 0 }}>
      {caption}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t`}
        style={{ maxWidth: width, display: 'block' }}
      >
        <title id={`${id}-t`}>{title}</title>
        {scale.ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke="#e5e5e5" />
            <text x={left - 6} y={y(t) + 4} fontSize={11} textAnchor="end" fill="#595959">
              {format(t)}
            </text>
          </g>
        ))}
        {labels.map((l, i) => (
          <text key={l} x={x(i)} y={height - bottom + 18} fontSize={11} textAnchor="middle" fill="#262626">
            {shorten(l, 10)}
          </text>
        ))}
        {series.map((s, si) => (
          <g key={s.name}>
            <polyline
              fill="none"
              stroke={colorOf(s, si)}
              strokeWidth={2}
              points={s.values.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
            />
            {s.values.map((v, i) => (
              <circle key={labels[i]} cx={x(i)} cy={y(v)} r={3.5} fill={colorOf(s, si)}>
                <title>{`${s.name} – ${labels[i]}: ${format(v)}`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
      <ul
        aria-hidden
        style={{
          display: 'flex',
          flexWrap: 'wrap',
          gap: 12,
          listStyle: 'none',
          padding: 0,
          margin: '4px 0 0',
        }}
      >
        {series.map((s, si) => (
          <li key={s.name} style={{ display: 'flex', alignItems: 'center', gap: 6, fontSize: 12 }}>
            <span style={{ width: 14, height: 3, background: colorOf(s, si), display: 'inline-block' }} />
            {s.name}
          </li>
        ))}
      </ul>
      <table style={VISUALLY_HIDDEN}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">—</th>
            {labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {series.map((s) => (
            <tr key={s.name}>
              <th scope="row">{s.name}</th>
              {s.values.map((v, i) => (
                <td key={labels[i]}>{format(v)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
