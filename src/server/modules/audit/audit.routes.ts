import { type SQL, sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IsoDate, Paged, QueryInt, Uuid } from '../../../contracts/common';
import { addDays } from '../../../domain/time/dates';
import { verifyAuditChain } from '../../platform/audit/audit';
import { policy } from '../../platform/auth/policy';
import { type Ctx, ctxFromRequest } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';

const tags = ['Nhật ký'];

const AuditQuery = z.strictObject({
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  actorId: Uuid.optional(),
  action: z.string().max(100).optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  page: QueryInt(1, 1_000_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});

const AuditItem = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});

/**
 * Audit rows are scoped like everything else: rows about an organisation are visible within
 * its subtree; rows without an organisation (logins, accounts) only to a scope containing a root.
 */
async function auditScope(ctx: Ctx): Promise<SQL> {
  const paths = scopeOf(ctx, 'audit.read');
  const roots = await ctx.db.execute<{ path: string }>(sql`select path from organizations where depth = 0`);
  const seesRoot = roots.rows.some((r) => paths.some((p) => r.path.startsWith(p)));
  return sql`(${pathInSubtrees(sql`a.org_path`, paths)} ${seesRoot ? sql`or a.org_path is null` : sql``})`;
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      config: policy.permission('audit.read'),
      schema: {
        tags,
        summary: 'Tra cứu nhật ký hệ thống',
        querystring: AuditQuery,
        response: { 200: Paged(AuditItem) },
      },
    },
    async (request) => {
      const ctx = ctxFromRequest(request);
      const q = request.query;
      const page = q.page ?? 1;
      const pageSize = q.pageSize ?? 50;
      const parts: SQL[] = [await auditScope(ctx)];
      if (q.entityType) parts.push(sql`a.entity_type = ${q.entityType}`);
      if (q.entityId) parts.push(sql`a.entity_id = ${q.entityId}`);
      if (q.actorId) parts.push(sql`a.actor_id = ${q.actorId}`);
      if (q.action) parts.push(sql`a.action like ${`${q.action.replace(/[%_\\]/g, '')}%`}`);
      // dates are Vietnamese calendar days (UTC+7)
      if (q.from) parts.push(sql`a.at >= ${`${q.from}T00:00:00+07:00`}::timestamptz`);
      if (q.to) parts.push(sql`a.at < ${`${addDays(q.to, 1)}T00:00:00+07:00`}::timestamptz`);
      const where = sql.join(parts, sql` and `);
      const [rows, count] = await Promise.all([
        ctx.db.execute<Record<string, unknown>>(sql`
          select a.seq, a.at, a.actor_id, a.actor_name, a.action, a.entity_type, a.entity_id, a.org_id, o.name as org_name,
                 a.before, a.after, a.request_id
            from audit_log a left join organizations o on o.id = a.org_id
           where ${where} order by a.seq desc limit ${pageSize} offset ${(page - 1) * pageSize}`),
        ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from audit_log a where ${where}`),
      ]);
      return {
        items: rows.rows.map((r) => ({
          seq: Number(r.seq),
          at: new Date(r.at as string).toISOString(),
          actorId: (r.actor_id as string | null) ?? null,
          actorName: (r.actor_name as string | null) ?? null,
          action: r.action as string,
          entityType: r.entity_type as string,
          entityId: (r.entity_id as string | null) ?? null,
          orgId: (r.org_id as string | null) ?? null,
          orgName: (r.org_name as string | null) ?? null,
          before: r.before ?? null,
          after: r.after ?? null,
          requestId: (r.request_id as string | null) ?? null,
        })),
        total: Number(count.rows[0]?.n ?? 0),
        page,
        pageSize,
      };
    },
  );

  app.get(
    '/audit/verify',
    {
      config: policy.permission('audit.read'),
      schema: {
        tags,
        summary: 'Kiểm tra toàn vẹn chuỗi băm của nhật ký',
        response: {
          200: z.object({
            ok: z.boolean(),
            rows: z.number(),
            head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
            problem: z.object({ seq: z.number(), kind: z.string(), message: z.string() }).nullable(),
          }),
        },
      },
    },
    async (request) => {
      const ctx = ctxFromRequest(request);
      // the whole chain is checked, so only a scope containing a root may ask
      const roots = await ctx.db.execute<{ path: string }>(
        sql`select path from organizations where depth = 0`,
      );
      const paths = scopeOf(ctx, 'audit.read');
      if (!roots.rows.some((r) => paths.some((p) => r.path.startsWith(p)))) throw new AppError('FORBIDDEN');
      return verifyAuditChain(ctx.db);
    },
  );
};
