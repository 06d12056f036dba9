/**
 * Authorization-matrix cases of the plan routes (spread into CASES of authz-matrix.db.test.ts).
 * In scope = plans of unit A, out of scope = plans of unit B (the roles are granted on unit A; an
 * issued plan of an organisation ABOVE the caller is readable too, but unit B is a sibling).
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
  headers?: Record<string, string>;
}
interface Case {
  scoped: boolean;
  build: (fx: Fx, scope: Scope) => Promise<Req> | Req;
  expect?: (role: Role | null, scope: Scope) => 'allowed' | 'forbidden' | 'notFound' | 'unauthenticated';
}

const unit = (fx: Fx, s: Scope) => (s === 'in' ? fx.tree.unitA : fx.tree.unitB);
const khoa = (fx: Fx, s: Scope) => (s === 'in' ? fx.tree.khoaA : fx.tree.khoaB);

const PLAN_TEXT =
  'KẾ HOẠCH\nTriển khai phong trào thi đua đổi mới sáng tạo giai đoạn 2025-2027\nSơ kết vào năm 2027.\n';

/** A fresh plan of `orgId` (draft, or issued with number 1/KH-MT). */
async function plan(fx: Fx, orgId: string, status: 'draft' | 'issued', parentPlanId: string | null = null) {
  const r = await fx.t.database.pool.query(
    `insert into plans (org_id, parent_plan_id, status, number, symbol, issued_on, title, place, signer_title, signer_name)
     values ($1, $2, $3, $4, $5, $6, 'Kế hoạch ma trận', 'Điện Biên', 'GIÁM ĐỐC', 'Nguyễn Văn Ma') returning id`,
    [orgId, parentPlanId, status, status === 'issued' ? 1 : null, status === 'issued' ? 'KH-MT' : null, status === 'issued' ? '2025-08-08' : null],
  );
  return r.rows[0].id as string;
}

function textPart(fileName: string, text: string) {
  const boundary = `----thiduaplan${Math.random().toString(16).slice(2)}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/plain\r\n\r\n`),
    Buffer.from(text, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export const PLANS_CASES: Record<string, Case> = {
  'GET /api/plans': { scoped: true, build: (fx, s) => ({ url: `/api/plans?orgId=${unit(fx, s).id}` }) },
  'GET /api/plans/tree': { scoped: false, build: () => ({ url: '/api/plans/tree' }) },
  'POST /api/plans': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/plans', payload: { orgId: unit(fx, s).id, content: { title: 'Kế hoạch ma trận' } } }),
  },
  'POST /api/plans/import': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/plans/import', payload: { orgId: unit(fx, s).id, text: PLAN_TEXT } }),
  },
  'POST /api/plans/import-file': {
    scoped: true,
    build: (fx, s) => {
      const m = textPart('ke-hoach.txt', PLAN_TEXT);
      return { url: `/api/plans/import-file?orgId=${unit(fx, s).id}`, payload: m.payload, headers: m.headers };
    },
  },
  'GET /api/plans/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'draft')}` }) },
  'PATCH /api/plans/:id': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'draft')}`, payload: { version: 1, content: { title: 'Sửa ma trận' } } }),
  },
  'DELETE /api/plans/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'draft')}` }) },
  'POST /api/plans/:id/derive': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'issued')}/derive`, payload: { orgId: khoa(fx, s).id } }),
  },
  'GET /api/plans/:id/diff': {
    scoped: true,
    build: async (fx, s) => {
      const parent = await plan(fx, unit(fx, s).id, 'issued');
      return { url: `/api/plans/${await plan(fx, khoa(fx, s).id, 'draft', parent)}/diff` };
    },
  },
  'POST /api/plans/:id/issue': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'draft')}/issue`, payload: { version: 1, issuedOn: '2025-09-01' } }),
  },
  'GET /api/plans/:id/document.docx': { scoped: true, build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'issued')}/document.docx` }) },
  'GET /api/plans/:id/document.pdf': { scoped: true, build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'issued')}/document.pdf` }) },
  'GET /api/plans/:id/board': { scoped: true, build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'issued')}/board` }) },
  'GET /api/plans/:id/progress': { scoped: true, build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'issued')}/progress?year=2026` }) },
  'POST /api/plans/:id/reminders': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/plans/${await plan(fx, unit(fx, s).id, 'issued')}/reminders`, payload: {} }),
  },
};
