/** History routes: ratings entry and import, past awards import, initiatives, person history, scoping. */

import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createOrgTree,
  createPerson,
  createTestApp,
  createUser,
  login,
  type TestApp,
} from '../../../../test/helpers';
import { multipart } from '../../../../test/xlsx';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function xlsx(headers: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Dữ liệu');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function setup() {
  const tree = await createOrgTree(t.database);
  const a1 = await createPerson(t.database, tree.khoaA, { fullName: 'Lê Văn An' });
  const a2 = await createPerson(t.database, tree.khoaA, { fullName: 'Phạm Thị Bình' });
  const b1 = await createPerson(t.database, tree.khoaB, { fullName: 'Đỗ Văn Cường' });
  const head = await createUser(t.database, [{ role: 'dept_head', org: tree.khoaA }]);
  const tdkt = await createUser(t.database, [{ role: 'tdkt', org: tree.unitA }]);
  return {
    tree,
    a1,
    a2,
    b1,
    head: as(t.app, await login(t.app, head.username)),
    tdkt: as(t.app, await login(t.app, tdkt.username)),
  };
}

describe('ratings', () => {
  it('a department head enters ratings in their khoa; another unit is 404 like a missing person', async () => {
    const { tree, a1, b1, head } = await setup();
    const put = await head.put('/api/ratings', {
      personId: a1.id,
      year: 2024,
      rating: 'HTXSNV',
      note: 'Xuất sắc',
    });
    expect(put.statusCode, put.body).toBe(200);
    const list = (await head.get(`/api/ratings?orgId=${tree.khoaA.id}&year=2024`)).json();
    expect(list.people.find((p: { personId: string }) => p.personId === a1.id).rating).toBe('HTXSNV');
    expect(list.canWrite).toBe(true);
    const out = await head.put('/api/ratings', { personId: b1.id, year: 2024, rating: 'HTTNV' });
    expect(out.statusCode).toBe(404);
    const missing = await head.put('/api/ratings', {
      personId: '00000000-0000-4000-8000-000000000000',
      year: 2024,
      rating: 'HTTNV',
    });
    expect(missing.statusCode).toBe(404);
    expect(out.json().error.message).toBe(missing.json().error.message);
    expect((await head.get(`/api/ratings?orgId=${tree.khoaB.id}&year=2024`)).statusCode).toBe(404);
    const bad = await head.put('/api/ratings', { personId: a1.id, year: 2024, rating: 'GIOI' });
    expect(bad.statusCode).toBe(400);
    // removal
    expect((await head.put('/api/ratings', { personId: a1.id, year: 2024, rating: null })).statusCode).toBe(
      200,
    );
    const after = (await head.get(`/api/ratings?orgId=${tree.khoaA.id}&year=2024`)).json();
    expect(after.people.find((p: { personId: string }) => p.personId === a1.id).rating).toBeNull();
    const audit = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity_id = ${a1.id} and action like 'rating.%'`,
    );
    expect(audit.rows[0]!.n).toBe(2);
  });

  it('XLSX import: preview lists bad rows with row, column and reason; commit writes all-or-valid-only in one go', async () => {
    const { tree, a1, a2, b1, tdkt } = await setup();
    const codes = await t.database.db.execute<{ id: string; code: string }>(
      sql`select id, staff_code::text as code from people where id = any(${sql.param([a1.id, a2.id, b1.id])}::uuid[])`,
    );
    const code = (id: string) => codes.rows.find((r) => r.id === id)!.code;
    const file = await xlsx(
      ['Mã nhân sự', 'Mã đơn vị', 'Họ và tên / Tên tập thể', 'Năm', 'Xếp loại', 'Ghi chú'],
      [
        [code(a1.id), null, 'Lê Văn An', 2023, 'Hoàn thành xuất sắc nhiệm vụ', null],
        [code(a2.id), null, 'Phạm Thị Bình', 2023, 'HTTNV', null],
        [code(b1.id), null, 'Đỗ Văn Cường', 2023, 'HTTNV', null],
        [code(a2.id), null, 'Phạm Thị Bình', 2023, 'Giỏi', null],
        [null, tree.khoaA.code, 'Khoa Nội', 2023, 'HTXSNV', null],
      ],
    );
    const m = multipart('xep-loai.xlsx', file);
    const preview = await tdkt.post('/api/history/ratings/imports', m.payload, m.headers);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p.totalRows).toBe(5);
    expect(p.validRows).toBe(3);
    expect(p.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 4,
          column: 'Mã nhân sự',
          message: expect.stringContaining('ngoài phạm vi'),
        }),
        expect.objectContaining({
          row: 5,
          column: 'Xếp loại',
          message: expect.stringContaining('"Giỏi" không hợp lệ'),
        }),
      ]),
    );
    // nothing written before the commit
    const none = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ratings where person_id = ${a1.id}`,
    );
    expect(none.rows[0]!.n).toBe(0);
    const all = await tdkt.post(`/api/history/ratings/imports/${p.id}/commit`, { mode: 'all' });
    expect(all.statusCode).toBe(422);
    const valid = await tdkt.post(`/api/history/ratings/imports/${p.id}/commit`, { mode: 'validOnly' });
    expect(valid.statusCode, valid.body).toBe(200);
    expect(valid.json()).toEqual({ written: 3, unchanged: 0, skipped: 2 });
    const again = await tdkt.post(`/api/history/ratings/imports/${p.id}/commit`, { mode: 'validOnly' });
    expect(again.statusCode).toBe(409);
    const rows = await t.database.db.execute<{
      person_id: string | null;
      org_id: string | null;
      rating: string;
    }>(
      sql`select person_id, org_id, rating from ratings where year = 2023 and (person_id = any(${sql.param([a1.id, a2.id, b1.id])}::uuid[]) or org_id = ${tree.khoaA.id}) order by rating`,
    );
    expect(rows.rows.map((r) => r.rating).sort()).toEqual(['HTTNV', 'HTXSNV', 'HTXSNV']);
    // another user cannot commit my batch
    const m2 = multipart('xep-loai.xlsx', file);
    const p2 = (await tdkt.post('/api/history/ratings/imports', m2.payload, m2.headers)).json();
    const other = await createUser(t.database, [{ role: 'tdkt', org: tree.unitA }]);
    const otherApi = as(t.app, await login(t.app, other.username));
    expect(
      (await otherApi.post(`/api/history/ratings/imports/${p2.id}/commit`, { mode: 'validOnly' })).statusCode,
    ).toBe(404);
  });

  it('XLSX import of past awards, including awards conferred by higher levels; re-import does not duplicate', async () => {
    const { a1, tdkt } = await setup();
    const code = (
      await t.database.db.execute<{ code: string }>(
        sql`select staff_code::text as code from people where id = ${a1.id}`,
      )
    ).rows[0]!.code;
    const file = await xlsx(
      [
        'Mã nhân sự',
        'Danh hiệu / Hình thức',
        'Năm thành tích',
        'Số quyết định',
        'Ngày quyết định',
        'Cấp quyết định',
      ],
      [
        [code, 'CSTĐCS', 2022, '10/QĐ-SYT', '15/01/2023', 'Giám đốc Sở Y tế'],
        [code, 'Bằng khen của Chủ tịch UBND tỉnh', 2023, '120/QĐ-UBND', '20/02/2024', 'Chủ tịch UBND tỉnh'],
        [code, 'Huy chương', 2023, null, null, null],
      ],
    );
    const m = multipart('khen-thuong.xlsx', file);
    const p = (await tdkt.post('/api/history/awards/imports', m.payload, m.headers)).json();
    expect(p.validRows).toBe(2);
    expect(p.errors[0]).toMatchObject({ row: 4, column: 'Danh hiệu / Hình thức' });
    expect(
      (await tdkt.post(`/api/history/awards/imports/${p.id}/commit`, { mode: 'validOnly' })).json(),
    ).toEqual({ written: 2, unchanged: 0, skipped: 1 });
    const m2 = multipart('khen-thuong.xlsx', file);
    const p2 = (await tdkt.post('/api/history/awards/imports', m2.payload, m2.headers)).json();
    expect(
      (await tdkt.post(`/api/history/awards/imports/${p2.id}/commit`, { mode: 'validOnly' })).json(),
    ).toEqual({ written: 0, unchanged: 2, skipped: 1 });
    const h = (await tdkt.get(`/api/people/${a1.id}/history`)).json();
    expect(
      h.awards.map((a: { awardCode: string; source: string }) => `${a.awardCode}:${a.source}`).sort(),
    ).toEqual(['BANG_KHEN_TINH:external', 'CSTDCS:import']);
  });
});

