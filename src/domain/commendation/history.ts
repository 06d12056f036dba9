/**
 * A nominee's history (the input of the eligibility engine) and its per-nominee index.
 *
 * The engine never scans the raw arrays per condition: `indexHistory` builds maps keyed by year
 * once per nominee, so evaluating every title for one nominee is linear in the size of the
 * history plus the (small, bounded) windows the conditions look at.
 *
 * Collectives: the history of a collective is expected to be ALREADY MERGED across its
 * organisation lineage (mergers, amalgamations, renames) by the caller, e.g. with
 * `mergeLineageHistories` (lineage-merge.ts) over the histories of the organisation and all its
 * predecessors (see src/domain/org/lineage.ts `lineageFamily`). Individuals carry their history
 * with them across units; a unit merger does not touch a person's history.
 */
import {
  type AwardCode,
  type DisciplineForm,
  type InitiativeScope,
  RATING_RANK,
  type Rating,
  type Subject,
} from './codes';

/** ISO calendar date 'YYYY-MM-DD'. */
export type ISODate = string;

export interface RatingRecord {
  year: number;
  rating: Rating;
  /** Organisation where the rating was given (informational; the engine ignores it). */
  orgId?: string;
}

export interface AwardRecord {
  code: AwardCode;
  /** The achievement year the title/form recognises (năm thành tích). */
  year: number;
  decisionNumber?: string;
  decidedOn?: ISODate;
  /** Organisation that proposed/conferred it (informational; the engine ignores it). */
  orgId?: string;
}

/** The title/form an initiative or research project has been used for ("one achievement, one use"). */
export interface EvidenceUse {
  code: AwardCode;
  year: number;
}

export interface InitiativeRecord {
  id: string;
  title: string;
  /** Year the initiative counts for (năm được công nhận / áp dụng). Windows test this field. */
  year: number;
  scope: InitiativeScope;
  recognisedOn: ISODate;
  usedBy?: EvidenceUse;
}

export interface ResearchProjectRecord {
  id: string;
  title: string;
  /** Year of acceptance (năm nghiệm thu). Windows test this field. */
  year: number;
  scope: InitiativeScope;
  acceptedOn: ISODate;
  usedBy?: EvidenceUse;
}

export interface DisciplineRecord {
  form: DisciplineForm;
  from: ISODate;
  /** Last day of the discipline period; null while still in force. */
  to: ISODate | null;
  decisionNumber?: string;
}

/** Per-year summary of the members of a collective. */
export interface MemberSummary {
  year: number;
  /**
   * The organisation the counts belong to. After a lineage merge a year may have one summary
   * per predecessor; the engine adds them up. Defaults to the history's id.
   */
  orgId?: string;
  total: number;
  /** Number of members per quality rating; members without a rating are simply not counted. */
  ratingCounts: Partial<Record<Rating, number>>;
  /**
   * Number of members holding each title in the year. A member holding both LĐTT and CSTĐCS is
   * counted under both codes.
   */
  titleCounts: Partial<Record<AwardCode, number>>;
  /** Members disciplined at "cảnh cáo" or above in the year. */
  disciplinedAtLeastWarning: number;
}

export type EmulationBlockLevel = 'province' | 'national';

/** The collective led its khối/cụm thi đua in the year. */
export interface BlockLeadership {
  year: number;
  /** 'province': a khối/cụm organised by the bộ/tỉnh; 'national': a central khối/cụm. */
  level: EmulationBlockLevel;
  groupName?: string;
}

export interface NomineeHistory {
  subject: Subject;
  id: string;
  displayName: string;
  /** Individuals: the person's quality ratings. Collectives: the collective's own ratings. */
  ratings: readonly RatingRecord[];
  awards: readonly AwardRecord[];
  initiatives: readonly InitiativeRecord[];
  researchProjects: readonly ResearchProjectRecord[];
  disciplines: readonly DisciplineRecord[];
  /** Collectives only. */
  members?: readonly MemberSummary[];
  /** Collectives only. */
  emulationBlockLeadership?: readonly BlockLeadership[];
}

export interface AggregatedMembers {
  total: number;
  ratingCounts: Record<Rating, number>;
  titleCounts: Partial<Record<AwardCode, number>>;
  disciplinedAtLeastWarning: number;
  sources: number;
}

