import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { ROLE_NAMES, type Role } from '../../../domain/access/roles';
import type { Queryable } from '../../db/client';
import { roleGrants, users } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/passwords';
import { destroyUserSessions } from '../../platform/auth/sessions';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';

/** A readable one-time password (no ambiguous characters), shown once to the administrator. */
export function generateOneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(16);
  let out = '';
  for (let i = 0; i < 14; i++) out += alphabet[bytes[i]! % alphabet.length];
  return `${out.slice(0, 7)}-${out.slice(7)}`;
}

/**
 * An account is in an administrator's scope when one of its roles is granted inside that scope,
 * or — for accounts without any role yet — when the administrator's scope includes a root.
 */
function accountScopeCondition(paths: string[]) {
  return sql`(
    exists (select 1 from role_grants g join organizations o on o.id = g.org_id
             where g.user_id = u.id and ${pathInSubtrees(sql`o.path`, paths)})
    or (not exists (select 1 from role_grants g where g.user_id = u.id)
        and exists (select 1 from organizations r where r.depth = 0 and ${pathInSubtrees(sql`r.path`, paths)})))`;
}

async function presentAccounts(db: Queryable, rows: Record<string, unknown>[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id as string);
  const grants = await db.execute<{
    id: string;
    user_id: string;
    role: Role;
    org_id: string;
    org_name: string;
  }>(sql`
    select g.id, g.user_id, g.role, g.org_id, o.name as org_name
      from role_grants g join organizations o on o.id = g.org_id
     where g.user_id = any(${sql.param(ids)}::uuid[]) order by o.depth, g.role`);
  return rows.map((r) => ({
    id: r.id as string,
    username: r.username as string,
    displayName: r.display_name as string,
    email: (r.email as string | null) ?? null,
    personId: (r.person_id as string | null) ?? null,
    disabled: !!r.disabled_at,
    mustChangePassword: !!r.must_change_password,
    lastLoginAt: r.last_login_at ? new Date(r.last_login_at as string).toISOString() : null,
    roles: grants.rows
      .filter((g) => g.user_id === r.id)
      .map((g) => ({
        id: g.id,
        role: g.role,
        roleName: ROLE_NAMES[g.role],
        orgId: g.org_id,
        orgName: g.org_name,
      })),
  }));
}

export async function listAccounts(ctx: Ctx, q: { q?: string; page?: number; pageSize?: number }) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const paths = scopeOf(ctx, 'account.manage');
  const text = q.q?.trim().toLowerCase();
  const where = sql`${accountScopeCondition(paths)} ${text ? sql`and (lower(u.username::text) like ${`%${text}%`} or lower(f_unaccent(u.display_name)) like lower(f_unaccent(${`%${text}%`})))` : sql``}`;
  const [rows, count] = await Promise.all([
    ctx.db.execute<Record<string, unknown>>(
      sql`select u.* from users u where ${where} order by u.username limit ${pageSize} offset ${(page - 1) * pageSize}`,
    ),
    ctx.db.execute<{ n: number }>(sql`select count(*)::int as n from users u where ${where}`),
  ]);
  return {
    items: await presentAccounts(ctx.db, rows.rows),
    total: Number(count.rows[0]?.n ?? 0),
    page,
    pageSize,
  };
}

async function loadAccountInScope(db: Queryable, ctx: Ctx, id: string) {
  const res = await db.execute<Record<string, unknown>>(
    sql`select u.* from users u where u.id = ${id} and ${accountScopeCondition(scopeOf(ctx, 'account.manage'))}`,
  );
  if (!res.rows[0]) throw notFound();
  return res.rows[0];
}

export async function getAccount(ctx: Ctx, id: string) {
  const row = await loadAccountInScope(ctx.db, ctx, id);
  return (await presentAccounts(ctx.db, [row]))[0]!;
}

async function presentById(db: Queryable, id: string) {
  const res = await db.execute<Record<string, unknown>>(sql`select u.* from users u where u.id = ${id}`);
  return (await presentAccounts(db, res.rows))[0]!;
}

