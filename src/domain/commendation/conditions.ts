/**
 * A small, JSON-serialisable condition language over a nominee's history.
 *
 * Rules of the catalog are trees of these nodes; there is no per-title code in the engine.
 * Every node carries its Vietnamese description template and its legal citation, so that the
 * explanation of a verdict comes from the data. Templates may use `{year}` (the evaluation year),
 * `{fromYear}` (first year of the window the atom looks at) and the atom's own parameters
 * (`{years}`, `{count}`, `{award}`, `{rating}`, `{scope}`, `{ratio}`, `{measure}`, `{after}`).
 *
 * Evaluation is three-valued: `true` (met), `false` (not met), `null` (cannot be decided because
 * data is missing, e.g. no rating recorded for a needed year). Awards, initiatives and research
 * projects are recorded positively, so their absence means "not held", never "missing".
 *
 * Example (Chiến sĩ thi đua cấp tỉnh, Điều 22 Luật Thi đua, khen thưởng 2022):
 *
 * ```json
 * { "type": "allOf", "id": "cstd-tinh", "description": "…", "citation": "Điều 22 …", "conditions": [
 *   { "type": "awardRun", "id": "cstd-tinh.3cstdcs", "codes": ["CSTDCS"], "count": 3,
 *     "after": { "codes": ["CSTD_TINH"], "required": false },
 *     "description": "Có 03 lần liên tục được tặng danh hiệu “Chiến sĩ thi đua cơ sở” đến năm {year}",
 *     "citation": "Điểm … Điều 22 Luật Thi đua, khen thưởng 2022" },
 *   { "type": "anyOf", "id": "cstd-tinh.evidence", "conditions": [
 *     { "type": "initiatives", "id": "…", "minScope": "province", "count": 1, "windowYears": 3, … },
 *     { "type": "researchProjects", "id": "…", "minScope": "province", "count": 1, "windowYears": 3, … } ] },
 *   { "type": "noDiscipline", "id": "…", … } ] }
 * ```
 *
 * "One achievement, one use": the evidence atoms (`initiatives`, `researchProjects`) pick unused
 * records and report them in `consumes`. Inside an `allOf`, evidence consumed by an earlier
 * child is unavailable to later children, so two children never count the same initiative.
 * An `anyOf` prefers the satisfied branch that consumes the least evidence.
 */
import {
  AWARD_ABBREVIATIONS,
  AWARD_KIND,
  AWARD_NAMES,
  type AwardCode,
  DISCIPLINE_FORM_NAMES,
  type DisciplineForm,
  disciplineAtLeast,
  INITIATIVE_SCOPE_RANK,
  type InitiativeScope,
  isAwardCode,
  isRating,
  RATING_NAMES,
  RATING_PHRASES,
  RATING_RANK,
  type Rating,
  ratingAtLeast,
} from './codes';
import {
  countFromYear,
  type EmulationBlockLevel,
  type EvidenceItem,
  type HistoryIndex,
  holdsAward,
  type ISODate,
  latestAwardBefore,
  runEndingAt,
} from './history';

// ------------------------------------------------------------------------------------------
// Types
// ------------------------------------------------------------------------------------------

/** An exact ratio of integers (no floating point): 7/10 = 70 %. */
export interface Ratio {
  num: number;
  den: number;
}

interface NodeCommon {
  /** Unique within a rule; stable across versions (used by deriveRuleSet and the UI). */
  id: string;
  /** Vietnamese description template. */
  description: string;
  /** Legal citation, e.g. "Điều 23 Luật Thi đua, khen thưởng 2022". */
  citation: string;
  /** The parameter values of this node are not confirmed against the official text. */
  unconfirmed?: boolean;
  note?: string;
}

/**
 * Only years after the latest conferral (before the evaluation year) of one of `codes` count.
 * `required`: the nominee must hold such an award ("đã được tặng … và sau đó …").
 */
export interface AfterClause {
  codes: AwardCode[];
  required: boolean;
}

/** Extra counts within the period of a run. */
export interface WithinClause {
  ratings?: { atLeast: Rating; count: number }[];
  awards?: { codes: AwardCode[]; count: number }[];
}

export type MemberMeasure = { rating: Rating } | { award: AwardCode };

/** Rating in the evaluation year is `atLeast` or better. */
export interface RatingInYear extends NodeCommon {
  type: 'ratingInYear';
  atLeast: Rating;
}

/**
 * Ratings `atLeast` or better for `years` consecutive years ending at the evaluation year.
 * Without a required `after` clause the period is exactly those `years` years; with one, the
 * period is every year after the prerequisite award up to the evaluation year ("05 năm tiếp
 * theo trở lên … trong thời gian đó").
 */
export interface RatingRun extends NodeCommon {
  type: 'ratingRun';
  atLeast: Rating;
  years: number;
  after?: AfterClause;
  within?: WithinClause;
}

/** Holds one of `codes` in the evaluation year. */
export interface AwardInYear extends NodeCommon {
  type: 'awardInYear';
  codes: AwardCode[];
}

/**
 * One of `codes` held `count` consecutive times ending at the evaluation year, stepping back
 * `stride` years (1 = consecutive years; CSTĐ cấp tỉnh is conferred every 3 years).
 */
export interface AwardRun extends NodeCommon {
  type: 'awardRun';
  codes: AwardCode[];
  count: number;
  stride?: number;
  after?: AfterClause;
  within?: WithinClause;
}

/** At least `count` conferrals of `codes` within the `windowYears` years ending at the evaluation year. */
export interface AwardCount extends NodeCommon {
  type: 'awardCount';
  codes: AwardCode[];
  count: number;
  windowYears: number;
}

/** Holds `code` in the evaluation year, or meets the standard of `code` (its rule) in that year. */
export interface QualifiesFor extends NodeCommon {
  type: 'qualifiesFor';
  code: AwardCode;
}

/**
 * At least `count` unused initiatives of scope ≥ `minScope` within the window. Consumes them.
 * `reusableFrom`: an initiative already used for one of these codes may still count here
 * (default: none — "one initiative, one use").
 */
