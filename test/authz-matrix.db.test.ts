/**
 * The authorization matrix: every registered route × every role (granted on unit A) × in-scope
 * (records of unit A) / out-of-scope (records of unit B), plus an anonymous caller. Expected:
 *  - public routes: never 401/403;  authenticated routes: 401 only for anonymous callers;
 *  - permission routes: 403 when no role of the caller holds the permission, otherwise
 *    in-scope → allowed (not 401/403/404), out-of-scope → 404 exactly like a missing record;
 *  - never a 5xx.
 * The test fails when a route has no policy (the app refuses to start), no case here, or is
 * missing from /api/openapi.json.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role, roleHasPermission } from '../src/domain/access/roles';
import type { RoutePolicy } from '../src/server/platform/auth/policy';
import { as, createOrgTree, createPerson, createTestApp, createUser, login, type OrgTree, type Session, type TestApp, uniq } from './helpers';
import { COUNCIL_DECISION_FUND_CASES } from './councils-authz-cases';
import { REPORTS_CASES } from './reports-authz-cases';
import { PLANS_CASES } from './plans-authz-cases';
import { PROPOSALS_CASES } from './proposals-authz-cases';
import { HISTORY_CASES } from './history-authz-cases';
import { INDICATORS_CASES } from './indicators-authz-cases';
import { multipart, staffXlsx } from './xlsx';

type Scope = 'in' | 'out';
interface Fixtures {
  tree: OrgTree;
  t: TestApp;
  personA: { id: string };
  personB: { id: string };
  userA: { id: string };
  userB: { id: string };
  grantB: string;
}
interface Request {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
interface Case {
  /** false: the route has no record to be out of scope (both scopes expect the same) */
  scoped: boolean;
  build: (fx: Fixtures, scope: Scope) => Promise<Request> | Request;
  /** fresh session for routes that end it (logout) */
  freshSession?: boolean;
  /** special rule instead of the default expectation */
  expect?: (role: Role | null, scope: Scope) => 'allowed' | 'forbidden' | 'notFound' | 'unauthenticated';
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const pick = (scope: Scope, a: string, b: string) => (scope === 'in' ? a : b);