export async function createAccount(
  ctx: Ctx,
  input: {
    username: string;
    displayName: string;
    email?: string | null;
    personId?: string | null;
    grant?: { role: Role; orgId: string };
  },
) {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const id = await ctx.db.transaction(async (tx) => {
    const exists = await tx.execute(sql`select 1 from users where username = ${input.username}`);
    if (exists.rows.length > 0)
      throw new AppError('DUPLICATE', [{ field: 'username', message: 'Tên đăng nhập đã được sử dụng.' }]);
    if (input.personId) {
      const person = await tx.execute<{ path: string | null }>(
        sql`select o.path from people p left join organizations o on o.id = p.current_org_id where p.id = ${input.personId}`,
      );
      const path = person.rows[0]?.path;
      if (!path || !isInScope(scopeOf(ctx, 'account.manage'), path)) {
        throw new AppError('VALIDATION_FAILED', [{ field: 'personId', message: 'Không tìm thấy nhân sự.' }]);
      }
    }
    const [user] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        personId: input.personId ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning({ id: users.id });
    let orgId: string | null = null;
    if (input.grant) {
      const org = await loadOrgInScope(tx, ctx, input.grant.orgId, 'account.manage');
      await tx.insert(roleGrants).values({ userId: user!.id, role: input.grant.role, orgId: org.id });
      orgId = org.id;
    } else {
      // an account without a role is visible only from a root scope; others must give one
      const rootScope = await tx.execute(
        sql`select 1 from organizations r where r.depth = 0 and ${pathInSubtrees(sql`r.path`, scopeOf(ctx, 'account.manage'))} limit 1`,
      );
      if (rootScope.rows.length === 0) {
        throw new AppError('VALIDATION_FAILED', [
          { field: 'grant', message: 'Hãy chọn vai trò và đơn vị cho tài khoản mới.' },
        ]);
      }
    }
    await writeAudit(tx, ctx, {
      action: 'user.create',
      entityType: 'user',
      entityId: user!.id,
      orgId,
      after: { username: input.username, displayName: input.displayName, grant: input.grant ?? null },
    });
    return user!.id;
  });
  return { user: await presentById(ctx.db, id), oneTimePassword };
}

export async function updateAccount(
  ctx: Ctx,
  id: string,
  input: { displayName?: string; email?: string | null; disabled?: boolean },
) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadAccountInScope(tx, ctx, id);
    if (input.disabled && id === ctx.actor!.userId) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'disabled', message: 'Không thể tự khóa tài khoản của chính mình.' },
      ]);
    }
    await tx.execute(sql`
      update users set
        display_name = coalesce(${input.displayName ?? null}, display_name),
        email = ${input.email === undefined ? sql`email` : input.email},
        disabled_at = ${input.disabled === undefined ? sql`disabled_at` : input.disabled ? ctx.now() : null},
        version = version + 1
      where id = ${id}`);
    // disabling an account ends all its sessions at once
    if (input.disabled) await destroyUserSessions(tx, id);
    await writeAudit(tx, ctx, {
      action:
        input.disabled === true ? 'user.disable' : input.disabled === false ? 'user.enable' : 'user.update',
      entityType: 'user',
      entityId: id,
      before: { displayName: before.display_name, email: before.email, disabled: !!before.disabled_at },
      after: input,
    });
  });
  return getAccount(ctx, id);
}

export async function resetPassword(ctx: Ctx, id: string) {
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await ctx.db.transaction(async (tx) => {
    await loadAccountInScope(tx, ctx, id);
    await tx.execute(
      sql`update users set password_hash = ${passwordHash}, must_change_password = true, failed_logins = 0, version = version + 1 where id = ${id}`,
    );
    await destroyUserSessions(tx, id);
    await writeAudit(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id });
  });
  return { oneTimePassword };
}

export async function addGrant(ctx: Ctx, id: string, input: { role: Role; orgId: string }) {
  await ctx.db.transaction(async (tx) => {
    const account = await tx.execute(sql`select 1 from users where id = ${id}`);
    if (account.rows.length === 0) throw notFound();
    // the role is granted on an organisation inside the administrator's own scope
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'account.manage');
    await tx.insert(roleGrants).values({ userId: id, role: input.role, orgId: org.id }).onConflictDoNothing();
    await loadAccountInScope(tx, ctx, id);
    await writeAudit(tx, ctx, {
      action: 'user.grant_role',
      entityType: 'user',
      entityId: id,
      orgId: org.id,
      after: { role: input.role, orgId: org.id, orgName: org.name },
    });
  });
  return getAccount(ctx, id);
}

export async function removeGrant(ctx: Ctx, id: string, grantId: string) {
  await ctx.db.transaction(async (tx) => {
    await loadAccountInScope(tx, ctx, id);
    const res = await tx.execute<{ role: string; org_id: string; path: string }>(sql`
      select g.role, g.org_id, o.path from role_grants g join organizations o on o.id = g.org_id
       where g.id = ${grantId} and g.user_id = ${id}`);
    const grant = res.rows[0];
    if (!grant || !isInScope(scopeOf(ctx, 'account.manage'), grant.path)) throw notFound();
    if (id === ctx.actor!.userId && grant.role === 'admin') {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'grantId', message: 'Không thể tự gỡ quyền quản trị của chính mình.' },
      ]);
    }
    await tx.delete(roleGrants).where(sql`${roleGrants.id} = ${grantId}`);
    await writeAudit(tx, ctx, {
      action: 'user.revoke_role',
      entityType: 'user',
      entityId: id,
      orgId: grant.org_id,
      before: { role: grant.role, orgId: grant.org_id },
    });
  });
  // the account may have left the administrator's scope with its last role: show it once more
  return presentById(ctx.db, id);
}
