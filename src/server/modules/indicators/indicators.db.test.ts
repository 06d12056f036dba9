import ExcelJS from 'exceljs';
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
  uniq,
} from '../../../../test/helpers';
import { multipart } from '../../../../test/xlsx';
import { insertOrg, type OrgRow } from '../organizations/organizations.repo';
import { indicatorProgress } from './indicators.service';

let t: TestApp;
let tree: OrgTree;
let unitC: OrgRow;
let khoaA2: OrgRow;
let admin: Session;
let unitWriter: Session;
const code = { pop: uniq('POP_'), ehr: uniq('EHR_'), cash: uniq('CASH_') };
const ids: Record<keyof typeof code, string> = { pop: '', ehr: '', cash: '' };

async function valuesXlsx(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Số liệu');
  ws.addRow(['Mã đơn vị', 'Mã chỉ số', 'Năm', 'Kỳ', 'Giá trị', 'Ghi chú']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  unitC = await insertOrg(
    t.database.db,
    tree.so,
    {
      type: 'general_hospital',
      code: `BV-C-${tree.suffix}`,
      name: `Bệnh viện C ${tree.suffix}`,
      shortName: 'BVC',
      validFrom: '2020-01-01',
    },
    null,
  );
  khoaA2 = await insertOrg(
    t.database.db,
    tree.unitA,
    {
      type: 'clinical_department',
      code: `KHOA-A2-${tree.suffix}`,
      name: `Khoa Ngoại A ${tree.suffix}`,
      shortName: 'KNg',
      validFrom: '2020-01-01',
    },
    null,
  );
  const a = await createUser(t.database, [{ role: 'admin', org: tree.so }]);
  admin = await login(t.app, a.username);
  const w = await createUser(t.database, [{ role: 'dept_head', org: tree.unitA }]);
  unitWriter = await login(t.app, w.username);
});
afterAll(async () => {
  // leave no active DTI component behind for other test files
  for (const id of Object.values(ids)) {
    if (!id) continue;
    const d = (await as(t.app, admin).get('/api/indicators/definitions'))
      .json()
      .find((x: { id: string }) => x.id === id);
    if (d)
      await as(t.app, admin).patch(`/api/indicators/definitions/${id}`, {
        version: d.version,
        active: false,
      });
  }
  await t.close();
});

