/**
 * The rules catalog as versioned data.
 *
 * A RuleSet is one version of the whole catalog. It is immutable (deep-frozen); administrators
 * adjust a parameter by deriving a new version with `deriveRuleSet(base, changes, meta)`, which
 * returns a new RuleSet and never touches `base`. Verdicts record the version they were computed
 * under, so changing a rule never rewrites history. `ruleSetFor(date, ruleSets)` picks the version
 * in force on a date.
 *
 * Shipped versions:
 *  - v1 `RULE_SET_2024`: Luật Thi đua, khen thưởng 2022 + NĐ 98/2023/NĐ-CP, from 01/01/2024;
 *  - v2 `RULE_SET_2025_07`: the same standards with bonus coefficients cited from
 *    NĐ 152/2025/NĐ-CP, from 01/07/2025 (BK coefficients confirmed for NĐ 152 only).
 */
import { AWARD_CODES, type AwardCode, isAwardCode, SUBJECTS, type Subject } from './codes';
import { type Condition, type Ratio, validateCondition, walkCondition } from './conditions';
import type { ISODate } from './history';
import { CO_THI_DUA_CP, CO_THI_DUA_TINH, TTLDTT, TTLDXS } from './rules/collective-titles';
import { BK_BONUS_CITATION_152, ORDER_BONUS_CITATION_152, TITLE_BONUS_CITATION_152 } from './rules/common';
import {
  BANG_KHEN_BO,
  BANG_KHEN_TINH,
  BANG_KHEN_TTG,
  GIAY_KHEN,
  HCLD_1,
  HCLD_2,
  HCLD_3,
} from './rules/forms';
import { CSTD_TINH, CSTD_TQ, CSTDCS, LDTT } from './rules/individual-titles';
import type { CapDefinition, Param, Rule, SubjectRule, VoteRule } from './rules/types';

export type {
  CapBase,
  CapDefinition,
  JudgementCriterion,
  Param,
  Rule,
  SubjectRule,
  VoteRule,
} from './rules/types';
export { AWARD_LEVEL_NAMES, type AwardLevel } from './rules/types';

export interface QuorumRule {
  ratio: Ratio;
  strict: boolean;
}

export interface RuleSetPolicies {
  /** "After discipline, achievements count from the end of the discipline period." */
  achievementsCountAfterDiscipline: Param<boolean>;
  /** Council quorum: present members compared with ratio × all members. */
  councilQuorum: Param<QuorumRule>;
}

export interface RuleSet {
  /** Identity of the catalog family (all versions share it). */
  id: string;
  version: number;
  effectiveFrom: ISODate;
  /** Date the version was created (given by the caller; the domain never reads the clock). */
  createdAt: ISODate;
  note: string;
  basedOn: { id: string; version: number } | null;
  /** In evaluation order: lower titles before higher ones. */
  rules: readonly Rule[];
  policies: RuleSetPolicies;
}

