/**
 * Progress of an organisation's subtree against its targets for a year — the function other
 * features (plans, reports) call: `indicatorProgress(db, { orgId, year })`.
 */
import { sql } from 'drizzle-orm';
import { elapsedInYear, type ProgressStatus, progressOf } from '../../../domain/indicators';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import { computeYear, loadTargets } from './indicators.compute';

export interface IndicatorProgressItem {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  target: number | null;
  status: ProgressStatus;
}

/** Share of the year elapsed on `today` (1 for past years, 0 for future ones). */
export function elapsedFor(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (year < thisYear) return 1;
  if (year > thisYear) return 0;
  return elapsedInYear(year, today);
}

/**
 * Rolled-up values of every active indicator for the organisation's subtree in `year`, with the
 * target in force (the organisation's own, else its nearest ancestor's) and the progress status.
 * An unknown organisation gives an empty list.
 */
export async function indicatorProgress(
  db: Queryable,
  input: { orgId: string; year: number; today?: string },
): Promise<IndicatorProgressItem[]> {
  const org = (
    await db.execute<{ path: string }>(sql`select path from organizations where id = ${input.orgId}`)
  ).rows[0];
  if (!org) return [];
  const table = await computeYear(db, org.path, input.year);
  const targets = await loadTargets(
    db,
    table.orgs.filter((o) => o.id === input.orgId),
    input.year,
  );
  const elapsed = elapsedFor(input.year, input.today ?? todayInVietnam(new Date()));
  return table.definitions.map((d) => {
    const value = table.values.get(d.id)?.get(input.orgId) ?? null;
    const target = targets.get(d.id)?.get(input.orgId) ?? null;
    return {
      code: d.code,
      name: d.name,
      unit: d.unit,
      value,
      target,
      status: progressOf({ value, target, direction: d.direction, elapsed }).status,
    };
  });
}
