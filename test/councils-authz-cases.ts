/**
 * Authorization-matrix cases of the councils, decisions and fund routes (spread into CASES of
 * authz-matrix.db.test.ts). In scope = records of unit A, out of scope = records of unit B.
 * Opening/closing a ballot needs the chair and voting needs a member present: the matrix users
 * are neither, so in scope those answer 403 with a Vietnamese reason (not 404).
 */
import { type Role, roleHasPermission } from '../src/domain/access/roles';
import type { Database } from '../src/server/db/client';
import {
  createCouncil,
  createDraftDecision,
  createItem,
  createProposal,
  createRound,
  createSession,
} from './councils-fixtures';
import { createUser, uniq } from './helpers';

type Scope = 'in' | 'out';
type Org = { id: string; code: string };
interface Fx {
  tree: { unitA: Org; unitB: Org; khoaA: Org; khoaB: Org };
  t: { database: Database };
  personA: { id: string };
  personB: { id: string };
  userA: { id: string };
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

interface UnitFixtures {
  councilId: string;
  memberId: string;
  sessionId: string;
  draftItemId: string;
  openItemId: string;
  roundId: string;
}
const cache = new Map<string, Promise<UnitFixtures>>();

function unitFixtures(fx: Fx, scope: Scope): Promise<UnitFixtures> {
  const unit = scope === 'in' ? fx.tree.unitA : fx.tree.unitB;
  const key = unit.id;
  let p = cache.get(key);
  if (!p) {
    p = (async () => {
      const db = fx.t.database;
      const chair = await createUser(db, [{ role: 'council_member', org: unit as never }]);
      const { councilId, memberIds } = await createCouncil(db, unit, [{ userId: chair.id, role: 'chu_tich' }]);
      const round = await createRound(db, unit);
      const person = scope === 'in' ? fx.personA : fx.personB;
      const p1 = await createProposal(db, { roundId: round.id, proposingOrg: unit, personId: person.id, awardCode: 'CSTDCS', status: 'in_council' });
      const p2 = await createProposal(db, { roundId: round.id, proposingOrg: unit, personId: person.id, awardCode: 'LDTT', status: 'in_council' });
      const session = await createSession(db, councilId, memberIds, memberIds.length);
      const draft = await createItem(db, session.id, p1.id, 'draft');
      const open = await createItem(db, session.id, p2.id, 'open');
      return { councilId, memberId: memberIds[0]!, sessionId: session.id, draftItemId: draft.id, openItemId: open.id, roundId: round.id };
    })();
    cache.set(key, p);
  }
  return p;
}

/** The matrix users are not the chair (or not members): 403 in scope, 404 out of scope. */
const notChair = (permission: string) => (role: Role | null, scope: Scope) => {
  if (!role) return 'unauthenticated' as const;
  if (!roleHasPermission(role, permission)) return 'forbidden' as const;
  return scope === 'out' ? ('notFound' as const) : ('forbidden' as const);
};

const unit = (fx: Fx, s: Scope) => (s === 'in' ? fx.tree.unitA : fx.tree.unitB);
const person = (fx: Fx, s: Scope) => (s === 'in' ? fx.personA : fx.personB);
const draft = (fx: Fx, s: Scope) => createDraftDecision(fx.t.database, unit(fx, s), person(fx, s).id);

export const COUNCIL_DECISION_FUND_CASES: Record<string, Case> = {
  'GET /api/councils': { scoped: false, build: () => ({ url: '/api/councils' }) },
  'POST /api/councils': {
    scoped: true,
    build: (fx, s) => ({ url: '/api/councils', payload: { orgId: s === 'in' ? fx.tree.khoaA.id : fx.tree.khoaB.id, name: `Hội đồng ${uniq()}` } }),
  },
  'GET /api/councils/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/councils/${(await unitFixtures(fx, s)).councilId}` }) },
  'GET /api/councils/:id/member-candidates': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/councils/${(await unitFixtures(fx, s)).councilId}/member-candidates` }),
  },
  'POST /api/councils/:id/members': {
    scoped: true,
    build: async (fx, s) => {
      const u = await createUser(fx.t.database, [{ role: 'staff', org: (s === 'in' ? fx.tree.khoaA : fx.tree.khoaB) as never }]);
      return { url: `/api/councils/${(await unitFixtures(fx, s)).councilId}/members`, payload: { userId: u.id, role: 'uy_vien' } };
    },
  },
  'DELETE /api/councils/:id/members/:memberId': {
    scoped: true,
    build: async (fx, s) => {
      const f = await unitFixtures(fx, s);
      const u = await createUser(fx.t.database, [{ role: 'staff', org: unit(fx, s) as never }]);
      const { memberIds } = await createCouncil(fx.t.database, unit(fx, s), [{ userId: u.id, role: 'uy_vien' }]);
      return { url: `/api/councils/${f.councilId}/members/${memberIds[0]}` };
    },
  },
  'GET /api/councils/:id/agenda-candidates': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/councils/${(await unitFixtures(fx, s)).councilId}/agenda-candidates` }),
  },
  'POST /api/councils/:id/sessions': {
    scoped: true,
    build: async (fx, s) => ({
      url: `/api/councils/${(await unitFixtures(fx, s)).councilId}/sessions`,
      payload: { title: 'Phiên họp ma trận', meetingDate: '2025-12-22' },
    }),
  },
  'GET /api/council-sessions/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/council-sessions/${(await unitFixtures(fx, s)).sessionId}` }) },
  'PUT /api/council-sessions/:id/attendance': {
    scoped: true,
    build: async (fx, s) => {
      const f = await unitFixtures(fx, s);
      return { url: `/api/council-sessions/${f.sessionId}/attendance`, payload: { presentMemberIds: [f.memberId], version: 999 } };
    },
  },
  'POST /api/council-sessions/:id/items': {
    scoped: true,
    build: async (fx, s) => ({
      url: `/api/council-sessions/${(await unitFixtures(fx, s)).sessionId}/items`,
      payload: { proposalIds: ['00000000-0000-4000-8000-000000000000'] },
    }),
  },
  'GET /api/council-sessions/:id/minutes': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/council-sessions/${(await unitFixtures(fx, s)).sessionId}/minutes` }),
  },
  'POST /api/session-items/:id/open': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/session-items/${(await unitFixtures(fx, s)).draftItemId}/open` }),
    expect: notChair('council.manageBallot'),
  },
  'POST /api/session-items/:id/close': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/session-items/${(await unitFixtures(fx, s)).openItemId}/close` }),
    expect: notChair('council.manageBallot'),
  },
  'POST /api/session-items/:id/vote': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/session-items/${(await unitFixtures(fx, s)).openItemId}/vote`, payload: { choice: 'agree' } }),
    expect: notChair('council.vote'),
  },

  'GET /api/decisions': { scoped: false, build: () => ({ url: '/api/decisions' }) },
  'GET /api/decisions/candidates': { scoped: true, build: (fx, s) => ({ url: `/api/decisions/candidates?orgId=${unit(fx, s).id}` }) },
  'POST /api/decisions': {
    scoped: true,
    build: (fx, s) => ({
      url: '/api/decisions',
      payload: {
        orgId: unit(fx, s).id,
        awardees: [{ personId: person(fx, s).id, awardCode: 'LDTT' }],
        achievementYear: 2024,
        decisionDate: '2025-03-01',
        signerName: 'Lò Văn Thẳng',
        signerTitle: 'GIÁM ĐỐC',
      },
    }),
  },
  'GET /api/decisions/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/decisions/${(await draft(fx, s)).id}` }) },
  'PATCH /api/decisions/:id': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/decisions/${(await draft(fx, s)).id}`, payload: { version: 999, place: 'Điện Biên Phủ' } }),
  },
  'DELETE /api/decisions/:id': { scoped: true, build: async (fx, s) => ({ url: `/api/decisions/${(await draft(fx, s)).id}` }) },
  'DELETE /api/decisions/:id/awardees/:awardeeId': {
    scoped: true,
    build: async (fx, s) => {
      const d = await draft(fx, s);
      return { url: `/api/decisions/${d.id}/awardees/${d.awardeeId}` };
    },
  },
  'POST /api/decisions/:id/issue': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/decisions/${(await draft(fx, s)).id}/issue`, payload: { version: 1 } }),
  },
  'POST /api/decisions/:id/corrections': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/decisions/${(await draft(fx, s)).id}/corrections` }),
  },
  'GET /api/decisions/:id/docx': { scoped: true, build: async (fx, s) => ({ url: `/api/decisions/${(await draft(fx, s)).id}/docx` }) },
  'GET /api/decisions/:id/pdf': { scoped: true, build: async (fx, s) => ({ url: `/api/decisions/${(await draft(fx, s)).id}/pdf` }) },
  'GET /api/decisions/:id/certificates': {
    scoped: true,
    build: async (fx, s) => ({ url: `/api/decisions/${(await draft(fx, s)).id}/certificates` }),
  },
  'GET /api/decisions/:id/certificates/:awardeeId': {
    scoped: true,
    build: async (fx, s) => {
      const d = await draft(fx, s);
      return { url: `/api/decisions/${d.id}/certificates/${d.awardeeId}` };
    },
  },

  'GET /api/fund': { scoped: true, build: (fx, s) => ({ url: `/api/fund?orgId=${unit(fx, s).id}&year=2025` }) },
  'GET /api/fund/export': { scoped: true, build: (fx, s) => ({ url: `/api/fund/export?orgId=${unit(fx, s).id}&year=2025` }) },
  'POST /api/fund/allocations': {
    scoped: true,
    build: (fx, s) => ({
      url: '/api/fund/allocations',
      payload: { orgId: unit(fx, s).id, year: 2025, amount: 50_000_000, entryDate: '2025-01-10', description: 'Phân bổ quỹ năm 2025' },
    }),
  },
  'POST /api/fund/payments': {
    scoped: true,
    build: async (fx, s) => ({ url: '/api/fund/payments', payload: { decisionId: (await draft(fx, s)).id } }),
  },
};
