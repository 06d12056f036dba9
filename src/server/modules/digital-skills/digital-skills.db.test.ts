import ExcelJS from 'exceljs';
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
  uniq,
} from '../../../../test/helpers';
import { multipart } from '../../../../test/xlsx';

let t: TestApp;
let tree: OrgTree;
let admin: Session;
let unitOfficer: Session;
let people: { id: string; staffCode: string; fullName: string }[];
let outsider: { id: string; staffCode: string };
let soLeader: { id: string };
let indicatorId = '';
const code = uniq('DS_');

async function skillsXlsx(rows: (string | Date | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('BDHVS');
  ws.addRow(['Mã nhân sự', 'Họ và tên', 'Ngày hoàn thành', 'Số chứng nhận']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2025-10-01T03:00:00Z');
  tree = await createOrgTree(t.database);
  people = [];
  for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung']) {
    people.push(await createPerson(t.database, tree.khoaA, { fullName: name }));
  }
  outsider = await createPerson(t.database, tree.khoaB, { fullName: 'Hoàng Văn Em' });
  // a member of the Sở itself (its own staff count with those of its units)
  soLeader = await createPerson(t.database, tree.so, { fullName: 'Vũ Văn Giám' });
  const a = await createUser(t.database, [{ role: 'admin', org: tree.so }]);
  admin = await login(t.app, a.username);
  const u = await createUser(t.database, [{ role: 'dept_head', org: tree.unitA }]);
  unitOfficer = await login(t.app, u.username);
  const r = await as(t.app, admin).post('/api/indicators/definitions', {
    code,
    name: 'Tỷ lệ cán bộ hoàn thành kỹ năng số cơ bản',
    unit: '%',
    direction: 'higher',
    rollup: 'weighted',
    source: 'digital_skills',
  });
  // weighted needs a weight indicator: this indicator is computed from staff counts instead
  expect(r.statusCode).toBe(400);
  const ok = await as(t.app, admin).post('/api/indicators/definitions', {
    code,
    name: 'Tỷ lệ cán bộ hoàn thành kỹ năng số cơ bản',
    unit: '%',
    direction: 'higher',
    rollup: 'average',
    source: 'digital_skills',
  });
  expect(ok.statusCode, ok.body).toBe(201);
  indicatorId = ok.json().id;
});
afterAll(async () => {
  const d = (await as(t.app, admin).get('/api/indicators/definitions'))
    .json()
    .find((x: { id: string }) => x.id === indicatorId);
  if (d)
    await as(t.app, admin).patch(`/api/indicators/definitions/${indicatorId}`, {
      version: d.version,
      active: false,
    });
  await t.close();
});

