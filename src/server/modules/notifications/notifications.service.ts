import { sql } from 'drizzle-orm';
import { ROLES, roleHasPermission } from '../../../domain/access/roles';
import type { Db, Queryable } from '../../db/client';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';

/**
 * In-app notifications (the bell in the header).
 *
 * `notify` writes one row per recipient in the caller's transaction. Recipients are the union of
 *  - `userIds`;
 *  - with `orgId`: the active users holding a role granted ON that organisation (not above it —
 *    a reminder to a unit goes to the unit's people, not to the Sở that sent it), restricted to
 *    roles that carry `permission` when one is given;
 *  - with `permission` and no `orgId`: every active user holding that permission somewhere.
 */
export async function notify(
  tx: Db | Queryable,
  input: {
    userIds?: string[];
    orgId?: string;
    permission?: string;
    title: string;
    body: string;
    link?: string;
  },
): Promise<void> {
  const ids = new Set(input.userIds ?? []);
  if (input.orgId || input.permission) {
    const roles = input.permission
      ? ROLES.filter((r) => roleHasPermission(r, input.permission!))
      : [...ROLES];
    if (roles.length > 0) {
      const rows = await tx.execute<{ user_id: string }>(sql`
        select distinct g.user_id from role_grants g join users u on u.id = g.user_id
        where u.disabled_at is null
          and g.role in (${sql.join(
            roles.map((r) => sql`${r}`),
            sql`, `,
          )})
          ${input.orgId ? sql`and g.org_id = ${input.orgId}` : sql``}`);
      for (const r of rows.rows) ids.add(r.user_id);
    }
  }
  if (ids.size === 0) return;
  const values = [...ids].map(
    (userId) => sql`(${userId}::uuid, ${input.title}, ${input.body}, ${input.link ?? null})`,
  );
  await tx.execute(sql`
    insert into notifications (user_id, title, body, link) values ${sql.join(values, sql`, `)}`);
}

function requireActor(ctx: Ctx) {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED');
  return ctx.actor;
}

/** The caller's own notifications, newest first, with the unread count. */
export async function listMyNotifications(ctx: Ctx, q: { unreadOnly?: boolean; limit?: number }) {
  const actor = requireActor(ctx);
  const rows = await ctx.db.execute<{
    id: string;
    title: string;
    body: string;
    link: string | null;
    read_at: string | Date | null;
    created_at: string | Date;
  }>(sql`
    select id, title, body, link, read_at, created_at from notifications
    where user_id = ${actor.userId} ${q.unreadOnly ? sql`and read_at is null` : sql``}
    order by created_at desc, id limit ${q.limit ?? 20}`);
  const unread = await ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from notifications where user_id = ${actor.userId} and read_at is null`,
  );
  return {
    items: rows.rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      link: r.link,
      read: r.read_at != null,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    unread: unread.rows[0]?.n ?? 0,
  };
}

/** Marks one of the caller's notifications read (someone else's answers 404). */
export async function markNotificationRead(ctx: Ctx, id: string) {
  const actor = requireActor(ctx);
  const r = await ctx.db.execute(sql`
    update notifications set read_at = coalesce(read_at, ${ctx.now().toISOString()})
    where id = ${id} and user_id = ${actor.userId}`);
  if ((r.rowCount ?? 0) === 0) throw notFound();
}

/** Marks all of the caller's notifications read. */
export async function markAllNotificationsRead(ctx: Ctx) {
  const actor = requireActor(ctx);
  const r = await ctx.db.execute(sql`
    update notifications set read_at = ${ctx.now().toISOString()}
    where user_id = ${actor.userId} and read_at is null`);
  return { updated: r.rowCount ?? 0 };
}
