/**
 * Authorization-matrix cases of the rounds, proposals and registrations routes (spread into
 * CASES of authz-matrix.db.test.ts). In scope = records of unit A (the matrix roles are granted
 * on unit A), out of scope = records of unit B. Transition routes are open to readers; the
 * workflow then refuses (403) an action whose permission the caller lacks.
 */
import { sql } from 'drizzle-orm';
import { type Role, roleHasPermission } from '../src/domain/access/roles';
import type { Database } from '../src/server/db/client';
import { createPerson, uniq } from './helpers';

type Scope = 'in' | 'out';
type Org = { id: string; code: string; path?: string };
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

async function one<T>(database: Database, q: ReturnType<typeof sql>): Promise<T> {
  return (await database.db.execute<Record<string, unknown>>(q)).rows[0] as T;
}

const unit = (fx: Fx, s: Scope) => (s === 'in' ? fx.tree.unitA : fx.tree.unitB);
const khoa = (fx: Fx, s: Scope) => (s === 'in' ? fx.tree.khoaA : fx.tree.khoaB);

async function round(fx: Fx, s: Scope) {
  return (
    await one<{ id: string }>(
      fx.t.database,
      sql`insert into award_rounds (org_id, kind, year, title, deadline)
          values (${unit(fx, s).id}, 'annual', 2026, 'Đợt khen thưởng ma trận', '2027-01-15') returning id`,
    )
  ).id;
}

/** A draft proposal of a fresh person of khoa A / B in a round of unit A / B. */
async function proposal(fx: Fx, s: Scope) {
  const person = await createPerson(fx.t.database as never, khoa(fx, s) as never, { fullName: 'Nguyễn Văn Ma Trận' });
  const roundId = await round(fx, s);
  const p = await one<{ id: string; version: number }>(
    fx.t.database,
    sql`insert into proposals (round_id, proposing_org_id, person_id, award_code, status, achievement_report)
        values (${roundId}, ${khoa(fx, s).id}, ${person.id}, 'LDTT', 'draft', 'Báo cáo thành tích') returning id, version`,
  );
  return { ...p, personId: person.id, roundId };
}

async function proposalWithFile(fx: Fx, s: Scope) {
  const p = await proposal(fx, s);
  const f = await one<{ id: string }>(
    fx.t.database,
    sql`insert into files (sha256, mime, size, original_name, content, owner_org_id)
        values (${uniq('sha')}, 'application/pdf', ${PDF.length}, 'minh-chung.pdf', ${PDF}, ${khoa(fx, s).id}) returning id`,
  );
  const pf = await one<{ id: string }>(
    fx.t.database,
    sql`insert into proposal_files (proposal_id, file_id, kind, file_name, mime, size)
        values (${p.id}, ${f.id}, 'evidence', 'minh-chung.pdf', 'application/pdf', ${PDF.length}) returning id`,
  );
  return { ...p, fileId: pf.id };
}

let regYear = 2040;
/** A draft registration (one LĐTT item) of khoa A / B for a year not used before. */
async function registration(fx: Fx, s: Scope) {
  const person = await createPerson(fx.t.database as never, khoa(fx, s) as never);
  const reg = await one<{ id: string; version: number }>(
    fx.t.database,
    sql`insert into registrations (org_id, year) values (${khoa(fx, s).id}, ${regYear++}) returning id, version`,
  );
  await fx.t.database.db.execute(
    sql`insert into registration_items (registration_id, person_id, award_code) values (${reg.id}, ${person.id}, 'LDTT')`,
  );
  return reg;
}