/** Evidence records (initiatives, research projects) normalised for the engine. */
export interface EvidenceItem {
  kind: 'initiative' | 'research';
  id: string;
  title: string;
  year: number;
  scope: InitiativeScope;
  date: ISODate;
  usedBy?: EvidenceUse;
}

export interface HistoryIndex {
  readonly history: NomineeHistory;
  /** Best rating per year (a merged collective may carry several for one year). */
  readonly ratingByYear: ReadonlyMap<number, Rating>;
  /** Per code, the years it is held with one representative record (one with a decision number if any). */
  readonly awards: ReadonlyMap<AwardCode, ReadonlyMap<number, AwardRecord>>;
  /** Sorted: narrowest scope first, then oldest, then id (the order evidence is consumed in). */
  readonly initiatives: readonly EvidenceItem[];
  readonly research: readonly EvidenceItem[];
  readonly disciplines: readonly DisciplineRecord[];
  readonly members: ReadonlyMap<number, AggregatedMembers>;
  readonly leadership: ReadonlyMap<number, readonly BlockLeadership[]>;
  /** Memo of countFromYear per evaluation year (created on first use). */
  cutoffMemo: Map<number, number> | null;
}

const EMPTY: EvidenceItem[] = [];
const NO_MEMBERS: MemberSummary[] = [];

const SCOPE_ORDER: Record<InitiativeScope, number> = { unit: 0, province: 1, national: 2 };