describe('indicator definitions', () => {
  it('creates the definitions of the hand-checked example and refuses bad ones', async () => {
    const api = as(t.app, admin);
    let r = await api.post('/api/indicators/definitions', {
      code: code.pop,
      name: 'Số người trưởng thành',
      unit: 'người',
      direction: 'higher',
      rollup: 'sum',
      periodicity: 'year',
    });
    expect(r.statusCode, r.body).toBe(201);
    ids.pop = r.json().id;
    r = await api.post('/api/indicators/definitions', {
      code: code.ehr,
      name: 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử',
      unit: '%',
      direction: 'higher',
      rollup: 'weighted',
      weightIndicatorId: ids.pop,
      dtiWeight: 2,
      dtiMin: 0,
      dtiMax: 100,
    });
    expect(r.statusCode, r.body).toBe(201);
    ids.ehr = r.json().id;
    r = await api.post('/api/indicators/definitions', {
      code: code.cash,
      name: 'Tỷ lệ thanh toán không dùng tiền mặt',
      unit: '%',
      direction: 'higher',
      rollup: 'average',
      dtiWeight: 1,
      dtiMin: 0,
      dtiMax: 50,
    });
    expect(r.statusCode, r.body).toBe(201);
    ids.cash = r.json().id;

    r = await api.post('/api/indicators/definitions', {
      code: code.cash,
      name: 'Trùng',
      unit: '%',
      direction: 'higher',
      rollup: 'average',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details[0].message).toContain('đã tồn tại');
    r = await api.post('/api/indicators/definitions', {
      code: uniq('W_'),
      name: 'Thiếu trọng số',
      unit: '%',
      direction: 'higher',
      rollup: 'weighted',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].message).toBe(
      'Tổng hợp bình quân gia quyền cần chọn chỉ số làm trọng số.',
    );
    // a unit's officer may enter values but not define shared indicators
    r = await as(t.app, unitWriter).post('/api/indicators/definitions', {
      code: uniq('X_'),
      name: 'X',
      unit: '%',
      direction: 'higher',
      rollup: 'sum',
    });
    expect(r.statusCode).toBe(403);
  });
});

describe('values, roll-up, progress and DTI rank (hand-checked)', () => {
  it('enters values per period', async () => {
    const api = as(t.app, admin);
    const put = async (
      org: OrgRow,
      year: number,
      period: string,
      entries: [keyof typeof code, number | null][],
    ) => {
      const r = await api.put('/api/indicators/values', {
        orgId: org.id,
        year,
        period,
        entries: entries.map(([k, value]) => ({ indicatorId: ids[k], value })),
      });
      expect(r.statusCode, r.body).toBe(200);
      return r.json();
    };
    // 2025: khoa A (1,000 adults, EHR 50 % in Q2 then 80 % in Q4), khoa A2 (3,000, 96 %), unit B own 92 % of 2,000
    // (its khoa's 10 % is ignored: an own value wins), unit C 100 % of 1,000 (monthly)
    await put(tree.khoaA, 2025, 'Y', [['pop', 1000]]);
    await put(tree.khoaA, 2025, 'Q2', [['ehr', 50]]);
    await put(tree.khoaA, 2025, 'Q4', [
      ['ehr', 80],
      ['cash', 30],
    ]);
    await put(khoaA2, 2025, 'Y', [['pop', 3000]]);
    await put(khoaA2, 2025, 'Q4', [
      ['ehr', 96],
      ['cash', 40],
    ]);
    await put(tree.unitB, 2025, 'Y', [['pop', 2000]]);
    await put(tree.unitB, 2025, 'Q4', [
      ['ehr', 92],
      ['cash', 35],
    ]);
    await put(tree.khoaB, 2025, 'Q4', [['ehr', 10]]);
    await put(unitC, 2025, 'Y', [['pop', 1000]]);
    await put(unitC, 2025, 'M12', [
      ['ehr', 100],
      ['cash', 20],
    ]);
    // 2024: C 90 % and 50 %, A only khoa A's 50 % of 1,000, B nothing
    await put(unitC, 2024, 'Y', [
      ['pop', 1000],
      ['ehr', 90],
      ['cash', 50],
    ]);
    await put(tree.khoaA, 2024, 'Y', [
      ['pop', 1000],
      ['ehr', 50],
    ]);
    // a null deletes
    expect(await put(tree.khoaB, 2025, 'Q3', [['ehr', 5]])).toEqual({ saved: 1, deleted: 0 });
    expect(await put(tree.khoaB, 2025, 'Q3', [['ehr', null]])).toEqual({ saved: 0, deleted: 1 });
    const listed = (await api.get(`/api/indicators/values?orgId=${tree.khoaA.id}&year=2025`)).json();
    expect(
      listed
        .filter((v: { indicatorCode: string }) => v.indicatorCode === code.ehr)
        .map((v: { periodLabel: string }) => v.periodLabel),
    ).toEqual(['Quý II/2025', 'Quý IV/2025']);
  });

  it('sets a target at the Sở that the units inherit, and reports progress', async () => {
    const api = as(t.app, admin);
    const r = await api.put('/api/indicators/targets', {
      indicatorId: ids.ehr,
      orgId: tree.so.id,
      year: 2025,
      target: 95,
    });
    expect(r.statusCode, r.body).toBe(200);
    const p = await api.get(`/api/indicators/progress?orgId=${tree.so.id}&year=2025`);
    expect(p.statusCode, p.body).toBe(200);
    const body = p.json();
    const ehr = body.indicators.find((i: { code: string }) => i.code === code.ehr);
    // (92·4,000 + 92·2,000 + 100·1,000) / 7,000 = 93.142857…
    expect(ehr.value).toBe(93.14);
    expect(ehr.target).toBe(95);
    expect(ehr.status).toBe('behind'); // 2025 is over: not met
    expect(body.indicators.find((i: { code: string }) => i.code === code.pop).value).toBe(7000);
    expect(body.indicators.find((i: { code: string }) => i.code === code.cash).value).toBeCloseTo(
      (35 + 35 + 20) / 3,
      2,
    );
    const unit = (o: OrgRow) => body.units.find((u: { id: string }) => u.id === o.id).cells[code.ehr];
    expect(unit(tree.unitA)).toMatchObject({ value: 92, target: 95, status: 'behind', color: 'red' });
    expect(unit(unitC)).toMatchObject({
      value: 100,
      status: 'met',
      color: 'green',
      statusName: 'Đạt chỉ tiêu',
    });

    // the exported function gives the same figures
    const items = await indicatorProgress(t.database.db, { orgId: tree.so.id, year: 2025 });
    expect(items.find((i) => i.code === code.ehr)).toMatchObject({
      value: 652000 / 7000,
      target: 95,
      status: 'behind',
      unit: '%',
    });
    expect(items.find((i) => i.code === code.pop)).toMatchObject({
      value: 7000,
      target: null,
      status: 'no_data',
    });
  });

  it('ranks the units by DTI with ties, and over two years', async () => {
    const r = await as(t.app, admin).get(`/api/indicators/ranking?orgId=${tree.so.id}&year=2025&window=2`);
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    // other test files may define further DTI components: each unit then scores 0 on them,
    // which scales every index by the same factor and leaves the order unchanged
    const W = body.components.reduce((s: number, c: { weight: number }) => s + c.weight, 0);
    const idx = (ehr: number, cash: number) => Math.round(((2 * ehr + cash) / W) * 100) / 100;
    const item = (o: OrgRow) => body.items.find((i: { orgId: string }) => i.orgId === o.id);
    // A: EHR (80·1,000 + 96·3,000) / 4,000 = 92 → 92 points, cashless mean(30, 40) = 35 of 50 → 70 points
    expect(item(tree.unitA)).toMatchObject({ index: idx(92, 70), rank: 1 });
    expect(item(tree.unitA).components.find((c: { code: string }) => c.code === code.ehr)).toEqual({
      code: code.ehr,
      value: 92,
      score: 92,
    });
    // B: 92 and 35 → the same index: a tie shares rank 1
    expect(item(tree.unitB)).toMatchObject({ index: idx(92, 70), rank: 1 });
    // C: 100 and 20 of 50 → 40 points → third (1, 1, 3)
    expect(item(unitC)).toMatchObject({ index: idx(100, 40), rank: 3 });
    // 2024: C (90, 50 → 100 points) first, A (50, no cashless) second, B no data (unranked)
    expect(item(unitC).yearly).toEqual([
      { year: 2024, index: idx(90, 100), rank: 1 },
      { year: 2025, index: idx(100, 40), rank: 3 },
    ]);
    expect(item(tree.unitB).yearly[0]).toEqual({ year: 2024, index: null, rank: null });
    expect(item(tree.unitA)).toMatchObject({ averageRank: 1.5, years: 2 });
    expect(item(tree.unitB)).toMatchObject({ averageRank: 1, years: 1 });
    expect(item(unitC)).toMatchObject({ averageRank: 2, years: 2 });
    // by mean index: C (93.33 + 80) / 2 > B 84.67 > A (33.33 + 84.67) / 2
    expect([
      item(unitC).rankByAverageScore,
      item(tree.unitB).rankByAverageScore,
      item(tree.unitA).rankByAverageScore,
    ]).toEqual([1, 2, 3]);
  });

  it('gives the time series of a rolled-up indicator with its targets', async () => {
    const r = await as(t.app, admin).get(
      `/api/indicators/series?orgId=${tree.unitA.id}&indicatorId=${ids.ehr}&fromYear=2024&toYear=2025`,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().points).toEqual([
      { year: 2024, period: 'Y', periodEnd: '2024-12-31', label: 'Năm 2024', value: 50 },
      { year: 2025, period: 'Q2', periodEnd: '2025-06-30', label: 'Quý II/2025', value: 50 },
      { year: 2025, period: 'Q4', periodEnd: '2025-12-31', label: 'Quý IV/2025', value: 92 },
    ]);
    expect(r.json().targets).toEqual([{ year: 2025, target: 95 }]);
  });
});

describe('targets from a plan', () => {
  it("takes the plan's targets linked to an indicator, for the year of their date", async () => {
    const pool = t.database.pool;
    const plan = (
      await pool.query(
        `insert into plans (org_id, title, year_from, year_to) values ($1, 'Kế hoạch thử', 2025, 2030) returning id`,
        [tree.unitA.id],
      )
    ).rows[0].id;
    await pool.query(
      `insert into plan_targets (plan_id, position, content, indicator_code, target_value, unit, due_on) values
        ($1, 1, 'Tỷ lệ người dân có hồ sơ sức khỏe điện tử trên 95%', $2, 95, '%', '2027-12-31'),
        ($1, 2, 'Thanh toán không dùng tiền mặt', $3, 80, '%', null),
        ($1, 3, 'Chỉ tiêu chưa gắn chỉ số', null, 100, '%', '2026-12-31')`,
      [plan, code.ehr.toLowerCase(), code.cash],
    );
    const r = await as(t.app, admin).post('/api/indicators/targets/from-plan', { planId: plan });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      saved: 2,
      skipped: [{ content: 'Chỉ tiêu chưa gắn chỉ số', reason: 'Chỉ tiêu chưa gắn với chỉ số nào.' }],
    });
    const targets = (await as(t.app, admin).get(`/api/indicators/targets?orgId=${tree.unitA.id}`)).json();
    expect(
      targets.map((x: { indicatorCode: string; year: number; target: number; source: string }) => [
        x.indicatorCode,
        x.year,
        x.target,
        x.source,
      ]),
    ).toEqual(
      expect.arrayContaining([
        [code.ehr, 2027, 95, 'plan'],
        [code.cash, 2030, 80, 'plan'], // no date: the plan's last year
      ]),
    );
    // taking targets needs indicator.manage, which a data-entry role does not hold
    expect(
      (await as(t.app, unitWriter).post('/api/indicators/targets/from-plan', { planId: plan })).statusCode,
    ).toBe(403);
  });
});

