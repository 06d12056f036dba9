/**
 * Reads definitions, values, targets and digital-skills counts of an organisation subtree and
 * computes rolled-up values with the pure domain functions (src/domain/indicators).
 */
import { sql } from 'drizzle-orm';
import {
  type Direction,
  type DtiComponent,
  digitalTransformationIndex,
  periodEnd,
  type RollupKind,
  rollUpTree,
  type YearAggregation,
  yearValue,
} from '../../../domain/indicators';
import type { Queryable } from '../../db/client';

export type DefinitionRow = {
  id: string;
  code: string;
  name: string;
  unit: string;
  description: string | null;
  direction: Direction;
  rollup: RollupKind;
  weight_indicator_id: string | null;
  year_aggregation: YearAggregation;
  periodicity: string;
  source: 'manual' | 'digital_skills';
  dti_weight: number | null;
  dti_min: number | null;
  dti_max: number | null;
  active: boolean;
  sort: number;
  version: number;
};

export type SubtreeOrg = {
  id: string;
  parent_id: string | null;
  path: string;
  name: string;
  code: string;
  type: string;
  status: string;
  depth: number;
};

export async function loadDefinitions(
  db: Queryable,
  opts: { activeOnly?: boolean } = {},
): Promise<DefinitionRow[]> {
  const r = await db.execute<DefinitionRow>(sql`
    select id, code::text as code, name, unit, description, direction, rollup, weight_indicator_id,
           year_aggregation, periodicity, source, dti_weight, dti_min, dti_max, active, sort, version
      from indicator_definitions
     ${opts.activeOnly ? sql`where active` : sql``}
     order by sort, code`);
  return r.rows;
}

export async function loadSubtree(db: Queryable, rootPath: string): Promise<SubtreeOrg[]> {
  const r = await db.execute<SubtreeOrg>(sql`
    select id, parent_id, path, name, code::text as code, type, status, depth
      from organizations where path like ${`${rootPath}%`} order by path`);
  return r.rows;
}

/** Own reported values per indicator → org → (year, period) list, for the subtree and years. */
async function loadOwnValues(db: Queryable, rootPath: string, fromYear: number, toYear: number) {
  const r = await db.execute<{
    indicator_id: string;
    org_id: string;
    year: number;
    period: string;
    value: number;
  }>(sql`
    select v.indicator_id, v.org_id, v.year, v.period, v.value
      from indicator_values v join organizations o on o.id = v.org_id
     where o.path like ${`${rootPath}%`} and v.year between ${fromYear} and ${toYear}`);
  return r.rows.map((x) => ({ ...x, value: Number(x.value), year: Number(x.year) }));
}

/** Active staff and certified staff of each organisation (direct members), as of the end of `year`. */
async function loadDigitalSkillCounts(db: Queryable, rootPath: string, year: number) {
  const r = await db.execute<{ org_id: string; staff: number; certified: number }>(sql`
    select p.current_org_id as org_id, count(*)::int as staff,
           count(c.id) filter (where c.completed_on <= ${`${year}-12-31`})::int as certified
      from people p
      join organizations o on o.id = p.current_org_id
      left join digital_skill_completions c on c.person_id = p.id
     where p.status = 'active' and o.path like ${`${rootPath}%`}
     group by p.current_org_id`);
  return r.rows;
}

export interface YearTable {
  orgs: SubtreeOrg[];
  definitions: DefinitionRow[];
  /** indicator id → org id → rolled-up value of the year */
  values: Map<string, Map<string, number | null>>;
  /** for digital skills: org id → { staff, certified } rolled up */
  digitalSkills: Map<string, { staff: number; certified: number }>;
}

