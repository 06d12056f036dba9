import type React from 'react';
/** Small pure helpers shared by the SVG charts. */

/** A "nice" upper bound and tick step for values from 0 to max (1, 2, 2.5, 5 × 10^n). */
export function niceScale(max: number, ticks = 5): { max: number; step: number; ticks: number[] } {
  if (!Number.isFinite(max) || max <= 0) return { max: 1, step: 1, ticks: [0, 1] };
  const raw = max / ticks;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const top = Math.ceil(max / step) * step;
  const list: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) list.push(Number(v.toPrecision(12)));
  return { max: top, step, ticks: list };
}

export const defaultFormat = (v: number) => v.toLocaleString('vi-VN');

/** Colour-blind-safe palette (Okabe–Ito), readable on white. */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#000000',
  '#999999',
];

/** Cuts a label to `max` characters with an ellipsis (the full text stays in <title>). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Hidden on screen, read by screen readers (the charts' data tables). */
export const VISUALLY_HIDDEN: React.CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0, 0, 0, 0)',
  whiteSpace: 'nowrap',
  border: 0,
};