function compareEvidence(a: EvidenceItem, b: EvidenceItem): number {
  return (
    SCOPE_ORDER[a.scope] - SCOPE_ORDER[b.scope] ||
    a.year - b.year ||
    (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/** Builds the per-nominee index. O(size of the history). */
export function indexHistory(history: NomineeHistory): HistoryIndex {
  const ratingByYear = new Map<number, Rating>();
  for (const r of history.ratings) {
    const prev = ratingByYear.get(r.year);
    if (prev === undefined || RATING_RANK[r.rating] > RATING_RANK[prev]) ratingByYear.set(r.year, r.rating);
  }
  const awards = new Map<AwardCode, Map<number, AwardRecord>>();
  for (const a of history.awards) {
    let byYear = awards.get(a.code);
    if (!byYear) {
      byYear = new Map();
      awards.set(a.code, byYear);
    }
    const prev = byYear.get(a.year);
    if (!prev || (!prev.decisionNumber && a.decisionNumber)) byYear.set(a.year, a);
  }
  const initiatives: EvidenceItem[] =
    history.initiatives.length === 0
      ? EMPTY
      : history.initiatives.map((i) => ({
          kind: 'initiative',
          id: i.id,
          title: i.title,
          year: i.year,
          scope: i.scope,
          date: i.recognisedOn,
          usedBy: i.usedBy,
        }));
  initiatives.sort(compareEvidence);
  const research: EvidenceItem[] =
    history.researchProjects.length === 0
      ? EMPTY
      : history.researchProjects.map((p) => ({
          kind: 'research',
          id: p.id,
          title: p.title,
          year: p.year,
          scope: p.scope,
          date: p.acceptedOn,
          usedBy: p.usedBy,
        }));
  research.sort(compareEvidence);

  const members = new Map<number, AggregatedMembers>();
  const seenSource = new Set<string>();
  for (const m of history.members ?? NO_MEMBERS) {
    const source = `${m.orgId ?? history.id}:${m.year}`;
    if (seenSource.has(source)) continue; // one summary per organisation and year
    seenSource.add(source);
    let agg = members.get(m.year);
    if (!agg) {
      agg = {
        total: 0,
        ratingCounts: { HTXSNV: 0, HTTNV: 0, HTNV: 0, KHTNV: 0 },
        titleCounts: {},
        disciplinedAtLeastWarning: 0,
        sources: 0,
      };
      members.set(m.year, agg);
    }
    agg.total += m.total;
    agg.sources += 1;
    agg.disciplinedAtLeastWarning += m.disciplinedAtLeastWarning;
    for (const [rating, n] of Object.entries(m.ratingCounts) as [Rating, number][]) {
      agg.ratingCounts[rating] += n ?? 0;
    }
    for (const [code, n] of Object.entries(m.titleCounts) as [AwardCode, number][]) {
      agg.titleCounts[code] = (agg.titleCounts[code] ?? 0) + (n ?? 0);
    }
  }
  const leadership = new Map<number, BlockLeadership[]>();
  for (const l of history.emulationBlockLeadership ?? []) {
    const list = leadership.get(l.year);
    if (list) list.push(l);
    else leadership.set(l.year, [l]);
  }
  return {
    history,
    ratingByYear,
    awards,
    initiatives,
    research,
    disciplines: history.disciplines,
    members,
    leadership,
    cutoffMemo: null,
  };
}

export function yearOf(date: ISODate): number {
  return Number(date.slice(0, 4));
}

/**
 * "After discipline, achievements count from the end of the discipline period": the first year
 * whose achievements count when evaluating year `evalYear`. A year counts only if it starts after
 * the end of every discipline period that began on or before the end of `evalYear`. Returns
 * -Infinity when no discipline applies, +Infinity while a discipline is open-ended.
 */
export function countFromYear(idx: HistoryIndex, evalYear: number): number {
  if (idx.disciplines.length === 0) return Number.NEGATIVE_INFINITY;
  idx.cutoffMemo ??= new Map();
  const memo = idx.cutoffMemo.get(evalYear);
  if (memo !== undefined) return memo;
  const yearEnd = `${evalYear}-12-31`;
  let from = Number.NEGATIVE_INFINITY;
  for (const d of idx.disciplines) {
    if (d.from > yearEnd) continue;
    const next = d.to === null ? Number.POSITIVE_INFINITY : yearOf(d.to) + 1;
    if (next > from) from = next;
  }
  idx.cutoffMemo.set(evalYear, from);
  return from;
}

export function holdsAward(idx: HistoryIndex, codes: readonly AwardCode[], year: number): AwardCode | null {
  for (const c of codes) if (idx.awards.get(c)?.has(year)) return c;
  return null;
}

/** The latest year < `before` in which any of `codes` was conferred, or null. */
export function latestAwardBefore(
  idx: HistoryIndex,
  codes: readonly AwardCode[],
  before: number,
): { code: AwardCode; year: number } | null {
  let best: { code: AwardCode; year: number } | null = null;
  for (const c of codes) {
    for (const y of idx.awards.get(c)?.keys() ?? []) {
      if (y < before && (best === null || y > best.year)) best = { code: c, year: y };
    }
  }
  return best;
}

export interface RunResult {
  /** Years of the run, latest first: end, end - stride, … */
  years: number[];
  /** The first year (going back) that stopped the run, and why. */
  stop: { year: number; reason: 'boundary' | 'absent' | 'missing' | 'below' } | null;
}

/**
 * Consecutive run ending at `end` (inclusive), stepping back by `stride`, over years for which
 * `test` answers 'yes'. The walk stops at the first year that is before `floor` ('boundary'),
 * or for which `test` answers 'no' (reason `noReason`), or 'unknown' ('missing'). Runs are
 * bounded by `maxLength` (no need to walk further than a condition looks).
 */
export function runEndingAt(
  end: number,
  test: (year: number) => 'yes' | 'no' | 'unknown',
  options: { stride?: number; floor?: number; maxLength?: number; noReason?: 'absent' | 'below' } = {},
): RunResult {
  const stride = options.stride ?? 1;
  const floor = options.floor ?? Number.NEGATIVE_INFINITY;
  const max = options.maxLength ?? Number.POSITIVE_INFINITY;
  const years: number[] = [];
  let y = end;
  while (years.length < max) {
    if (y < floor) return { years, stop: { year: y, reason: 'boundary' } };
    const t = test(y);
    if (t === 'unknown') return { years, stop: { year: y, reason: 'missing' } };
    if (t === 'no') return { years, stop: { year: y, reason: options.noReason ?? 'absent' } };
    years.push(y);
    y -= stride;
  }
  return { years, stop: null };
}

/**
 * Length of the run of consecutive years (step `stride`) ending at `end` within `years`.
 * Pure helper over a year set; the property tests compare it to a naive implementation.
 */
export function consecutiveRunLength(years: Iterable<number>, end: number, stride = 1): number {
  const set = years instanceof Set ? (years as Set<number>) : new Set(years);
  let n = 0;
  for (let y = end; set.has(y); y -= stride) n += 1;
  return n;
}
