/**
 * Authorization-matrix cases of the rules catalog, history and eligibility routes (spread into
 * CASES of authz-matrix.db.test.ts). In scope = records of unit A, out of scope = records of
 * unit B. Rules are global data (not scoped). Commands that would change the shared catalog are
 * sent in a form the service refuses after the authorization check (400/409 count as allowed).
 */
import ExcelJS from 'exceljs';
import { type Role, roleHasPermission } from '../src/domain/access/roles';
import type { Database } from '../src/server/db/client';
import { multipart } from './xlsx';

type Scope = 'in' | 'out';
type Org = { id: string; code: string };
interface Fx {
  tree: { unitA: Org; unitB: Org; khoaA: Org; khoaB: Org };
  t: { database: Database };
  personA: { id: string };
  personB: { id: string };
}
interface Req {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}
interface HistoryCase {
  scoped: boolean;
  build: (fx: Fx, scope: Scope) => Promise<Req> | Req;
  expect?: (role: Role | null, scope: Scope) => 'allowed' | 'forbidden' | 'notFound' | 'unauthenticated';
}

const MISSING = '00000000-0000-4000-8000-000000000000';
const pick = <T>(scope: Scope, a: T, b: T) => (scope === 'in' ? a : b);
const notFoundIfPermitted = (permission: string) => (role: Role | null) =>
  !role ? 'unauthenticated' : roleHasPermission(role, permission) ? 'notFound' : 'forbidden';

async function one<T>(db: Database, text: string, params: unknown[]): Promise<T> {
  const r = await db.pool.query(text, params);
  return r.rows[0] as T;
}

