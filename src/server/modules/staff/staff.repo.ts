import { type SQL, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';

export type StaffRow = {
  id: string;
  staff_code: string;
  full_name: string;
  birth_date: string | null;
  gender: string | null;
  position: string | null;
  professional_title: string | null;
  employment_type: string | null;
  personal_id: string | null;
  email: string | null;
  phone: string | null;
  status: string;
  version: number;
  org_id: string | null;
  org_name: string | null;
  org_code: string | null;
  org_path: string | null;
};

const SELECT = sql`
  select p.id, p.staff_code, p.full_name, p.birth_date, p.gender, p.position, p.professional_title,
         p.employment_type, p.personal_id, p.email, p.phone, p.status, p.version,
         o.id as org_id, o.name as org_name, o.code as org_code, o.path as org_path
    from people p left join organizations o on o.id = p.current_org_id`;

export async function findStaff(db: Queryable, id: string): Promise<StaffRow | undefined> {
  const res = await db.execute<StaffRow>(sql`${SELECT} where p.id = ${id}`);
  return res.rows[0];
}

export async function findStaffByCode(db: Queryable, code: string): Promise<StaffRow | undefined> {
  const res = await db.execute<StaffRow>(sql`${SELECT} where p.staff_code = ${code}`);
  return res.rows[0];
}

export async function listStaff(
  db: Queryable,
  where: SQL,
  orderBy: SQL,
  limit: number,
  offset: number,
): Promise<{ rows: StaffRow[]; total: number }> {
  const [page, count] = await Promise.all([
    db.execute<StaffRow>(sql`${SELECT} where ${where} order by ${orderBy} limit ${limit} offset ${offset}`),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from people p left join organizations o on o.id = p.current_org_id where ${where}`,
    ),
  ]);
  return { rows: page.rows, total: Number(count.rows[0]?.n ?? 0) };
}

export async function membershipsOf(db: Queryable, personId: string) {
  const res = await db.execute<{
    id: string;
    org_id: string;
    org_name: string;
    from_date: string;
    to_date: string | null;
    note: string | null;
  }>(sql`
    select m.id, m.org_id, o.name as org_name, m.from_date, m.to_date, m.note
      from memberships m join organizations o on o.id = m.org_id
     where m.person_id = ${personId}
     order by m.from_date desc, m.created_at desc`);
  return res.rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    fromDate: r.from_date,
    toDate: r.to_date,
    note: r.note,
  }));
}