/** Rolled-up year values of every active indicator for every organisation of the subtree. */
export async function computeYear(
  db: Queryable,
  rootPath: string,
  year: number,
  preload?: { orgs: SubtreeOrg[]; definitions: DefinitionRow[] },
): Promise<YearTable> {
  const orgs = preload?.orgs ?? (await loadSubtree(db, rootPath));
  const definitions = preload?.definitions ?? (await loadDefinitions(db, { activeOnly: true }));
  const own = await loadOwnValues(db, rootPath, year, year);
  const nodes = orgs.map((o) => ({ id: o.id, parentId: o.parent_id }));
  // year value of each (indicator, org) from its periods
  const periods = new Map<string, Map<string, Array<{ period: string; value: number }>>>();
  for (const v of own) {
    const byOrg = periods.get(v.indicator_id) ?? new Map();
    const list = byOrg.get(v.org_id) ?? [];
    list.push({ period: v.period, value: v.value });
    byOrg.set(v.org_id, list);
    periods.set(v.indicator_id, byOrg);
  }
  const defById = new Map(definitions.map((d) => [d.id, d]));
  const ownYear = (indicatorId: string, agg: YearAggregation): Map<string, number> => {
    const out = new Map<string, number>();
    for (const [orgId, list] of periods.get(indicatorId) ?? []) {
      const y = yearValue(list, agg);
      if (y !== null) out.set(orgId, y);
    }
    return out;
  };
  const values = new Map<string, Map<string, number | null>>();
  const digitalSkills = new Map<string, { staff: number; certified: number }>();
  const needsSkills = definitions.some((d) => d.source === 'digital_skills');
  if (needsSkills) {
    // staff are counted over the whole subtree: an organisation's own staff (a Sở's leaders) and
    // those of every unit below it
    const counts = await loadDigitalSkillCounts(db, rootPath, year);
    const parent = new Map(orgs.map((o) => [o.id, o.parent_id]));
    for (const c of counts) {
      let id: string | null | undefined = c.org_id;
      while (id && parent.has(id)) {
        const cur = digitalSkills.get(id) ?? { staff: 0, certified: 0 };
        digitalSkills.set(id, {
          staff: cur.staff + Number(c.staff),
          certified: cur.certified + Number(c.certified),
        });
        id = parent.get(id);
      }
    }
  }
  // before the first completion recorded anywhere in the subtree the programme had not started:
  // no data (null) rather than 0 %, so earlier years do not count in multi-year averages
  const rootId = orgs.find((o) => o.path === rootPath)?.id;
  const started = rootId !== undefined && (digitalSkills.get(rootId)?.certified ?? 0) > 0;
  for (const d of definitions) {
    if (d.source === 'digital_skills') {
      const m = new Map<string, number | null>();
      for (const o of orgs) {
        const c = digitalSkills.get(o.id);
        m.set(o.id, c && started ? (100 * c.certified) / c.staff : null);
      }
      values.set(d.id, m);
      continue;
    }
    const weightDef = d.weight_indicator_id ? defById.get(d.weight_indicator_id) : undefined;
    const weights =
      d.rollup === 'weighted' && weightDef ? ownYear(weightDef.id, weightDef.year_aggregation) : new Map();
    values.set(d.id, rollUpTree(nodes, d.rollup, ownYear(d.id, d.year_aggregation), weights));
  }
  return { orgs, definitions, values, digitalSkills };
}

/**
 * Targets in force for each organisation: its own target for the year, else the nearest
 * ancestor's (a Sở's target applies to its units unless a unit has its own).
 */