export class RuleSetError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid rule set: ${problems.join('; ')}`);
    this.name = 'RuleSetError';
  }
}

// ------------------------------------------------------------------------------------------
// Validation
// ------------------------------------------------------------------------------------------

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const COEFFICIENT = /^\d{1,3}(\.\d{1,3})?$/;

function ratioOk(r: Ratio | undefined) {
  return (
    !!r && Number.isInteger(r.num) && Number.isInteger(r.den) && r.den > 0 && r.num >= 0 && r.num <= r.den
  );
}

function validateSubjectRule(where: string, s: SubjectRule, problems: string[]) {
  for (const p of validateCondition(s.conditions)) problems.push(`${where}: ${p}`);
  if (s.coefficient.value !== null && !COEFFICIENT.test(s.coefficient.value)) {
    problems.push(`${where}: coefficient must be a decimal string with at most 3 decimals`);
  }
  const v: VoteRule | null = s.vote.value;
  if (v && (!ratioOk(v.ratio) || !['all_members', 'present_members'].includes(v.denominator))) {
    problems.push(`${where}: invalid vote rule`);
  }
  const c: CapDefinition | null = s.cap.value;
  if (c && (!ratioOk(c.ratio) || !Number.isInteger(c.minimum) || c.minimum < 0)) {
    problems.push(`${where}: invalid cap`);
  }
  if (!s.citation) problems.push(`${where}: no citation`);
}

/** Structural problems of a rule set (empty when valid). */
export function validateRuleSet(rs: RuleSet): string[] {
  const problems: string[] = [];
  if (!rs.id) problems.push('rule set without id');
  if (!Number.isInteger(rs.version) || rs.version < 1) problems.push('version must be a positive integer');
  if (!ISO_DATE.test(rs.effectiveFrom)) problems.push('effectiveFrom must be YYYY-MM-DD');
  if (!ISO_DATE.test(rs.createdAt)) problems.push('createdAt must be YYYY-MM-DD');
  if (!ratioOk(rs.policies.councilQuorum.value.ratio)) problems.push('invalid quorum');
  const seen = new Set<AwardCode>();
  for (const r of rs.rules) {
    const where = `rule ${r.code}`;
    if (!isAwardCode(r.code)) problems.push(`${where}: unknown code`);
    if (seen.has(r.code)) problems.push(`${where}: duplicate`);
    seen.add(r.code);
    if (!ISO_DATE.test(r.validFrom) || (r.validTo !== null && !ISO_DATE.test(r.validTo))) {
      problems.push(`${where}: invalid validity dates`);
    } else if (r.validTo !== null && r.validTo < r.validFrom) {
      problems.push(`${where}: validTo before validFrom`);
    }
    if (!Number.isInteger(r.version) || r.version < 1) problems.push(`${where}: invalid version`);
    const subjects = Object.keys(r.subjects) as Subject[];
    if (subjects.length === 0) problems.push(`${where}: no subject`);
    for (const s of subjects) {
      if (!SUBJECTS.includes(s)) problems.push(`${where}: unknown subject ${s}`);
      else validateSubjectRule(`${where}/${s}`, r.subjects[s]!, problems);
    }
  }
  // qualifiesFor references must exist for the same subject and must not form a cycle
  const byKey = new Map<string, Condition>();
  for (const r of rs.rules)
    for (const s of SUBJECTS) if (r.subjects[s]) byKey.set(`${r.code}/${s}`, r.subjects[s]!.conditions);
  const refs = (key: string) => {
    const out: string[] = [];
    const root = byKey.get(key);
    if (root)
      walkCondition(root, (n) => n.type === 'qualifiesFor' && out.push(`${n.code}/${key.split('/')[1]}`));
    return out;
  };
  for (const key of byKey.keys()) {
    for (const ref of refs(key))
      if (!byKey.has(ref)) problems.push(`rule ${key}: qualifiesFor ${ref} has no rule`);
  }
  const state = new Map<string, 1 | 2>();
  const dfs = (key: string): boolean => {
    if (state.get(key) === 2) return false;
    if (state.get(key) === 1) return true;
    state.set(key, 1);
    for (const ref of refs(key)) if (byKey.has(ref) && dfs(ref)) return true;
    state.set(key, 2);
    return false;
  };
  for (const key of byKey.keys()) if (dfs(key)) problems.push(`rule ${key}: qualifiesFor cycle`);
  return [...new Set(problems)];
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

/** Validates and deep-freezes a rule set. Throws RuleSetError when invalid. */
export function createRuleSet(rs: RuleSet): RuleSet {
  const copy = structuredClone(rs);
  const problems = validateRuleSet(copy);
  if (problems.length > 0) throw new RuleSetError(problems);
  return deepFreeze(copy);
}

// ------------------------------------------------------------------------------------------
// Changes
// ------------------------------------------------------------------------------------------

interface ParamMeta {
  /** When omitted, the current flag is kept. */
  unconfirmed?: boolean;
  /** When omitted, the current citation is kept. */
  citation?: string;
  note?: string;
}

/** JSON description of one change an administrator makes to a rule set. */
export type RuleChange =
  | ({ op: 'setCoefficient'; code: AwardCode; subject: Subject; value: string | null } & ParamMeta)
  | ({ op: 'setCap'; code: AwardCode; subject: Subject; value: CapDefinition | null } & ParamMeta)
  | ({ op: 'setVote'; code: AwardCode; subject: Subject; value: VoteRule | null } & ParamMeta)
  | ({ op: 'setAuthority'; code: AwardCode; value: string } & ParamMeta)
  | {
      op: 'setConditionParams';
      code: AwardCode;
      subject: Subject;
      conditionId: string;
      /** New values of the node's parameters, e.g. { count: 4 } or { atLeast: { num: 3, den: 4 } }. */
      params: Record<string, unknown>;
    }
  | { op: 'replaceConditions'; code: AwardCode; subject: Subject; conditions: Condition }
  | { op: 'setValidity'; code: AwardCode; validFrom: ISODate; validTo: ISODate | null }
  | { op: 'setPolicy'; policy: 'achievementsCountAfterDiscipline'; value: Param<boolean> }
  | { op: 'setPolicy'; policy: 'councilQuorum'; value: Param<QuorumRule> };

export interface RuleSetMeta {
  effectiveFrom: ISODate;
  createdAt: ISODate;
  note: string;
  /** Defaults to base.version + 1. */
  version?: number;
  /** Defaults to base.id. */
  id?: string;
}

const PROTECTED_KEYS = new Set(['type', 'id', 'conditions', 'condition']);

function findNode(root: Condition, id: string): Condition | undefined {
  let found: Condition | undefined;
  walkCondition(root, (n) => {
    if (n.id === id) found = n;
  });
  return found;
}

function setParam<T>(p: Param<T>, value: T, meta: ParamMeta): Param<T> {
  const out: Param<T> = { value };
  const unconfirmed = meta.unconfirmed ?? p.unconfirmed;
  const citation = meta.citation ?? p.citation;
  const note = meta.note ?? p.note;
  if (unconfirmed) out.unconfirmed = true;
  if (citation) out.citation = citation;
  if (note) out.note = note;
  return out;
}

/**
 * A new version of `base` with `changes` applied. `base` is never mutated; every changed rule
 * gets its own version incremented by one. Throws RuleSetError for an unknown code, subject or
 * condition id, a protected key, or a result that does not validate.
 */
export function deriveRuleSet(base: RuleSet, changes: readonly RuleChange[], meta: RuleSetMeta): RuleSet {
  const next: RuleSet = structuredClone(base) as RuleSet;
  const rules = next.rules as Rule[];
  const touched = new Set<AwardCode>();
  const problems: string[] = [];
  const ruleOf = (code: AwardCode) => {
    const r = rules.find((x) => x.code === code);
    if (!r) problems.push(`unknown rule ${code}`);
    return r;
  };
  const subjectOf = (r: Rule, s: Subject) => {
    const sr = r.subjects[s];
    if (!sr) problems.push(`rule ${r.code} has no ${s} standard`);
    return sr;
  };
  for (const ch of changes) {
    if (ch.op === 'setPolicy') {
      if (ch.policy === 'achievementsCountAfterDiscipline')
        next.policies.achievementsCountAfterDiscipline = ch.value;
      else next.policies.councilQuorum = ch.value;
      continue;
    }
    const r = ruleOf(ch.code);
    if (!r) continue;
    switch (ch.op) {
      case 'setAuthority':
        r.authority = setParam(r.authority, ch.value, ch);
        break;
      case 'setValidity':
        r.validFrom = ch.validFrom;
        r.validTo = ch.validTo;
        break;
      case 'setCoefficient': {
        const s = subjectOf(r, ch.subject);
        if (s) s.coefficient = setParam(s.coefficient, ch.value, ch);
        break;
      }
      case 'setCap': {
        const s = subjectOf(r, ch.subject);
        if (s) s.cap = setParam(s.cap, ch.value, ch);
        break;
      }
      case 'setVote': {
        const s = subjectOf(r, ch.subject);
        if (s) s.vote = setParam(s.vote, ch.value, ch);
        break;
      }
      case 'replaceConditions': {
        const s = subjectOf(r, ch.subject);
        if (s) s.conditions = structuredClone(ch.conditions);
        break;
      }
      case 'setConditionParams': {
        const s = subjectOf(r, ch.subject);
        if (!s) break;
        const node = findNode(s.conditions, ch.conditionId);
        if (!node) {
          problems.push(`rule ${r.code}/${ch.subject}: unknown condition ${ch.conditionId}`);
          break;
        }
        for (const [k, v] of Object.entries(ch.params)) {
          if (PROTECTED_KEYS.has(k)) problems.push(`condition ${ch.conditionId}: ${k} cannot be changed`);
          else (node as unknown as Record<string, unknown>)[k] = structuredClone(v);
        }
        break;
      }
    }
    touched.add(r.code);
  }
  if (problems.length > 0) throw new RuleSetError(problems);
  for (const r of rules) if (touched.has(r.code)) r.version += 1;
  next.id = meta.id ?? base.id;
  next.version = meta.version ?? base.version + 1;
  next.effectiveFrom = meta.effectiveFrom;
  next.createdAt = meta.createdAt;
  next.note = meta.note;
  next.basedOn = { id: base.id, version: base.version };
  return createRuleSet(next);
}

/**
 * The version in force on `date`: the latest effectiveFrom ≤ date, and among equal dates the
 * highest version. Undefined when none is in force yet.
 */
export function ruleSetFor(date: ISODate, ruleSets: readonly RuleSet[]): RuleSet | undefined {
  let best: RuleSet | undefined;
  for (const rs of ruleSets) {
    if (rs.effectiveFrom > date) continue;
    if (
      !best ||
      rs.effectiveFrom > best.effectiveFrom ||
      (rs.effectiveFrom === best.effectiveFrom && rs.version > best.version)
    ) {
      best = rs;
    }
  }
  return best;
}

export function findRule(rs: RuleSet, code: AwardCode): Rule | undefined {
  return rs.rules.find((r) => r.code === code);
}

/** Every parameter of a rule set flagged unconfirmed, as "CODE/subject: what" lines (for review screens). */
export function listUnconfirmed(rs: RuleSet): string[] {
  const out: string[] = [];
  if (rs.policies.achievementsCountAfterDiscipline.unconfirmed)
    out.push('policy: achievementsCountAfterDiscipline');
  if (rs.policies.councilQuorum.unconfirmed) out.push('policy: councilQuorum');
  for (const r of rs.rules) {
    if (r.authority.unconfirmed) out.push(`${r.code}: authority`);
    for (const s of SUBJECTS) {
      const sr = r.subjects[s];
      if (!sr) continue;
      const at = `${r.code}/${s}`;
      if (sr.unconfirmed) out.push(`${at}: standard`);
      if (sr.coefficient.unconfirmed) out.push(`${at}: coefficient`);
      if (sr.cap.unconfirmed) out.push(`${at}: cap`);
      if (sr.vote.unconfirmed) out.push(`${at}: vote`);
      for (const j of sr.judgementCriteria) if (j.unconfirmed) out.push(`${at}: judgement ${j.id}`);
      walkCondition(sr.conditions, (n) => {
        if (n.unconfirmed) out.push(`${at}: condition ${n.id}`);
      });
    }
  }
  return out;
}

// ------------------------------------------------------------------------------------------
// Shipped versions
// ------------------------------------------------------------------------------------------

/** Evaluation order: titles before forms, lower before higher (qualifiesFor targets first). */
export const BASE_RULES: readonly Rule[] = [
  LDTT,
  CSTDCS,
  CSTD_TINH,
  CSTD_TQ,
  TTLDTT,
  TTLDXS,
  CO_THI_DUA_TINH,
  CO_THI_DUA_CP,
  GIAY_KHEN,
  BANG_KHEN_TINH,
  BANG_KHEN_BO,
  BANG_KHEN_TTG,
  HCLD_3,
  HCLD_2,
  HCLD_1,
];

export const DEFAULT_POLICIES: RuleSetPolicies = {
  achievementsCountAfterDiscipline: {
    value: true,
    citation:
      'Điều 4 Nghị định 98/2023/NĐ-CP, nội dung tương ứng tại Nghị định 152/2025/NĐ-CP (số điều cần xác minh)',
    unconfirmed: true,
    note: 'Principle confirmed by secondary sources; a year counts only if it starts after the end of every discipline period.',
  },
  councilQuorum: {
    value: { ratio: { num: 1, den: 2 }, strict: true },
    unconfirmed: true,
    note: 'Mặc định: trên một nửa tổng số thành viên có mặt; theo NĐ 152/TT 15 và quy chế của Hội đồng (chưa xác minh).',
  },
};

export const RULE_SET_2024: RuleSet = createRuleSet({
  id: 'tdkt-vn',
  version: 1,
  effectiveFrom: '2024-01-01',
  createdAt: '2024-01-01',
  note: 'Luật Thi đua, khen thưởng 2022 và Nghị định 98/2023/NĐ-CP',
  basedOn: null,
  rules: BASE_RULES,
  policies: DEFAULT_POLICIES,
});

function nd152Changes(base: RuleSet): RuleChange[] {
  const out: RuleChange[] = [];
  for (const r of base.rules) {
    for (const s of SUBJECTS) {
      const sr = r.subjects[s];
      if (!sr || sr.coefficient.value === null) continue;
      const isBk = r.code === 'BANG_KHEN_TINH' || r.code === 'BANG_KHEN_BO' || r.code === 'BANG_KHEN_TTG';
      const isOrder = r.code === 'HCLD_1' || r.code === 'HCLD_2' || r.code === 'HCLD_3';
      if (isBk && s === 'individual') {
        out.push({
          op: 'setCoefficient',
          code: r.code,
          subject: s,
          value: sr.coefficient.value,
          citation: BK_BONUS_CITATION_152,
          unconfirmed: false,
          note: 'Xác nhận theo khoản 1 Điều 54 Nghị định 152/2025/NĐ-CP.',
        });
      } else if (isOrder) {
        out.push({
          op: 'setCoefficient',
          code: r.code,
          subject: s,
          value: sr.coefficient.value,
          citation:
            s === 'individual'
              ? ORDER_BONUS_CITATION_152
              : `${ORDER_BONUS_CITATION_152} (tập thể gấp 2 lần cá nhân)`,
        });
      } else if (AWARD_CODES.indexOf(r.code) <= AWARD_CODES.indexOf('CO_THI_DUA_CP')) {
        out.push({
          op: 'setCoefficient',
          code: r.code,
          subject: s,
          value: sr.coefficient.value,
          citation: TITLE_BONUS_CITATION_152,
        });
      }
    }
  }
  return out;
}

export const RULE_SET_2025_07: RuleSet = deriveRuleSet(RULE_SET_2024, nd152Changes(RULE_SET_2024), {
  effectiveFrom: '2025-07-01',
  createdAt: '2025-07-01',
  note: 'Nghị định 152/2025/NĐ-CP thay thế Nghị định 98/2023/NĐ-CP từ 01/07/2025 (mức tiền thưởng)',
});

export const SHIPPED_RULE_SETS: readonly RuleSet[] = Object.freeze([RULE_SET_2024, RULE_SET_2025_07]);
