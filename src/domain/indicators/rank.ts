/**
 * Ranking with ties: standard competition ranking ("1224"): equal scores share a rank and the
 * next rank skips as many places as there were tied. Items without a score are not ranked.
 */

/** Scores closer than this are equal (floating-point sums of weighted scores). */
export const SCORE_EPSILON = 1e-9;

export function competitionRank<T>(
  items: readonly T[],
  score: (item: T) => number | null,
  order: 'desc' | 'asc' = 'desc',
): Array<{ item: T; score: number | null; rank: number | null }> {
  const scored = items.map((item) => ({ item, score: score(item) }));
  const ranked = scored
    .filter((s): s is { item: T; score: number } => s.score !== null && Number.isFinite(s.score))
    .sort((a, b) => (order === 'desc' ? b.score - a.score : a.score - b.score));
  const out: Array<{ item: T; score: number | null; rank: number | null }> = [];
  let prev: number | null = null;
  let prevRank = 0;
  ranked.forEach((s, i) => {
    const rank: number = prev !== null && Math.abs(s.score - prev) <= SCORE_EPSILON ? prevRank : i + 1;
    out.push({ item: s.item, score: s.score, rank });
    prev = s.score;
    prevRank = rank;
  });
  for (const s of scored)
    if (s.score === null || !Number.isFinite(s.score)) out.push({ item: s.item, score: null, rank: null });
  return out;
}

export interface MultiYearRank {
  /** mean of the yearly ranks over the window (years without a rank are left out) */
  averageRank: number | null;
  /** mean of the yearly scores over the window */
  averageScore: number | null;
  /** how many years of the window had a score */
  years: number;
}

/**
 * Averages over a window of years (e.g. the Hà Nội plan's 5-year average DTI, 2025–2030):
 * `byYear` maps a year to the unit's score and rank that year.
 */
export function multiYearAverage(
  byYear: ReadonlyMap<number, { score: number | null; rank: number | null }>,
  fromYear: number,
  toYear: number,
): MultiYearRank {
  const ranks: number[] = [];
  const scores: number[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const e = byYear.get(y);
    if (e?.rank != null) ranks.push(e.rank);
    if (e?.score != null) scores.push(e.score);
  }
  const mean = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length);
  return { averageRank: mean(ranks), averageScore: mean(scores), years: scores.length };
}