describe('XLSX import of values', () => {
  it('previews bad rows in Vietnamese, refuses to commit all, commits the valid ones in one go', async () => {
    const api = as(t.app, unitWriter);
    const file = await valuesXlsx([
      [khoaA2.code, code.cash, 2026, 'Quý 1', '45,5', 'số liệu quý I'],
      ['KHONG-CO', code.cash, 2026, 'Q1', 10, null],
      [tree.khoaA.code, code.cash, 2026, 'Quý 5', 10, null],
      [tree.khoaA.code, code.ehr, 2026, 'Tháng 3', 'nhiều', null],
      [tree.khoaB.code, code.cash, 2026, 'Q1', 10, null], // unit B: outside the writer's unit
      [khoaA2.code, code.cash, 2026, 'Q1', 46, null], // the same cell twice
      [tree.khoaA.code, code.ehr, 2026, 'Q1', null, 'chưa có số liệu'], // a template row left blank: ignored
    ]);
    const m = multipart('so-lieu.xlsx', file);
    const prev = await api.post('/api/indicators/values/imports', m.payload, m.headers);
    expect(prev.statusCode, prev.body).toBe(200);
    const p = prev.json();
    expect(p).toMatchObject({ totalRows: 6, validRows: 1, invalidRows: 5 });
    const messages = p.errors.map((e: { row: number; message: string }) => `${e.row}: ${e.message}`);
    expect(messages).toEqual([
      '3: Không có đơn vị mã "KHONG-CO" trong phạm vi được nhập số liệu.',
      '4: Kỳ "Quý 5" không hợp lệ (ghi Năm, Quý 1–4 hoặc Tháng 1–12).',
      '5: Giá trị "nhiều" không phải là số.',
      `6: Không có đơn vị mã "${tree.khoaB.code}" trong phạm vi được nhập số liệu.`,
      '7: Trùng với dòng 2 (cùng đơn vị, chỉ số và kỳ).',
    ]);
    expect(
      (await api.post(`/api/indicators/values/imports/${p.id}/commit`, { mode: 'all' })).statusCode,
    ).toBe(422);
    // nothing was written by the refused commit
    expect((await api.get(`/api/indicators/values?orgId=${khoaA2.id}&year=2026`)).json()).toEqual([]);
    const done = await api.post(`/api/indicators/values/imports/${p.id}/commit`, { mode: 'validOnly' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ saved: 1, skipped: 5 });
    expect((await api.get(`/api/indicators/values?orgId=${khoaA2.id}&year=2026`)).json()).toMatchObject([
      { indicatorCode: code.cash, period: 'Q1', value: 45.5, note: 'số liệu quý I' },
    ]);
    // a batch is committed once, and only by its uploader
    expect(
      (await api.post(`/api/indicators/values/imports/${p.id}/commit`, { mode: 'validOnly' })).statusCode,
    ).toBe(409);
    expect((await as(t.app, admin).delete(`/api/indicators/values/imports/${p.id}`)).statusCode).toBe(404);
  });
});

