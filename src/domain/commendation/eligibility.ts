/**
 * Eligibility engine: which titles and forms a nominee qualifies for in a year, and why (not),
 * under a given rule-set version. Pure: the history, the year, the rule set and the evaluation
 * date are all arguments.
 *
 * Cost: the history is indexed once per nominee (`indexHistory`); each condition then looks at a
 * bounded window of years through maps, so evaluating every rule is linear in the history size.
 *
 * Status: `eligible` (every data condition met), `not_eligible` (some condition fails), or
 * `missing_data` (nothing fails but some condition cannot be decided, e.g. a rating is not
 * recorded for a needed year). Qualitative criteria the council judges are listed in
 * `judgementCriteria` and do not affect the status.
 */

import type { RuleSet, SubjectRule } from './catalog';
import { AWARD_NAMES, type AwardCode, type AwardKind, SUBJECT_NAMES, SUBJECTS, type Subject } from './codes';
import {
  type Condition,
  type ConditionType,
  type EvalEnv,
  evaluateCondition,
  evidenceKey,
  type NodeResult,
  walkCondition,
} from './conditions';
import { type HistoryIndex, type ISODate, indexHistory, type NomineeHistory } from './history';
import type { Rule } from './rules/types';

export type VerdictStatus = 'eligible' | 'not_eligible' | 'missing_data';

export interface ConditionOutcome {
  id: string;
  /** Vietnamese description with the year filled in. */
  description: string;
  met: boolean | null;
  /** Vietnamese facts from the history, e.g. "CSTĐCS 2022, 2023, 2024: 3 năm liên tục". */
  facts: string[];
  citation: string;
  /** Nesting depth for display (children of anyOf/allOf/not are one level deeper). */
  depth: number;
  type: ConditionType;
  unconfirmed: boolean;
}

export interface Verdict {
  code: AwardCode;
  name: string;
  kind: AwardKind;
  subject: Subject;
  nomineeId: string;
  year: number;
  status: VerdictStatus;
  ruleSetId: string;
  ruleSetVersion: number;
  ruleVersion: number;
  citation: string;
  conditions: ConditionOutcome[];
  /** Initiative ids a positive verdict relies on (each may support one title/form only). */
  consumesInitiatives: string[];
  /** Research project ids a positive verdict relies on. */
  consumesResearchProjects: string[];
  judgementCriteria: readonly { id: string; description: string; citation: string }[];
  /** Some parameter of the evaluated standard is flagged unconfirmed. */
  unconfirmed: boolean;
  /** One Vietnamese sentence. */
  summary: string;
}

export interface EvaluateOptions {
  /** Evaluation date: rule validity and disciplines in force. Default: 31/12 of the year. */
  asOf?: ISODate;
  /** Restrict evaluateNominee to these codes. */
  codes?: readonly AwardCode[];
  /**
   * 'independent' (default): each verdict may use any unused evidence and reports what it would
   * consume. 'sequential': rules are evaluated in catalog order and evidence consumed by an
   * eligible verdict is unavailable to the following ones.
   */
  allocation?: 'independent' | 'sequential';
  /** Evidence reserved elsewhere (e.g. by another pending proposal). */
  reserved?: { initiatives?: readonly string[]; researchProjects?: readonly string[] };
  /** A prebuilt index of the same history (to share it between calls). */
  index?: HistoryIndex;
}

interface CompiledRule {
  rule: Rule;
  subjectRule: SubjectRule;
  unconfirmed: boolean;
  /** Shared, frozen list for every verdict of this rule. */
  judgementCriteria: readonly { id: string; description: string; citation: string }[];
}

interface Compiled {
  ordered: Map<Subject, CompiledRule[]>;
  byKey: Map<string, CompiledRule>;
}

const compiledCache = new WeakMap<RuleSet, Compiled>();

function compile(rs: RuleSet): Compiled {
  const hit = compiledCache.get(rs);
  if (hit) return hit;
  const ordered = new Map<Subject, CompiledRule[]>(SUBJECTS.map((s) => [s, []]));
  const byKey = new Map<string, CompiledRule>();
  for (const rule of rs.rules) {
    for (const s of SUBJECTS) {
      const subjectRule = rule.subjects[s];
      if (!subjectRule) continue;
      const unconfirmedNodes = new Set<string>();
      walkCondition(subjectRule.conditions, (n) => {
        if (n.unconfirmed) unconfirmedNodes.add(n.id);
      });
      const c: CompiledRule = {
        rule,
        subjectRule,
        unconfirmed: !!subjectRule.unconfirmed || unconfirmedNodes.size > 0,
        judgementCriteria: Object.freeze(
          subjectRule.judgementCriteria.map((j) =>
            Object.freeze({ id: j.id, description: j.description, citation: j.citation }),
          ),
        ),
      };
      ordered.get(s)!.push(c);
      byKey.set(`${rule.code}/${s}`, c);
    }
  }
  const out = { ordered, byKey };
  compiledCache.set(rs, out);
  return out;
}

