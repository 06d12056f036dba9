/**
 * Merging the histories of an organisation's lineage (predecessors → successor) so that
 * "N consecutive years" keeps counting across mergers, amalgamations and renames.
 *
 * The eligibility engine expects the history of a collective to be merged already; the caller
 * collects the histories of the organisation and of all its predecessors (org/lineage.ts
 * `lineageFamily`) and passes them here. Semantics (a set union, hence order-independent and
 * idempotent):
 *  - awards: union by (code, year) — for a merger A + B → C, a year's title counts if a
 *    predecessor held it that year;
 *  - own ratings: the best rating per year;
 *  - initiatives, research projects: union by id (a record marked as used wins);
 *  - disciplines, emulation-block leadership: union;
 *  - member summaries: one per (organisation, year), tagged with the organisation they came from;
 *    the engine adds up the summaries of one year, so predecessors' members count together.
 *
 * The result takes the identity (id, display name) of `successor`, or — when omitted — of the
 * input with the most recent activity (ties: the greatest id).
 */
import { type AwardCode, RATING_RANK } from './codes';
import type {
  AwardRecord,
  BlockLeadership,
  DisciplineRecord,
  InitiativeRecord,
  MemberSummary,
  NomineeHistory,
  RatingRecord,
  ResearchProjectRecord,
} from './history';

/** JSON with sorted keys and no undefined values: a canonical text for comparing records. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

/** Copy without undefined properties (so merged output compares equal structurally). */
function clean<T extends object>(o: T): T {
  return JSON.parse(canonical(o)) as T;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Keeps, per key, the element that `prefer` orders first (ties: the smaller canonical text). */
function unionBy<T extends object>(
  items: Iterable<T>,
  key: (t: T) => string,
  prefer: (a: T, b: T) => number = () => 0,
): Map<string, T> {
  const out = new Map<string, T>();
  for (const raw of items) {
    const t = clean(raw);
    const k = key(t);
    const prev = out.get(k);
    if (!prev) {
      out.set(k, t);
      continue;
    }
    const d = prefer(t, prev) || cmp(canonical(t), canonical(prev));
    if (d < 0) out.set(k, t);
  }
  return out;
}

function lastActivity(h: NomineeHistory): number {
  let y = Number.NEGATIVE_INFINITY;
  for (const r of h.ratings) y = Math.max(y, r.year);
  for (const a of h.awards) y = Math.max(y, a.year);
  for (const m of h.members ?? []) y = Math.max(y, m.year);
  for (const l of h.emulationBlockLeadership ?? []) y = Math.max(y, l.year);
  return y;
}

export function mergeLineageHistories(
  histories: readonly NomineeHistory[],
  successor?: { id: string; displayName: string },
): NomineeHistory {
  if (histories.length === 0) throw new RangeError('mergeLineageHistories needs at least one history');
  const subject = histories[0]!.subject;
  if (histories.some((h) => h.subject !== subject))
    throw new RangeError('cannot merge individual and collective histories');

  let identity = successor;
  if (!identity) {
    const byRecency = (a: NomineeHistory, b: NomineeHistory) => {
      const la = lastActivity(a);
      const lb = lastActivity(b);
      return la !== lb ? (lb > la ? 1 : -1) : cmp(b.id, a.id) || cmp(a.displayName, b.displayName);
    };
    const top = [...histories].sort(byRecency)[0]!;
    identity = { id: top.id, displayName: top.displayName };
  }

  const ratings = unionBy<RatingRecord>(
    histories.flatMap((h) => h.ratings),
    (r) => String(r.year),
    (a, b) => RATING_RANK[b.rating] - RATING_RANK[a.rating],
  );
  const awards = unionBy<AwardRecord>(
    histories.flatMap((h) => h.awards),
    (a) => `${a.code}:${a.year}`,
    (a, b) => Number(!a.decisionNumber) - Number(!b.decisionNumber),
  );
  const usedFirst = <T extends { usedBy?: unknown }>(a: T, b: T) => Number(!a.usedBy) - Number(!b.usedBy);
  const initiatives = unionBy<InitiativeRecord>(
    histories.flatMap((h) => h.initiatives),
    (i) => i.id,
    usedFirst,
  );
  const research = unionBy<ResearchProjectRecord>(
    histories.flatMap((h) => h.researchProjects),
    (p) => p.id,
    usedFirst,
  );
  const disciplines = unionBy<DisciplineRecord>(
    histories.flatMap((h) => h.disciplines),
    canonical,
  );
  const members = unionBy<MemberSummary>(
    histories.flatMap((h) => (h.members ?? []).map((m) => ({ ...m, orgId: m.orgId ?? h.id }))),
    (m) => `${m.orgId}:${m.year}`,
  );
  const leadership = unionBy<BlockLeadership>(
    histories.flatMap((h) => h.emulationBlockLeadership ?? []),
    canonical,
  );

  const byYearThen =
    <T extends { year: number }>(k: (t: T) => string) =>
    (a: T, b: T) =>
      a.year - b.year || cmp(k(a), k(b));
  const out: NomineeHistory = {
    subject,
    id: identity.id,
    displayName: identity.displayName,
    ratings: [...ratings.values()].sort(byYearThen<RatingRecord>(canonical)),
    awards: [...awards.values()].sort(byYearThen<AwardRecord>((a) => a.code as AwardCode)),
    initiatives: [...initiatives.values()].sort((a, b) => cmp(a.id, b.id)),
    researchProjects: [...research.values()].sort((a, b) => cmp(a.id, b.id)),
    disciplines: [...disciplines.values()].sort(
      (a, b) => cmp(a.from, b.from) || cmp(canonical(a), canonical(b)),
    ),
  };
  if (subject === 'collective' || members.size > 0) {
    out.members = [...members.values()].sort(byYearThen<MemberSummary>((m) => m.orgId ?? ''));
  }
  if (subject === 'collective' || leadership.size > 0) {
    out.emulationBlockLeadership = [...leadership.values()].sort(byYearThen<BlockLeadership>(canonical));
  }
  return out;
}
