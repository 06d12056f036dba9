/**
 * Authorization-matrix cases of the tasks, periodic reports, mail outbox and notifications routes
 * (spread into CASES of authz-matrix.db.test.ts). In scope = records of unit A (a request from
 * unit A to khoa A, a task of unit A), out of scope = the same for unit B.
 */
import type { Role } from '../src/domain/access/roles';
import type { Database } from '../src/server/db/client';

type Scope = 'in' | 'out';
type Org = { id: string; code: string };
interface Fx {
  tree: { unitA: Org; unitB: Org; khoaA: Org; khoaB: Org };
  t: { database: Database };
}
interface Req {
  url: string;
  payload?: unknown;
}
interface Case {
  scoped: boolean;
  build: (fx: Fx, scope: Scope) => Promise<Req> | Req;
  expect?: (role: Role | null, scope: Scope) => 'allowed' | 'forbidden' | 'notFound' | 'unauthenticated';
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const orgs = (fx: Fx, s: Scope) => (s === 'in' ? { unit: fx.tree.unitA, khoa: fx.tree.khoaA } : { unit: fx.tree.unitB, khoa: fx.tree.khoaB });

const TEMPLATE = {
  fields: [{ code: 'so_lieu', label: 'Số liệu', unit: 'người', aggregate: 'sum' }],
  sections: [{ code: 'ket_qua', title: 'Kết quả' }],
};

/** A fresh open request from the unit to its khoa, with the khoa's draft report. */
async function request(fx: Fx, s: Scope): Promise<{ id: string; khoaId: string }> {
  const { unit, khoa } = orgs(fx, s);
  const r = await fx.t.database.pool.query(
    `insert into report_requests (org_id, title, period_kind, period_year, due_on, template)
     values ($1, 'Báo cáo ma trận', 'year', 2026, '2026-11-15', $2) returning id`,
    [unit.id, JSON.stringify(TEMPLATE)],
  );
  await fx.t.database.pool.query(`insert into report_submissions (request_id, org_id) values ($1, $2)`, [
    r.rows[0].id,
    khoa.id,
  ]);
  return { id: r.rows[0].id, khoaId: khoa.id };
}

async function task(fx: Fx, s: Scope): Promise<string> {
  const { unit, khoa } = orgs(fx, s);
  const r = await fx.t.database.pool.query(
    `insert into tasks (org_id, assignee_org_id, content, due_on) values ($1, $2, 'Nhiệm vụ ma trận', '2026-12-31') returning id`,
    [unit.id, khoa.id],
  );
  return r.rows[0].id;
}

export const REPORTS_CASES: Record<string, Case> = {
  'GET /api/tasks': { scoped: true, build: (fx, s) => ({ url: `/api/tasks?orgId=${orgs(fx, s).unit.id}` }) },
  'GET /api/tasks/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/tasks/${await task(fx, s)}` }) },
  'POST /api/tasks': {
    scoped: true,
    build: (fx, s) => ({
      url: '/api/tasks',
      payload: { orgId: orgs(fx, s).unit.id, assigneeOrgId: orgs(fx, s).khoa.id, content: 'Giao nhiệm vụ ma trận', dueOn: '2026-12-31' },
    }),
  },
  'PATCH /api/tasks/:id': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/tasks/${await task(fx, s)}`, payload: { version: 1, status: 'done' } }),
  },
  'POST /api/tasks/from-plan': {
    scoped: true,
    build: async (fx, s) => {
      const p = await fx.t.database.pool.query(`insert into plans (org_id, title) values ($1, 'Kế hoạch ma trận') returning id`, [
        orgs(fx, s).unit.id,
      ]);
      return { url: '/api/tasks/from-plan', payload: { planId: p.rows[0].id } };
    },
  },

  'GET /api/reports': { scoped: false, build: () => ({ url: '/api/reports' }) },
  'POST /api/reports': {
    scoped: true,
    build: (fx, s) => ({
      url: '/api/reports',
      payload: { orgId: orgs(fx, s).unit.id, title: 'Yêu cầu ma trận', periodKind: 'year', periodYear: 2026, dueOn: '2026-11-15', template: TEMPLATE },
    }),
  },
  'GET /api/reports/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/reports/${(await request(fx, s)).id}` }) },
  'POST /api/reports/:id/close': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/reports/${(await request(fx, s)).id}/close`, payload: {} }),
  },
  'GET /api/reports/:id/board': { scoped: true, build: async (fx, s) => ({ url: `/api/reports/${(await request(fx, s)).id}/board` }) },
  'POST /api/reports/:id/reminders': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/reports/${(await request(fx, s)).id}/reminders`, payload: {} }),
  },
  'GET /api/reports/:id/submissions/:orgId': {
    scoped: true,
    build: async (fx, s) => {
      const r = await request(fx, s);
      return { url: `/api/reports/${r.id}/submissions/${r.khoaId}` };
    },
  },
  'PUT /api/reports/:id/submissions/:orgId': {
    scoped: true,
    build: async (fx, s) => {
      const r = await request(fx, s);
      return { url: `/api/reports/${r.id}/submissions/${r.khoaId}`, payload: { version: 1, figures: { so_lieu: 3 }, narrative: {} } };
    },
  },
  'POST /api/reports/:id/submissions/:orgId/submit': {
    scoped: true,
    build: async (fx, s) => {
      const r = await request(fx, s);
      return { url: `/api/reports/${r.id}/submissions/${r.khoaId}/submit`, payload: { version: 1 } };
    },
  },
  'GET /api/reports/:id/rollup': { scoped: true, build: async (fx, s) => ({ url: `/api/reports/${(await request(fx, s)).id}/rollup` }) },
  'GET /api/reports/:id/rollup.docx': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/reports/${(await request(fx, s)).id}/rollup.docx` }),
  },
  'GET /api/reports/:id/rollup.xlsx': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/reports/${(await request(fx, s)).id}/rollup.xlsx` }),
  },

  'GET /api/mail/outbox': { scoped: false, build: () => ({ url: '/api/mail/outbox' }) },
  // a failed mail about khoa A (in scope) or khoa B (out of scope); only admin holds settings.manage
  'POST /api/mail/outbox/:id/retry': {
    scoped: true,
    build: async (fx, s) => {
      const r = await fx.t.database.pool.query(
        `insert into mail_outbox (recipients, subject, text_body, kind, org_id, status, last_error)
         values ('["a@example.vn"]', 'Thư ma trận', 'Nội dung', 'test', $1, 'failed', 'lỗi') returning id`,
        [orgs(fx, s).khoa.id],
      );
      return { url: `/api/mail/outbox/${r.rows[0].id}/retry`, payload: {} };
    },
  },
  'GET /api/notifications': { scoped: false, build: () => ({ url: '/api/notifications' }) },
  // only one's own notifications can be marked: another user's or a missing one is a 404
  'POST /api/notifications/:id/read': {
    scoped: false,
    build: () => ({ url: `/api/notifications/${MISSING}/read`, payload: {} }),
    expect: (role) => (role ? 'notFound' : 'unauthenticated'),
  },
  'POST /api/notifications/read-all': { scoped: false, build: () => ({ url: '/api/notifications/read-all', payload: {} }) },
};