export interface Initiatives extends NodeCommon {
  type: 'initiatives';
  minScope: InitiativeScope;
  count: number;
  windowYears: number;
  reusableFrom?: AwardCode[];
}

/** At least `count` unused accepted research projects of scope ≥ `minScope` in the window. Consumes them. */
export interface ResearchProjects extends NodeCommon {
  type: 'researchProjects';
  minScope: InitiativeScope;
  count: number;
  windowYears: number;
  reusableFrom?: AwardCode[];
}

/** No discipline (of `minForm` or above) overlapping the evaluation year or in force on the evaluation date. */
export interface NoDiscipline extends NodeCommon {
  type: 'noDiscipline';
  minForm?: DisciplineForm;
}

/** Share of the collective's members meeting `measure` is ≥ `atLeast` (> when `strict`). */
export interface MemberShare extends NodeCommon {
  type: 'memberShare';
  measure: MemberMeasure;
  atLeast: Ratio;
  strict?: boolean;
}

/** At least `atLeast` members meet `measure`. */
export interface MemberCount extends NodeCommon {
  type: 'memberCount';
  measure: MemberMeasure;
  atLeast: number;
}

/** No member disciplined at "cảnh cáo" or above in the year. */
export interface NoMemberDisciplined extends NodeCommon {
  type: 'noMemberDisciplined';
}

/** The collective led a khối/cụm thi đua in the year (of one of `levels`, default any). */
export interface LeadsEmulationBlock extends NodeCommon {
  type: 'leadsEmulationBlock';
  levels?: EmulationBlockLevel[];
}

export type Atom =
  | RatingInYear
  | RatingRun
  | AwardInYear
  | AwardRun
  | AwardCount
  | QualifiesFor
  | Initiatives
  | ResearchProjects
  | NoDiscipline
  | MemberShare
  | MemberCount
  | NoMemberDisciplined
  | LeadsEmulationBlock;

export interface AllOf extends NodeCommon {
  type: 'allOf';
  conditions: Condition[];
}
export interface AnyOf extends NodeCommon {
  type: 'anyOf';
  conditions: Condition[];
}
export interface Not extends NodeCommon {
  type: 'not';
  condition: Condition;
}

export type Condition = Atom | AllOf | AnyOf | Not;
export type ConditionType = Condition['type'];

export const ATOM_TYPES = [
  'ratingInYear',
  'ratingRun',
  'awardInYear',
  'awardRun',
  'awardCount',
  'qualifiesFor',
  'initiatives',
  'researchProjects',
  'noDiscipline',
  'memberShare',
  'memberCount',
  'noMemberDisciplined',
  'leadsEmulationBlock',
] as const satisfies readonly Atom['type'][];

// ------------------------------------------------------------------------------------------
// Text helpers
// ------------------------------------------------------------------------------------------

const SCOPE_PHRASE: Record<InitiativeScope, string> = {
  unit: 'cấp cơ sở',
  province: 'cấp tỉnh',
  national: 'toàn quốc',
};

function abbr(codes: readonly AwardCode[]): string {
  return codes.map((c) => AWARD_ABBREVIATIONS[c]).join(' hoặc ');
}

