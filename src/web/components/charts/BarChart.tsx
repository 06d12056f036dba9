import { useId } from 'react';
import { defaultFormat, niceScale, PALETTE, shorten, VISUALLY_HIDDEN } from './scale';

export interface BarDatum {
  label: string;
  value: number;
}

export interface BarChartProps {
  data: BarDatum[];
  /** accessible name of the chart (also the caption unless `hideCaption`) */
  title: string;
  /** horizontal bars suit long labels (unit names); vertical suits years */
  orientation?: 'vertical' | 'horizontal';
  format?: (value: number) => string;
  color?: string;
  /** height in px of a vertical chart; a horizontal one grows with the number of bars */
  height?: number;
  hideCaption?: boolean;
  emptyText?: string;
}

/**
 * A simple accessible SVG bar chart: role="img" with a name, one <title> per bar (tooltip), the
 * value printed on each bar, and the same numbers in a visually hidden table for screen readers.
 */
export function BarChart({
  data,
  title,
  orientation = 'vertical',
  format = defaultFormat,
  color = PALETTE[0],
  height = 260,
  hideCaption,
  emptyText = 'Không có dữ liệu',
}: BarChartProps) {
  const id = useId();
  const max = Math.max(0, ...data.map((d) => d.value));
  const scale = niceScale(max);
  const caption = hideCaption ? null : (
    <figcaption id={`${id}-cap`} style={{ fontWeight: 600, marginBottom: 4 }}>
      {title}
    </figcaption>
  );
  if (data.length === 0) {
    return (
      <figure style={{ margin: 0 }}>
        {caption}
        <p style={{ color: '#888' }}>{emptyText}</p>
      </figure>
    );
  }

  let svg: React.ReactNode;
  if (orientation === 'horizontal') {
    const barH = 22;
    const gap = 8;
    const labelW = 220;
    const width = 720;
    const plotW = width - labelW - 70;
    const h = data.length * (barH + gap) + 24;
    svg = (
      <svg
        viewBox={`0 0 ${width} ${h}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t`}
        style={{ maxWidth: width, display: 'block' }}
      >
        <title id={`${id}-t`}>{title}</title>
        {scale.ticks.map((t) => {
          const x = labelW + (t / scale.max) * plotW;
          return (
            <g key={t}>
              <line x1={x} x2={x} y1={0} y2={h - 20} stroke="#e5e5e5" />
              <text x={x} y={h - 6} fontSize={11} textAnchor="middle" fill="#595959">
                {format(t)}
              </text>
            </g>
          );
        })}
        {data.map((d, i) => {
          const y = i * (barH + gap);
          const w = (d.value / scale.max) * plotW;
          return (
            <g key={d.label}>
              <title>{`${d.label}: ${format(d.value)}`}</title>
              <text x={labelW - 8} y={y + barH / 2 + 4} fontSize={12} textAnchor="end" fill="#262626">
                {shorten(d.label, 34)}
              </text>
              <rect
                x={labelW}
                y={y}
                width={Math.max(w, d.value > 0 ? 2 : 0)}
                height={barH}
                fill={color}
                rx={2}
              />
              <text x={labelW + w + 6} y={y + barH / 2 + 4} fontSize={12} fill="#262626">
                {format(d.value)}
              </text>
            </g>
          );
        })}
      </svg>
    );
  } else {
    const width = Math.max(360, Math.min(900, data.length * 64 + 60));
    const left = 56;
    const bottom = 40;
    const top = 18;
    const plotH = height - bottom - top;
    const slot = (width - left - 10) / data.length;
    const barW = Math.min(48, slot * 0.7);
    svg = (
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-t`}
        style={{ maxWidth: width, display: 'block' }}
      >
        <title id={`${id}-t`}>{title}</title>
        {scale.ticks.map((t) => {
          const y = top + plotH - (t / scale.max) * plotH;
          return (
            <g key={t}>
              <line x1={left} x2={width - 10} y1={y} y2={y} stroke="#e5e5e5" />
              <text x={left - 6} y={y + 4} fontSize={11} textAnchor="end" fill="#595959">
                {format(t)}
              </text>
            </g>
          );
        })}
        {data.map((d, i) => {
          const h = (d.value / scale.max) * plotH;
          const x = left + i * slot + (slot - barW) / 2;
          const y = top + plotH - h;
          return (
            <g key={d.label}>
              <title>{`${d.label}: ${format(d.value)}`}</title>
              <rect x={x} y={y} width={barW} height={Math.max(h, d.value > 0 ? 2 : 0)} fill={color} rx={2} />
              {d.value > 0 && (
                <text x={x + barW / 2} y={y - 4} fontSize={11} textAnchor="middle" fill="#262626">
                  {format(d.value)}
                </text>
              )}
              <text
                x={x + barW / 2}
                y={height - bottom + 16}
                fontSize={11}
                textAnchor="middle"
                fill="#262626"
              >
                {shorten(d.label, Math.max(4, Math.floor(slot / 7)))}
              </text>
            </g>
          );
        })}
        <line x1={left} x2={width - 10} y1={top + plotH} y2={top + plotH} stroke="#8c8c8c" />
      </svg>
    );
  }
  return (
    <figure style={{ margin: 0 }}>
      {caption}
      {svg}
      <table style={VISUALLY_HIDDEN}>
        <caption>{title}</caption>
        <tbody>
          {data.map((d, i) => (
            <tr key={d.label}>
              <th scope="row">{d.label}</th>
              <td>{format(d.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
