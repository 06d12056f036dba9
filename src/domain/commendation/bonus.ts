/**
 * Bonus arithmetic (tiền thưởng): amount = coefficient × mức lương cơ sở in force on the date of
 * the decision, rounded UP to the next 10,000 đ; exact multiples stay unchanged (law.md §1c:
 * 0.3 × 2,340,000 = 702,000 → 710,000; 4.5 × 2,340,000 = 10,530,000 unchanged).
 *
 * Integer arithmetic only: coefficients are decimal strings ("0.3") parsed to thousandths, and the
 * product is computed with BigInt, so no floating-point error can creep in.
 */
import { BASE_SALARY_TABLE, type BaseSalaryEntry, baseSalaryEntryOn } from './base-salary';
import type { RuleSet } from './catalog';
import type { AwardCode, Subject } from './codes';
import type { ISODate } from './history';

export const BONUS_ROUNDING_STEP = 10_000;

/** "0.3" → 300, "12" → 12000, "1.5" → 1500. Throws on anything but a non-negative decimal with ≤ 3 decimals. */
export function parseCoefficient(text: string): number {
  const m = /^(\d{1,4})(?:[.,](\d{1,3}))?$/.exec(text.trim());
  if (!m) throw new RangeError(`Invalid coefficient ${JSON.stringify(text)}`);
  return Number(m[1]) * 1000 + Number((m[2] ?? '').padEnd(3, '0'));
}

/** 300 → "0.3", 12000 → "12.0" (at least one decimal, like the catalog). */
export function formatCoefficient(thousandths: number): string {
  const whole = Math.floor(thousandths / 1000);
  const frac = String(thousandths % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return `${whole}.${frac || '0'}`;
}

/** Rounds a non-negative integer amount up to the next multiple of `step` (multiples unchanged). */
export function roundUpTo(amount: bigint | number, step: number = BONUS_ROUNDING_STEP): number {
  const a = BigInt(amount);
  const s = BigInt(step);
  if (a < 0n || s <= 0n) throw new RangeError('roundUpTo expects a non-negative amount and a positive step');
  return Number(((a + s - 1n) / s) * s);
}

export interface BonusComputation {
  coefficient: string;
  baseSalary: number;
  /** coefficient × base salary before rounding, as an exact decimal string of đồng. */
  exact: string;
  /** Rounded up to the next 10,000 đ. */
  amount: number;
}

/** coefficient × baseSalary rounded up to the next 10,000 đ, in integer arithmetic. */
export function computeBonus(coefficient: string, baseSalary: number): BonusComputation {
  if (!Number.isSafeInteger(baseSalary) || baseSalary <= 0) {
    throw new RangeError('Base salary must be a positive integer amount of đồng');
  }
  const milli = BigInt(parseCoefficient(coefficient)) * BigInt(baseSalary); // thousandths of a đồng
  const whole = milli / 1000n;
  const frac = milli % 1000n;
  const exact =
    frac === 0n ? whole.toString() : `${whole}.${frac.toString().padStart(3, '0').replace(/0+$/, '')}`;
  // ceil(milli / 1000 / 10,000) × 10,000
  const step = BigInt(BONUS_ROUNDING_STEP) * 1000n;
  const amount = Number(((milli + step - 1n) / step) * BigInt(BONUS_ROUNDING_STEP));
  return { coefficient, baseSalary, exact, amount };
}

export interface AwardBonus extends BonusComputation {
  code: AwardCode;
  subject: Subject;
  decisionDate: ISODate;
  ruleSetVersion: number;
  coefficientCitation?: string;
  baseSalaryCitation: string;
  /** The coefficient or the base salary row is flagged unconfirmed. */
  unconfirmed: boolean;
}

/**
 * The bonus for `code` conferred on a `subject` by a decision dated `decisionDate`, under
 * `ruleSet`. Returns null when the rule defines no coefficient for that subject. Throws a
 * RangeError when the code/subject is unknown or no base salary covers the date.
 */
export function bonusForAward(
  ruleSet: RuleSet,
  code: AwardCode,
  subject: Subject,
  decisionDate: ISODate,
  salaryTable: readonly BaseSalaryEntry[] = BASE_SALARY_TABLE,
): AwardBonus | null {
  const sr = ruleSet.rules.find((r) => r.code === code)?.subjects[subject];
  if (!sr) throw new RangeError(`No ${subject} standard for ${code} in rule set v${ruleSet.version}`);
  if (sr.coefficient.value === null) return null;
  const salary = baseSalaryEntryOn(decisionDate, salaryTable);
  if (!salary) throw new RangeError(`Không có mức lương cơ sở áp dụng cho ngày ${decisionDate}`);
  return {
    ...computeBonus(sr.coefficient.value, salary.amount),
    code,
    subject,
    decisionDate,
    ruleSetVersion: ruleSet.version,
    coefficientCitation: sr.coefficient.citation,
    baseSalaryCitation: salary.citation,
    unconfirmed: !!sr.coefficient.unconfirmed || !!salary.unconfirmed,
  };
}
