/**
 * Rule-set versions: the shipped ones (domain `SHIPPED_RULE_SETS`) and the versions administrators
 * created, stored immutable in `rule_sets` (the whole catalog as JSON). A stored version with the
 * same number as a shipped one takes its place.
 */
import { sql } from 'drizzle-orm';
import { createRuleSet, type RuleSet, ruleSetFor, SHIPPED_RULE_SETS } from '../../../domain/commendation';
import type { Queryable } from '../../db/client';

export interface StoredRuleSet {
  ruleSet: RuleSet;
  /** rule_sets.id of a stored version; null for a shipped one. */
  rowId: string | null;
  createdBy: string | null;
  createdAt: string | null;
}

/** Parsed versions by row id (rows are immutable, so the cache never goes stale). */
const parsed = new Map<string, RuleSet>();

export async function loadRuleSets(db: Queryable): Promise<StoredRuleSet[]> {
  // the catalog JSON is read once per stored version (rows are immutable); later calls read ids only
  const res = await db.execute<{
    id: string;
    version: number;
    created_by: string | null;
    created_at: string | Date;
  }>(sql`select id, version, created_by, created_at from rule_sets order by version`);
  const missing = res.rows.filter((r) => !parsed.has(r.id)).map((r) => r.id);
  if (missing.length > 0) {
    const data = await db.execute<{ id: string; version: number; data: RuleSet }>(
      sql`select id, version, data from rule_sets where id = any(${sql.param(missing)}::uuid[])`,
    );
    for (const row of data.rows) parsed.set(row.id, createRuleSet({ ...row.data, version: row.version }));
  }
  const byVersion = new Map<number, StoredRuleSet>();
  for (const rs of SHIPPED_RULE_SETS)
    byVersion.set(rs.version, { ruleSet: rs, rowId: null, createdBy: null, createdAt: null });
  for (const row of res.rows) {
    byVersion.set(row.version, {
      ruleSet: parsed.get(row.id)!,
      rowId: row.id,
      createdBy: row.created_by,
      createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : String(row.created_at),
    });
  }
  return [...byVersion.values()].sort((a, b) => a.ruleSet.version - b.ruleSet.version);
}

/** The version in force on `date` (latest effective date ≤ date, then highest version). */
export async function activeRuleSet(db: Queryable, date: string): Promise<RuleSet> {
  const all = (await loadRuleSets(db)).map((s) => s.ruleSet);
  return ruleSetFor(date, all) ?? all[0]!;
}

export async function ruleSetByVersion(db: Queryable, version: number): Promise<RuleSet | undefined> {
  return (await loadRuleSets(db)).find((s) => s.ruleSet.version === version)?.ruleSet;
}
