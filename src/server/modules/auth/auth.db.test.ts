import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createOrgTree,
  createTestApp,
  createUser,
  login,
  type OrgTree,
  type TestApp,
} from '../../../../test/helpers';

let t: TestApp;
let tree: OrgTree;
beforeAll(async () => {
  t = await createTestApp({
    sessionIdleMinutes: 30,
    sessionAbsoluteHours: 12,
    loginMaxAttemptsPerAccount: 5,
  });
  tree = await createOrgTree(t.database);
});
afterAll(async () => t.close());

describe('login and sessions', () => {
  it('sets an HttpOnly cookie and returns the user and a CSRF token', async () => {
    const u = await createUser(t.database, [{ role: 'tdkt', org: tree.so }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'thidua_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const body = res.json();
    expect(body.user.username).toBe(u.username);
    expect(body.user.roles[0]).toMatchObject({ role: 'tdkt', orgId: tree.so.id });
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
  });

  it('answers unknown user and wrong password the same way, in Vietnamese', async () => {
    const u = await createUser(t.database, []);
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: 'sai-mat-khau' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'khong-ton-tai', password: 'sai-mat-khau' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error.message).toBe(wrong.json().error.message);
    expect(wrong.json().error.message).toContain('mật khẩu');
  });

  it('issues a new session id at each login and kills it at logout', async () => {
    const u = await createUser(t.database, [{ role: 'staff', org: tree.khoaA }]);
    const s1 = await login(t.app, u.username);
    const s2 = await login(t.app, u.username);
    expect(s1.cookie).not.toBe(s2.cookie);
    expect((await as(t.app, s2).get('/api/auth/me')).statusCode).toBe(200);
    const out = await as(t.app, s2).post('/api/auth/logout');
    expect(out.statusCode).toBe(204);
    const after = await as(t.app, s2).get('/api/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('rejects state-changing requests without the CSRF token', async () => {
    const u = await createUser(t.database, [{ role: 'staff', org: tree.khoaA }]);
    const s = await login(t.app, u.username);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_INVALID');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('expires sessions after the idle timeout and the absolute timeout', async () => {
    const u = await createUser(t.database, [{ role: 'staff', org: tree.khoaA }]);
    const start = new Date();
    t.clock.now = start;
    const s = await login(t.app, u.username);
    t.clock.now = new Date(start.getTime() + 29 * 60_000);
    expect((await as(t.app, s).get('/api/auth/me')).statusCode).toBe(200);
    t.clock.now = new Date(start.getTime() + 29 * 60_000 + 31 * 60_000);
    expect((await as(t.app, s).get('/api/auth/me')).statusCode).toBe(401);

    // absolute: active every 20 minutes, still dead after 12 h
    t.clock.now = start;
    const s2 = await login(t.app, u.username);
    for (let m = 20; m < 12 * 60; m += 20) {
      t.clock.now = new Date(start.getTime() + m * 60_000);
      expect((await as(t.app, s2).get('/api/auth/me')).statusCode).toBe(200);
    }
    t.clock.now = new Date(start.getTime() + 12 * 3_600_000 + 60_000);
    expect((await as(t.app, s2).get('/api/auth/me')).statusCode).toBe(401);
    t.clock.now = new Date();
  });

  it('locks an account for the window after too many failures', async () => {
    const u = await createUser(t.database, []);
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: u.username, password: 'sai' },
      });
      expect(r.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    expect(locked.statusCode).toBe(429);
    t.clock.now = new Date(Date.now() + 16 * 60_000);
    const later = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: u.username, password: u.password },
    });
    expect(later.statusCode).toBe(200);
    t.clock.now = new Date();
  });

  it('rejects unknown fields and NUL characters with a 400, never a 500', async () => {
    const extra = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a', password: 'b', isAdmin: true },
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('UNKNOWN_FIELD');
    const nul = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a\u0000', password: 'b' },
    });
    expect(nul.statusCode).toBe(400);
    expect(JSON.stringify(nul.json())).not.toMatch(/0x00|SQLSTATE|invalid byte/);
    const coerced = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: ['a'], password: 1 },
    });
    expect(coerced.statusCode).toBe(400);
    const garbage = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: '{not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('reports the database mode and migration version', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json().database.mode).toBe(t.database.mode);
    expect(res.json().database.migrationsApplied).toBe(res.json().database.migrationsExpected);
  });
});
