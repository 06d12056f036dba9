import { type SQL, sql } from 'drizzle-orm';
import type { Db, Queryable } from '../../db/client';

/**
 * Runs read queries over the register with nested loops disabled. The embedded PGlite never runs
 * ANALYZE (no autovacuum), so without statistics the planner estimates one row per filter and
 * joins 10,000 awards to the organisations by a nested loop: the demo statistics took 2.5 s per
 * query (30 s per page) instead of 40 ms with hash joins (EXPLAIN ANALYZE on the demo data).
 * Hash joins are also the right plan on PostgreSQL for these whole-subtree aggregates.
 */
export async function withHashJoins<T>(db: Db | Queryable, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return (db as Db).transaction(async (tx) => {
    await tx.execute(sql`set local enable_nestloop = off`);
    return fn(tx);
  });
}

/** One row of the award register with its subject, unit and decision. */
export type RegisterRow = {
  id: string;
  person_id: string | null;
  full_name: string | null;
  staff_code: string | null;
  collective_id: string | null;
  collective_name: string | null;
  unit_id: string | null;
  unit_name: string | null;
  award_code: string;
  year: number;
  kind: string;
  decision_number: string | null;
  decided_on: string | null;
  issuer: string | null;
  source: string;
  amount: number | null;
};

/**
 * The register as one relation. The unit of an award (for scope, filters and grouping) is the
 * collective itself, else the person's unit when awarded, else the person's current unit.
 */
export const REGISTER_FROM = sql`
  from awards a
  left join people p on p.id = a.person_id
  left join organizations so on so.id = a.org_id
  left join organizations u on u.id = coalesce(a.org_id, a.unit_org_id, p.current_org_id)`;

const SELECT = sql`
  select a.id, a.person_id, p.full_name, p.staff_code::text as staff_code,
         so.id as collective_id, so.name as collective_name, u.id as unit_id, u.name as unit_name,
         a.award_code, a.year, a.kind, a.decision_number, a.decided_on, a.issuer, a.source,
         a.amount::float8 as amount`;

export async function listEntries(
  db: Queryable,
  where: SQL,
  orderBy: SQL,
  limit: number,
  offset: number,
): Promise<{ rows: RegisterRow[]; total: number }> {
  const [page, count] = await Promise.all([
    db.execute<RegisterRow>(
      sql`${SELECT} ${REGISTER_FROM} where ${where} order by ${orderBy} limit ${limit} offset ${offset}`,
    ),
    db.execute<{ n: number }>(sql`select count(*)::int as n ${REGISTER_FROM} where ${where}`),
  ]);
  return { rows: page.rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function* streamEntries(db: Queryable, where: SQL, orderBy: SQL, batch = 2000) {
  for (let offset = 0; ; offset += batch) {
    const res = await withHashJoins(db, (tx) =>
      tx.execute<RegisterRow>(
        sql`${SELECT} ${REGISTER_FROM} where ${where} order by ${orderBy} limit ${batch} offset ${offset}`,
      ),
    );
    yield* res.rows;
    if (res.rows.length < batch) return;
  }
}

/** The organisation and its predecessors (transitively, through merges and splits), with paths. */
export async function lineageFamily(db: Queryable, orgId: string) {
  const res = await db.execute<{
    id: string;
    name: string;
    path: string;
    effective_on: string | null;
    depth: number;
  }>(sql`
    with recursive fam(id, effective_on, depth) as (
      select ${orgId}::uuid, null::date, 0
      union
      select l.predecessor_id, l.effective_on, f.depth + 1
        from org_lineage l join fam f on l.successor_id = f.id
       where f.depth < 50
    )
    select distinct on (o.id) o.id, o.name, o.path, f.effective_on, f.depth
      from fam f join organizations o on o.id = f.id
     order by o.id, f.depth`);
  return res.rows.sort((a, b) => a.depth - b.depth);
}

export type CountRow = { individual: number; collective: number; amount: number };

const COUNTS = sql`count(*) filter (where a.person_id is not null)::int as individual,
                   count(*) filter (where a.person_id is null)::int as collective,
                   coalesce(sum(a.amount), 0)::float8 as amount`;

export async function statistics(db: Queryable, where: SQL, groupPart: number) {
  const unitKey = sql`split_part(u.path, '/', ${sql.raw(String(Math.trunc(groupPart)))})`;
  const { byYear, byForm, byOrg, byYearForm } = await withHashJoins(db, async (tx) => ({
    byYear: await tx.execute<CountRow & { year: number }>(
      sql`select a.year, ${COUNTS} ${REGISTER_FROM} where ${where} group by a.year order by a.year`,
    ),
    byForm: await tx.execute<CountRow & { award_code: string }>(
      sql`select a.award_code, ${COUNTS} ${REGISTER_FROM} where ${where} group by a.award_code`,
    ),
    byOrg: await tx.execute<CountRow & { key: string }>(
      sql`select ${unitKey} as key, ${COUNTS} ${REGISTER_FROM} where ${where} group by 1`,
    ),
    byYearForm: await tx.execute<{ year: number; award_code: string; n: number }>(
      sql`select a.year, a.award_code, count(*)::int as n ${REGISTER_FROM} where ${where} group by 1, 2 order by 1, 2`,
    ),
  }));
  return { byYear: byYear.rows, byForm: byForm.rows, byOrg: byOrg.rows, byYearForm: byYearForm.rows };
}

export async function orgNames(db: Queryable, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const res = await db.execute<{ id: string; name: string }>(
    sql`select id, name from organizations where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
  return new Map(res.rows.map((r) => [r.id, r.name]));
}
