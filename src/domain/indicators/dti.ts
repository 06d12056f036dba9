/**
 * The composite digital-transformation index (DTI, chỉ số chuyển đổi số) of a unit: each
 * component indicator is normalised to 0–100 between its bounds (in its better direction) and the
 * index is the weighted mean of the components. A component without data scores 0 — a unit that
 * does not report cannot rank above one that does; a unit with no component at all has no index.
 */
import type { Direction } from './progress';

export interface DtiComponent {
  code: string;
  weight: number;
  min: number;
  max: number;
  direction: Direction;
}

/** 0–100: the share of the way from the worst bound to the best, clamped. */
export function normalise(value: number, min: number, max: number, direction: Direction): number {
  if (max === min) return direction === 'higher' ? (value >= max ? 100 : 0) : value <= min ? 100 : 0;
  const share = (value - min) / (max - min);
  const s = direction === 'higher' ? share : 1 - share;
  return Math.max(0, Math.min(100, s * 100));
}

export interface DtiResult {
  index: number | null;
  components: Array<{ code: string; value: number | null; score: number; weight: number }>;
  missing: string[];
}

export function digitalTransformationIndex(
  components: readonly DtiComponent[],
  values: ReadonlyMap<string, number | null>,
): DtiResult {
  const usable = components.filter((c) => c.weight > 0);
  const totalWeight = usable.reduce((s, c) => s + c.weight, 0);
  const out: DtiResult['components'] = [];
  const missing: string[] = [];
  let sum = 0;
  for (const c of usable) {
    const v = values.get(c.code) ?? null;
    const score = v === null ? 0 : normalise(v, c.min, c.max, c.direction);
    if (v === null) missing.push(c.code);
    out.push({ code: c.code, value: v, score, weight: c.weight });
    sum += score * c.weight;
  }
  const index = totalWeight === 0 || missing.length === usable.length ? null : sum / totalWeight;
  return { index, components: out, missing };
}