/** `danh hiệu “Chiến sĩ thi đua cơ sở”` for titles, `“Bằng khen …”` for forms, joined by "hoặc". */
function quotedNames(codes: readonly AwardCode[]): string {
  return codes
    .map((c) => `${AWARD_KIND[c] === 'title' ? 'danh hiệu ' : ''}“${AWARD_NAMES[c]}”`)
    .join(' hoặc ');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "trong thời gian đó có 01 năm hoàn thành xuất sắc nhiệm vụ và 03 lần được tặng danh hiệu “…”". */
export function withinPhrase(w: WithinClause | undefined): string {
  const parts = [
    ...(w?.ratings ?? []).map((r) => `${pad2(r.count)} năm ${ratingRequirement(r.atLeast)}`),
    ...(w?.awards ?? []).map((a) => `${pad2(a.count)} lần được tặng ${quotedNames(a.codes)}`),
  ];
  return parts.length === 0 ? '' : `trong thời gian đó có ${parts.join(' và ')}`;
}

/** "hoàn thành tốt nhiệm vụ trở lên"; the top level has no "trở lên". */
export function ratingRequirement(r: Rating): string {
  return r === 'HTXSNV' ? RATING_PHRASES[r] : `${RATING_PHRASES[r]} trở lên`;
}

function viDate(iso: ISODate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** Percentage with one decimal and a Vietnamese decimal comma: 2/3 → "66,7%". */
export function formatPercent(count: number, total: number): string {
  if (total <= 0) return '0%';
  const tenths = Math.round((count * 1000) / total);
  const whole = Math.floor(tenths / 10);
  const frac = tenths % 10;
  return frac === 0 ? `${whole}%` : `${whole},${frac}%`;
}

/** "trên 50%", "từ 70% trở lên", "100%". */
export function describeRatio(r: Ratio, strict = false): string {
  const pct = formatPercent(r.num, r.den);
  if (strict) return `trên ${pct}`;
  if (r.num === r.den) return pct;
  return `từ ${pct} trở lên`;
}

function measurePhrase(m: MemberMeasure): string {
  return 'rating' in m
    ? `xếp loại ${ratingRequirement(m.rating)}`
    : `đạt danh hiệu “${AWARD_NAMES[m.award]}”`;
}

function yearList(years: readonly number[]): string {
  return [...years].sort((a, b) => a - b).join(', ');
}

function decisionSuffix(idx: HistoryIndex, code: AwardCode, year: number): string {
  const rec = idx.awards.get(code)?.get(year);
  return rec?.decisionNumber ? ` (Quyết định số ${rec.decisionNumber})` : '';
}

// ------------------------------------------------------------------------------------------
// Description templates
// ------------------------------------------------------------------------------------------

function staticVars(node: Condition): Record<string, string> {
  const v: Record<string, string> = {};
  switch (node.type) {
    case 'ratingInYear':
      v.rating = ratingRequirement(node.atLeast);
      break;
    case 'ratingRun':
      v.rating = ratingRequirement(node.atLeast);
      v.years = String(node.years).padStart(2, '0');
      if (node.after) v.after = quotedNames(node.after.codes);
      v.within = withinPhrase(node.within);
      break;
    case 'awardInYear':
      v.award = quotedNames(node.codes);
      break;
    case 'awardRun':
      v.award = quotedNames(node.codes);
      v.count = String(node.count).padStart(2, '0');
      if (node.after) v.after = quotedNames(node.after.codes);
      v.within = withinPhrase(node.within);
      break;
    case 'awardCount':
      v.award = quotedNames(node.codes);
      v.count = String(node.count).padStart(2, '0');
      v.years = String(node.windowYears).padStart(2, '0');
      break;
    case 'qualifiesFor':
      v.award = quotedNames([node.code]);
      break;
    case 'initiatives':
    case 'researchProjects':
      v.count = String(node.count).padStart(2, '0');
      v.scope = SCOPE_PHRASE[node.minScope];
      v.years = String(node.windowYears).padStart(2, '0');
      break;
    case 'noDiscipline':
      v.minForm = node.minForm ? DISCIPLINE_FORM_NAMES[node.minForm].toLowerCase() : 'khiển trách';
      break;
    case 'memberShare':
      v.ratio = describeRatio(node.atLeast, node.strict);
      v.measure = measurePhrase(node.measure);
      break;
    case 'memberCount':
      v.count = String(node.atLeast).padStart(2, '0');
      v.measure = measurePhrase(node.measure);
      break;
    default:
      break;
  }
  return v;
}

function windowLength(node: Condition): number {
  switch (node.type) {
    case 'ratingRun':
      return node.years;
    case 'awardRun':
      return (node.count - 1) * (node.stride ?? 1) + 1;
    case 'awardCount':
    case 'initiatives':
    case 'researchProjects':
      return node.windowYears;
    default:
      return 1;
  }
}

interface TemplateCache {
  template: string;
  byYear: Map<number, string>;
}

const templateCache = new WeakMap<Condition, TemplateCache>();

/** The node's description for an evaluation year (memoised per node and year). */
export function renderDescription(node: Condition, year: number): string {
  let c = templateCache.get(node);
  if (c === undefined) {
    const vars = staticVars(node);
    c = {
      template: node.description.replace(/\{(\w+)\}/g, (m, k: string) => vars[k] ?? m),
      byYear: new Map(),
    };
    templateCache.set(node, c);
  }
  let out = c.byYear.get(year);
  if (out === undefined) {
    const from = year - windowLength(node) + 1;
    out = c.template.replace(/\{year\}/g, String(year)).replace(/\{fromYear\}/g, String(from));
    c.byYear.set(year, out);
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Builders (default Vietnamese templates; every field can be overridden)
// ------------------------------------------------------------------------------------------

type Opt<T extends NodeCommon> = Omit<T, 'type' | 'description'> & { description?: string };

export const cond = {
  allOf(o: Omit<AllOf, 'type' | 'description'> & { description?: string }): AllOf {
    return {
      type: 'allOf',
      description: o.description ?? 'Đáp ứng đồng thời các điều kiện sau',
      ...strip(o),
    };
  },
  anyOf(o: Omit<AnyOf, 'type' | 'description'> & { description?: string }): AnyOf {
    return {
      type: 'anyOf',
      description: o.description ?? 'Đáp ứng một trong các điều kiện sau',
      ...strip(o),
    };
  },
  not(o: Omit<Not, 'type' | 'description'> & { description?: string }): Not {
    return { type: 'not', description: o.description ?? 'Không thuộc trường hợp sau', ...strip(o) };
  },
  ratingInYear(o: Opt<RatingInYear>): RatingInYear {
    return {
      type: 'ratingInYear',
      description: o.description ?? 'Năm {year} được xếp loại {rating}',
      ...strip(o),
    };
  },
  ratingRun(o: Opt<RatingRun>): RatingRun {
    const d =
      (o.after?.required
        ? 'Đã được tặng {after}, sau đó có từ {years} năm liên tục trở lên xếp loại {rating} đến năm {year}'
        : 'Có {years} năm liên tục xếp loại {rating} ({fromYear}–{year})') + (o.within ? ', {within}' : '');
    return { type: 'ratingRun', description: o.description ?? d, ...strip(o) };
  },
  awardInYear(o: Opt<AwardInYear>): AwardInYear {
    return { type: 'awardInYear', description: o.description ?? 'Năm {year} được tặng {award}', ...strip(o) };
  },
  awardRun(o: Opt<AwardRun>): AwardRun {
    const d =
      (o.after?.required
        ? 'Đã được tặng {after}, sau đó có {count} lần liên tục được tặng {award} đến năm {year}'
        : 'Có {count} lần liên tục được tặng {award} đến năm {year}') + (o.within ? ', {within}' : '');
    return { type: 'awardRun', description: o.description ?? d, ...strip(o) };
  },
  awardCount(o: Opt<AwardCount>): AwardCount {
    return {
      type: 'awardCount',
      description:
        o.description ?? 'Có ít nhất {count} lần được tặng {award} trong giai đoạn {fromYear}–{year}',
      ...strip(o),
    };
  },
  qualifiesFor(o: Opt<QualifiesFor>): QualifiesFor {
    return {
      type: 'qualifiesFor',
      description: o.description ?? 'Năm {year} được tặng hoặc đạt tiêu chuẩn {award}',
      ...strip(o),
    };
  },
  initiatives(o: Opt<Initiatives>): Initiatives {
    return {
      type: 'initiatives',
      description:
        o.description ??
        'Có {count} sáng kiến được công nhận, phạm vi ảnh hưởng từ {scope} trở lên, chưa dùng để xét khen thưởng khác ({fromYear}–{year})',
      ...strip(o),
    };
  },
  researchProjects(o: Opt<ResearchProjects>): ResearchProjects {
    return {
      type: 'researchProjects',
      description:
        o.description ??
        'Có {count} đề tài, đề án khoa học được nghiệm thu, phạm vi từ {scope} trở lên, chưa dùng để xét khen thưởng khác ({fromYear}–{year})',
      ...strip(o),
    };
  },
  noDiscipline(o: Opt<NoDiscipline>): NoDiscipline {
    return {
      type: 'noDiscipline',
      description: o.description ?? 'Không bị kỷ luật từ hình thức {minForm} trở lên trong năm {year}',
      ...strip(o),
    };
  },
  memberShare(o: Opt<MemberShare>): MemberShare {
    return {
      type: 'memberShare',
      description: o.description ?? 'Năm {year} có {ratio} thành viên {measure}',
      ...strip(o),
    };
  },
  memberCount(o: Opt<MemberCount>): MemberCount {
    return {
      type: 'memberCount',
      description: o.description ?? 'Năm {year} có ít nhất {count} thành viên {measure}',
      ...strip(o),
    };
  },
  noMemberDisciplined(o: Opt<NoMemberDisciplined>): NoMemberDisciplined {
    return {
      type: 'noMemberDisciplined',
      description: o.description ?? 'Năm {year} không có thành viên bị kỷ luật từ hình thức cảnh cáo trở lên',
      ...strip(o),
    };
  },
  leadsEmulationBlock(o: Opt<LeadsEmulationBlock>): LeadsEmulationBlock {
    return {
      type: 'leadsEmulationBlock',
      description: o.description ?? 'Năm {year} dẫn đầu khối, cụm thi đua',
      ...strip(o),
    };
  },
};

function strip<T extends { description?: string }>(o: T): Omit<T, 'description'> {
  const { description: _d, ...rest } = o;
  return rest;
}

// ------------------------------------------------------------------------------------------
// Validation
// ------------------------------------------------------------------------------------------

const isPosInt = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0;
const isNonNegInt = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;

function validRatio(r: Ratio | undefined): boolean {
  return !!r && isNonNegInt(r.num) && isPosInt(r.den) && r.num <= r.den;
}

function validCodes(codes: unknown): boolean {
  return (
    Array.isArray(codes) && codes.length > 0 && codes.every((c) => typeof c === 'string' && isAwardCode(c))
  );
}

function validMeasure(m: MemberMeasure | undefined): boolean {
  if (!m) return false;
  if ('rating' in m) return isRating(m.rating);
  return isAwardCode(m.award);
}

function validAfterWithin(n: { after?: AfterClause; within?: WithinClause }): boolean {
  if (n.after && (!validCodes(n.after.codes) || typeof n.after.required !== 'boolean')) return false;
  for (const r of n.within?.ratings ?? []) if (!isRating(r.atLeast) || !isPosInt(r.count)) return false;
  for (const a of n.within?.awards ?? []) if (!validCodes(a.codes) || !isPosInt(a.count)) return false;
  return true;
}

/** Structural problems of a condition tree (empty list when valid). */
export function validateCondition(root: Condition): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const visit = (n: Condition) => {
    const where = `condition ${JSON.stringify(n.id)}`;
    if (typeof n.id !== 'string' || n.id === '') problems.push('condition without id');
    else if (ids.has(n.id)) problems.push(`${where}: duplicate id`);
    ids.add(n.id);
    if (typeof n.description !== 'string' || n.description.trim() === '')
      problems.push(`${where}: no description`);
    if (typeof n.citation !== 'string' || n.citation.trim() === '') problems.push(`${where}: no citation`);
    const bad = (what: string) => problems.push(`${where}: invalid ${what}`);
    switch (n.type) {
      case 'allOf':
      case 'anyOf':
        if (!Array.isArray(n.conditions) || n.conditions.length === 0) bad('conditions');
        else n.conditions.forEach(visit);
        break;
      case 'not':
        if (!n.condition) bad('condition');
        else visit(n.condition);
        break;
      case 'ratingInYear':
        if (!isRating(n.atLeast)) bad('atLeast');
        break;
      case 'ratingRun':
        if (!isRating(n.atLeast)) bad('atLeast');
        if (!isPosInt(n.years)) bad('years');
        if (!validAfterWithin(n)) bad('after/within');
        break;
      case 'awardInYear':
        if (!validCodes(n.codes)) bad('codes');
        break;
      case 'awardRun':
        if (!validCodes(n.codes)) bad('codes');
        if (!isPosInt(n.count)) bad('count');
        if (n.stride !== undefined && !isPosInt(n.stride)) bad('stride');
        if (!validAfterWithin(n)) bad('after/within');
        break;
      case 'awardCount':
        if (!validCodes(n.codes)) bad('codes');
        if (!isPosInt(n.count)) bad('count');
        if (!isPosInt(n.windowYears)) bad('windowYears');
        break;
      case 'qualifiesFor':
        if (!isAwardCode(n.code)) bad('code');
        break;
      case 'initiatives':
      case 'researchProjects':
        if (!(n.minScope in INITIATIVE_SCOPE_RANK)) bad('minScope');
        if (!isPosInt(n.count)) bad('count');
        if (!isPosInt(n.windowYears)) bad('windowYears');
        if (
          n.reusableFrom !== undefined &&
          !(Array.isArray(n.reusableFrom) && n.reusableFrom.every(isAwardCode))
        )
          bad('reusableFrom');
        break;
      case 'noDiscipline':
        if (n.minForm !== undefined && !(n.minForm in DISCIPLINE_FORM_NAMES)) bad('minForm');
        break;
      case 'memberShare':
        if (!validMeasure(n.measure)) bad('measure');
        if (!validRatio(n.atLeast)) bad('atLeast');
        break;
      case 'memberCount':
        if (!validMeasure(n.measure)) bad('measure');
        if (!isPosInt(n.atLeast)) bad('atLeast');
        break;
      case 'noMemberDisciplined':
        break;
      case 'leadsEmulationBlock':
        if (n.levels && !n.levels.every((l) => l === 'province' || l === 'national')) bad('levels');
        break;
      default:
        problems.push(`${where}: unknown type ${JSON.stringify((n as { type: unknown }).type)}`);
    }
  };
  visit(root);
  return problems;
}

/** Every node of a tree, depth first. */
export function walkCondition(root: Condition, fn: (n: Condition) => void): void {
  fn(root);
  if (root.type === 'allOf' || root.type === 'anyOf') for (const c of root.conditions) walkCondition(c, fn);
  else if (root.type === 'not') walkCondition(root.condition, fn);
}

// ------------------------------------------------------------------------------------------
// Evaluation
// ------------------------------------------------------------------------------------------

export interface EvalEnv {
  idx: HistoryIndex;
  year: number;
  /** Date of evaluation (a discipline in force on this date also blocks). */
  asOf: ISODate;
  /** Apply "achievements count from the end of a discipline period". */
  disciplineCut: boolean;
  /** The title/form being evaluated: evidence already used for exactly this award stays usable. */
  target: { code: AwardCode; year: number };
  /** The condition tree of another code for the same subject (for `qualifiesFor`). */
  resolveRule: (code: AwardCode) => Condition | undefined;
  depth: number;
}

export interface NodeResult {
  node: Condition;
  description: string;
  met: boolean | null;
  facts: string[];
  children: NodeResult[];
  /** Evidence a positive result relies on (empty unless met === true). */
  consumes: EvidenceItem[];
  /** The facts that decide the outcome (a subset of `facts`; used for one-sentence summaries). */
  reasons: string[];
}

export const evidenceKey = (e: { kind: 'initiative' | 'research'; id: string }) => `${e.kind}:${e.id}`;

const NONE: EvidenceItem[] = [];

function leaf(
  node: Condition,
  env: EvalEnv,
  met: boolean | null,
  facts: string[],
  consumes = NONE,
  reasons: string[] = facts,
): NodeResult {
  return {
    node,
    description: renderDescription(node, env.year),
    met,
    facts,
    children: [],
    consumes,
    reasons,
  };
}

const capitalise = (t: string) => `${t[0]!.toUpperCase()}${t.slice(1)}`;

/** "năm 2024" or "giai đoạn 2022–2024". */
function span(from: number, to: number): string {
  return from === to ? `năm ${to}` : `giai đoạn ${from}–${to}`;
}

function cutYear(env: EvalEnv): number {
  return env.disciplineCut ? countFromYear(env.idx, env.year) : Number.NEGATIVE_INFINITY;
}

function cutFact(cut: number): string {
  return Number.isFinite(cut)
    ? `Thành tích chỉ được tính từ năm ${cut} (sau khi hết thời hạn kỷ luật)`
    : 'Đang trong thời hạn kỷ luật: thành tích chưa được tính';
}

export function evaluateCondition(node: Condition, env: EvalEnv, reserved: ReadonlySet<string>): NodeResult {
  switch (node.type) {
    case 'allOf':
      return evalAllOf(node, env, reserved);
    case 'anyOf':
      return evalAnyOf(node, env, reserved);
    case 'not': {
      const child = evaluateCondition(node.condition, env, reserved);
      return {
        node,
        description: renderDescription(node, env.year),
        met: child.met === null ? null : !child.met,
        facts: [],
        children: [child],
        consumes: NONE,
        reasons: [],
      };
    }
    case 'ratingInYear':
      return evalRatingInYear(node, env);
    case 'ratingRun':
      return evalRatingRun(node, env);
    case 'awardInYear':
      return evalAwardInYear(node, env);
    case 'awardRun':
      return evalAwardRun(node, env);
    case 'awardCount':
      return evalAwardCount(node, env);
    case 'qualifiesFor':
      return evalQualifiesFor(node, env, reserved);
    case 'initiatives':
    case 'researchProjects':
      return evalEvidence(node, env, reserved);
    case 'noDiscipline':
      return evalNoDiscipline(node, env);
    case 'memberShare':
      return evalMemberShare(node, env);
    case 'memberCount':
      return evalMemberCount(node, env);
    case 'noMemberDisciplined':
      return evalNoMemberDisciplined(node, env);
    case 'leadsEmulationBlock':
      return evalLeads(node, env);
  }
}

function combine3(values: (boolean | null)[], all: boolean): boolean | null {
  let unknown = false;
  for (const v of values) {
    if (v === null) unknown = true;
    else if (v !== all) return v;
  }
  return unknown ? null : all;
}

function evalAllOf(node: AllOf, env: EvalEnv, reserved: ReadonlySet<string>): NodeResult {
  let available = reserved;
  const consumed: EvidenceItem[] = [];
  const children: NodeResult[] = [];
  for (const c of node.conditions) {
    const r = evaluateCondition(c, env, available);
    children.push(r);
    if (r.met === true && r.consumes.length > 0) {
      consumed.push(...r.consumes);
      const next = new Set(available);
      for (const e of r.consumes) next.add(evidenceKey(e));
      available = next;
    }
  }
  const met = combine3(
    children.map((c) => c.met),
    true,
  );
  return {
    node,
    description: renderDescription(node, env.year),
    met,
    facts: [],
    children,
    consumes: met === true ? consumed : NONE,
    reasons: [],
  };
}

function evalAnyOf(node: AnyOf, env: EvalEnv, reserved: ReadonlySet<string>): NodeResult {
  const children = node.conditions.map((c) => evaluateCondition(c, env, reserved));
  let chosen: NodeResult | null = null;
  for (const c of children) {
    if (c.met === true && (chosen === null || c.consumes.length < chosen.consumes.length)) chosen = c;
  }
  const met = chosen
    ? true
    : combine3(
        children.map((c) => c.met),
        false,
      );
  return {
    node,
    description: renderDescription(node, env.year),
    met,
    facts: chosen ? [`Đáp ứng: ${chosen.description}`] : [],
    children,
    consumes: chosen ? chosen.consumes : NONE,
    reasons: [],
  };
}

function evalRatingInYear(node: RatingInYear, env: EvalEnv): NodeResult {
  const y = env.year;
  const cut = cutYear(env);
  if (y < cut) return leaf(node, env, false, [cutFact(cut)]);
  const r = env.idx.ratingByYear.get(y);
  if (!r) return leaf(node, env, null, [`Thiếu xếp loại năm ${y}`]);
  const met = ratingAtLeast(r, node.atLeast);
  const facts = [`Năm ${y}: ${RATING_NAMES[r]}`];
  if (!met) facts.push(`Yêu cầu: ${ratingRequirement(node.atLeast)}`);
  return leaf(node, env, met, facts);
}

interface Floor {
  floor: number;
  prior: { code: AwardCode; year: number } | null;
  cut: number;
  /** Set when the after clause is required and nothing qualifies. */
  missingPrior: boolean;
}

function floorFor(after: AfterClause | undefined, env: EvalEnv): Floor {
  const cut = cutYear(env);
  let floor = cut;
  let prior: Floor['prior'] = null;
  if (after) {
    prior = latestAwardBefore(env.idx, after.codes, env.year);
    if (prior && prior.year + 1 > floor) floor = prior.year + 1;
  }
  return { floor, prior, cut, missingPrior: !!after?.required && prior === null };
}

function boundaryFact(f: Floor, stopYear: number): string {
  if (f.prior && stopYear <= f.prior.year) {
    return `Chỉ tính các năm sau khi được tặng ${AWARD_ABBREVIATIONS[f.prior.code]} năm ${f.prior.year}`;
  }
  return cutFact(f.cut);
}

function priorFacts(f: Floor, after: AfterClause | undefined, env: EvalEnv): string[] {
  if (!after) return [];
  if (f.prior) {
    return [
      `Đã được tặng ${AWARD_ABBREVIATIONS[f.prior.code]} năm ${f.prior.year}${decisionSuffix(env.idx, f.prior.code, f.prior.year)}`,
    ];
  }
  return after.required ? [`Chưa được tặng ${abbr(after.codes)} trước năm ${env.year}`] : [];
}

/** Checks the `within` clause over `periodYears`; returns facts and whether all counts are reached. */
function checkWithin(within: WithinClause | undefined, periodYears: readonly number[], env: EvalEnv) {
  const facts: string[] = [];
  const failing: string[] = [];
  let ok = true;
  if (!within) return { ok, facts, failing };
  const from = Math.min(...periodYears);
  const to = Math.max(...periodYears);
  for (const w of within.ratings ?? []) {
    const ys = periodYears.filter((y) => {
      const r = env.idx.ratingByYear.get(y);
      return r !== undefined && ratingAtLeast(r, w.atLeast);
    });
    const enough = ys.length >= w.count;
    ok &&= enough;
    const f =
      `Trong ${span(from, to)}: ${ys.length} năm ${ratingRequirement(w.atLeast)}` +
      (ys.length > 0 ? ` (${yearList(ys)})` : '') +
      `; cần ${w.count}`;
    facts.push(f);
    if (!enough) failing.push(f);
  }
  for (const w of within.awards ?? []) {
    const ys = periodYears.filter((y) => holdsAward(env.idx, w.codes, y) !== null);
    const enough = ys.length >= w.count;
    ok &&= enough;
    const f =
      `Trong ${span(from, to)}: ${ys.length} lần được tặng ${abbr(w.codes)}` +
      (ys.length > 0 ? ` (${yearList(ys)})` : '') +
      `; cần ${w.count}`;
    facts.push(f);
    if (!enough) failing.push(f);
  }
  return { ok, facts, failing };
}

function evalRatingRun(node: RatingRun, env: EvalEnv): NodeResult {
  const { idx, year } = env;
  const f = floorFor(node.after, env);
  const facts = priorFacts(f, node.after, env);
  if (f.missingPrior) return leaf(node, env, false, facts);
  const wholeRun = !!node.after?.required;
  const run = runEndingAt(
    year,
    (y) => {
      const r = idx.ratingByYear.get(y);
      if (r === undefined) return 'unknown';
      return RATING_RANK[r] >= RATING_RANK[node.atLeast] ? 'yes' : 'no';
    },
    { floor: f.floor, maxLength: wholeRun ? Number.POSITIVE_INFINITY : node.years, noReason: 'below' },
  );
  const n = run.years.length;
  if (n > 0) {
    facts.push(
      `${RATING_NAMES[node.atLeast]}${node.atLeast === 'HTXSNV' ? '' : ' trở lên'} ${run.years[n - 1]}–${year}: ${n} năm liên tục`,
    );
  }
  const stop = run.stop;
  if (n < node.years) {
    const reasons: string[] = [];
    if (stop?.reason === 'missing') reasons.push(`Thiếu xếp loại năm ${stop.year}`);
    else if (stop?.reason === 'below')
      reasons.push(`Năm ${stop.year}: ${RATING_NAMES[idx.ratingByYear.get(stop.year)!]} (gián đoạn)`);
    else if (stop) reasons.push(boundaryFact(f, stop.year));
    reasons.push(`Cần ${node.years} năm liên tục`);
    facts.push(...reasons);
    return leaf(node, env, stop?.reason === 'missing' ? null : false, facts, NONE, reasons);
  }
  const period = wholeRun ? run.years : run.years.slice(0, node.years);
  const within = checkWithin(node.within, period, env);
  facts.push(...within.facts);
  if (within.ok) return leaf(node, env, true, facts);
  if (wholeRun && stop?.reason === 'missing') {
    const missing = `Thiếu xếp loại năm ${stop.year}`;
    facts.push(missing);
    return leaf(node, env, null, facts, NONE, [missing, ...within.failing]);
  }
  return leaf(node, env, false, facts, NONE, within.failing);
}

function evalAwardInYear(node: AwardInYear, env: EvalEnv): NodeResult {
  const y = env.year;
  const cut = cutYear(env);
  if (y < cut) return leaf(node, env, false, [cutFact(cut)]);
  const held = holdsAward(env.idx, node.codes, y);
  if (held) {
    return leaf(node, env, true, [
      `Năm ${y}: đã được tặng ${AWARD_ABBREVIATIONS[held]}${decisionSuffix(env.idx, held, y)}`,
    ]);
  }
  return leaf(node, env, false, [`Năm ${y}: chưa được tặng ${abbr(node.codes)}`]);
}

function evalAwardRun(node: AwardRun, env: EvalEnv): NodeResult {
  const { idx, year } = env;
  const stride = node.stride ?? 1;
  const unit = stride === 1 ? 'năm liên tục' : 'lần liên tục';
  const f = floorFor(node.after, env);
  const facts = priorFacts(f, node.after, env);
  if (f.missingPrior) return leaf(node, env, false, facts);
  const wholeRun = !!node.after?.required;
  const run = runEndingAt(year, (y) => (holdsAward(idx, node.codes, y) ? 'yes' : 'no'), {
    stride,
    floor: f.floor,
    maxLength: wholeRun ? Number.POSITIVE_INFINITY : node.count,
    noReason: 'absent',
  });
  const n = run.years.length;
  const label = node.codes.map((c) => AWARD_ABBREVIATIONS[c]).join('/');
  if (n > 0) facts.push(`${label} ${yearList(run.years)}: ${n} ${unit}`);
  if (n < node.count) {
    const stop = run.stop!;
    const before = facts.length;
    if (stop.reason === 'absent') {
      if (stop.year === year) facts.push(`Năm ${year}: chưa được tặng ${label}`);
      else if (stride === 1) facts.push(`Gián đoạn năm ${stop.year}: không có ${label}`);
      else facts.push(`Năm ${stop.year}: không có ${label} (gián đoạn)`);
      // other conferrals in the span the rule looks at, to explain a broken run
      const span = (node.count + 1) * stride;
      const others: number[] = [];
      for (let y = year - span; y <= year; y += 1) {
        if (!run.years.includes(y) && holdsAward(idx, node.codes, y)) others.push(y);
      }
      if (others.length > 0)
        facts.push(`Các năm khác được tặng ${label}: ${yearList(others)} (không liên tục)`);
    } else {
      facts.push(boundaryFact(f, stop.year));
    }
    facts.push(`Cần ${node.count} ${unit}`);
    const reasons = facts.slice(before);
    if (n > 0) reasons.unshift(facts[before - 1]!);
    return leaf(node, env, false, facts, NONE, reasons);
  }
  const used = wholeRun ? run.years : run.years.slice(0, node.count);
  const first = Math.min(...used);
  const period: number[] = [];
  for (let y = first; y <= year; y += 1) period.push(y);
  const within = checkWithin(node.within, period, env);
  facts.push(...within.facts);
  return leaf(node, env, within.ok, facts, NONE, within.ok ? facts : within.failing);
}

function evalAwardCount(node: AwardCount, env: EvalEnv): NodeResult {
  const { idx, year } = env;
  const cut = cutYear(env);
  const windowFrom = year - node.windowYears + 1;
  const from = Math.max(windowFrom, cut);
  const hits: string[] = [];
  let count = 0;
  for (let y = from; y <= year; y += 1) {
    for (const c of node.codes) {
      if (idx.awards.get(c)?.has(y)) {
        count += 1;
        hits.push(`${AWARD_ABBREVIATIONS[c]} ${y}`);
      }
    }
  }
  const facts = [
    `${capitalise(span(windowFrom, year))}: ${count} lần được tặng ${abbr(node.codes)}` +
      (hits.length ? ` (${hits.join(', ')})` : '') +
      `; cần ${node.count}`,
  ];
  if (from > windowFrom) facts.push(cutFact(cut));
  return leaf(node, env, count >= node.count, facts);
}

function evalQualifiesFor(node: QualifiesFor, env: EvalEnv, reserved: ReadonlySet<string>): NodeResult {
  const y = env.year;
  if (env.idx.awards.get(node.code)?.has(y)) {
    return leaf(node, env, true, [
      `Năm ${y}: đã được tặng ${AWARD_ABBREVIATIONS[node.code]}${decisionSuffix(env.idx, node.code, y)}`,
    ]);
  }
  const rule = env.resolveRule(node.code);
  if (!rule) {
    return leaf(node, env, false, [
      `Năm ${y}: chưa được tặng ${AWARD_ABBREVIATIONS[node.code]} và không có tiêu chuẩn để xét`,
    ]);
  }
  if (env.depth > 16) throw new Error(`qualifiesFor nesting too deep at ${node.id}`);
  const child = evaluateCondition(
    rule,
    { ...env, target: { code: node.code, year: y }, depth: env.depth + 1 },
    reserved,
  );
  const fact =
    child.met === true
      ? `Năm ${y}: chưa có quyết định tặng ${AWARD_ABBREVIATIONS[node.code]} nhưng đạt tiêu chuẩn`
      : `Năm ${y}: chưa được tặng ${AWARD_ABBREVIATIONS[node.code]}; xét theo tiêu chuẩn ${AWARD_ABBREVIATIONS[node.code]}`;
  return {
    node,
    description: renderDescription(node, y),
    met: child.met,
    facts: [fact],
    children: [child],
    consumes: child.met === true ? child.consumes : NONE,
    reasons: [],
  };
}

function evidenceLabel(e: EvidenceItem): string {
  const kind = e.kind === 'initiative' ? 'Sáng kiến' : 'Đề tài';
  return `${kind} “${e.title}” (${e.id}), phạm vi ${SCOPE_PHRASE[e.scope]}, năm ${e.year}`;
}

function evalEvidence(
  node: Initiatives | ResearchProjects,
  env: EvalEnv,
  reserved: ReadonlySet<string>,
): NodeResult {
  const { idx, year, target } = env;
  const pool = node.type === 'initiatives' ? idx.initiatives : idx.research;
  const kindWord = node.type === 'initiatives' ? 'sáng kiến' : 'đề tài';
  const cut = cutYear(env);
  const windowFrom = year - node.windowYears + 1;
  const minRank = INITIATIVE_SCOPE_RANK[node.minScope];
  const chosen: EvidenceItem[] = [];
  const notes: string[] = [];
  for (const e of pool) {
    if (e.year < windowFrom || e.year > year) continue;
    if (INITIATIVE_SCOPE_RANK[e.scope] < minRank) {
      notes.push(`${evidenceLabel(e)}: chưa đạt phạm vi ${SCOPE_PHRASE[node.minScope]}`);
      continue;
    }
    if (e.year < cut) {
      notes.push(`${evidenceLabel(e)}: trước khi hết thời hạn kỷ luật, không được tính`);
      continue;
    }
    if (
      e.usedBy &&
      !(e.usedBy.code === target.code && e.usedBy.year === target.year) &&
      !node.reusableFrom?.includes(e.usedBy.code)
    ) {
      notes.push(
        `${evidenceLabel(e)}: đã được sử dụng để xét ${AWARD_ABBREVIATIONS[e.usedBy.code]} năm ${e.usedBy.year}, không được sử dụng lại`,
      );
      continue;
    }
    if (reserved.has(evidenceKey(e))) {
      notes.push(`${evidenceLabel(e)}: đã được tính cho điều kiện khác, không tính trùng`);
      continue;
    }
    if (chosen.length < node.count) chosen.push(e);
  }
  const met = chosen.length >= node.count;
  const facts = chosen.map((e) => `${evidenceLabel(e)}: được tính`);
  facts.push(...notes);
  if (!met) {
    const short = `Có ${chosen.length}/${node.count} ${kindWord} phạm vi từ ${SCOPE_PHRASE[node.minScope]} trở lên chưa sử dụng trong ${span(windowFrom, year)}`;
    facts.push(short);
    return leaf(node, env, false, facts, NONE, [short, ...notes.slice(0, 2)]);
  }
  return leaf(node, env, true, facts, chosen);
}

function evalNoDiscipline(node: NoDiscipline, env: EvalEnv): NodeResult {
  const start = `${env.year}-01-01`;
  const yearEnd = `${env.year}-12-31`;
  const end = env.asOf > yearEnd ? env.asOf : yearEnd;
  const hits = env.idx.disciplines.filter(
    (d) =>
      d.from <= end &&
      (d.to === null || d.to >= start) &&
      (node.minForm === undefined || disciplineAtLeast(d.form, node.minForm)),
  );
  if (hits.length === 0) {
    const tail = end > yearEnd ? ` và đến ngày ${viDate(end)}` : '';
    return leaf(node, env, true, [`Không bị kỷ luật trong năm ${env.year}${tail}`]);
  }
  return leaf(
    node,
    env,
    false,
    hits.map(
      (d) =>
        `Bị kỷ luật ${DISCIPLINE_FORM_NAMES[d.form]} từ ${viDate(d.from)} đến ${d.to ? viDate(d.to) : 'nay'}` +
        (d.decisionNumber ? ` (Quyết định số ${d.decisionNumber})` : ''),
    ),
  );
}

function memberCounts(node: MemberShare | MemberCount, env: EvalEnv) {
  const agg = env.idx.members.get(env.year);
  if (!agg) return null;
  if ('rating' in node.measure) {
    const min = node.measure.rating;
    let count = 0;
    let rated = 0;
    for (const [r, n] of Object.entries(agg.ratingCounts) as [Rating, number][]) {
      rated += n;
      if (RATING_RANK[r] >= RATING_RANK[min]) count += n;
    }
    return { agg, count, unknown: Math.max(0, agg.total - rated) };
  }
  return { agg, count: agg.titleCounts[node.measure.award] ?? 0, unknown: 0 };
}

function measureShort(m: MemberMeasure): string {
  return 'rating' in m
    ? `${RATING_NAMES[m.rating]}${m.rating === 'HTXSNV' ? '' : ' trở lên'}`
    : AWARD_ABBREVIATIONS[m.award];
}

function evalMemberShare(node: MemberShare, env: EvalEnv): NodeResult {
  const c = memberCounts(node, env);
  if (!c || c.agg.total <= 0) return leaf(node, env, null, [`Thiếu số liệu thành viên năm ${env.year}`]);
  const { num, den } = node.atLeast;
  const reaches = (k: number) => (node.strict ? k * den > num * c.agg.total : k * den >= num * c.agg.total);
  const facts = [
    `Năm ${env.year}: ${c.count}/${c.agg.total} thành viên ${measureShort(node.measure)} (${formatPercent(c.count, c.agg.total)}); yêu cầu ${describeRatio(node.atLeast, node.strict)}`,
  ];
  if (reaches(c.count)) return leaf(node, env, true, facts);
  if (c.unknown > 0 && reaches(c.count + c.unknown)) {
    facts.push(`Còn ${c.unknown} thành viên chưa có xếp loại năm ${env.year}`);
    return leaf(node, env, null, facts);
  }
  return leaf(node, env, false, facts);
}

function evalMemberCount(node: MemberCount, env: EvalEnv): NodeResult {
  const c = memberCounts(node, env);
  if (!c) return leaf(node, env, null, [`Thiếu số liệu thành viên năm ${env.year}`]);
  const facts = [
    `Năm ${env.year}: ${c.count} thành viên ${measureShort(node.measure)}; cần ít nhất ${node.atLeast}`,
  ];
  if (c.count >= node.atLeast) return leaf(node, env, true, facts);
  if (c.unknown > 0 && c.count + c.unknown >= node.atLeast) {
    facts.push(`Còn ${c.unknown} thành viên chưa có xếp loại năm ${env.year}`);
    return leaf(node, env, null, facts);
  }
  return leaf(node, env, false, facts);
}

function evalNoMemberDisciplined(node: NoMemberDisciplined, env: EvalEnv): NodeResult {
  const agg = env.idx.members.get(env.year);
  if (!agg) return leaf(node, env, null, [`Thiếu số liệu thành viên năm ${env.year}`]);
  const n = agg.disciplinedAtLeastWarning;
  return leaf(node, env, n === 0, [
    n === 0
      ? `Năm ${env.year}: không có thành viên bị kỷ luật từ cảnh cáo trở lên`
      : `Năm ${env.year}: ${n} thành viên bị kỷ luật từ cảnh cáo trở lên`,
  ]);
}

function evalLeads(node: LeadsEmulationBlock, env: EvalEnv): NodeResult {
  const list = (env.idx.leadership.get(env.year) ?? []).filter(
    (l) => !node.levels || node.levels.includes(l.level),
  );
  if (list.length === 0)
    return leaf(node, env, false, [`Năm ${env.year}: không có dữ liệu dẫn đầu khối, cụm thi đua`]);
  return leaf(
    node,
    env,
    true,
    list.map(
      (l) =>
        `Năm ${env.year}: dẫn đầu ${l.groupName ?? 'khối, cụm thi đua'} (${l.level === 'province' ? 'do tỉnh, bộ tổ chức' : 'khối, cụm thi đua Trung ương'})`,
    ),
  );
}