describe('initiatives', () => {
  it('authors’ shares must sum to 100; the used flag blocks edits; out-of-scope is 404', async () => {
    const { tree, a1, a2, b1, tdkt } = await setup();
    const base = {
      title: 'Ứng dụng bệnh án điện tử tại khoa',
      orgId: tree.khoaA.id,
      year: 2024,
      scope: 'unit',
      recognisedOn: '2024-09-10',
      recognitionDecision: '45/QĐ-TTYT',
    };
    const bad = await tdkt.post('/api/initiatives', {
      ...base,
      authors: [
        { personId: a1.id, share: 60 },
        { personId: a2.id, share: 30 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('100%');
    const foreign = await tdkt.post('/api/initiatives', {
      ...base,
      authors: [{ personId: b1.id, share: 100 }],
    });
    expect(foreign.statusCode).toBe(400);
    const ok = await tdkt.post('/api/initiatives', {
      ...base,
      authors: [
        { personId: a1.id, share: 60 },
        { personId: a2.id, share: 40 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const ini = ok.json();
    expect(ini.authors.map((a: { share: number }) => a.share)).toEqual([60, 40]);
    expect(ini.used).toBe(false);
    const edited = await tdkt.patch(`/api/initiatives/${ini.id}`, { version: 1, scope: 'province' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await tdkt.patch(`/api/initiatives/${ini.id}`, { version: 1, scope: 'unit' })).statusCode).toBe(
      409,
    );
    await t.database.db.execute(
      sql`update initiatives set used_by_award_code = 'CSTDCS', used_for_year = 2024, used_by_person_id = ${a1.id} where id = ${ini.id}`,
    );
    const list = (await tdkt.get(`/api/initiatives?orgId=${tree.unitA.id}`)).json();
    const item = list.items.find((i: { id: string }) => i.id === ini.id);
    expect(item.usedBy).toMatchObject({
      awardCode: 'CSTDCS',
      awardName: 'Chiến sĩ thi đua cơ sở',
      year: 2024,
      personName: 'Lê Văn An',
    });
    expect(
      (await tdkt.patch(`/api/initiatives/${ini.id}`, { version: 2, title: 'Đổi tên' })).statusCode,
    ).toBe(409);
    expect((await tdkt.delete(`/api/initiatives/${ini.id}`)).statusCode).toBe(409);
    const outsider = await createUser(t.database, [{ role: 'tdkt', org: tree.unitB }]);
    const o = as(t.app, await login(t.app, outsider.username));
    expect((await o.get(`/api/initiatives/${ini.id}`)).statusCode).toBe(404);
    expect((await o.get(`/api/people/${a1.id}/history`)).statusCode).toBe(404);
    const h = (await tdkt.get(`/api/people/${a1.id}/history`)).json();
    expect(h.initiatives[0].usedBy.awardCode).toBe('CSTDCS');
  });

  it('eligibility routes: a person’s verdicts with explanations; out of scope 404; a batch run stores counts', async () => {
    const { tree, a1, b1, head, tdkt } = await setup();
    await head.put('/api/ratings', { personId: a1.id, year: 2024, rating: 'HTTNV' });
    const res = await head.get(`/api/eligibility/people/${a1.id}?year=2024&codes=LDTT,CSTDCS`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.verdicts.map((v: { code: string; status: string }) => `${v.code}:${v.status}`)).toEqual([
      'LDTT:eligible',
      'CSTDCS:not_eligible',
    ]);
    expect(body.verdicts[1].summary).toContain('chưa đủ điều kiện');
    expect(body.verdicts[1].conditions.length).toBeGreaterThan(1);
    expect((await head.get(`/api/eligibility/people/${b1.id}?year=2024`)).statusCode).toBe(404);
    expect((await head.get(`/api/eligibility/people/${a1.id}?year=2024&codes=XYZ`)).statusCode).toBe(400);
    const run = await tdkt.post('/api/eligibility/runs', {
      orgId: tree.khoaA.id,
      year: 2024,
      codes: ['LDTT', 'CSTDCS'],
    });
    expect(run.statusCode, run.body).toBe(201);
    const r = run.json();
    expect(r.nominees).toBe(2);
    expect(r.counts.LDTT).toMatchObject({ eligible: 1, missingData: 1 });
    const detail = (await tdkt.get(`/api/eligibility/runs/${r.id}?code=LDTT`)).json();
    expect(
      detail.results.items.map(
        (i: { nomineeName: string; status: string }) => `${i.nomineeName}:${i.status}`,
      ),
    ).toEqual(['Lê Văn An:eligible', 'Phạm Thị Bình:missing_data']);
    expect((await tdkt.post('/api/eligibility/runs', { orgId: tree.khoaB.id, year: 2024 })).statusCode).toBe(
      404,
    );
  });
});