function multipart(fileName: string, bytes: Buffer) {
  const boundary = `----thidua${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Route open to `readPermission`; in scope the action itself needs `actionPermission`. */
const workflowExpect =
  (readPermission: string, actionPermission: string) =>
  (role: Role | null, scope: Scope): 'allowed' | 'forbidden' | 'notFound' | 'unauthenticated' => {
    if (!role) return 'unauthenticated';
    if (!roleHasPermission(role, readPermission)) return 'forbidden';
    if (scope === 'out') return 'notFound';
    return roleHasPermission(role, actionPermission) ? 'allowed' : 'forbidden';
  };

export const PROPOSALS_CASES: Record<string, Case> = {
  'GET /api/rounds': { scoped: false, build: () => ({ url: '/api/rounds?year=2026' }) },
  'GET /api/rounds/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/rounds/${await round(fx, s)}` }) },
  'POST /api/rounds': {
    scoped: true,
    build: (fx, s) => ({
      url: '/api/rounds',
      payload: { orgId: unit(fx, s).id, kind: 'annual', year: 2026, title: 'Đợt ma trận', deadline: '2027-01-15' },
    }),
  },
  'PATCH /api/rounds/:id': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/rounds/${await round(fx, s)}`, payload: { version: 1, title: 'Đợt ma trận (sửa)' } }),
  },
  'DELETE /api/rounds/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/rounds/${await round(fx, s)}` }) },

  'GET /api/proposals': { scoped: false, build: () => ({ url: '/api/proposals' }) },
  'POST /api/proposals': {
    scoped: true,
    build: async (fx, s) => {
      const person = await createPerson(fx.t.database as never, khoa(fx, s) as never);
      return { url: '/api/proposals', payload: { roundId: await round(fx, s), personId: person.id, awardCode: 'LDTT' } };
    },
  },
  'GET /api/proposals/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/proposals/${(await proposal(fx, s)).id}` }) },
  'PATCH /api/proposals/:id': {
    scoped: true,
    build: async (fx, s) => {
      const p = await proposal(fx, s);
      return { url: `/api/proposals/${p.id}`, payload: { version: p.version, achievementReport: 'Báo cáo đã sửa' } };
    },
  },
  'DELETE /api/proposals/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/proposals/${(await proposal(fx, s)).id}` }) },
  'POST /api/proposals/:id/transitions': {
    scoped: true,
    expect: workflowExpect('proposal.read', 'proposal.submit'),
    build: async (fx, s) => {
      const p = await proposal(fx, s);
      return { url: `/api/proposals/${p.id}/transitions`, payload: { action: 'submit', version: p.version } };
    },
  },
  'GET /api/proposals/:id/achievement-report/draft': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/proposals/${(await proposal(fx, s)).id}/achievement-report/draft` }),
  },
  'GET /api/proposals/:id/achievement-report.docx': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/proposals/${(await proposal(fx, s)).id}/achievement-report.docx` }),
  },
  'POST /api/proposals/:id/files': {
    scoped: true,
    build: async (fx, s) => {
      const m = multipart('minh-chung.pdf', PDF);
      return { url: `/api/proposals/${(await proposal(fx, s)).id}/files`, payload: m.payload, headers: m.headers };
    },
  },
  'GET /api/proposals/:id/files/:fileId': {
    scoped: true,
    build: async (fx, s) => {
      const p = await proposalWithFile(fx, s);
      return { url: `/api/proposals/${p.id}/files/${p.fileId}` };
    },
  },
  'DELETE /api/proposals/:id/files/:fileId': {
    scoped: true,
    build: async (fx, s) => {
      const p = await proposalWithFile(fx, s);
      return { url: `/api/proposals/${p.id}/files/${p.fileId}` };
    },
  },

  'GET /api/registrations': { scoped: false, build: () => ({ url: '/api/registrations?year=2026' }) },
  'GET /api/registrations/board': {
    scoped: true,
    build: (fx, s) => ({ url: `/api/registrations/board?year=2026&orgId=${unit(fx, s).id}` }),
  },
  'GET /api/registrations/export': {
    scoped: true,
    build: (fx, s) => ({ url: `/api/registrations/export?year=2026&orgId=${unit(fx, s).id}` }),
  },
  'POST /api/registrations': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/registrations', payload: { orgId: khoa(fx, s).id, year: regYear++ } }),
  },
  'GET /api/registrations/:id': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/registrations/${(await registration(fx, s)).id}` }),
  },
  'PUT /api/registrations/:id/items': {
    scoped: true,
    build: async (fx, s) => {
      const r = await registration(fx, s);
      return { url: `/api/registrations/${r.id}/items`, payload: { version: r.version, items: [] } };
    },
  },
  'POST /api/registrations/:id/transitions': {
    scoped: true,
    expect: workflowExpect('registration.read', 'registration.submit'),
    build: async (fx, s) => {
      const r = await registration(fx, s);
      return { url: `/api/registrations/${r.id}/transitions`, payload: { action: 'submit', version: r.version } };
    },
  },
  'GET /api/registrations/:id/document': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/registrations/${(await registration(fx, s)).id}/document` }),
  },
  'DELETE /api/registrations/:id': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/registrations/${(await registration(fx, s)).id}` }),
  },
};
