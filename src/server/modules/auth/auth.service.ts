import { eq, sql } from 'drizzle-orm';
import { ROLE_NAMES } from '../../../domain/access/roles';
import { users } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { type Actor, permissionsOfActor } from '../../platform/auth/actor';
import {
  dummyPasswordHash,
  hashPassword,
  passwordProblem,
  verifyPassword,
} from '../../platform/auth/passwords';
import {
  createSession,
  destroySessionByToken,
  destroyUserSessions,
  loadGrants,
} from '../../platform/auth/sessions';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/http/errors';

export function presentUser(actor: Actor) {
  return {
    id: actor.userId,
    username: actor.username,
    displayName: actor.displayName,
    personId: actor.personId,
    mustChangePassword: actor.mustChangePassword,
    roles: actor.grants.map((g) => ({
      role: g.role,
      roleName: ROLE_NAMES[g.role],
      orgId: g.orgId,
      orgName: g.orgName,
    })),
    permissions: permissionsOfActor(actor),
  };
}

/**
 * Username + password login. Unknown user and wrong password answer the same way (and take the
 * same time); too many failures on one account within the window answer 429 until it passes.
 */
export async function login(
  ctx: Ctx,
  input: { username: string; password: string; previousCookie?: string; ip?: string; userAgent?: string },
) {
  const { db, config } = ctx;
  const now = ctx.now();
  const user = (await db.select().from(users).where(eq(users.username, input.username.trim())).limit(1))[0];
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  const windowStart = now.getTime() - config.loginWindowMinutes * 60_000;
  const recentFailures =
    user.lastFailedLoginAt && user.lastFailedLoginAt.getTime() > windowStart ? user.failedLogins : 0;
  if (recentFailures >= config.loginMaxAttemptsPerAccount) {
    throw new AppError(
      'RATE_LIMITED',
      null,
      'Tài khoản tạm thời bị khóa do đăng nhập sai nhiều lần. Vui lòng thử lại sau.',
    );
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok || user.disabledAt) {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ failedLogins: recentFailures + 1, lastFailedLoginAt: now })
        .where(eq(users.id, user.id));
      await writeAudit(
        tx,
        { ...ctx, actor: null },
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user.id,
          after: { username: user.username, ip: input.ip ?? null },
        },
      );
    });
    if (ok && user.disabledAt) throw new AppError('ACCOUNT_DISABLED');
    throw new AppError('INVALID_CREDENTIALS');
  }
  return db.transaction(async (tx) => {
    // a new session id at every login (no fixation); the previous session of this browser ends
    if (input.previousCookie) await destroySessionByToken(tx, input.previousCookie);
    const session = await createSession(tx, user.id, now, { ip: input.ip, userAgent: input.userAgent });
    await tx
      .update(users)
      .set({ failedLogins: 0, lastFailedLoginAt: null, lastLoginAt: now })
      .where(eq(users.id, user.id));
    const grants = await loadGrants(tx, user.id);
    const actor: Actor = {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      personId: user.personId,
      mustChangePassword: user.mustChangePassword,
      grants,
      sessionId: '',
      csrfToken: session.csrfToken,
    };
    await writeAudit(
      tx,
      { ...ctx, actor },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
        after: { ip: input.ip ?? null },
      },
    );
    return { session, user: presentUser(actor) };
  });
}

export async function logout(ctx: Ctx, cookieToken: string) {
  await ctx.db.transaction(async (tx) => {
    await destroySessionByToken(tx, cookieToken);
    await writeAudit(tx, ctx, {
      action: 'auth.logout',
      entityType: 'user',
      entityId: ctx.actor?.userId ?? null,
    });
  });
}

export async function changePassword(ctx: Ctx, input: { currentPassword: string; newPassword: string }) {
  const actor = ctx.actor!;
  const user = (await ctx.db.select().from(users).where(eq(users.id, actor.userId)).limit(1))[0];
  if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION_FAILED', [
      { field: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.' },
    ]);
  }
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw new AppError('VALIDATION_FAILED', [{ field: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, version: sql`${users.version} + 1` })
      .where(eq(users.id, actor.userId));
    // every other session of this account ends (ASVS 7.4.3)
    await destroyUserSessions(tx, actor.userId, actor.sessionId);
    await writeAudit(tx, ctx, {
      action: 'user.password_changed',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}
