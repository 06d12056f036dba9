/**
 * The rule set and the base salary in force on a date, as the decisions and councils modules need
 * them: the shipped rule-set versions plus the versions administrators stored in `rule_sets`
 * (a stored version replaces a shipped one with the same number), and the domain base-salary table
 * plus the rows of `base_salaries` (a stored row replaces the shipped row of the same date).
 */
import { sql } from 'drizzle-orm';
import {
  BASE_SALARY_TABLE,
  type BaseSalaryEntry,
  createRuleSet,
  type RuleSet,
  ruleSetFor,
  SHIPPED_RULE_SETS,
} from '../../../domain/commendation';
import type { Queryable } from '../../db/client';

const parsed = new Map<string, RuleSet>();

export async function ruleSetOn(db: Queryable, date: string): Promise<RuleSet> {
  const res = await db.execute<{ id: string; version: number; data: RuleSet }>(
    sql`select id, version, data from rule_sets order by version`,
  );
  const byVersion = new Map<number, RuleSet>();
  for (const rs of SHIPPED_RULE_SETS) byVersion.set(rs.version, rs);
  for (const row of res.rows) {
    let rs = parsed.get(row.id);
    if (!rs) {
      try {
        rs = createRuleSet({ ...row.data, version: Number(row.version) });
      } catch {
        continue; // an unreadable stored version never takes the place of a valid one
      }
      parsed.set(row.id, rs);
    }
    byVersion.set(rs.version, rs);
  }
  const all = [...byVersion.values()].sort((a, b) => a.version - b.version);
  return ruleSetFor(date, all) ?? all[0]!;
}

export async function baseSalaryTable(db: Queryable): Promise<BaseSalaryEntry[]> {
  const res = await db.execute<{
    effective_from: string;
    amount: string | number;
    legal_basis: string | null;
  }>(sql`select effective_from::text as effective_from, amount, legal_basis from base_salaries`);
  const byDate = new Map<string, BaseSalaryEntry>();
  for (const e of BASE_SALARY_TABLE) byDate.set(e.validFrom, e);
  for (const r of res.rows) {
    byDate.set(r.effective_from, {
      validFrom: r.effective_from,
      amount: Number(r.amount),
      citation: r.legal_basis ?? 'Mức lương cơ sở',
    });
  }
  return [...byDate.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
}
