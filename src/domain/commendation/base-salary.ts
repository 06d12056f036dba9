/**
 * Mức lương cơ sở (statutory base salary) as a dated table. Bonus amounts use the value in
 * force on the date of the decision. Later values are added as new rows (never edited in place).
 */
import type { ISODate } from './history';

export interface BaseSalaryEntry {
  /** First day the amount applies. */
  validFrom: ISODate;
  /** đồng per month */
  amount: number;
  citation: string;
  unconfirmed?: boolean;
  note?: string;
}

export const BASE_SALARY_TABLE: readonly BaseSalaryEntry[] = Object.freeze([
  Object.freeze({
    validFrom: '2023-07-01',
    amount: 1_800_000,
    citation: 'Nghị định 24/2023/NĐ-CP',
    unconfirmed: true,
    note: 'law.md confirms 1.800.000 đ before 01/07/2024; its start date (01/07/2023) and decree number are not in law.md. Earlier values are not recorded.',
  }),
  Object.freeze({
    validFrom: '2024-07-01',
    amount: 2_340_000,
    citation: 'Khoản 2 Điều 3 Nghị định 73/2024/NĐ-CP',
  }),
]);

/** The row in force on `date` (latest validFrom ≤ date), or undefined. */
export function baseSalaryEntryOn(date: ISODate, table: readonly BaseSalaryEntry[] = BASE_SALARY_TABLE) {
  let best: BaseSalaryEntry | undefined;
  for (const e of table) {
    if (e.validFrom <= date && (!best || e.validFrom > best.validFrom)) best = e;
  }
  return best;
}

/** The base salary on `date`. Throws a RangeError when the table has no row for that date. */
export function baseSalaryOn(date: ISODate, table: readonly BaseSalaryEntry[] = BASE_SALARY_TABLE): number {
  const e = baseSalaryEntryOn(date, table);
  if (!e) throw new RangeError(`Không có mức lương cơ sở áp dụng cho ngày ${date}`);
  return e.amount;
}
