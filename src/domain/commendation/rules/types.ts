/**
 * Types of the rules catalog. Everything here is plain JSON data: a rule set can be stored,
 * diffed, audited and versioned (see catalog.ts).
 */
import type { AwardCode, AwardKind, Subject } from '../codes';
import type { Condition, Ratio } from '../conditions';
import type { ISODate } from '../history';

/**
 * A parameter value with its provenance. `unconfirmed: true` marks values law.md lists as
 * UNCONFIRMED (not verified against the official text): they are sensible defaults that an
 * administrator is expected to review, never facts.
 */
export interface Param<T> {
  value: T;
  unconfirmed?: boolean;
  citation?: string;
  note?: string;
}

/** Council vote threshold: agree ≥ ratio × denominator (or > with `strict`). */
export interface VoteRule {
  ratio: Ratio;
  strict: boolean;
  denominator: 'all_members' | 'present_members';
  secretBallot: boolean;
}

/** What a cap's ratio is applied to. */
export type CapBase =
  /** people holding LĐTT in the unit and year (CSTĐCS ≤ 15 % of LĐTT under the old NĐ 91) */
  | 'ldtt_holders'
  /** the unit's members (a unit-configured LĐTT ratio) */
  | 'members'
  /** collectives meeting the standard of the lower flag (Cờ TĐ CP ≤ 20 % under the old NĐ 91) */
  | 'eligible_collectives'
  /** the candidates themselves */
  | 'candidates';

/**
 * A quota per organisation and year. limit = round(ratio × base) with `rounding` (default floor:
 * "không quá 15 %" must never be exceeded), but never below `minimum`.
 */
export interface CapDefinition {
  enabled: boolean;
  ratio: Ratio;
  base: CapBase;
  rounding: 'floor' | 'round_half_up' | 'ceil';
  minimum: number;
}

/** A qualitative criterion the council judges; listed in verdicts, never computed. */
export interface JudgementCriterion {
  id: string;
  description: string;
  citation: string;
  unconfirmed?: boolean;
}

/** The standard of a title/form for one kind of subject. */
export interface SubjectRule {
  conditions: Condition;
  judgementCriteria: JudgementCriterion[];
  /** Bonus coefficient × mức lương cơ sở, as a decimal string ("0.3"); null = no bonus defined. */
  coefficient: Param<string | null>;
  cap: Param<CapDefinition | null>;
  vote: Param<VoteRule | null>;
  citation: string;
  /** The whole standard is a default pending verification. */
  unconfirmed?: boolean;
  note?: string;
}

export type AwardLevel = 'grassroots' | 'province' | 'ministry' | 'national' | 'state';

export const AWARD_LEVEL_NAMES: Record<AwardLevel, string> = {
  grassroots: 'Cơ sở',
  province: 'Cấp tỉnh',
  ministry: 'Cấp bộ',
  national: 'Toàn quốc',
  state: 'Nhà nước',
};

export interface Rule {
  code: AwardCode;
  name: string;
  kind: AwardKind;
  level: AwardLevel;
  /** Who confers it (Vietnamese). */
  authority: Param<string>;
  subjects: Partial<Record<Subject, SubjectRule>>;
  citation: string;
  validFrom: ISODate;
  validTo: ISODate | null;
  /** Incremented whenever a derived rule set changes this rule. */
  version: number;
}
