import { sql } from 'drizzle-orm';
import { AWARD_NAMES, type AwardCode } from '../../../domain/commendation/codes';
import type { Db } from '../../db/client';

/**
 * The system's own statistics for a roll-up report, over the requesting organisation's subtree
 * and the report's year: awards by form (award register), registrations (when the registration
 * module is installed), recognised initiatives by scope, and indicator progress (when the
 * indicators module is installed).
 */

const INITIATIVE_SCOPE_NAMES: Record<string, string> = {
  unit: 'Cấp cơ sở',
  province: 'Cấp tỉnh',
  national: 'Toàn quốc',
};

export interface IndicatorProgressRow {
  code: string;
  name: string;
  unit: string;
  value: number | null;
  target: number | null;
  status: 'met' | 'on_track' | 'behind' | 'no_data';
}

type IndicatorProgressFn = (
  db: Db,
  input: { orgId: string; year: number },
) => Promise<IndicatorProgressRow[]>;

let indicatorModule: Promise<IndicatorProgressFn | null> | null = null;

/** The indicators module is built separately; use it when it is there (a missing module is not an error). */
function loadIndicatorProgress(): Promise<IndicatorProgressFn | null> {
  indicatorModule ??= (async () => {
    const specifier = '../indicators/indicators.service';
    try {
      const mod = (await import(/* @vite-ignore */ specifier)) as { indicatorProgress?: IndicatorProgressFn };
      return typeof mod.indicatorProgress === 'function' ? mod.indicatorProgress : null;
    } catch {
      return null;
    }
  })();
  return indicatorModule;
}

async function registrationTablesExist(db: Db): Promise<boolean> {
  const r = await db.execute<{ ok: boolean }>(
    sql`select to_regclass('public.registrations') is not null and to_regclass('public.registration_items') is not null as ok`,
  );
  return r.rows[0]?.ok === true;
}

export async function systemStatistics(db: Db, input: { orgId: string; orgPath: string; year: number }) {
  const like = `${input.orgPath}%`;
  const awardsQ = db.execute<{ code: string; n: number }>(sql`
    select a.award_code as code, count(*)::int as n
    from awards a
    left join people p on p.id = a.person_id
    join organizations o on o.id = coalesce(a.unit_org_id, a.org_id, p.current_org_id)
    where a.year = ${input.year} and a.revoked_at is null and o.path like ${like}
    group by a.award_code order by count(*) desc, a.award_code`);

  const registrationsQ = (async () => {
    if (!(await registrationTablesExist(db))) return { collectives: 0, individuals: 0, available: false };
    const r = await db.execute<{ collectives: number; individuals: number }>(sql`
      select count(*) filter (where i.person_id is null)::int as collectives,
             count(*) filter (where i.person_id is not null)::int as individuals
      from registrations g join registration_items i on i.registration_id = g.id
      join organizations o on o.id = g.org_id
      where g.year = ${input.year} and g.status in ('submitted', 'approved') and o.path like ${like}`);
    return { ...r.rows[0]!, available: true };
  })();

  const initiativesQ = db.execute<{ scope: string; n: number }>(sql`
    select i.scope, count(*)::int as n from initiatives i join organizations o on o.id = i.org_id
    where i.year = ${input.year} and o.path like ${like}
    group by i.scope order by i.scope`);

  const progress = await loadIndicatorProgress();
  const indicatorsQ: Promise<IndicatorProgressRow[]> = progress
    ? progress(db, { orgId: input.orgId, year: input.year }).catch(() => [])
    : Promise.resolve([]);

  // independent queries: run them side by side on the pool
  const [awards, registrations, initiatives, indicators] = await Promise.all([
    awardsQ,
    registrationsQ,
    initiativesQ,
    indicatorsQ,
  ]);

  return {
    year: input.year,
    awardsByForm: awards.rows.map((r) => ({
      code: r.code,
      name: AWARD_NAMES[r.code as AwardCode] ?? r.code,
      count: r.n,
    })),
    registrations,
    initiatives: {
      total: initiatives.rows.reduce((a, r) => a + r.n, 0),
      byScope: initiatives.rows.map((r) => ({
        scope: r.scope,
        name: INITIATIVE_SCOPE_NAMES[r.scope] ?? r.scope,
        count: r.n,
      })),
    },
    indicators,
    indicatorsAvailable: progress !== null,
  };
}
