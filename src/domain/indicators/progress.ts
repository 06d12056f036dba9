/**
 * Progress of a value against its target (chỉ tiêu), with the direction that is better.
 *  - met:      the target is reached (≥ for higher-is-better, ≤ for lower-is-better);
 *  - on_track: not reached yet, but the share of the way from the baseline to the target is at
 *              least the share of the period elapsed (less a tolerance of 10 points);
 *  - behind:   otherwise;
 *  - no_data:  no value, or no target to judge it by.
 */

export type Direction = 'higher' | 'lower';
export const DIRECTIONS: readonly Direction[] = ['higher', 'lower'];
export const DIRECTION_NAMES: Record<Direction, string> = {
  higher: 'Càng cao càng tốt',
  lower: 'Càng thấp càng tốt',
};

export type ProgressStatus = 'met' | 'on_track' | 'behind' | 'no_data';
export const PROGRESS_STATUSES: readonly ProgressStatus[] = ['met', 'on_track', 'behind', 'no_data'];
export const PROGRESS_STATUS_NAMES: Record<ProgressStatus, string> = {
  met: 'Đạt chỉ tiêu',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
};
/** Status colours (antd tag colour names and hex for charts). */
export const PROGRESS_STATUS_COLORS: Record<ProgressStatus, { tag: string; hex: string }> = {
  met: { tag: 'green', hex: '#389e0d' },
  on_track: { tag: 'gold', hex: '#d48806' },
  behind: { tag: 'red', hex: '#cf1322' },
  no_data: { tag: 'default', hex: '#8c8c8c' },
};

export const ON_TRACK_TOLERANCE = 0.1;

export interface ProgressInput {
  value: number | null;
  target: number | null;
  direction: Direction;
  /** value at the start (default: 0 for higher-is-better; for lower-is-better the ratio target/value is used) */
  baseline?: number | null;
  /** share of the target's period already elapsed, 0…1 (default 1: judged at the end) */
  elapsed?: number;
}

export interface Progress {
  status: ProgressStatus;
  /** how far along, 0…1 (capped), null without data */
  ratio: number | null;
}

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

export function progressOf(input: ProgressInput): Progress {
  const { value, target, direction } = input;
  if (value === null || target === null || !Number.isFinite(value) || !Number.isFinite(target))
    return { status: 'no_data', ratio: null };
  const met = direction === 'higher' ? value >= target : value <= target;
  if (met) return { status: 'met', ratio: 1 };
  const elapsed = clamp01(input.elapsed ?? 1);
  let ratio: number;
  if (direction === 'higher') {
    const base = input.baseline ?? 0;
    ratio = target === base ? 0 : clamp01((value - base) / (target - base));
  } else if (input.baseline != null && input.baseline !== target) {
    ratio = clamp01((input.baseline - value) / (input.baseline - target));
  } else {
    ratio = value <= 0 ? 0 : clamp01(target / value);
  }
  return { status: ratio >= elapsed - ON_TRACK_TOLERANCE && elapsed < 1 ? 'on_track' : 'behind', ratio };
}

/** The share of a calendar year elapsed on `day` (YYYY-MM-DD), for year targets. */
export function elapsedInYear(year: number, day: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const t = Date.parse(`${day}T00:00:00Z`);
  return clamp01((t - start) / (end - start));
}