function label(kind: AwardKind, name: string): string {
  return kind === 'title' ? `danh hiệu “${name}”` : `“${name}”`;
}

function flatten(root: NodeResult): ConditionOutcome[] {
  const out: ConditionOutcome[] = [];
  const visit = (r: NodeResult, depth: number) => {
    out.push({
      id: r.node.id,
      description: r.description,
      met: r.met,
      facts: r.facts,
      citation: r.node.citation,
      depth,
      type: r.node.type,
      unconfirmed: r.node.unconfirmed === true,
    });
    for (const c of r.children) visit(c, depth + 1);
  };
  if (root.node.type === 'allOf') for (const c of root.children) visit(c, 0);
  else visit(root, 0);
  return out;
}

/** The first node explaining a result of `met` (descending through allOf and qualifiesFor). */
function explain(r: NodeResult, met: boolean | null): NodeResult {
  if (r.node.type === 'allOf' || r.node.type === 'qualifiesFor') {
    const child = r.children.find((c) => c.met === met);
    if (child) return explain(child, met);
  }
  return r;
}

function reasonText(r: NodeResult, met: boolean | null): string {
  const facts =
    r.reasons.length > 0
      ? r.reasons
      : r.children.filter((c) => c.met === met).flatMap((c) => (c.reasons.length > 0 ? c.reasons : c.facts));
  return facts.length > 0 ? `${r.description} (${facts.slice(0, 3).join('; ')})` : r.description;
}

function summarise(
  status: VerdictStatus,
  history: NomineeHistory,
  rule: Rule,
  sr: SubjectRule,
  year: number,
  root: NodeResult,
): string {
  const what = label(rule.kind, rule.name);
  if (status === 'eligible') {
    const judged =
      sr.judgementCriteria.length > 0
        ? '; các tiêu chí định tính do Hội đồng Thi đua – Khen thưởng xem xét'
        : '';
    return `${history.displayName} đủ điều kiện đề nghị xét tặng ${what} năm ${year} theo ${sr.citation}${judged}.`;
  }
  if (status === 'missing_data') {
    return `Chưa đủ dữ liệu để xét ${what} năm ${year} cho ${history.displayName}: ${reasonText(explain(root, null), null)}.`;
  }
  return `${history.displayName} chưa đủ điều kiện xét tặng ${what} năm ${year}: ${reasonText(explain(root, false), false)}.`;
}

function statusOf(met: boolean | null): VerdictStatus {
  return met === true ? 'eligible' : met === false ? 'not_eligible' : 'missing_data';
}

function baseVerdict(history: NomineeHistory, year: number, rs: RuleSet, rule: Rule) {
  return {
    code: rule.code,
    name: rule.name,
    kind: rule.kind,
    subject: history.subject,
    nomineeId: history.id,
    year,
    ruleSetId: rs.id,
    ruleSetVersion: rs.version,
    ruleVersion: rule.version,
  };
}

function notApplicable(
  history: NomineeHistory,
  year: number,
  rs: RuleSet,
  rule: Rule,
  description: string,
  fact: string,
): Verdict {
  return {
    ...baseVerdict(history, year, rs, rule),
    status: 'not_eligible',
    citation: rule.citation,
    conditions: [
      {
        id: 'applicability',
        description,
        met: false,
        facts: [fact],
        citation: rule.citation,
        depth: 0,
        type: 'allOf',
        unconfirmed: false,
      },
    ],
    consumesInitiatives: [],
    consumesResearchProjects: [],
    judgementCriteria: [],
    unconfirmed: false,
    summary: `${label(rule.kind, rule.name)[0]!.toUpperCase()}${label(rule.kind, rule.name).slice(1)} không áp dụng cho ${history.displayName}: ${fact}.`,
  };
}

function ruleInForce(rule: Rule, asOf: ISODate): boolean {
  return rule.validFrom <= asOf && (rule.validTo === null || asOf <= rule.validTo);
}

