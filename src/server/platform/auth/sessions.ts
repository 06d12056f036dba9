import { createHash, randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isRole } from '../../../domain/access/roles';
import type { Queryable } from '../../db/client';
import { sessions } from '../../db/schema';
import type { Actor, Grant } from './actor';

export const SESSION_COOKIE = 'thidua_session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export async function createSession(
  db: Queryable,
  userId: string,
  now: Date,
  meta: { ip?: string; userAgent?: string },
): Promise<{ cookieToken: string; csrfToken: string }> {
  const cookieToken = token();
  const csrfToken = token();
  await db.insert(sessions).values({
    id: sha256(cookieToken),
    userId,
    csrfToken,
    createdAt: now,
    lastSeenAt: now,
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { cookieToken, csrfToken };
}

export async function destroySessionByToken(db: Queryable, cookieToken: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sha256(cookieToken)));
}

export async function destroyUserSessions(
  db: Queryable,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  await db
    .delete(sessions)
    .where(
      exceptSessionId
        ? and(eq(sessions.userId, userId), sql`${sessions.id} <> ${exceptSessionId}`)
        : eq(sessions.userId, userId),
    );
}

export async function loadGrants(db: Queryable, userId: string): Promise<Grant[]> {
  const res = await db.execute<{ role: string; org_id: string; path: string; name: string }>(sql`
    select g.role, g.org_id, o.path, o.name
      from role_grants g join organizations o on o.id = g.org_id
     where g.user_id = ${userId}
     order by o.depth, g.role`);
  return res.rows
    .filter((r) => isRole(r.role))
    .map((r) => ({ role: r.role as Grant['role'], orgId: r.org_id, orgPath: r.path, orgName: r.name }));
}

/**
 * Resolves the session cookie to an actor. Expired sessions (idle or absolute timeout) and
 * sessions of disabled accounts are deleted and answer null.
 */
export async function resolveSession(
  db: Queryable,
  cookieToken: string,
  now: Date,
  limits: { idleMinutes: number; absoluteHours: number },
): Promise<Actor | null> {
  const id = sha256(cookieToken);
  const res = await db.execute<{
    user_id: string;
    csrf_token: string;
    created_at: Date;
    last_seen_at: Date;
    username: string;
    display_name: string;
    person_id: string | null;
    must_change_password: boolean;
    disabled_at: Date | null;
  }>(sql`
    select s.user_id, s.csrf_token, s.created_at, s.last_seen_at,
           u.username, u.display_name, u.person_id, u.must_change_password, u.disabled_at
      from sessions s join users u on u.id = s.user_id
     where s.id = ${id}`);
  const row = res.rows[0];
  if (!row) return null;
  const idleLimit = new Date(row.last_seen_at).getTime() + limits.idleMinutes * 60_000;
  const absoluteLimit = new Date(row.created_at).getTime() + limits.absoluteHours * 3_600_000;
  if (row.disabled_at || now.getTime() > idleLimit || now.getTime() > absoluteLimit) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  // touch at most once a minute to keep writes low
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return {
    userId: row.user_id,
    username: row.username,
    displayName: row.display_name,
    personId: row.person_id,
    mustChangePassword: row.must_change_password,
    grants: await loadGrants(db, row.user_id),
    sessionId: id,
    csrfToken: row.csrf_token,
  };
}

export function setSessionCookie(reply: FastifyReply, cookieToken: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, cookieToken, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}

/** onRequest hook: attach request.actor from the session cookie (API routes only). */
export function registerSessionLoading(app: FastifyInstance): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.actor = null;
    if (!request.url.startsWith('/api')) return;
    const cookieToken = request.cookies[SESSION_COOKIE];
    if (!cookieToken) return;
    const { db, config, now } = app.services;
    request.actor = await resolveSession(db, cookieToken, now(), {
      idleMinutes: config.sessionIdleMinutes,
      absoluteHours: config.sessionAbsoluteHours,
    });
  });
}
