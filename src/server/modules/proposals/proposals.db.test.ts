import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createOrgTree,
  createPerson,
  createTestApp,
  createUser,
  login,
  type OrgTree,
  type Session,
  type TestApp,
} from '../../../../test/helpers';
import {
  findTransition,
  PROPOSAL_ACTIONS,
  PROPOSAL_STATES,
  PROPOSAL_WORKFLOW,
} from '../../../domain/commendation';
import { markDecided, recordCouncilResult } from './proposals.service';

let t: TestApp;
let tree: OrgTree;
let admin: Session;
let tdktSo: Session;
let tdktA: Session;
let headA: Session;
let headB: Session;
let director: Session;
let council: Session;
let soRound: string;
let unitRound: string;

function multipartFile(fileName: string, bytes: Buffer, mime = 'application/octet-stream') {
  const boundary = `----thidua${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${mime}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

async function session(role: Parameters<typeof createUser>[1][number]['role'], org: OrgTree['so']) {
  return login(t.app, (await createUser(t.database, [{ role, org }])).username);
}

async function round(s: Session, orgId: string, extra: Record<string, unknown> = {}) {
  const res = await as(t.app, s).post('/api/rounds', {
    orgId,
    kind: 'annual',
    year: 2026,
    title: 'Khen thưởng thường xuyên năm 2026',
    deadline: '2027-01-15',
    publicCommentFrom: '2026-11-20',
    publicCommentUntil: '2026-12-20',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function propose(s: Session, roundId: string, personId: string, awardCode = 'LDTT') {
  const res = await as(t.app, s).post('/api/proposals', { roundId, personId, awardCode });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function act(s: Session, id: string, action: string, extra: Record<string, unknown> = {}) {
  const cur = await as(t.app, admin).get(`/api/proposals/${id}`);
  return as(t.app, s).post(`/api/proposals/${id}/transitions`, {
    action,
    version: cur.json().version,
    ...extra,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  admin = await session('admin', tree.so);
  tdktSo = await session('tdkt', tree.so);
  tdktA = await session('tdkt', tree.unitA);
  headA = await session('dept_head', tree.khoaA);
  headB = await session('dept_head', tree.khoaB);
  director = await session('director', tree.so);
  council = await session('council_member', tree.so);
  soRound = await round(tdktSo, tree.so.id);
  unitRound = await round(tdktA, tree.unitA.id, { title: 'Khen thưởng năm 2026 của Trung tâm Y tế A' });
});
afterAll(async () => t.close());

describe('award rounds', () => {
  it('a unit sees its own rounds and those of its ancestors, not a sibling’s (404 like missing)', async () => {
    const roundB = await round(await session('tdkt', tree.unitB), tree.unitB.id, {
      title: 'Đợt của đơn vị B',
    });
    const list = await as(t.app, headA).get('/api/rounds?year=2026');
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((r: { id: string }) => r.id);
    expect(ids).toEqual(expect.arrayContaining([soRound, unitRound]));
    expect(ids).not.toContain(roundB);
    const so = list.json().items.find((r: { id: string }) => r.id === soRound);
    expect(so.canPropose).toBe(true);
    expect(so.canManage).toBe(false);
    const other = await as(t.app, headA).get(`/api/rounds/${roundB}`);
    const missing = await as(t.app, headA).get('/api/rounds/00000000-0000-4000-8000-000000000000');
    expect(other.statusCode).toBe(404);
    expect(other.json().error.message).toBe(missing.json().error.message);
    // the Sở's TĐKT officer sees every round of the subtree and manages them
    const all = (await as(t.app, tdktSo).get('/api/rounds')).json().items;
    expect(all.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([soRound, unitRound, roundB]),
    );
  });

  it('validates the comment period, guards edits with the version, refuses a dept head', async () => {
    const bad = await as(t.app, tdktSo).post('/api/rounds', {
      orgId: tree.so.id,
      kind: 'thematic',
      year: 2026,
      title: 'Chuyên đề',
      deadline: '2026-12-31',
      publicCommentFrom: '2026-12-10',
      publicCommentUntil: '2026-12-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain('Ngày kết thúc lấy ý kiến');
    const unknown = await as(t.app, tdktSo).post('/api/rounds', {
      orgId: tree.so.id,
      kind: 'x',
      year: 2026,
      title: 'a',
      deadline: '2026-12-31',
    });
    expect(unknown.statusCode).toBe(400);
    const id = await round(tdktSo, tree.so.id, { kind: 'adhoc', title: 'Đột xuất' });
    const ok = await as(t.app, tdktSo).patch(`/api/rounds/${id}`, {
      version: 1,
      title: 'Khen thưởng đột xuất',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().title).toBe('Khen thưởng đột xuất');
    const stale = await as(t.app, tdktSo).patch(`/api/rounds/${id}`, { version: 1, title: 'Cũ' });
    expect(stale.statusCode).toBe(409);
    expect((await as(t.app, headA).patch(`/api/rounds/${id}`, { version: 2, title: 'x' })).statusCode).toBe(
      403,
    );
    expect((await as(t.app, tdktA).patch(`/api/rounds/${id}`, { version: 2, title: 'x' })).statusCode).toBe(
      404,
    );
    expect((await as(t.app, tdktSo).delete(`/api/rounds/${id}`)).statusCode).toBe(204);
  });
});

describe('proposals and dossiers', () => {
  it('a dept head proposes a staff member; the report is generated from the data, editable and downloadable as DOCX', async () => {
    const person = await createPerson(t.database, tree.khoaA, {
      fullName: 'Phạm Thị Báo Cáo',
      position: 'Điều dưỡng trưởng',
    });
    await t.database.db.execute(
      sql`insert into ratings (person_id, year, rating) values (${person.id}, 2025, 'HTXSNV')`,
    );
    await t.database.db.execute(
      sql`insert into awards (person_id, award_code, year, decision_number, source) values (${person.id}, 'LDTT', 2024, '12/QĐ-SYT', 'import')`,
    );
    const p = await propose(headA, soRound, person.id, 'CSTDCS');
    expect(p.status).toBe('draft');
    expect(p.proposingOrg.id).toBe(tree.khoaA.id);
    expect(p.achievementReport).toContain('Phạm Thị Báo Cáo');
    expect(p.achievementReport).toContain('Điều dưỡng trưởng');
    expect(p.achievementReport).toContain('Năm 2025: Hoàn thành xuất sắc nhiệm vụ');
    expect(p.achievementReport).toContain('Năm 2024: Lao động tiên tiến (Quyết định số 12/QĐ-SYT');
    expect(p.actions.map((a: { action: string }) => a.action)).toEqual(['submit']);
    expect(p.dossier.complete).toBe(false); // CSTĐCS needs evidence
    // before appraisal the proposer sees the verdict as it stands (no 2026 rating, no initiative)
    expect(p.eligibility).toBeNull();
    expect(p.eligibilityPreview.verdict.code).toBe('CSTDCS');
    expect(p.eligibilityPreview.verdict.status).not.toBe('eligible');
    expect(p.eligibilityPreview.verdict.conditions.length).toBeGreaterThan(0);
    // duplicate in the same round
    const dup = await as(t.app, headA).post('/api/proposals', {
      roundId: soRound,
      personId: person.id,
      awardCode: 'CSTDCS',
    });
    expect(dup.statusCode).toBe(409);
    // a collective title for a person, a person of another unit
    const coll = await as(t.app, headA).post('/api/proposals', {
      roundId: soRound,
      personId: person.id,
      awardCode: 'TTLDXS',
    });
    expect(coll.statusCode).toBe(400);
    const other = await createPerson(t.database, tree.khoaB);
    expect(
      (
        await as(t.app, headA).post('/api/proposals', {
          roundId: soRound,
          personId: other.id,
          awardCode: 'LDTT',
        })
      ).statusCode,
    ).toBe(404);
    // edit the report
    const edited = await as(t.app, headA).patch(`/api/proposals/${p.id}`, {
      version: p.version,
      achievementReport: `${p.achievementReport}\n- Thêm thành tích năm 2026.`,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().achievementReport).toContain('Thêm thành tích năm 2026.');
    expect(
      (
        await as(t.app, headA).patch(`/api/proposals/${p.id}`, {
          version: p.version,
          achievementReport: 'cũ',
        })
      ).statusCode,
    ).toBe(409);
    const docx = await as(t.app, headA).get(`/api/proposals/${p.id}/achievement-report.docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(docx.headers['content-disposition']).toContain('.docx');
    // evidence: a real PDF is accepted, a text file renamed .pdf is refused by content
    const up = await as(t.app, headA).post(`/api/proposals/${p.id}/files`, undefined, {});
    expect(up.statusCode).not.toBe(201);
    const m = multipartFile('minh-chứng.pdf', PDF, 'application/pdf');
    const ok = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${p.id}/files`,
      payload: m.payload,
      headers: { ...m.headers, cookie: headA.cookie, 'x-csrf-token': headA.csrf },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().mime).toBe('application/pdf');
    const fake = multipartFile('gia.pdf', Buffer.from('đây không phải PDF'));
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${p.id}/files`,
      payload: fake.payload,
      headers: { ...fake.headers, cookie: headA.cookie, 'x-csrf-token': headA.csrf },
    });
    expect(refused.statusCode).toBe(415);
    const detail = (await as(t.app, headA).get(`/api/proposals/${p.id}`)).json();
    expect(detail.dossier.complete).toBe(true);
    const dl = await as(t.app, headA).get(`/api/proposals/${p.id}/files/${ok.json().id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.rawPayload.equals(PDF)).toBe(true);
    // another unit's dept head sees nothing of it
    expect((await as(t.app, headB).get(`/api/proposals/${p.id}`)).statusCode).toBe(404);
    expect((await as(t.app, headB).get(`/api/proposals/${p.id}/files/${ok.json().id}`)).statusCode).toBe(404);
    expect(
      (await as(t.app, headB).get('/api/proposals')).json().items.map((i: { id: string }) => i.id),
    ).not.toContain(p.id);
  });

  it('goes draft → submitted → returned (reason seen by the proposer) → resubmitted → appraised → in_council → approved → decided', async () => {
    const person = await createPerson(t.database, tree.khoaA, { fullName: 'Lê Văn Quy Trình' });
    const p = await propose(headA, soRound, person.id, 'LDTT');
    expect((await act(headA, p.id, 'submit')).json().status).toBe('submitted');
    // the proposer cannot appraise; the officer must give a reason to return
    expect((await act(headA, p.id, 'appraise')).statusCode).toBe(403);
    const noReason = await act(tdktSo, p.id, 'return');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.message).toBe('Phải nêu lý do.');
    const ret = await act(tdktSo, p.id, 'return', {
      reason: 'Bổ sung bản sao quyết định công nhận sáng kiến',
    });
    expect(ret.statusCode, ret.body).toBe(200);
    const seen = (await as(t.app, headA).get(`/api/proposals/${p.id}`)).json();
    expect(seen.status).toBe('returned');
    expect(seen.returnReason).toBe('Bổ sung bản sao quyết định công nhận sáng kiến');
    expect(seen.canEdit).toBe(true);
    expect(seen.events.at(-1)).toMatchObject({
      action: 'return',
      reason: 'Bổ sung bản sao quyết định công nhận sáng kiến',
      toStatus: 'returned',
    });
    const listed = (await as(t.app, headA).get(`/api/proposals?roundId=${soRound}&status=returned`)).json()
      .items;
    expect(listed.find((i: { id: string }) => i.id === p.id).returnReason).toContain('Bổ sung');
    expect((await act(headA, p.id, 'resubmit')).json().status).toBe('resubmitted');
    const appraised = await act(tdktSo, p.id, 'appraise');
    expect(appraised.statusCode, appraised.body).toBe(200);
    const elig = appraised.json().eligibility;
    expect(elig.ruleSetVersion).toEqual(expect.any(Number));
    expect(elig.verdict.code).toBe('LDTT');
    expect(['eligible', 'not_eligible', 'missing_data']).toContain(elig.verdict.status);
    expect(elig.dossier.items[0]).toMatchObject({ id: 'report', ok: true });
    expect((await act(tdktSo, p.id, 'send_to_council')).json().status).toBe('in_council');
    expect((await act(tdktSo, p.id, 'decide')).statusCode).toBe(409);
    expect((await act(council, p.id, 'approve')).json().status).toBe('approved');
    expect((await act(tdktSo, p.id, 'decide')).statusCode).toBe(403); // the officer does not sign
    const decided = await act(director, p.id, 'decide');
    expect(decided.json().status).toBe('decided');
    expect(decided.json().events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'submit',
      'return',
      'resubmit',
      'appraise',
      'send_to_council',
      'approve',
      'decide',
    ]);
    const audit = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity_id = ${p.id} and action like 'proposal.%'`,
    );
    expect(audit.rows[0]!.n).toBe(8);
  });

  it('a first submission after the round’s deadline is refused; a closed round takes no submissions', async () => {
    const late = await round(tdktSo, tree.so.id, {
      kind: 'adhoc',
      title: 'Đột xuất đã hết hạn',
      deadline: '2020-01-31',
      publicCommentFrom: null,
      publicCommentUntil: null,
    });
    const person = await createPerson(t.database, tree.khoaA);
    const p = await propose(headA, late, person.id, 'GIAY_KHEN');
    const res = await act(headA, p.id, 'submit');
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('Đã quá hạn nộp hồ sơ của đợt khen thưởng (31/01/2020).');
    const other = await round(tdktSo, tree.so.id, { kind: 'adhoc', title: 'Đột xuất sẽ đóng' });
    const q = await propose(headA, other, person.id, 'GIAY_KHEN');
    const r = (await as(t.app, tdktSo).get(`/api/rounds/${other}`)).json();
    expect(
      (await as(t.app, tdktSo).patch(`/api/rounds/${other}`, { version: r.version, status: 'closed' }))
        .statusCode,
    ).toBe(200);
    const closed = await act(headA, q.id, 'submit');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toContain('đã kết thúc');
  });

  it('two simultaneous approvals of the same version: one 200, one 409', async () => {
    const person = await createPerson(t.database, tree.khoaA);
    const p = await propose(headA, soRound, person.id, 'LDTT');
    await act(headA, p.id, 'submit');
    await act(tdktSo, p.id, 'appraise');
    await act(tdktSo, p.id, 'send_to_council');
    const v = (await as(t.app, admin).get(`/api/proposals/${p.id}`)).json().version;
    const council2 = await session('council_member', tree.so);
    const [a, b] = await Promise.all([
      as(t.app, council).post(`/api/proposals/${p.id}/transitions`, { action: 'approve', version: v }),
      as(t.app, council2).post(`/api/proposals/${p.id}/transitions`, { action: 'approve', version: v }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const events = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from proposal_events where proposal_id = ${p.id} and action = 'approve'`,
    );
    expect(events.rows[0]!.n).toBe(1);
  });

  it('every state × action: allowed pairs move to the table’s state, every other pair answers 409', async () => {
    const failures: string[] = [];
    for (const state of PROPOSAL_STATES) {
      const person = await createPerson(t.database, tree.khoaA);
      const p = await propose(tdktA, unitRound, person.id, 'LDTT');
      for (const action of PROPOSAL_ACTIONS) {
        await t.database.db.execute(sql`update proposals set status = ${state} where id = ${p.id}`);
        const res = await act(admin, p.id, action, { reason: 'Lý do thử nghiệm' });
        const row = findTransition(PROPOSAL_WORKFLOW, state, action);
        const want = row ? 200 : 409;
        if (res.statusCode !== want)
          failures.push(`${state} × ${action}: ${res.statusCode} ${res.body.slice(0, 120)}`);
        else if (row && res.json().status !== row.to)
          failures.push(`${state} × ${action}: status ${res.json().status}`);
        else if (!row && res.json().error.code !== 'INVALID_STATE')
          failures.push(`${state} × ${action}: ${res.json().error.code}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('forward creates a submitted proposal in the superior round with the tờ trình, the report and the evidence', async () => {
    const person = await createPerson(t.database, tree.khoaA, { fullName: 'Đỗ Thị Trình Lên' });
    const p = await propose(tdktA, unitRound, person.id, 'CSTDCS');
    const m = multipartFile('sang-kien.pdf', PDF, 'application/pdf');
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/proposals/${p.id}/files`,
      payload: m.payload,
      headers: { ...m.headers, cookie: tdktA.cookie, 'x-csrf-token': tdktA.csrf },
    });
    expect(up.statusCode, up.body).toBe(201);
    await act(tdktA, p.id, 'submit');
    await act(tdktA, p.id, 'appraise');
    await act(tdktA, p.id, 'send_to_council');
    await t.database.db.transaction((tx) =>
      recordCouncilResult(tx, { actor: null, now: () => new Date(), requestId: 'test' }, p.id, {
        approved: true,
        counts: { agree: 4, disagree: 1, members: 5 },
      }),
    );
    expect((await act(headA, p.id, 'forward')).statusCode).toBe(403);
    const fw = await act(tdktA, p.id, 'forward');
    expect(fw.statusCode, fw.body).toBe(200);
    expect(fw.json().status).toBe('forwarded');
    const newId = fw.json().forwardedProposalId;
    const up2 = (await as(t.app, tdktSo).get(`/api/proposals/${newId}`)).json();
    expect(up2.status).toBe('submitted');
    expect(up2.round.id).toBe(soRound);
    expect(up2.proposingOrg.id).toBe(tree.unitA.id);
    expect(up2.forwardedFromId).toBe(p.id);
    expect(up2.achievementReport).toContain('Đỗ Thị Trình Lên');
    expect(up2.files.map((f: { kind: string }) => f.kind).sort()).toEqual([
      'achievement_report',
      'evidence',
      'list',
      'submission',
    ]);
    const listFile = up2.files.find((f: { kind: string }) => f.kind === 'list');
    const xlsx = await as(t.app, tdktSo).get(`/api/proposals/${newId}/files/${listFile.id}`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const sub = up2.files.find((f: { kind: string }) => f.kind === 'submission');
    expect(sub.fileName).toMatch(/^Tờ trình \d+-TTr-/);
    const bytes = await as(t.app, tdktSo).get(`/api/proposals/${newId}/files/${sub.id}`);
    expect(bytes.rawPayload.subarray(0, 2).toString()).toBe('PK');
    // the Sở can now appraise the forwarded proposal
    expect(up2.actions.map((a: { action: string }) => a.action)).toEqual(['return', 'appraise']);
  });

  it('recordCouncilResult rejects with the counts as the reason; markDecided needs approved proposals', async () => {
    const ctx = { actor: null, now: () => new Date(), requestId: 'test' };
    const mk = async () => {
      const person = await createPerson(t.database, tree.khoaA);
      const p = await propose(headA, soRound, person.id, 'LDTT');
      await act(headA, p.id, 'submit');
      await act(tdktSo, p.id, 'appraise');
      await act(tdktSo, p.id, 'send_to_council');
      return p.id as string;
    };
    const rejected = await mk();
    await t.database.db.transaction((tx) =>
      recordCouncilResult(tx, ctx, rejected, {
        approved: false,
        counts: { agree: 2, disagree: 3, members: 5 },
      }),
    );
    const r = (await as(t.app, headA).get(`/api/proposals/${rejected}`)).json();
    expect(r.status).toBe('rejected');
    expect(r.councilResult.counts).toEqual({ agree: 2, disagree: 3, members: 5 });
    expect(r.events.at(-1).reason).toContain('2/5');
    const approved = await mk();
    await t.database.db.transaction((tx) =>
      recordCouncilResult(tx, ctx, approved, {
        approved: true,
        counts: { agree: 5, disagree: 0, members: 5 },
      }),
    );
    const decisionId = '11111111-1111-4111-8111-111111111111';
    await expect(
      t.database.db.transaction((tx) => markDecided(tx, ctx, [approved, rejected], decisionId)),
    ).rejects.toMatchObject({ code: 'INVALID_STATE' });
    expect((await as(t.app, headA).get(`/api/proposals/${approved}`)).json().status).toBe('approved'); // rolled back
    await t.database.db.transaction((tx) => markDecided(tx, ctx, [approved], decisionId));
    const d = (await as(t.app, headA).get(`/api/proposals/${approved}`)).json();
    expect(d.status).toBe('decided');
    expect(d.decisionId).toBe(decisionId);
  });
});
