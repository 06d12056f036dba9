import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createOrgTree,
  createTestApp,
  createUser,
  login,
  type OrgTree,
  type Session,
  type TestApp,
} from '../../../../test/helpers';
import { multipart } from '../../../../test/xlsx';
import { insertOrg, type OrgRow } from '../organizations/organizations.repo';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

let t: TestApp;
let tree: OrgTree;
let unitC: OrgRow;
let so: Session; // organiser (Sở): manages, appraises
let officerA: Session; // unit A's emulation officer: self-scores A
let officerB: Session;
let officerC: Session;
let groupId = '';
let setId = '';
const crit: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  unitC = await insertOrg(
    t.database.db,
    tree.so,
    {
      type: 'medical_center',
      code: `TTYT-C-${tree.suffix}`,
      name: `Trung tâm Y tế C ${tree.suffix}`,
      shortName: 'TTYTC',
      validFrom: '2020-01-01',
    },
    null,
  );
  so = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username);
  officerA = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.unitA }])).username);
  officerB = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.unitB }])).username);
  officerC = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: unitC }])).username);
});
afterAll(async () => {
  await t.close();
});

const sheetUrl = (org: OrgRow) => `/api/emulation-groups/${groupId}/sheets/${org.id}`;

async function selfScore(
  s: Session,
  org: OrgRow,
  points: Record<string, number>,
  evidence: Record<string, string[]> = {},
) {
  const cur = (await as(t.app, s).get(sheetUrl(org))).json();
  const r = await as(t.app, s).put(`${sheetUrl(org)}/self`, {
    version: cur.sheet.version,
    entries: Object.entries(points).map(([code, p]) => ({
      criterionId: crit[code],
      points: p,
      evidenceFileIds: evidence[code] ?? [],
    })),
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

async function act(s: Session, org: OrgRow, action: string, reason?: string) {
  const cur = (await as(t.app, s).get(sheetUrl(org))).json();
  return as(t.app, s).post(`${sheetUrl(org)}/transitions`, {
    action,
    version: cur.sheet.version,
    ...(reason ? { reason } : {}),
  });
}

async function appraise(org: OrgRow, points: Record<string, number>) {
  const cur = (await as(t.app, so).get(sheetUrl(org))).json();
  const r = await as(t.app, so).put(`${sheetUrl(org)}/appraisal`, {
    version: cur.sheet.version,
    entries: Object.entries(points).map(([code, p]) => ({ criterionId: crit[code], points: p })),
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

describe('emulation blocks: criteria, scoring, ranking, candidates', () => {
  it('creates a criteria set (tree) and a block of three units with their pledge', async () => {
    const bad = await as(t.app, so).post('/api/emulation-groups/criteria-sets', {
      ownerOrgId: tree.so.id,
      name: 'Sai',
      year: 2025,
      criteria: [{ code: '1.1', parentCode: '9', name: 'Con mồ côi', maxPoints: 10 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toBe('Tiêu chí 1.1: không có tiêu chí cha mã 9.');
    const r = await as(t.app, so).post('/api/emulation-groups/criteria-sets', {
      ownerOrgId: tree.so.id,
      name: 'Bộ tiêu chí khối Trung tâm Y tế 2025',
      year: 2025,
      criteria: [
        { code: '1', name: 'Thực hiện nhiệm vụ chuyên môn', maxPoints: 60 },
        { code: '1.1', parentCode: '1', name: 'Chỉ tiêu khám, chữa bệnh', maxPoints: 40 },
        {
          code: '1.2',
          parentCode: '1',
          name: 'Chuyển đổi số, bệnh án điện tử',
          maxPoints: 30,
          evidenceRequired: true,
        },
        { code: '2', name: 'Công tác thi đua, khen thưởng', maxPoints: 40, weight: 0.5 },
      ],
    });
    expect(r.statusCode, r.body).toBe(201);
    setId = r.json().id;
    expect(r.json().maxTotal).toBe(80);
    for (const c of r.json().criteria) crit[c.code] = c.id;
    expect(
      r.json().criteria.map((c: { code: string; leaf: boolean }) => `${c.code}${c.leaf ? '' : '*'}`),
    ).toEqual(['1*', '1.1', '1.2', '2']);

    const g = await as(t.app, so).post('/api/emulation-groups', {
      ownerOrgId: tree.so.id,
      kind: 'block',
      name: 'Khối các Trung tâm Y tế',
      year: 2025,
      pledge: 'Các đơn vị giao ước thi đua hoàn thành xuất sắc nhiệm vụ năm 2025.',
      criteriaSetId: setId,
      leaderCount: 1,
      members: [
        { orgId: tree.unitA.id, pledgeSignedOn: '2025-02-10' },
        { orgId: tree.unitB.id, pledgeSignedOn: '2025-02-10' },
        { orgId: unitC.id },
      ],
    });
    expect(g.statusCode, g.body).toBe(201);
    groupId = g.json().id;
    expect(g.json()).toMatchObject({
      kindName: 'Khối thi đua',
      memberCount: 3,
      maxTotal: 80,
      canManage: true,
      canAppraise: true,
    });
    // a member must be inside the organiser's subtree
    const outside = await as(t.app, officerA).post('/api/emulation-groups', {
      ownerOrgId: tree.unitA.id,
      kind: 'cluster',
      name: 'Cụm sai',
      year: 2025,
      members: [{ orgId: tree.unitB.id }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].message).toBe(
      'Thành viên phải là đơn vị trực thuộc của đơn vị tổ chức khối, cụm.',
    );
  });

  it('self-scores with evidence, then appraisal, then final; ranks with a tie and names the leaders', async () => {
    // unit A: evidence is required for 1.2 before submitting
    await selfScore(officerA, tree.unitA, { '1.1': 35, '1.2': 30, '2': 30 });
    const noEvidence = await act(officerA, tree.unitA, 'submit');
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      'Tiêu chí 1.2 phải có tài liệu minh chứng.',
    ]);
    const m = multipart('benh-an-dien-tu.pdf', PDF);
    const up = await as(t.app, officerA).post(`${sheetUrl(tree.unitA)}/evidence`, m.payload, {
      ...m.headers,
    });
    expect(up.statusCode, up.body).toBe(201);
    const fileId = up.json().id;
    const saved = await selfScore(
      officerA,
      tree.unitA,
      { '1.1': 35, '1.2': 30, '2': 30 },
      { '1.2': [fileId] },
    );
    expect(saved.sheet.selfTotal).toBe(75); // min(35 + 30, 60) + 30 × 0.5
    expect((await act(officerA, tree.unitA, 'submit')).statusCode).toBe(200);
    // too many points are refused
    const over = await as(t.app, officerB).put(`${sheetUrl(tree.unitB)}/self`, {
      version: 0,
      entries: [{ criterionId: crit['1.1'], points: 41 }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.details[0].message).toBe('Tiêu chí 1.1: điểm phải từ 0 đến 40.');
    const upB = multipart('minh-chung.pdf', PDF);
    const fileB = (
      await as(t.app, officerB).post(`${sheetUrl(tree.unitB)}/evidence`, upB.payload, upB.headers)
    ).json().id;
    await selfScore(officerB, tree.unitB, { '1.1': 40, '1.2': 20, '2': 40 }, { '1.2': [fileB] });
    expect((await act(officerB, tree.unitB, 'submit')).statusCode).toBe(200);
    await selfScore(officerC, unitC, { '1.1': 30, '1.2': 0, '2': 20 });
    expect((await act(officerC, unitC, 'submit')).statusCode).toBe(200);
    // a unit cannot appraise itself or finalise
    expect((await act(officerA, tree.unitA, 'appraise')).statusCode).toBe(403);
    expect(
      (await as(t.app, officerA).put(`${sheetUrl(tree.unitA)}/appraisal`, { version: 2, entries: [] }))
        .statusCode,
    ).toBe(403);

    // the organiser appraises: A 60 + 15 = 75, B 60 + 15 = 75 (a tie), C 50 + 10 = 60
    await appraise(tree.unitA, { '1.1': 35, '1.2': 25, '2': 30 });
    expect((await act(so, tree.unitA, 'appraise')).statusCode).toBe(200);
    const partial = await appraise(tree.unitB, { '1.1': 40, '1.2': 20 });
    expect(partial.sheet.appraisedTotal).toBe(60);
    const incomplete = await act(so, tree.unitB, 'appraise');
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().error.details[0].message).toBe('Chưa chấm điểm tiêu chí 2.');
    await appraise(tree.unitB, { '2': 30 });
    expect((await act(so, tree.unitB, 'appraise')).statusCode).toBe(200);
    // C is returned once with a reason, re-submitted, then appraised
    expect((await act(so, unitC, 'return')).statusCode).toBe(400);
    expect((await act(so, unitC, 'return', 'Bổ sung số liệu tiêu chí 2')).statusCode).toBe(200);
    expect((await act(officerC, unitC, 'submit')).statusCode).toBe(200);
    await appraise(unitC, { '1.1': 30, '1.2': 20, '2': 20 });
    expect((await act(so, unitC, 'appraise')).statusCode).toBe(200);

    // before the results are final nobody is ranked
    let rank = (await as(t.app, so).get(`/api/emulation-groups/${groupId}/ranking`)).json();
    expect(rank.items.every((i: { rank: number | null }) => i.rank === null)).toBe(true);
    for (const u of [tree.unitA, tree.unitB, unitC])
      expect((await act(so, u, 'finalize')).statusCode).toBe(200);
    rank = (await as(t.app, officerC).get(`/api/emulation-groups/${groupId}/ranking`)).json();
    expect(rank.complete).toBe(true);
    const row = (o: OrgRow) => rank.items.find((i: { orgId: string }) => i.orgId === o.id);
    expect(row(tree.unitA)).toMatchObject({
      total: 75,
      rank: 1,
      leader: true,
      statusName: 'Đã chốt kết quả',
    });
    expect(row(tree.unitB)).toMatchObject({ total: 75, rank: 1, leader: true });
    expect(row(unitC)).toMatchObject({ total: 60, rank: 3, leader: false });

    // both tied leaders are candidates for the Cờ thi đua
    const cands = (await as(t.app, so).get('/api/emulation-groups/candidates?year=2025')).json();
    const mine = cands.filter((c: { groupId: string }) => c.groupId === groupId);
    expect(mine.map((c: { orgId: string }) => c.orgId).sort()).toEqual([tree.unitA.id, tree.unitB.id].sort());
    expect(mine[0]).toMatchObject({ awardCode: 'CO_THI_DUA_TINH', rank: 1, total: 75, complete: true });

    // the appraiser downloads A's evidence
    const dl = await as(t.app, so).get(`/api/emulation-groups/${groupId}/evidence/${fileId}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    // unit B may not
    expect(
      (await as(t.app, officerB).get(`/api/emulation-groups/${groupId}/evidence/${fileId}`)).statusCode,
    ).toBe(404);
  });

  it('keeps a member to its own sheet; other organisers see nothing', async () => {
    expect((await as(t.app, officerA).get(sheetUrl(tree.unitB))).statusCode).toBe(404);
    expect(
      (await as(t.app, officerA).put(`${sheetUrl(tree.unitB)}/self`, { version: 0, entries: [] })).statusCode,
    ).toBe(404);
    const own = await as(t.app, officerA).get(`/api/emulation-groups/${groupId}`);
    expect(own.statusCode).toBe(200);
    expect(
      own
        .json()
        .members.filter((m: { visible: boolean }) => m.visible)
        .map((m: { orgId: string }) => m.orgId),
    ).toEqual([tree.unitA.id]);
    expect(own.json()).toMatchObject({ canManage: false, canAppraise: false });
    expect(
      (await as(t.app, officerA).patch(`/api/emulation-groups/${groupId}`, { version: 1, name: 'Đổi tên' }))
        .statusCode,
    ).toBe(404);
    // another Sở's officer sees neither the block nor its set
    const other = await createOrgTree(t.database);
    const stranger = await login(
      t.app,
      (await createUser(t.database, [{ role: 'tdkt', org: other.so }])).username,
    );
    expect((await as(t.app, stranger).get(`/api/emulation-groups/${groupId}`)).statusCode).toBe(404);
    expect((await as(t.app, stranger).get(`/api/emulation-groups/criteria-sets/${setId}`)).statusCode).toBe(
      404,
    );
    expect(
      (await as(t.app, stranger).get('/api/emulation-groups?year=2025'))
        .json()
        .some((g: { id: string }) => g.id === groupId),
    ).toBe(false);
    expect(
      (await as(t.app, stranger).get('/api/emulation-groups/candidates?year=2025'))
        .json()
        .some((g: { groupId: string }) => g.groupId === groupId),
    ).toBe(false);
    // a scored member cannot be dropped from the block
    const g = (await as(t.app, so).get(`/api/emulation-groups/${groupId}`)).json();
    const drop = await as(t.app, so).put(`/api/emulation-groups/${groupId}/members`, {
      version: g.version,
      members: [{ orgId: tree.unitA.id }, { orgId: tree.unitB.id }],
    });
    expect(drop.statusCode).toBe(409);
    expect(drop.json().error.message).toContain('đã gửi kết quả chấm điểm');
  });
});