describe('Bình dân học vụ số', () => {
  it('records completions and feeds the "% staff certified" indicator', async () => {
    const api = as(t.app, unitOfficer);
    let r = await api.put(`/api/digital-skills/${people[0]!.id}`, {
      completedOn: '2025-03-15',
      certificateNumber: `CN-${code}-1`,
    });
    expect(r.statusCode, r.body).toBe(200);
    r = await api.put(`/api/digital-skills/${people[1]!.id}`, { completedOn: '2024-11-20' });
    expect(r.statusCode, r.body).toBe(200);
    // the same certificate number for someone else is refused
    r = await api.put(`/api/digital-skills/${people[2]!.id}`, {
      completedOn: '2025-03-15',
      certificateNumber: `CN-${code}-1`,
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details[0].message).toBe(
      `Số chứng nhận "CN-${code}-1" đã được ghi cho người khác.`,
    );
    r = await api.put(`/api/digital-skills/${people[2]!.id}`, { completedOn: '2025-12-01' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.details[0].message).toBe('Ngày hoàn thành không được sau ngày hôm nay.');

    // 2 of unit A's 4 staff → 50 % for 2025; in 2024 only one had finished → 25 %
    const p = (await api.get(`/api/indicators/progress?orgId=${tree.unitA.id}&year=2025`)).json();
    expect(p.indicators.find((i: { code: string }) => i.code === code).value).toBe(50);
    const p24 = (await api.get(`/api/indicators/progress?orgId=${tree.unitA.id}&year=2024`)).json();
    expect(p24.indicators.find((i: { code: string }) => i.code === code).value).toBe(25);
    // before the first completion the programme had not started: no data, not 0 %
    const p23 = (await api.get(`/api/indicators/progress?orgId=${tree.unitA.id}&year=2023`)).json();
    expect(p23.indicators.find((i: { code: string }) => i.code === code)).toMatchObject({
      value: null,
      status: 'no_data',
    });
    // at the Sở: its own leader (certified) and the units' staff → 3 of 6 = 50 %; unit B has 0 %
    expect(
      (await as(t.app, admin).put(`/api/digital-skills/${soLeader.id}`, { completedOn: '2025-05-05' }))
        .statusCode,
    ).toBe(200);
    const so = (await as(t.app, admin).get(`/api/indicators/progress?orgId=${tree.so.id}&year=2025`)).json();
    expect(so.indicators.find((i: { code: string }) => i.code === code).value).toBe(50);
    expect(so.units.find((u: { id: string }) => u.id === tree.unitB.id).cells[code].value).toBe(0);
    const s = (
      await as(t.app, admin).get(`/api/digital-skills/summary?orgId=${tree.so.id}&year=2025`)
    ).json();
    expect(s).toMatchObject({ staff: 6, certified: 3, percent: 50 });
    expect(s.units.find((u: { orgId: string }) => u.orgId === tree.unitA.id)).toMatchObject({
      staff: 4,
      certified: 2,
      percent: 50,
    });

    const list = (await api.get(`/api/digital-skills?orgId=${tree.unitA.id}&status=not_certified`)).json();
    expect(list.items.map((i: { fullName: string }) => i.fullName).sort()).toEqual([
      'Lê Văn Cường',
      'Phạm Thị Dung',
    ]);
    // a computed indicator is not entered by hand
    const put = await as(t.app, admin).put('/api/indicators/values', {
      orgId: tree.unitA.id,
      year: 2025,
      period: 'Y',
      entries: [{ indicatorId, value: 99 }],
    });
    expect(put.statusCode).toBe(400);
  });

  it('imports completions with bad rows shown in Vietnamese', async () => {
    const api = as(t.app, unitOfficer);
    const file = await skillsXlsx([
      [people[2]!.staffCode, 'Lê Văn Cường', '15/09/2025', `CN-${code}-3`],
      [people[3]!.staffCode, 'Phạm Thị Dũng', '15/09/2025', null], // name does not match
      [outsider.staffCode, null, '15/09/2025', null], // another unit's staff member
      ['NV-KHONG-CO', null, '15/09/2025', null],
      [people[3]!.staffCode, null, '31/02/2025', null], // no such day
    ]);
    const m = multipart('bdhvs.xlsx', file);
    const prev = await api.post('/api/digital-skills/imports', m.payload, m.headers);
    expect(prev.statusCode, prev.body).toBe(200);
    const p = prev.json();
    expect(p).toMatchObject({ totalRows: 5, validRows: 1, invalidRows: 4 });
    expect(p.errors.map((e: { row: number; message: string }) => `${e.row}: ${e.message}`)).toEqual([
      '3: Họ và tên "Phạm Thị Dũng" không khớp với hồ sơ (Phạm Thị Dung).',
      `4: Không có nhân sự đang làm việc mã "${outsider.staffCode}" trong phạm vi được cập nhật.`,
      '5: Không có nhân sự đang làm việc mã "NV-KHONG-CO" trong phạm vi được cập nhật.',
      '6: Giá trị “31/02/2025” không hợp lệ (cần ngày dạng dd/mm/yyyy).',
      '6: Trùng với dòng 3.',
    ]);
    expect((await api.post(`/api/digital-skills/imports/${p.id}/commit`, { mode: 'all' })).statusCode).toBe(
      422,
    );
    const done = await api.post(`/api/digital-skills/imports/${p.id}/commit`, { mode: 'validOnly' });
    expect(done.json()).toEqual({ saved: 1, skipped: 4 });
    const list = (
      await api.get(`/api/digital-skills?orgId=${tree.unitA.id}&status=certified&q=cuong`)
    ).json();
    expect(list.items).toMatchObject([
      { fullName: 'Lê Văn Cường', completedOn: '2025-09-15', certificateNumber: `CN-${code}-3` },
    ]);
  });

  it('keeps other units out of scope', async () => {
    const api = as(t.app, unitOfficer);
    expect(
      (await api.put(`/api/digital-skills/${outsider.id}`, { completedOn: '2025-01-01' })).statusCode,
    ).toBe(404);
    expect((await api.delete(`/api/digital-skills/${outsider.id}`)).statusCode).toBe(404);
    expect((await api.get(`/api/digital-skills?orgId=${tree.unitB.id}`)).statusCode).toBe(404);
    expect((await api.get(`/api/digital-skills/summary?orgId=${tree.unitB.id}`)).statusCode).toBe(404);
    expect((await api.delete(`/api/digital-skills/${people[0]!.id}`)).statusCode).toBe(204);
    expect((await api.delete(`/api/digital-skills/${people[0]!.id}`)).statusCode).toBe(404);
  });
});
