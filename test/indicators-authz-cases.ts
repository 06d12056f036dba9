/**
 * Authorization-matrix cases of the indicator, digital-skills and emulation-group routes (spread
 * into CASES of authz-matrix.db.test.ts). In scope = records of unit A (or its khoa), out of scope =
 * those of unit B; the roles are granted on unit A.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { type Role, roleHasPermission } from '../src/domain/access/roles';
import type { Database } from '../src/server/db/client';
import { multipart } from './xlsx';

type Scope = 'in' | 'out';
type Org = { id: string; code: string };
interface Fx {
  tree: { so: Org; unitA: Org; unitB: Org; khoaA: Org; khoaB: Org };
  t: { database: Database };
  personA: { id: string };
  personB: { id: string };
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

const MISSING = '00000000-0000-4000-8000-000000000000';
const uniq = (p: string) => `${p}${randomBytes(4).toString('hex')}`;
const unit = (fx: Fx, s: Scope) => (s === 'in' ? fx.tree.unitA : fx.tree.unitB);
const khoa = (fx: Fx, s: Scope) => (s === 'in' ? fx.tree.khoaA : fx.tree.khoaB);
const q = async <T = { id: string }>(fx: Fx, text: string, params: unknown[]) =>
  (await fx.t.database.pool.query(text, params)).rows as T[];

/** A manual indicator (inactive, so it changes no other test's progress or ranking). */
async function indicator(fx: Fx): Promise<string> {
  const [r] = await q(fx, `insert into indicator_definitions (code, name, unit, direction, rollup, active) values ($1, 'Chỉ số ma trận', '%', 'higher', 'average', false) returning id`, [uniq('MT_')]);
  return r!.id;
}

/** Expected answer of a route that answers 403 to everyone below a root organisation. */
const rootOnly = (role: Role | null) => (role ? 'forbidden' : 'unauthenticated');
const needs = (role: Role | null, permission: string, whenAllowed: 'allowed' | 'notFound') =>
  !role ? 'unauthenticated' : roleHasPermission(role, permission) ? whenAllowed : 'forbidden';

/** A block owned by unit A / B with its khoa as member, a one-criterion set, a sheet with an evidence file. */
async function block(fx: Fx, s: Scope) {
  const owner = unit(fx, s);
  const member = khoa(fx, s);
  const [set] = await q(fx, `insert into criteria_sets (owner_org_id, name, year) values ($1, 'Bộ tiêu chí ma trận', 2025) returning id`, [owner.id]);
  const [c] = await q(fx, `insert into criteria (set_id, code, name, max_points) values ($1, '1', 'Tiêu chí ma trận', 10) returning id`, [set!.id]);
  const [g] = await q(fx, `insert into emulation_groups (owner_org_id, kind, name, year, criteria_set_id) values ($1, 'cluster', 'Cụm ma trận', 2025, $2) returning id`, [owner.id, set!.id]);
  await q(fx, `insert into emulation_group_members (group_id, org_id) values ($1, $2)`, [g!.id, member.id]);
  const [f] = await q(fx, `insert into files (sha256, mime, size, original_name, content, owner_org_id) values ('00', 'application/pdf', 8, 'minh-chung.pdf', $1, $2) returning id`, [Buffer.from('%PDF-1.4'), member.id]);
  const [sheet] = await q(fx, `insert into score_sheets (group_id, org_id) values ($1, $2) returning id`, [g!.id, member.id]);
  await q(fx, `insert into score_entries (sheet_id, criterion_id, self_points, evidence_file_ids) values ($1, $2, 5, $3::jsonb)`, [sheet!.id, c!.id, JSON.stringify([f!.id])]);
  return { groupId: g!.id, setId: set!.id, memberId: member.id, criterionId: c!.id, fileId: f!.id };
}

