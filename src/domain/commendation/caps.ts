/**
 * Caps (tỷ lệ khống chế) per organisation and year, with ranking.
 *
 * limit = ratio × base, rounded with the cap's rounding (default floor: a cap such as "không quá
 * 15 %" must never be exceeded; 15 % of 33 LĐTT = 4.95 → 4), and never below `minimum`.
 * Integer arithmetic only.
 *
 * Ranking (`RankingKey`): an ordered list of criteria, each compared in its direction (default:
 * better first); candidates missing a value rank after those that have it. Ties after every
 * criterion are broken by candidate id (ascending, code-unit order), so the result never depends
 * on the input order. Candidates tied with the last accepted one on every criterion are reported
 * in `tiedAtCut` so the council can decide instead of the id order.
 */
import type { CapDefinition } from './catalog';
import { RATING_RANK, type Rating } from './codes';

export interface CapCandidate {
  id: string;
  displayName?: string;
  rating?: Rating;
  /** Recognised initiatives (count). */
  initiatives?: number;
  researchProjects?: number;
  /** Emulation score (chấm điểm). */
  score?: number;
  /** Council votes in favour. */
  votes?: number;
}

export type RankingField = 'rating' | 'initiatives' | 'researchProjects' | 'score' | 'votes';
export type RankingKey = readonly { field: RankingField; direction?: 'desc' | 'asc' }[];

/** Rating first, then initiatives, research projects, score; id breaks the remaining ties. */
export const DEFAULT_RANKING: RankingKey = [
  { field: 'rating' },
  { field: 'initiatives' },
  { field: 'researchProjects' },
  { field: 'score' },
];

export interface AppliedCap {
  definition: CapDefinition;
  /** Size of the base the ratio applies to (e.g. number of LĐTT holders in the unit this year). */
  baseCount: number;
}

export interface CapResult<C extends CapCandidate> {
  /** null when the cap is disabled. */
  limit: number | null;
  /** In rank order. */
  accepted: C[];
  /** In rank order. */
  rejectedByCap: C[];
  /** Rejected candidates tied with the last accepted one on every ranking criterion. */
  tiedAtCut: C[];
}

/** The number of candidates a cap allows (null = no cap). */
export function capLimit(cap: AppliedCap): number | null {
  const d = cap.definition;
  if (!d.enabled) return null;
  if (!Number.isSafeInteger(cap.baseCount) || cap.baseCount < 0)
    throw new RangeError('baseCount must be a non-negative integer');
  const prod = d.ratio.num * cap.baseCount;
  let limit: number;
  if (d.rounding === 'ceil') limit = Math.ceil(prod / d.ratio.den);
  else if (d.rounding === 'round_half_up') limit = Math.floor((2 * prod + d.ratio.den) / (2 * d.ratio.den));
  else limit = Math.floor(prod / d.ratio.den);
  return Math.max(limit, d.minimum);
}

function value(c: CapCandidate, f: RankingField): number | undefined {
  if (f === 'rating') return c.rating === undefined ? undefined : RATING_RANK[c.rating];
  return c[f];
}

/** Compares on the ranking criteria only (0 = tied). Negative: a ranks before b. */
export function compareByKey(a: CapCandidate, b: CapCandidate, key: RankingKey): number {
  for (const k of key) {
    const va = value(a, k.field);
    const vb = value(b, k.field);
    if (va === vb) continue;
    if (va === undefined) return 1;
    if (vb === undefined) return -1;
    const d = k.direction === 'asc' ? va - vb : vb - va;
    if (d !== 0) return d;
  }
  return 0;
}

/** Total order: ranking criteria, then id. */
export function rankCandidates<C extends CapCandidate>(
  candidates: readonly C[],
  key: RankingKey = DEFAULT_RANKING,
): C[] {
  return [...candidates].sort((a, b) => compareByKey(a, b, key) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function applyCaps<C extends CapCandidate>(
  candidates: readonly C[],
  cap: AppliedCap,
  rankingKey: RankingKey = DEFAULT_RANKING,
): CapResult<C> {
  const ids = new Set<string>();
  for (const c of candidates) {
    if (ids.has(c.id)) throw new RangeError(`duplicate candidate ${c.id}`);
    ids.add(c.id);
  }
  const ranked = rankCandidates(candidates, rankingKey);
  const limit = capLimit(cap);
  if (limit === null || limit >= ranked.length)
    return { limit, accepted: ranked, rejectedByCap: [], tiedAtCut: [] };
  const accepted = ranked.slice(0, limit);
  const rejectedByCap = ranked.slice(limit);
  const last = accepted[accepted.length - 1];
  const tiedAtCut = last ? rejectedByCap.filter((c) => compareByKey(c, last, rankingKey) === 0) : [];
  return { limit, accepted, rejectedByCap, tiedAtCut };
}
