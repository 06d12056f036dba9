import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import {
  memberships,
  organizations,
  orgEventParticipants,
  orgEvents,
  orgLineage,
  orgNames,
} from '../../db/schema';

export type OrgRow = typeof organizations.$inferSelect;

export async function findOrg(db: Queryable, id: string): Promise<OrgRow | undefined> {
  const res = await db.select().from(organizations).where(sql`${organizations.id} = ${id}`).limit(1);
  return res[0];
}

export async function findOrgByCode(db: Queryable, code: string): Promise<OrgRow | undefined> {
  const res = await db.select().from(organizations).where(sql`${organizations.code} = ${code}`).limit(1);
  return res[0];
}

export async function insertOrg(
  db: Queryable,
  parent: OrgRow | null,
  org: { type: string; code: string; name: string; shortName: string; validFrom: string },
  eventId: string | null,
): Promise<OrgRow> {
  const id = randomUUID();
  const [row] = await db
    .insert(organizations)
    .values({
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: parent ? parent.depth + 1 : 0,
      type: org.type,
      code: org.code,
      name: org.name,
      shortName: org.shortName,
      validFrom: org.validFrom,
    })
    .returning();
  await db
    .insert(orgNames)
    .values({ orgId: id, name: org.name, shortName: org.shortName, validFrom: org.validFrom, eventId });
  return row!;
}

/** Re-parents an organisation and rewrites the paths of its whole subtree in one statement. */
export async function moveSubtree(db: Queryable, org: OrgRow, newParent: OrgRow): Promise<void> {
  const newPath = `${newParent.path}${org.id}/`;
  const depthDelta = newParent.depth + 1 - org.depth;
  await db.execute(sql`
    update organizations
       set path = ${newPath} || substr(path, ${org.path.length + 1}),
           depth = depth + ${depthDelta},
           parent_id = case when id = ${org.id} then ${newParent.id}::uuid else parent_id end,
           version = version + 1, updated_at = now()
     where path like ${`${org.path}%`}`);
}

export async function closeOrg(db: Queryable, orgId: string, status: string, validTo: string): Promise<void> {
  await db.execute(sql`
    update organizations set status = ${status}, valid_to = ${validTo}, version = version + 1, updated_at = now()
     where id = ${orgId}`);
  await db.execute(
    sql`update org_names set valid_to = ${validTo} where org_id = ${orgId} and valid_to is null`,
  );
}

export async function activeChildren(db: Queryable, orgId: string): Promise<OrgRow[]> {
  return db
    .select()
    .from(organizations)
    .where(sql`${organizations.parentId} = ${orgId} and ${organizations.status} = 'active'`);
}

export async function activeMemberCount(db: Queryable, orgId: string): Promise<number> {
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from memberships where org_id = ${orgId} and to_date is null`,
  );
  return Number(res.rows[0]?.n ?? 0);
}

/** Moves everyone currently in `fromOrgId` to `toOrgId` from `effectiveOn` (closing the old membership). */
export async function transferAllMembers(
  db: Queryable,
  fromOrgId: string,
  toOrgId: string,
  effectiveOn: string,
  lastDay: string,
  note: string,
): Promise<number> {
  const closed = await db.execute<{ person_id: string }>(sql`
    update memberships set to_date = ${lastDay}
     where org_id = ${fromOrgId} and to_date is null
     returning person_id`);
  const ids = closed.rows.map((r) => r.person_id);
  if (ids.length > 0) {
    await db
      .insert(memberships)
      .values(ids.map((personId) => ({ personId, orgId: toOrgId, fromDate: effectiveOn, note })));
    await db.execute(sql`update people set current_org_id = ${toOrgId}, version = version + 1, updated_at = now()
                          where id = any(${sql.param(ids)}::uuid[])`);
  }
  return ids.length;
}

export async function insertEvent(
  db: Queryable,
  event: {
    type: string;
    effectiveOn: string;
    documentNumber?: string | null;
    documentDate?: string | null;
    documentIssuer?: string | null;
    note?: string | null;
    payload: Record<string, unknown>;
    createdBy: string | null;
  },
  participants: { orgId: string; role: string }[],
): Promise<string> {
  const id = randomUUID();
  await db.insert(orgEvents).values({
    id,
    type: event.type,
    effectiveOn: event.effectiveOn,
    documentNumber: event.documentNumber ?? null,
    documentDate: event.documentDate ?? null,
    documentIssuer: event.documentIssuer ?? null,
    note: event.note ?? null,
    payload: event.payload,
    createdBy: event.createdBy,
  });
  if (participants.length > 0) {
    await db.insert(orgEventParticipants).values(participants.map((p) => ({ eventId: id, ...p })));
  }
  return id;
}

export async function addLineage(
  db: Queryable,
  eventId: string,
  predecessorId: string,
  successorId: string,
  effectiveOn: string,
) {
  await db.insert(orgLineage).values({ eventId, predecessorId, successorId, effectiveOn });
}

/** Predecessors (transitively, through merge/split edges) with the date each edge took effect. */
export async function predecessorsOf(db: Queryable, orgId: string) {
  const res = await db.execute<{
    id: string;
    name: string;
    code: string;
    status: string;
    effective_on: string;
  }>(sql`
    with recursive pred(id, effective_on, depth) as (
      select predecessor_id, effective_on, 1 from org_lineage where successor_id = ${orgId}
      union
      select l.predecessor_id, l.effective_on, p.depth + 1
        from org_lineage l join pred p on l.successor_id = p.id
       where p.depth < 50
    )
    select distinct on (o.id) o.id, o.name, o.code, o.status, p.effective_on
      from pred p join organizations o on o.id = p.id
     order by o.id, p.depth`);
  return res.rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    status: r.status,
    effectiveOn: r.effective_on,
  }));
}

/** The organisations carrying on `orgId` on `date` (itself if nothing happened by then). */
export async function successorsOn(db: Queryable, orgId: string, date: string) {
  const res = await db.execute<{
    id: string;
    name: string;
    code: string;
    status: string;
    effective_on: string | null;
  }>(sql`
    with recursive succ(id, effective_on, depth) as (
      select ${orgId}::uuid, null::date, 0
      union
      select l.successor_id, l.effective_on, s.depth + 1
        from org_lineage l join succ s on l.predecessor_id = s.id
       where l.effective_on <= ${date} and s.depth < 50
    )
    select o.id, o.name, o.code, o.status, s.effective_on
      from succ s join organizations o on o.id = s.id
     where not exists (select 1 from org_lineage l where l.predecessor_id = s.id and l.effective_on <= ${date})`);
  return res.rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    status: r.status,
    effectiveOn: r.effective_on ?? date,
  }));
}

/** Immediate successors (one hop), for the history view. */
export async function directSuccessors(db: Queryable, orgId: string) {
  const res = await db.execute<{
    id: string;
    name: string;
    code: string;
    status: string;
    effective_on: string;
  }>(sql`
    select o.id, o.name, o.code, o.status, l.effective_on
      from org_lineage l join organizations o on o.id = l.successor_id
     where l.predecessor_id = ${orgId} order by l.effective_on`);
  return res.rows.map((r) => ({
    id: r.id,
    name: r.name,
    code: r.code,
    status: r.status,
    effectiveOn: r.effective_on,
  }));
}