async function xlsx(header: string[], rows: (string | number)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const INDICATORS_CASES: Record<string, Case> = {
  'GET /api/indicators/definitions': { scoped: false, build: () => ({ url: '/api/indicators/definitions' }) },
  // shared definitions are edited only from a root organisation (the roles here are on unit A)
  'POST /api/indicators/definitions': {
    scoped: false,
    build: () => ({ url: '/api/indicators/definitions', payload: { code: uniq('MT_'), name: 'Chỉ số ma trận', unit: '%', direction: 'higher', rollup: 'average', active: false } }),
    expect: rootOnly,
  },
  'PATCH /api/indicators/definitions/:id': {
    scoped: false,
    build: async (fx) => ({ url: `/api/indicators/definitions/${await indicator(fx)}`, payload: { version: 1, name: 'Đổi tên' } }),
    expect: rootOnly,
  },
  'GET /api/indicators/targets': { scoped: true, build: (fx, s) => ({ url: `/api/indicators/targets?orgId=${unit(fx, s).id}&year=2025` }) },
  'PUT /api/indicators/targets': {
    scoped: true,
    build: async (fx, s) => ({ url: '/api/indicators/targets', payload: { indicatorId: await indicator(fx), orgId: unit(fx, s).id, year: 2025, target: 95 } }),
  },
  'DELETE /api/indicators/targets/:id': {
    scoped: true,
    build: async (fx, s) => {
      const [t] = await q(fx, `insert into indicator_targets (indicator_id, org_id, year, target) values ($1, $2, 2025, 90) returning id`, [await indicator(fx), unit(fx, s).id]);
      return { url: `/api/indicators/targets/${t!.id}` };
    },
  },
  'POST /api/indicators/targets/from-plan': {
    scoped: true,
    build: async (fx, s) => {
      const [p] = await q(fx, `insert into plans (org_id, title, year_to) values ($1, 'Kế hoạch ma trận', 2030) returning id`, [unit(fx, s).id]);
      return { url: '/api/indicators/targets/from-plan', payload: { planId: p!.id } };
    },
  },
  'GET /api/indicators/values': { scoped: true, build: (fx, s) => ({ url: `/api/indicators/values?orgId=${khoa(fx, s).id}&year=2025` }) },
  'PUT /api/indicators/values': {
    scoped: true,
    build: async (fx, s) => ({ url: '/api/indicators/values', payload: { orgId: khoa(fx, s).id, year: 2025, period: 'Q1', entries: [{ indicatorId: await indicator(fx), value: 50 }] } }),
  },
  'GET /api/indicators/values/import-template': { scoped: false, build: () => ({ url: '/api/indicators/values/import-template' }) },
  'POST /api/indicators/values/imports': {
    scoped: false,
    build: async (fx) => {
      const m = multipart('so-lieu.xlsx', await xlsx(['Mã đơn vị', 'Mã chỉ số', 'Năm', 'Kỳ', 'Giá trị'], [[fx.tree.khoaA.code, 'KHONG_CO', 2025, 'Q1', 1]]));
      return { url: '/api/indicators/values/imports', payload: m.payload, headers: m.headers };
    },
  },
  // batches belong to their uploader: a missing batch is a 404 for permitted roles
  'POST /api/indicators/values/imports/:id/commit': {
    scoped: false,
    build: () => ({ url: `/api/indicators/values/imports/${MISSING}/commit`, payload: { mode: 'all' } }),
    expect: (role) => needs(role, 'indicator.write', 'notFound'),
  },
  'DELETE /api/indicators/values/imports/:id': {
    scoped: false,
    build: () => ({ url: `/api/indicators/values/imports/${MISSING}` }),
    expect: (role) => needs(role, 'indicator.write', 'notFound'),
  },
  'GET /api/indicators/progress': { scoped: true, build: (fx, s) => ({ url: `/api/indicators/progress?orgId=${unit(fx, s).id}&year=2025` }) },
  'GET /api/indicators/series': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/indicators/series?orgId=${unit(fx, s).id}&indicatorId=${await indicator(fx)}&fromYear=2024&toYear=2025` }),
  },
  'GET /api/indicators/ranking': { scoped: true, build: (fx, s) => ({ url: `/api/indicators/ranking?orgId=${unit(fx, s).id}&year=2025&window=2` }) },

  'GET /api/digital-skills': { scoped: true, build: (fx, s) => ({ url: `/api/digital-skills?orgId=${unit(fx, s).id}` }) },
  'GET /api/digital-skills/summary': { scoped: true, build: (fx, s) => ({ url: `/api/digital-skills/summary?orgId=${unit(fx, s).id}&year=2025` }) },
  'PUT /api/digital-skills/:personId': {
    scoped: true,
    build: (fx, s) => ({ url: `/api/digital-skills/${s === 'in' ? fx.personA.id : fx.personB.id}`, payload: { completedOn: '2025-01-15' } }),
  },
  'DELETE /api/digital-skills/:personId': {
    scoped: true,
    build: async (fx, s) => {
      const org = khoa(fx, s);
      const [p] = await q(fx, `insert into people (staff_code, full_name, current_org_id) values ($1, 'Nguyễn Văn Ma Trận', $2) returning id`, [uniq('NV'), org.id]);
      await q(fx, `insert into digital_skill_completions (person_id, org_id, completed_on) values ($1, $2, '2025-01-15')`, [p!.id, org.id]);
      return { url: `/api/digital-skills/${p!.id}` };
    },
  },
  'GET /api/digital-skills/import-template': { scoped: false, build: () => ({ url: '/api/digital-skills/import-template' }) },
  'POST /api/digital-skills/imports': {
    scoped: false,
    build: async () => {
      const m = multipart('bdhvs.xlsx', await xlsx(['Mã nhân sự', 'Ngày hoàn thành'], [['NV-KHONG-CO', '15/01/2025']]));
      return { url: '/api/digital-skills/imports', payload: m.payload, headers: m.headers };
    },
  },
  'POST /api/digital-skills/imports/:id/commit': {
    scoped: false,
    build: () => ({ url: `/api/digital-skills/imports/${MISSING}/commit`, payload: { mode: 'all' } }),
    expect: (role) => needs(role, 'digitalSkills.write', 'notFound'),
  },
  'DELETE /api/digital-skills/imports/:id': {
    scoped: false,
    build: () => ({ url: `/api/digital-skills/imports/${MISSING}` }),
    expect: (role) => needs(role, 'digitalSkills.write', 'notFound'),
  },

  'GET /api/emulation-groups': { scoped: false, build: () => ({ url: '/api/emulation-groups?year=2025' }) },
  'POST /api/emulation-groups': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/emulation-groups', payload: { ownerOrgId: unit(fx, s).id, kind: 'cluster', name: 'Cụm ma trận', year: 2025, members: [{ orgId: khoa(fx, s).id }] } }),
  },
  'GET /api/emulation-groups/candidates': { scoped: false, build: () => ({ url: '/api/emulation-groups/candidates?year=2025' }) },
  'GET /api/emulation-groups/criteria-sets': { scoped: false, build: () => ({ url: '/api/emulation-groups/criteria-sets' }) },
  'POST /api/emulation-groups/criteria-sets': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/emulation-groups/criteria-sets', payload: { ownerOrgId: unit(fx, s).id, name: 'Bộ tiêu chí ma trận', year: 2025, criteria: [{ code: '1', name: 'Tiêu chí', maxPoints: 10 }] } }),
  },
  'GET /api/emulation-groups/criteria-sets/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/emulation-groups/criteria-sets/${(await block(fx, s)).setId}` }) },
  'GET /api/emulation-groups/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/emulation-groups/${(await block(fx, s)).groupId}` }) },
  'PATCH /api/emulation-groups/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/emulation-groups/${(await block(fx, s)).groupId}`, payload: { version: 1, name: 'Cụm đổi tên' } }) },
  'PUT /api/emulation-groups/:id/members': {
    scoped: true,
    build: async (fx, s) => {
      const b = await block(fx, s);
      return { url: `/api/emulation-groups/${b.groupId}/members`, payload: { version: 1, members: [{ orgId: b.memberId, pledgeSignedOn: '2025-02-01' }] } };
    },
  },
  'GET /api/emulation-groups/:id/ranking': { scoped: true, build: async (fx, s) => ({ url: `/api/emulation-groups/${(await block(fx, s)).groupId}/ranking` }) },
  'GET /api/emulation-groups/:id/sheets/:orgId': {
    scoped: true,
    build: async (fx, s) => {
      const b = await block(fx, s);
      return { url: `/api/emulation-groups/${b.groupId}/sheets/${b.memberId}` };
    },
  },
  'PUT /api/emulation-groups/:id/sheets/:orgId/self': {
    scoped: true,
    build: async (fx, s) => {
      const b = await block(fx, s);
      return { url: `/api/emulation-groups/${b.groupId}/sheets/${b.memberId}/self`, payload: { version: 1, entries: [{ criterionId: b.criterionId, points: 8 }] } };
    },
  },
  'PUT /api/emulation-groups/:id/sheets/:orgId/appraisal': {
    scoped: true,
    build: async (fx, s) => {
      const b = await block(fx, s);
      return { url: `/api/emulation-groups/${b.groupId}/sheets/${b.memberId}/appraisal`, payload: { version: 1, entries: [{ criterionId: b.criterionId, points: 8 }] } };
    },
  },
  // submitting needs score.self on the member: a reader without it is refused (403) in scope
  'POST /api/emulation-groups/:id/sheets/:orgId/transitions': {
    scoped: true,
    build: async (fx, s) => {
      const b = await block(fx, s);
      return { url: `/api/emulation-groups/${b.groupId}/sheets/${b.memberId}/transitions`, payload: { action: 'submit', version: 1 } };
    },
    expect: (role, s) => {
      if (!role) return 'unauthenticated';
      if (!roleHasPermission(role, 'emulationGroup.read')) return 'forbidden';
      if (s === 'out') return 'notFound';
      return roleHasPermission(role, 'score.self') ? 'allowed' : 'forbidden';
    },
  },
  'POST /api/emulation-groups/:id/sheets/:orgId/evidence': {
    scoped: true,
    build: async (fx, s) => {
      const b = await block(fx, s);
      const m = multipart('minh-chung.pdf', Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'));
      return { url: `/api/emulation-groups/${b.groupId}/sheets/${b.memberId}/evidence`, payload: m.payload, headers: m.headers };
    },
  },
  'GET /api/emulation-groups/:id/evidence/:fileId': {
    scoped: true,
    build: async (fx, s) => {
      const b = await block(fx, s);
      return { url: `/api/emulation-groups/${b.groupId}/evidence/${b.fileId}` };
    },
  },
};