describe('scoping', () => {
  it('answers 404 for another unit and refuses computed indicators in entry', async () => {
    const api = as(t.app, unitWriter);
    expect((await api.get(`/api/indicators/progress?orgId=${tree.unitB.id}&year=2025`)).statusCode).toBe(404);
    expect((await api.get(`/api/indicators/ranking?orgId=${tree.so.id}&year=2025`)).statusCode).toBe(404);
    expect(
      (
        await api.put('/api/indicators/values', {
          orgId: tree.khoaB.id,
          year: 2025,
          period: 'Q1',
          entries: [{ indicatorId: ids.cash, value: 1 }],
        })
      ).statusCode,
    ).toBe(404);
    const own = await api.get(`/api/indicators/progress?orgId=${tree.unitA.id}&year=2025`);
    expect(own.statusCode).toBe(200);
    expect(own.json().indicators.find((i: { code: string }) => i.code === code.ehr)).toMatchObject({
      value: 92,
      target: 95,
    });
    // targets are set by a manager (indicator.manage), not by a data-entry role
    expect(
      (
        await api.put('/api/indicators/targets', {
          indicatorId: ids.ehr,
          orgId: tree.unitA.id,
          year: 2025,
          target: 90,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await api.put('/api/indicators/values', {
      orgId: tree.khoaA.id,
      year: 2025,
      period: 'Q5',
      entries: [{ indicatorId: ids.cash, value: 1 }],
    });
    expect(bad.statusCode).toBe(400);
  });
});
