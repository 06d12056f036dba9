import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDraftDecision, createProposal, createRound } from '../../../../test/councils-fixtures';
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
import { unzipText } from '../../documents/testing';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface Setup {
  tree: OrgTree;
  tdkt: Session;
  director: Session;
}
async function setup(): Promise<Setup> {
  const tree = await createOrgTree(t.database);
  const tdkt = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username);
  const director = await login(
    t.app,
    (await createUser(t.database, [{ role: 'director', org: tree.so }])).username,
  );
  return { tree, tdkt, director };
}

const header = {
  achievementYear: 2024,
  decisionDate: '2025-03-01',
  signerName: 'Lò Văn Thẳng',
  signerTitle: 'GIÁM ĐỐC',
};

describe('decision amounts', () => {
  it('with base salary 2,340,000 đ: LĐTT 710,000, TTLĐTT 1,880,000, CSTĐCS 2,340,000, Cờ thi đua của Chính phủ 28,080,000 (through the API)', async () => {
    const s = await setup();
    const a = await createPerson(t.database, s.tree.khoaA, { fullName: 'Lò Thị Hằng' });
    const b = await createPerson(t.database, s.tree.khoaA, { fullName: 'Quàng Văn Dũng' });
    const res = await as(t.app, s.tdkt).post('/api/decisions', {
      orgId: s.tree.so.id,
      ...header,
      proposalIds: [],
      awardees: [
        { personId: a.id, awardCode: 'LDTT' },
        { orgId: s.tree.khoaA.id, awardCode: 'TTLDTT' },
        { personId: b.id, awardCode: 'CSTDCS' },
        { orgId: s.tree.unitA.id, awardCode: 'CO_THI_DUA_CP' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const d = (await as(t.app, s.tdkt).get(`/api/decisions/${res.json().id}`)).json();
    const amount = (code: string) =>
      d.awardees.find((x: { awardCode: string }) => x.awardCode === code).amount;
    expect(amount('LDTT')).toBe(710_000);
    expect(amount('TTLDTT')).toBe(1_880_000);
    expect(amount('CSTDCS')).toBe(2_340_000);
    expect(amount('CO_THI_DUA_CP')).toBe(28_080_000);
    expect(d.awardees.every((x: { baseSalary: number }) => x.baseSalary === 2_340_000)).toBe(true);
    expect(d.totalAmount).toBe(710_000 + 1_880_000 + 2_340_000 + 28_080_000);

    // before 01/07/2024 the base salary was 1,800,000 đ: 0.3 × 1,800,000 = 540,000
    const moved = await as(t.app, s.tdkt).patch(`/api/decisions/${d.id}`, {
      version: d.version,
      decisionDate: '2024-05-15',
    });
    expect(moved.statusCode, moved.body).toBe(204);
    const d2 = (await as(t.app, s.tdkt).get(`/api/decisions/${d.id}`)).json();
    expect(d2.awardees.find((x: { awardCode: string }) => x.awardCode === 'LDTT').amount).toBe(540_000);
  });

  it('rejects a title that does not apply to the subject (LĐTT for a collective)', async () => {
    const s = await setup();
    const res = await as(t.app, s.tdkt).post('/api/decisions', {
      orgId: s.tree.so.id,
      ...header,
      awardees: [{ orgId: s.tree.khoaA.id, awardCode: 'LDTT' }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Lao động tiên tiến không áp dụng cho tập thể.');
  });
});

describe('issuing a decision', () => {
  it('drafts from the approved proposals of a round, issues with Số: 01/QĐ-SYT, writes the register, marks proposals decided and the initiative used; issued decisions are immutable; a correction replaces it', async () => {
    const s = await setup();
    const round = await createRound(t.database, s.tree.so, 2023);
    const p1 = await createPerson(t.database, s.tree.khoaA, {
      fullName: 'Lò Thị Hằng',
      position: 'Điều dưỡng',
    });
    const p2 = await createPerson(t.database, s.tree.khoaB, { fullName: 'Quàng Văn Dũng' });
    const init = await t.database.db.execute<{ id: string }>(sql`
      insert into initiatives (title, org_id, year, scope, recognised_on)
      values ('Cải tiến quy trình tiếp đón người bệnh', ${s.tree.khoaA.id}, 2024, 'unit', '2024-10-01') returning id`);
    const initiativeId = init.rows[0]!.id;
    const a = await createProposal(t.database, {
      roundId: round.id,
      proposingOrg: s.tree.unitA,
      personId: p1.id,
      awardCode: 'CSTDCS',
      status: 'approved',
      initiativeIds: [initiativeId],
    });
    const b = await createProposal(t.database, {
      roundId: round.id,
      proposingOrg: s.tree.unitB,
      personId: p2.id,
      awardCode: 'LDTT',
      status: 'approved',
    });
    await createProposal(t.database, {
      roundId: round.id,
      proposingOrg: s.tree.unitB,
      personId: p2.id,
      awardCode: 'CSTDCS',
      status: 'rejected',
    });

    const cands = (await as(t.app, s.tdkt).get(`/api/decisions/candidates?orgId=${s.tree.so.id}`)).json();
    expect(cands.map((c: { proposalId: string }) => c.proposalId).sort()).toEqual([a.id, b.id].sort());

    // no achievement year given: the round's (2023)
    const { achievementYear: _year, ...noYear } = header;
    const created = await as(t.app, s.tdkt).post('/api/decisions', {
      orgId: s.tree.so.id,
      roundId: round.id,
      ...noYear,
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const draft = (await as(t.app, s.tdkt).get(`/api/decisions/${id}`)).json();
    expect(draft.awardees).toHaveLength(2);
    expect(draft.achievementYear).toBe(2023);
    expect(draft.abilities).toEqual({ edit: true, issue: false, correct: false });
    // the TĐKT officer drafts but cannot sign
    expect(
      (await as(t.app, s.tdkt).post(`/api/decisions/${id}/issue`, { version: draft.version })).statusCode,
    ).toBe(403);

    const issued = await as(t.app, s.director).post(`/api/decisions/${id}/issue`, { version: draft.version });
    expect(issued.statusCode, issued.body).toBe(200);
    expect(issued.json()).toMatchObject({
      documentNumber: '01/QĐ-SYT',
      sequence: 1,
      totalAmount: 2_340_000 + 710_000,
    });

    const awards = await t.database.db.execute<{
      person_id: string;
      award_code: string;
      year: number;
      source: string;
      decision_number: string;
      amount: string;
    }>(
      sql`select person_id, award_code, year, source, decision_number, amount from awards where decision_id = ${id} order by award_code`,
    );
    expect(
      awards.rows.map((r) => [
        r.person_id,
        r.award_code,
        r.year,
        r.source,
        r.decision_number,
        Number(r.amount),
      ]),
    ).toEqual([
      [p1.id, 'CSTDCS', 2023, 'internal', '01/QĐ-SYT', 2_340_000],
      [p2.id, 'LDTT', 2023, 'internal', '01/QĐ-SYT', 710_000],
    ]);
    const props = await t.database.db.execute<{ id: string; status: string; decision_id: string }>(
      sql`select id, status, decision_id from proposals where id in (${a.id}, ${b.id})`,
    );
    expect(props.rows.every((r) => r.status === 'decided' && r.decision_id === id)).toBe(true);
    const used = await t.database.db.execute<{ used_by_award_code: string; used_for_year: number }>(
      sql`select used_by_award_code, used_for_year from initiatives where id = ${initiativeId}`,
    );
    expect(used.rows[0]).toEqual({ used_by_award_code: 'CSTDCS', used_for_year: 2023 });

    // immutable
    const after = (await as(t.app, s.tdkt).get(`/api/decisions/${id}`)).json();
    expect(after.status).toBe('issued');
    const edit = await as(t.app, s.tdkt).patch(`/api/decisions/${id}`, {
      version: after.version,
      place: 'Mường Lay',
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe(
      'Quyết định đã ban hành không được sửa. Nếu có sai sót, hãy lập quyết định đính chính.',
    );
    expect((await as(t.app, s.tdkt).delete(`/api/decisions/${id}`)).statusCode).toBe(409);
    expect(
      (await as(t.app, s.director).post(`/api/decisions/${id}/issue`, { version: after.version })).statusCode,
    ).toBe(409);

    // correction: a new decision linked to the old; issuing it revokes the old awards
    const corr = await as(t.app, s.tdkt).post(`/api/decisions/${id}/corrections`);
    expect(corr.statusCode, corr.body).toBe(201);
    const c = (await as(t.app, s.tdkt).get(`/api/decisions/${corr.json().id}`)).json();
    expect(c).toMatchObject({
      status: 'draft',
      correctsDecisionId: id,
      subject: 'Về việc đính chính Quyết định số 01/QĐ-SYT',
    });
    expect(c.awardees).toHaveLength(2);
    const lday = c.awardees.find((x: { awardCode: string }) => x.awardCode === 'LDTT');
    expect((await as(t.app, s.tdkt).delete(`/api/decisions/${c.id}/awardees/${lday.id}`)).statusCode).toBe(
      204,
    );
    const c2 = (await as(t.app, s.tdkt).get(`/api/decisions/${c.id}`)).json();
    const ci = await as(t.app, s.director).post(`/api/decisions/${c.id}/issue`, { version: c2.version });
    expect(ci.statusCode, ci.body).toBe(200);
    expect(ci.json().documentNumber).toBe('02/QĐ-SYT');
    const reg = await t.database.db.execute<{
      decision_id: string;
      award_code: string;
      revoked: boolean;
    }>(sql`
      select decision_id, award_code, revoked_at is not null as revoked from awards where decision_id in (${id}, ${c.id})
       order by decision_id = ${id} desc, award_code`);
    expect(reg.rows.map((r) => [r.decision_id === id ? 'old' : 'new', r.award_code, r.revoked])).toEqual([
      ['old', 'CSTDCS', true],
      ['old', 'LDTT', true],
      ['new', 'CSTDCS', false],
    ]);
    const old = (await as(t.app, s.tdkt).get(`/api/decisions/${id}`)).json();
    expect(old.correctedBy).toEqual([{ id: c.id, documentNumber: '02/QĐ-SYT' }]);
  });

  it('50 concurrent issues for one issuer produce 50 distinct consecutive numbers', async () => {
    const s = await setup();
    const person = await createPerson(t.database, s.tree.khoaA);
    const drafts = [];
    for (let i = 0; i < 50; i++)
      drafts.push(await createDraftDecision(t.database, s.tree.so, person.id, '2026-02-05'));
    const results = await Promise.all(
      drafts.map((d) => as(t.app, s.director).post(`/api/decisions/${d.id}/issue`, { version: 1 })),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(200));
    const seqs = results.map((r) => r.json().sequence as number).sort((x, y) => x - y);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const numbers = new Set(results.map((r) => r.json().documentNumber));
    expect(numbers.size).toBe(50);
    expect(numbers.has('01/QĐ-SYT')).toBe(true);
    expect(numbers.has('50/QĐ-SYT')).toBe(true);
    const db = await t.database.db.execute<{ n: number; max: number }>(sql`
      select count(distinct sequence)::int as n, max(sequence)::int as max from decisions
       where org_id = ${s.tree.so.id} and year = 2026 and status = 'issued'`);
    expect(db.rows[0]).toEqual({ n: 50, max: 50 });
  });
});

describe('reward fund', () => {
  it('records allocations and a payment from an issued decision once, with the balance and an XLSX export', async () => {
    const s = await setup();
    const person = await createPerson(t.database, s.tree.khoaA);
    const d = await createDraftDecision(t.database, s.tree.so, person.id, '2025-03-01');
    const issued = await as(t.app, s.director).post(`/api/decisions/${d.id}/issue`, { version: 1 });
    expect(issued.statusCode, issued.body).toBe(200);
    const alloc = await as(t.app, s.tdkt).post('/api/fund/allocations', {
      orgId: s.tree.so.id,
      year: 2025,
      amount: 50_000_000,
      entryDate: '2025-01-10',
      description: 'Trích lập quỹ thi đua, khen thưởng năm 2025',
    });
    expect(alloc.statusCode, alloc.body).toBe(201);
    const before = (await as(t.app, s.tdkt).get(`/api/fund?orgId=${s.tree.so.id}&year=2025`)).json();
    expect(before.unpaidDecisions).toEqual([{ id: d.id, documentNumber: '01/QĐ-SYT', totalAmount: 710_000 }]);
    const pay = await as(t.app, s.tdkt).post('/api/fund/payments', {
      decisionId: d.id,
      entryDate: '2025-03-10',
    });
    expect(pay.statusCode, pay.body).toBe(201);
    const again = await as(t.app, s.tdkt).post('/api/fund/payments', { decisionId: d.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('Đã ghi chi tiền thưởng theo Quyết định số 01/QĐ-SYT.');
    const ledger = (await as(t.app, s.tdkt).get(`/api/fund?orgId=${s.tree.so.id}&year=2025`)).json();
    expect(ledger).toMatchObject({
      allocated: 50_000_000,
      paid: 710_000,
      balance: 49_290_000,
      unpaidDecisions: [],
    });
    expect(ledger.entries.map((e: { kind: string }) => e.kind)).toEqual(['allocation', 'payment']);
    // the director reads the fund but cannot record in it
    expect((await as(t.app, s.director).get(`/api/fund?orgId=${s.tree.so.id}&year=2025`)).statusCode).toBe(
      200,
    );
    expect((await as(t.app, s.director).post('/api/fund/payments', { decisionId: d.id })).statusCode).toBe(
      403,
    );

    const x = await as(t.app, s.tdkt).get(`/api/fund/export?orgId=${s.tree.so.id}&year=2025`);
    expect(x.statusCode).toBe(200);
    const sheet = [...(await unzipText(x.rawPayload)).entries()].find(([k]) =>
      k.includes('worksheets/sheet'),
    )![1];
    expect(sheet).toContain('Chi tiền thưởng theo Quyết định số 01/QĐ-SYT');
    expect(sheet).toContain('Trích lập quỹ thi đua, khen thưởng năm 2025');
    expect(sheet).toContain('<v>49290000</v>');
  });
});