async function xlsx(headers: string[], rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function staffCode(fx: Fx): Promise<string> {
  return (await one<{ code: string }>(fx.t.database, 'select staff_code::text as code from people where id = $1', [fx.personA.id])).code;
}

const initiative = async (fx: Fx, s: Scope) => {
  const org = pick(s, fx.tree.khoaA, fx.tree.khoaB);
  const person = pick(s, fx.personA, fx.personB);
  const r = await one<{ id: string }>(
    fx.t.database,
    `insert into initiatives (title, org_id, year, scope, recognised_on) values ('Sáng kiến ma trận', $1, 2024, 'unit', '2024-06-01') returning id`,
    [org.id],
  );
  await fx.t.database.pool.query(`insert into initiative_authors (initiative_id, person_id, share) values ($1, $2, 100)`, [r.id, person.id]);
  return r.id;
};

export const HISTORY_CASES: Record<string, HistoryCase> = {
  // rules catalog (global)
  'GET /api/rules/catalog': { scoped: false, build: () => ({ url: '/api/rules/catalog' }) },
  'GET /api/rules/versions': { scoped: false, build: () => ({ url: '/api/rules/versions' }) },
  'POST /api/rules/versions': {
    scoped: false,
    build: () => ({
      url: '/api/rules/versions',
      payload: {
        effectiveFrom: '2099-01-01',
        note: 'Ma trận phân quyền',
        changes: [{ op: 'setConditionParams', code: 'LDTT', subject: 'individual', conditionId: 'khong-ton-tai', params: { count: 2 } }],
      },
    }),
  },
  'GET /api/rules/base-salaries': { scoped: false, build: () => ({ url: '/api/rules/base-salaries' }) },
  'POST /api/rules/base-salaries': { scoped: false, build: () => ({ url: '/api/rules/base-salaries', payload: { effectiveFrom: '2024-07-01', amount: 2_340_000 } }) },

  // history
  'GET /api/ratings': { scoped: true, build: (fx, s) => ({ url: `/api/ratings?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}&year=2024` }) },
  'PUT /api/ratings': { scoped: true, build: (fx, s) => ({ url: '/api/ratings', payload: { personId: pick(s, fx.personA.id, fx.personB.id), year: 2024, rating: 'HTTNV' } }) },
  'GET /api/history/ratings/import-template': { scoped: false, build: () => ({ url: '/api/history/ratings/import-template' }) },
  'GET /api/history/awards/import-template': { scoped: false, build: () => ({ url: '/api/history/awards/import-template' }) },
  'POST /api/history/ratings/imports': {
    scoped: false,
    build: async (fx) => {
      const m = multipart('xep-loai.xlsx', await xlsx(['Mã nhân sự', 'Năm', 'Xếp loại'], [[await staffCode(fx), 2023, 'HTTNV']]));
      return { url: '/api/history/ratings/imports', payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/history/awards/imports': {
    scoped: false,
    build: async (fx) => {
      const m = multipart('khen-thuong.xlsx', await xlsx(['Mã nhân sự', 'Danh hiệu / Hình thức', 'Năm thành tích'], [[await staffCode(fx), 'Lao động tiên tiến', 2022]]));
      return { url: '/api/history/awards/imports', payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/history/ratings/imports/:id/commit': {
    scoped: false,
    build: () => ({ url: `/api/history/ratings/imports/${MISSING}/commit`, payload: { mode: 'all' } }),
    expect: notFoundIfPermitted('history.import'),
  },
  'POST /api/history/awards/imports/:id/commit': {
    scoped: false,
    build: () => ({ url: `/api/history/awards/imports/${MISSING}/commit`, payload: { mode: 'all' } }),
    expect: notFoundIfPermitted('history.import'),
  },
  'DELETE /api/history/ratings/imports/:id': { scoped: false, build: () => ({ url: `/api/history/ratings/imports/${MISSING}` }), expect: notFoundIfPermitted('history.import') },
  'DELETE /api/history/awards/imports/:id': { scoped: false, build: () => ({ url: `/api/history/awards/imports/${MISSING}` }), expect: notFoundIfPermitted('history.import') },
  'POST /api/awards': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/awards', payload: { personId: pick(s, fx.personA.id, fx.personB.id), awardCode: 'LDTT', year: 2021, issuer: 'Giám đốc Trung tâm Y tế' } }),
  },
  'POST /api/awards/:id/revoke': {
    scoped: true,
    build: async (fx, s) => {
      const a = await one<{ id: string }>(
        fx.t.database,
        `insert into awards (person_id, award_code, year, source) values ($1, 'LDTT', 2019, 'import') returning id`,
        [pick(s, fx.personA.id, fx.personB.id)],
      );
      return { url: `/api/awards/${a.id}/revoke` };
    },
  },
  'GET /api/initiatives': { scoped: true, build: (fx, s) => ({ url: `/api/initiatives?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'POST /api/initiatives': {
    scoped: true,
    build: (fx, s) => ({
      url: '/api/initiatives',
      payload: {
        title: 'Sáng kiến ma trận phân quyền',
        orgId: pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id),
        year: 2024,
        scope: 'unit',
        recognisedOn: '2024-10-01',
        authors: [{ personId: pick(s, fx.personA.id, fx.personB.id), share: 100 }],
      },
    }),
  },
  'GET /api/initiatives/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/initiatives/${await initiative(fx, s)}` }) },
  'PATCH /api/initiatives/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/initiatives/${await initiative(fx, s)}`, payload: { version: 1, title: 'Tên sáng kiến mới' } }) },
  'DELETE /api/initiatives/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/initiatives/${await initiative(fx, s)}` }) },
  'GET /api/research-projects': { scoped: true, build: (fx, s) => ({ url: `/api/research-projects?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'POST /api/research-projects': {
    scoped: true,
    build: (fx, s) => ({
      url: '/api/research-projects',
      payload: {
        title: 'Đề tài ma trận',
        orgId: pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id),
        year: 2024,
        scope: 'unit',
        acceptedOn: '2024-11-01',
        members: [{ personId: pick(s, fx.personA.id, fx.personB.id), role: 'lead' }],
      },
    }),
  },
  'DELETE /api/research-projects/:id': {
    scoped: true,
    build: async (fx, s) => {
      const r = await one<{ id: string }>(
        fx.t.database,
        `insert into research_projects (title, org_id, year, scope, accepted_on) values ('Đề tài ma trận', $1, 2024, 'unit', '2024-11-01') returning id`,
        [pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id)],
      );
      return { url: `/api/research-projects/${r.id}` };
    },
  },
  'POST /api/disciplines': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/disciplines', payload: { personId: pick(s, fx.personA.id, fx.personB.id), form: 'khien_trach', fromDate: '2018-01-01', toDate: '2018-12-31' } }),
  },
  'DELETE /api/disciplines/:id': {
    scoped: true,
    build: async (fx, s) => {
      const d = await one<{ id: string }>(
        fx.t.database,
        `insert into disciplines (person_id, form, from_date, to_date) values ($1, 'khien_trach', '2017-01-01', '2017-06-30') returning id`,
        [pick(s, fx.personA.id, fx.personB.id)],
      );
      return { url: `/api/disciplines/${d.id}` };
    },
  },
  'GET /api/people/:id/history': { scoped: true, build: (fx, s) => ({ url: `/api/people/${pick(s, fx.personA.id, fx.personB.id)}/history` }) },

  // eligibility
  'GET /api/eligibility/people/:id': { scoped: true, build: (fx, s) => ({ url: `/api/eligibility/people/${pick(s, fx.personA.id, fx.personB.id)}?year=2024` }) },
  'GET /api/eligibility/orgs/:id': { scoped: true, build: (fx, s) => ({ url: `/api/eligibility/orgs/${pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id)}?year=2024` }) },
  'POST /api/eligibility/runs': { scoped: true, build: (fx, s) => ({ url: '/api/eligibility/runs', payload: { orgId: pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id), year: 2024 } }) },
  'GET /api/eligibility/runs': { scoped: true, build: (fx, s) => ({ url: `/api/eligibility/runs?orgId=${pick(s, fx.tree.unitA.id, fx.tree.unitB.id)}` }) },
  'GET /api/eligibility/runs/:id': {
    scoped: true,
    build: async (fx, s) => {
      const r = await one<{ id: string }>(
        fx.t.database,
        `insert into eligibility_runs (org_id, year, as_of, rule_set_id, rule_set_version, subjects, nominees, counts)
         values ($1, 2024, '2025-01-01', 'tdkt-vn', 2, 'individual', 0, '{}'::jsonb) returning id`,
        [pick(s, fx.tree.khoaA.id, fx.tree.khoaB.id)],
      );
      return { url: `/api/eligibility/runs/${r.id}` };
    },
  },
};