export async function loadTargets(db: Queryable, orgs: SubtreeOrg[], year: number) {
  if (orgs.length === 0) return new Map<string, Map<string, number>>();
  const ancestorIds = new Set<string>();
  for (const o of orgs) for (const id of o.path.split('/').filter(Boolean)) ancestorIds.add(id);
  const ids = [...ancestorIds];
  const r = await db.execute<{ indicator_id: string; org_id: string; target: number }>(sql`
    select indicator_id, org_id, target from indicator_targets
     where year = ${year} and org_id in (${sql.join(
       ids.map((id) => sql`${id}::uuid`),
       sql`, `,
     )})`);
  const byIndicator = new Map<string, Map<string, number>>();
  for (const t of r.rows) {
    const m = byIndicator.get(t.indicator_id) ?? new Map();
    m.set(t.org_id, Number(t.target));
    byIndicator.set(t.indicator_id, m);
  }
  /** indicator id → org id → target in force */
  const inForce = new Map<string, Map<string, number>>();
  for (const [indicatorId, own] of byIndicator) {
    const m = new Map<string, number>();
    for (const o of orgs) {
      const chain = o.path.split('/').filter(Boolean).reverse();
      for (const id of chain) {
        const t = own.get(id);
        if (t !== undefined) {
          m.set(o.id, t);
          break;
        }
      }
    }
    inForce.set(indicatorId, m);
  }
  return inForce;
}

export function dtiComponents(definitions: DefinitionRow[]): DtiComponent[] {
  return definitions
    .filter((d) => d.dti_weight != null && d.dti_weight > 0)
    .map((d) => ({
      code: d.code,
      weight: Number(d.dti_weight),
      min: d.dti_min ?? 0,
      max: d.dti_max ?? 100,
      direction: d.direction,
    }));
}

/** The DTI of each organisation of a computed year. */
export function dtiOf(table: YearTable, orgIds: string[]) {
  const comps = dtiComponents(table.definitions);
  const byCode = new Map(table.definitions.map((d) => [d.code, d]));
  return new Map(
    orgIds.map((orgId) => {
      const vals = new Map<string, number | null>();
      for (const c of comps) vals.set(c.code, table.values.get(byCode.get(c.code)!.id)?.get(orgId) ?? null);
      return [orgId, digitalTransformationIndex(comps, vals)] as const;
    }),
  );
}

/** Time series: the rolled-up value of one indicator at each reported period. */
export async function computeSeries(
  db: Queryable,
  rootPath: string,
  rootId: string,
  definition: DefinitionRow,
  fromYear: number,
  toYear: number,
) {
  const orgs = await loadSubtree(db, rootPath);
  const nodes = orgs.map((o) => ({ id: o.id, parentId: o.parent_id }));
  const own = await loadOwnValues(db, rootPath, fromYear, toYear);
  const weightId = definition.rollup === 'weighted' ? definition.weight_indicator_id : null;
  const keys = new Map<string, { year: number; period: string }>();
  const valueAt = new Map<string, Map<string, number>>();
  // weights: the weight indicator's year value ('last' period) of each org, per year
  const weightPeriods = new Map<number, Map<string, Array<{ period: string; value: number }>>>();
  for (const v of own) {
    const key = `${v.year}|${v.period}`;
    if (v.indicator_id === definition.id) {
      keys.set(key, { year: v.year, period: v.period });
      const m = valueAt.get(key) ?? new Map();
      m.set(v.org_id, v.value);
      valueAt.set(key, m);
    } else if (weightId && v.indicator_id === weightId) {
      const m = weightPeriods.get(v.year) ?? new Map();
      const list = m.get(v.org_id) ?? [];
      list.push({ period: v.period, value: v.value });
      m.set(v.org_id, list);
      weightPeriods.set(v.year, m);
    }
  }
  const weightsOfYear = (year: number) => {
    const out = new Map<string, number>();
    for (const [orgId, list] of weightPeriods.get(year) ?? []) {
      const w = yearValue(list, 'last');
      if (w !== null) out.set(orgId, w);
    }
    return out;
  };
  return [...keys.entries()]
    .map(([key, k]) => {
      const rolled = rollUpTree(
        nodes,
        definition.rollup,
        valueAt.get(key) ?? new Map(),
        weightsOfYear(k.year),
      );
      return {
        year: k.year,
        period: k.period,
        periodEnd: periodEnd(k.year, k.period),
        value: rolled.get(rootId) ?? null,
      };
    })
    .sort((a, b) =>
      a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : a.period.localeCompare(b.period),
    );
}