function evaluateCompiled(
  c: CompiledRule,
  history: NomineeHistory,
  idx: HistoryIndex,
  year: number,
  rs: RuleSet,
  compiled: Compiled,
  asOf: ISODate,
  reserved: ReadonlySet<string>,
): Verdict {
  const { rule, subjectRule: sr } = c;
  const env: EvalEnv = {
    idx,
    year,
    asOf,
    disciplineCut: rs.policies.achievementsCountAfterDiscipline.value,
    target: { code: rule.code, year },
    resolveRule: (code: AwardCode): Condition | undefined =>
      compiled.byKey.get(`${code}/${history.subject}`)?.subjectRule.conditions,
    depth: 0,
  };
  const root = evaluateCondition(sr.conditions, env, reserved);
  const status = statusOf(root.met);
  const consumesInitiatives: string[] = [];
  const consumesResearchProjects: string[] = [];
  if (root.met === true) {
    for (const e of root.consumes)
      (e.kind === 'initiative' ? consumesInitiatives : consumesResearchProjects).push(e.id);
  }
  return {
    code: rule.code,
    name: rule.name,
    kind: rule.kind,
    subject: history.subject,
    nomineeId: history.id,
    year,
    ruleSetId: rs.id,
    ruleSetVersion: rs.version,
    ruleVersion: rule.version,
    status,
    citation: sr.citation,
    conditions: flatten(root),
    consumesInitiatives,
    consumesResearchProjects,
    judgementCriteria: c.judgementCriteria,
    unconfirmed: c.unconfirmed,
    summary: summarise(status, history, rule, sr, year, root),
  };
}

function reservedSet(options: EvaluateOptions | undefined): Set<string> {
  const out = new Set<string>();
  for (const id of options?.reserved?.initiatives ?? []) out.add(evidenceKey({ kind: 'initiative', id }));
  for (const id of options?.reserved?.researchProjects ?? []) out.add(evidenceKey({ kind: 'research', id }));
  return out;
}

/**
 * Verdicts for every title/form of `ruleSet` that applies to the nominee's subject and is in force
 * on the evaluation date, in catalog order.
 */
export function evaluateNominee(
  history: NomineeHistory,
  year: number,
  ruleSet: RuleSet,
  options?: EvaluateOptions,
): Verdict[] {
  const compiled = compile(ruleSet);
  const idx = options?.index ?? indexHistory(history);
  const asOf = options?.asOf ?? `${year}-12-31`;
  const only = options?.codes ? new Set(options.codes) : null;
  const sequential = options?.allocation === 'sequential';
  let reserved = reservedSet(options);
  const out: Verdict[] = [];
  for (const c of compiled.ordered.get(history.subject) ?? []) {
    if (only && !only.has(c.rule.code)) continue;
    if (!ruleInForce(c.rule, asOf)) continue;
    const v = evaluateCompiled(c, history, idx, year, ruleSet, compiled, asOf, reserved);
    if (
      sequential &&
      v.status === 'eligible' &&
      (v.consumesInitiatives.length || v.consumesResearchProjects.length)
    ) {
      reserved = new Set(reserved);
      for (const id of v.consumesInitiatives) reserved.add(evidenceKey({ kind: 'initiative', id }));
      for (const id of v.consumesResearchProjects) reserved.add(evidenceKey({ kind: 'research', id }));
    }
    out.push(v);
  }
  return out;
}

/**
 * The verdict for one title/form. When the code has no standard for the nominee's subject, or the
 * rule is not in force on the evaluation date, the verdict is `not_eligible` with the reason.
 * Throws when the code is not in the rule set.
 */
export function evaluateAward(
  history: NomineeHistory,
  year: number,
  code: AwardCode,
  ruleSet: RuleSet,
  options?: Omit<EvaluateOptions, 'codes' | 'allocation'>,
): Verdict {
  const compiled = compile(ruleSet);
  const rule = ruleSet.rules.find((r) => r.code === code);
  if (!rule) throw new RangeError(`Rule set ${ruleSet.id} v${ruleSet.version} has no rule ${code}`);
  const asOf = options?.asOf ?? `${year}-12-31`;
  const c = compiled.byKey.get(`${code}/${history.subject}`);
  if (!c) {
    const other = SUBJECTS.filter((s) => rule.subjects[s]).map((s) => SUBJECT_NAMES[s]);
    return notApplicable(
      history,
      year,
      ruleSet,
      rule,
      `Đối tượng xét tặng ${AWARD_NAMES[code]}`,
      `chỉ xét tặng cho ${other.join(', ')}`,
    );
  }
  if (!ruleInForce(rule, asOf)) {
    return notApplicable(
      history,
      year,
      ruleSet,
      rule,
      'Quy định còn hiệu lực tại ngày xét',
      `quy định có hiệu lực từ ${rule.validFrom}${rule.validTo ? ` đến ${rule.validTo}` : ''}, ngày xét ${asOf}`,
    );
  }
  const idx = options?.index ?? indexHistory(history);
  return evaluateCompiled(c, history, idx, year, ruleSet, compiled, asOf, reservedSet(options));
}