export const CASES: Record<string, Case> = {
  'GET /api/health': { scoped: false, build: () => ({ url: '/api/health' }) },
  'GET /api/openapi.json': { scoped: false, build: () => ({ url: '/api/openapi.json' }) },
  // logging in from a browser that has a session ends that session: use a throwaway one
  'POST /api/auth/login': {
    scoped: false,
    freshSession: true,
    build: async (fx) => {
      const u = await createUser(fx.t.database, [{ role: 'staff', org: fx.tree.khoaA }]);
      return { url: '/api/auth/login', payload: { username: u.username, password: u.password } };
    },
  },
  'POST /api/auth/logout': { scoped: false, freshSession: true, build: () => ({ url: '/api/auth/logout' }) },
  'GET /api/auth/me': { scoped: false, build: () => ({ url: '/api/auth/me' }) },
  'POST /api/auth/change-password': { scoped: false, build: () => ({ url: '/api/auth/change-password', payload: { currentPassword: 'sai', newPassword: 'mot-mat-khau-moi' } }) },

  'GET /api/organizations': { scoped: false, build: () => ({ url: '/api/organizations' }) },
  'GET /api/organizations/:id': { scoped: true, build: (fx, s) => ({ url: `/api/organizations/${pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id)}` }) },
  'GET /api/organizations/:id/lineage': { scoped: true, build: (fx, s) => ({ url: `/api/organizations/${pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id)}/lineage` }) },
  'POST /api/organizations/events': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/organizations/events', payload: { type: 'rename', orgId: pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id), name: `Khoa đổi tên ${uniq()}`, effectiveOn: '2024-01-01' } }),
  },

  'GET /api/staff': { scoped: true, build: (fx, s) => ({ url: `/api/staff?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'GET /api/staff/export': { scoped: true, build: (fx, s) => ({ url: `/api/staff/export?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'GET /api/staff/import-template': { scoped: false, build: () => ({ url: '/api/staff/import-template' }) },
  'POST /api/staff/imports': {
    scoped: false,
    build: async (fx) => {
      const m = multipart('nhan-su.xlsx', await staffXlsx([{ 'Mã nhân sự': uniq('NV'), 'Họ và tên': 'Nguyễn Văn Ma Trận', 'Mã đơn vị': fx.tree.khoaA.code }]));
      return { url: '/api/staff/imports', payload: m.payload, headers: m.headers };
    },
  },
  // batches belong to their uploader: anyone else's (or a missing) batch is a 404 for permitted roles
  'POST /api/staff/imports/:id/commit': { scoped: false, build: () => ({ url: `/api/staff/imports/${MISSING}/commit`, payload: { mode: 'all' } }), expect: (role) => expectPermission(role, 'staff.import', 'notFound') },
  'DELETE /api/staff/imports/:id': { scoped: false, build: () => ({ url: `/api/staff/imports/${MISSING}` }), expect: (role) => expectPermission(role, 'staff.import', 'notFound') },
  'GET /api/staff/:id': { scoped: true, build: (fx, s) => ({ url: `/api/staff/${pick(s, fx.personA.id, fx.personB.id)}` }) },
  'GET /api/staff/:id/personal-id': { scoped: true, build: (fx, s) => ({ url: `/api/staff/${pick(s, fx.personA.id, fx.personB.id)}/personal-id` }) },
  'POST /api/staff': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/staff', payload: { staffCode: uniq('NV'), fullName: 'Trần Thị Ma Trận', orgId: pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id), fromDate: '2024-01-01' } }),
  },
  'PATCH /api/staff/:id': { scoped: true, build: (fx, s) => ({ url: `/api/staff/${pick(s, fx.personA.id, fx.personB.id)}`, payload: { version: 999, position: 'Bác sĩ' } }) },
  'POST /api/staff/:id/transfers': {
    scoped: true,
    build: async (fx, s) => {
      const p = await createPerson(fx.t.database, s === 'in' ? fx.tree.khoaA : fx.tree.khoaB);
      return { url: `/api/staff/${p.id}/transfers`, payload: { toOrgId: fx.tree.unitA.id, fromDate: '2024-05-01' } };
    },
  },

  'GET /api/users': { scoped: false, build: () => ({ url: '/api/users' }) },
  'GET /api/users/:id': { scoped: true, build: (fx, s) => ({ url: `/api/users/${pick(s, fx.userA.id, fx.userB.id)}` }) },
  'POST /api/users': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/users', payload: { username: uniq('u'), displayName: 'Tài khoản ma trận', grant: { role: 'staff', orgId: pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id) } } }),
  },
  'PATCH /api/users/:id': { scoped: true, build: (fx, s) => ({ url: `/api/users/${pick(s, fx.userA.id, fx.userB.id)}`, payload: { displayName: 'Tên mới' } }) },
  'POST /api/users/:id/reset-password': { scoped: true, build: (fx, s) => ({ url: `/api/users/${pick(s, fx.userA.id, fx.userB.id)}/reset-password` }) },
  'POST /api/users/:id/grants': { scoped: true, build: (fx, s) => ({ url: `/api/users/${fx.userA.id}/grants`, payload: { role: 'staff', orgId: pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id) } }) },
  'DELETE /api/users/:id/grants/:grantId': {
    scoped: true,
    build: async (fx, s) => {
      if (s === 'out') return { url: `/api/users/${fx.userB.id}/grants/${fx.grantB}` };
      const u = await createUser(fx.t.database, [{ role: 'staff', org: fx.tree.khoaA }]);
      const grant = (await fx.t.database.db.query.roleGrants.findFirst({ where: (g, { eq }) => eq(g.userId, u.id) }))!;
      return { url: `/api/users/${u.id}/grants/${grant.id}` };
    },
  },

  'GET /api/audit': { scoped: false, build: () => ({ url: '/api/audit' }) },
  // the whole chain can be verified only from a scope that contains a root organisation
  'GET /api/audit/verify': { scoped: false, build: () => ({ url: '/api/audit/verify' }), expect: (role) => (role ? 'forbidden' : 'unauthenticated') },
  // H4: award register, statistics, exemplary stories, public pages
  'GET /api/register': { scoped: true, build: (fx, s) => ({ url: `/api/register?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'GET /api/register/export': { scoped: true, build: (fx, s) => ({ url: `/api/register/export?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'GET /api/register/people/:id': { scoped: true, build: (fx, s) => ({ url: `/api/register/people/${pick(s, fx.personA.id, fx.personB.id)}` }) },
  'GET /api/register/organizations/:id': { scoped: true, build: (fx, s) => ({ url: `/api/register/organizations/${pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id)}` }) },
  'GET /api/statistics/awards': { scoped: true, build: (fx, s) => ({ url: `/api/statistics/awards?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'GET /api/statistics/awards/export': { scoped: true, build: (fx, s) => ({ url: `/api/statistics/awards/export?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'GET /api/exemplars': { scoped: true, build: (fx, s) => ({ url: `/api/exemplars?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'GET /api/exemplars/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/exemplars/${await matrixExemplar(fx, s)}` }) },
  'POST /api/exemplars': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/exemplars', payload: { orgId: pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id), year: 2024, title: 'Tập thể tiêu biểu', story: 'Câu chuyện về tập thể.' } }),
  },
  'PATCH /api/exemplars/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/exemplars/${await matrixExemplar(fx, s)}`, payload: { version: 1, published: true } }) },
  'DELETE /api/exemplars/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/exemplars/${await matrixExemplar(fx, s)}` }) },
  'GET /api/public/rounds': { scoped: false, build: () => ({ url: '/api/public/rounds' }) },
  'GET /api/public/rounds/:id/nominees': {
    scoped: false,
    build: async (fx) => {
      const r = await fx.t.database.pool.query(
        `insert into award_rounds (org_id, kind, year, title, deadline) values ($1, 'annual', 2024, 'Đợt ma trận', '2024-12-31') returning id`,
        [fx.tree.so.id],
      );
      return { url: `/api/public/rounds/${r.rows[0].id}/nominees` };
    },
  },
  'GET /api/public/organizations': { scoped: false, build: () => ({ url: '/api/public/organizations' }) },
  'GET /api/public/honour-board': { scoped: false, build: (fx) => ({ url: `/api/public/honour-board?org=${fx.tree.unitA.id}` }) },
  ...COUNCIL_DECISION_FUND_CASES,
  ...REPORTS_CASES,
  ...PLANS_CASES,
  ...PROPOSALS_CASES,
  ...HISTORY_CASES,
  ...INDICATORS_CASES,
};

/** A fresh exemplary story of khoa A (in scope) or khoa B (out of scope). */
async function matrixExemplar(fx: Fixtures, scope: Scope): Promise<string> {
  const org = scope === 'in' ? fx.tree.khoaA : fx.tree.khoaB;
  const r = await fx.t.database.pool.query(
    `insert into exemplars (org_id, subject_org_id, year, title, story) values ($1, $1, 2024, 'Gương ma trận', 'Nội dung') returning id`,
    [org.id],
  );
  return r.rows[0].id;
}

function expectPermission(role: Role | null, permission: string, whenAllowed: 'allowed' | 'notFound') {
  if (!role) return 'unauthenticated';
  return roleHasPermission(role, permission) ? whenAllowed : 'forbidden';
}

function expected(policy: RoutePolicy, c: Case, role: Role | null, scope: Scope) {
  if (c.expect) return c.expect(role, scope);
  if (policy.access === 'public') return 'allowed';
  if (!role) return 'unauthenticated';
  if (policy.access === 'authenticated') return 'allowed';
  if (!roleHasPermission(role, policy.permission)) return 'forbidden';
  return c.scoped && scope === 'out' ? 'notFound' : 'allowed';
}

function outcome(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'notFound';
  return 'allowed';
}

let t: TestApp;
let fx: Fixtures;
const sessions = new Map<Role, Session>();
const users = new Map<Role, string>();

beforeAll(async () => {
  t = await createTestApp();
  const tree = await createOrgTree(t.database);
  const userB = await createUser(t.database, [{ role: 'staff', org: tree.khoaB }]);
  const grantB = (await t.database.db.query.roleGrants.findFirst({ where: (g, { eq }) => eq(g.userId, userB.id) }))!.id;
  fx = {
    tree,
    t,
    personA: await createPerson(t.database, tree.khoaA, { personalId: '001190000001' }),
    personB: await createPerson(t.database, tree.khoaB, { personalId: '001190000002' }),
    userA: await createUser(t.database, [{ role: 'staff', org: tree.khoaA }]),
    userB,
    grantB,
  };
  for (const role of ROLES) {
    const u = await createUser(t.database, [{ role, org: tree.unitA }]);
    users.set(role, u.username);
    sessions.set(role, await login(t.app, u.username));
  }
});
afterAll(async () => t.close());

async function call(app: FastifyInstance, method: string, req: Request, session: Session | null) {
  const headers: Record<string, string> = { ...(req.headers ?? {}) };
  if (session) {
    headers.cookie = session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return app.inject({ method: method as never, url: req.url, payload: req.payload as never, headers });
}

describe('authorization matrix', () => {
  it('has a case for every registered route, and every route is in the OpenAPI document', async () => {
    const keys = t.app.routesWithPolicy.filter((r) => !r.url.startsWith('/api/docs')).map((r) => `${r.method} ${r.url}`);
    expect(keys.filter((k) => !CASES[k])).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !keys.includes(k))).toEqual([]);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    expect(keys.filter((k) => !documented.includes(k))).toEqual([]);
  });

  it('the API documentation routes are public', async () => {
    const docs = t.app.routesWithPolicy.filter((r) => r.url.startsWith('/api/docs'));
    expect(docs.length).toBeGreaterThan(0);
    for (const route of docs) {
      const res = await t.app.inject({ method: route.method as never, url: route.url.replace('*', 'index.html') });
      expect(res.statusCode === 401 || res.statusCode === 403 || res.statusCode >= 500, `${route.method} ${route.url}: ${res.statusCode}`).toBe(false);
    }
  });

  // one test per route (the completeness test above ties CASES to the registered routes), so a
  // slow machine never runs the whole matrix inside one test's timeout
  for (const key of Object.keys(CASES)) {
    it(`${key}: every role × scope answers as the policy says, never with a 5xx`, async () => {
      const route = t.app.routesWithPolicy.find((r) => `${r.method} ${r.url}` === key);
      expect(route, `${key} is not a registered route`).toBeDefined();
      const c = CASES[key]!;
      const failures: string[] = [];
      let checked = 0;
      for (const role of [...ROLES, null] as (Role | null)[]) {
        for (const scope of ['in', 'out'] as Scope[]) {
          const session = !role ? null : c.freshSession ? await login(t.app, users.get(role)!) : sessions.get(role)!;
          const res = await call(t.app, route!.method, await c.build(fx, scope), session);
          const want = expected(route!.policy as RoutePolicy, c, role, scope);
          const got = outcome(res.statusCode);
          checked++;
          if (res.statusCode >= 500 || got !== want) failures.push(`${key} as ${role ?? 'anonymous'} (${scope}): expected ${want}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
        }
      }
      expect(failures).toEqual([]);
      expect(checked).toBe((ROLES.length + 1) * 2);
    });
  }

  it('a disabled account loses its sessions at once', async () => {
    const u = await createUser(t.database, [{ role: 'tdkt', org: fx.tree.unitA }]);
    const s = await login(t.app, u.username);
    expect((await as(t.app, s).get('/api/staff')).statusCode).toBe(200);
    const admin = sessions.get('admin')!;
    expect((await as(t.app, admin).patch(`/api/users/${u.id}`, { disabled: true })).statusCode).toBe(200);
    expect((await as(t.app, s).get('/api/staff')).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u.username, password: u.password } });
    expect(again.statusCode).toBe(403);
  });

  it('role changes take effect on the next request', async () => {
    const u = await createUser(t.database, [{ role: 'staff', org: fx.tree.khoaA }]);
    const s = await login(t.app, u.username);
    expect((await as(t.app, s).get('/api/staff')).statusCode).toBe(403);
    const admin = sessions.get('admin')!;
    expect((await as(t.app, admin).post(`/api/users/${u.id}/grants`, { role: 'dept_head', orgId: fx.tree.khoaA.id })).statusCode).toBe(200);
    expect((await as(t.app, s).get('/api/staff')).statusCode).toBe(200);
  });
});
