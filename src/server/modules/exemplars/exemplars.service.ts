import { type SQL, sql } from 'drizzle-orm';
import type {
  CreateExemplarBodyT,
  ExemplarListQueryT,
  UpdateExemplarBodyT,
} from '../../../contracts/exemplars';
import type { Queryable } from '../../db/client';
import { exemplars } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';

const PERMISSION = 'exemplar.manage';

type ExemplarRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  person_id: string | null;
  full_name: string | null;
  subject_org_id: string | null;
  subject_org_name: string | null;
  year: number;
  title: string;
  story: string;
  published: boolean;
  published_at: string | Date | null;
  version: number;
};

const SELECT = sql`
  select e.id, e.org_id, o.name as org_name, o.path as org_path, e.person_id, p.full_name,
         e.subject_org_id, so.name as subject_org_name, e.year, e.title, e.story, e.published,
         e.published_at, e.version
    from exemplars e
    join organizations o on o.id = e.org_id
    left join people p on p.id = e.person_id
    left join organizations so on so.id = e.subject_org_id`;

function present(r: ExemplarRow) {
  return {
    id: r.id,
    subject: r.person_id ? ('individual' as const) : ('collective' as const),
    person: r.person_id ? { id: r.person_id, fullName: r.full_name ?? '' } : null,
    collective: r.subject_org_id ? { id: r.subject_org_id, name: r.subject_org_name ?? '' } : null,
    org: { id: r.org_id, name: r.org_name },
    year: Number(r.year),
    title: r.title,
    story: r.story,
    published: r.published,
    publishedAt: r.published_at ? new Date(r.published_at).toISOString() : null,
    version: r.version,
  };
}

function snapshot(r: ReturnType<typeof present>) {
  return {
    personId: r.person?.id ?? null,
    orgId: r.collective?.id ?? null,
    year: r.year,
    title: r.title,
    published: r.published,
  };
}

async function loadInScope(db: Queryable, ctx: Ctx, id: string): Promise<ExemplarRow> {
  const res = await db.execute<ExemplarRow>(sql`${SELECT} where e.id = ${id}`);
  const row = res.rows[0];
  if (!row || !isInScope(scopeOf(ctx, PERMISSION), row.org_path)) throw notFound();
  return row;
}

export async function listExemplars(ctx: Ctx, q: ExemplarListQueryT) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const parts: SQL[] = [pathInSubtrees(sql`o.path`, scopeOf(ctx, PERMISSION))];
  if (q.orgId) {
    const org = await loadOrgInScope(ctx.db, ctx, q.orgId, PERMISSION);
    parts.push(sql`o.path like ${`${org.path}%`}`);
  }
  if (q.year !== undefined) parts.push(sql`e.year = ${q.year}`);
  if (q.published !== undefined) parts.push(sql`e.published = ${q.published}`);
  const where = sql.join(parts, sql` and `);
  const [rows, count] = await Promise.all([
    ctx.db.execute<ExemplarRow>(
      sql`${SELECT} where ${where} order by e.year desc, e.created_at desc, e.id limit ${pageSize} offset ${(page - 1) * pageSize}`,
    ),
    ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from exemplars e join organizations o on o.id = e.org_id where ${where}`,
    ),
  ]);
  return { items: rows.rows.map(present), total: Number(count.rows[0]?.n ?? 0), page, pageSize };
}

export async function getExemplar(ctx: Ctx, id: string) {
  return present(await loadInScope(ctx.db, ctx, id));
}

export async function createExemplar(ctx: Ctx, input: CreateExemplarBodyT) {
  return ctx.db.transaction(async (tx) => {
    let orgId: string;
    if (input.personId) {
      const res = await tx.execute<{ org_id: string | null; org_path: string | null }>(sql`
        select o.id as org_id, o.path as org_path
          from people p left join organizations o on o.id = p.current_org_id where p.id = ${input.personId}`);
      const person = res.rows[0];
      if (!person?.org_path || !isInScope(scopeOf(ctx, PERMISSION), person.org_path)) {
        throw new AppError('VALIDATION_FAILED', [
          { field: 'personId', message: 'Không tìm thấy cá nhân trong phạm vi quản lý.' },
        ]);
      }
      orgId = person.org_id!;
    } else {
      const org = await loadOrgInScope(tx, ctx, input.orgId!, PERMISSION);
      orgId = org.id;
    }
    const published = input.published ?? false;
    const [row] = await tx
      .insert(exemplars)
      .values({
        orgId,
        personId: input.personId ?? null,
        subjectOrgId: input.orgId ?? null,
        year: input.year,
        title: input.title,
        story: input.story,
        published,
        publishedAt: published ? ctx.now() : null,
        createdBy: ctx.actor?.userId ?? null,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      })
      .returning({ id: exemplars.id });
    const created = present(await loadInScope(tx, ctx, row!.id));
    await writeAudit(tx, ctx, {
      action: 'exemplar.create',
      entityType: 'exemplar',
      entityId: created.id,
      orgId,
      after: snapshot(created),
    });
    return created;
  });
}

export async function updateExemplar(ctx: Ctx, id: string, input: UpdateExemplarBodyT) {
  return ctx.db.transaction(async (tx) => {
    const before = present(await loadInScope(tx, ctx, id));
    const published = input.published ?? before.published;
    const publishedAt = !published ? null : before.published ? before.publishedAt : ctx.now().toISOString();
    const res = await tx.execute(sql`
      update exemplars
         set year = ${input.year ?? before.year}, title = ${input.title ?? before.title},
             story = ${input.story ?? before.story}, published = ${published},
             published_at = ${publishedAt}, version = version + 1, updated_at = ${ctx.now().toISOString()}
       where id = ${id} and version = ${input.version}`);
    if ((res.rowCount ?? 0) === 0) throw new AppError('CONFLICT');
    const after = present(await loadInScope(tx, ctx, id));
    await writeAudit(tx, ctx, {
      action: 'exemplar.update',
      entityType: 'exemplar',
      entityId: id,
      orgId: after.org.id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}

export async function deleteExemplar(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = present(await loadInScope(tx, ctx, id));
    await tx.execute(sql`delete from exemplars where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'exemplar.delete',
      entityType: 'exemplar',
      entityId: id,
      orgId: before.org.id,
      before: snapshot(before),
    });
  });
}
