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
  uniq,
} from '../../../../test/helpers';
import { multipart, staffXlsx } from '../../../../test/xlsx';

let t: TestApp;
let tree: OrgTree;
let tdkt: Session;
let headA: Session;
let nhanvien: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  tdkt = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username);
  headA = await login(
    t.app,
    (await createUser(t.database, [{ role: 'dept_head', org: tree.unitA }])).username,
  );
  nhanvien = await login(
    t.app,
    (await createUser(t.database, [{ role: 'staff', org: tree.khoaA }])).username,
  );
});
afterAll(async () => t.close());

describe('staff list, scope and search', () => {
  it('lists only the caller subtree and answers 404 outside it, like a missing record', async () => {
    const inA = await createPerson(t.database, tree.khoaA, { fullName: 'Lê Văn Trong' });
    const inB = await createPerson(t.database, tree.khoaB, { fullName: 'Lê Văn Ngoài' });
    const list = await as(t.app, headA).get(`/api/staff?q=le van&pageSize=200`);
    expect(list.statusCode).toBe(200);
    const ids = list.json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(inA.id);
    expect(ids).not.toContain(inB.id);
    const own = await as(t.app, headA).get(`/api/staff/${inA.id}`);
    expect(own.statusCode).toBe(200);
    const other = await as(t.app, headA).get(`/api/staff/${inB.id}`);
    const missing = await as(t.app, headA).get(`/api/staff/00000000-0000-4000-8000-000000000000`);
    expect(other.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(other.json().error.code).toBe(missing.json().error.code);
    expect(other.json().error.message).toBe(missing.json().error.message);
    // filtering by an out-of-scope unit is also a 404
    expect((await as(t.app, headA).get(`/api/staff?orgId=${tree.unitB.id}`)).statusCode).toBe(404);
    // a staff member without staff.read is refused
    expect((await as(t.app, nhanvien).get('/api/staff')).statusCode).toBe(403);
  });

  it('finds "Nguyễn Thị …" by "nguyen thi" and sorts in Vietnamese order', async () => {
    const tag = uniq('Z');
    const names = [
      `Đặng Thị ${tag}`,
      `Dương Văn ${tag}`,
      `Nguyễn Thị Ánh ${tag}`,
      `Nguyễn Thị An ${tag}`,
      `Ân Văn ${tag}`,
    ];
    for (const n of names) await createPerson(t.database, tree.khoaA, { fullName: n });
    const res = await as(t.app, tdkt).get(
      `/api/staff?q=${encodeURIComponent(`nguyen thi`)}&orgId=${tree.so.id}&pageSize=200`,
    );
    const found = res
      .json()
      .items.map((i: { fullName: string }) => i.fullName)
      .filter((n: string) => n.endsWith(tag));
    expect(found).toEqual([`Nguyễn Thị An ${tag}`, `Nguyễn Thị Ánh ${tag}`]);
    const all = await as(t.app, tdkt).get(`/api/staff?q=${tag.toLowerCase()}&pageSize=200`);
    const order = all.json().items.map((i: { fullName: string }) => i.fullName);
    expect(order).toEqual([
      `Ân Văn ${tag}`,
      `Dương Văn ${tag}`,
      `Đặng Thị ${tag}`,
      `Nguyễn Thị An ${tag}`,
      `Nguyễn Thị Ánh ${tag}`,
    ]);
    // typed with decomposed (NFD) diacritics, it still matches
    const nfd = await as(t.app, tdkt).get(
      `/api/staff?q=${encodeURIComponent(`Nguyễn Thị Ánh ${tag}`.normalize('NFD'))}`,
    );
    expect(nfd.json().items).toHaveLength(1);
  });

  it('masks the CCCD number in lists and records every reveal', async () => {
    const p = await createPerson(t.database, tree.khoaA, {
      fullName: 'Phạm Thị Căn',
      personalId: '001190004567',
    });
    const list = await as(t.app, tdkt).get(`/api/staff?q=pham thi can`);
    const item = list.json().items.find((i: { id: string }) => i.id === p.id);
    expect(item.personalIdMasked).toBe('001******567');
    expect(JSON.stringify(list.json())).not.toContain('001190004567');
    const detail = await as(t.app, headA).get(`/api/staff/${p.id}`);
    expect(detail.json().canViewPersonalId).toBe(false);
    expect((await as(t.app, headA).get(`/api/staff/${p.id}/personal-id`)).statusCode).toBe(403);
    const reveal = await as(t.app, tdkt).get(`/api/staff/${p.id}/personal-id`);
    expect(reveal.json().personalId).toBe('001190004567');
    const logged = await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'person.personal_id_viewed' and entity_id = ${p.id}`,
    );
    expect(Number(logged.rows[0]!.n)).toBe(1);
  });

  it('transfers a person and keeps the membership history', async () => {
    const p = await createPerson(t.database, tree.khoaA, { fullName: 'Võ Văn Chuyển' });
    const res = await as(t.app, tdkt).post(`/api/staff/${p.id}/transfers`, {
      toOrgId: tree.khoaB.id,
      fromDate: '2024-03-01',
      note: 'Điều động',
    });
    expect(res.statusCode).toBe(200);
    const ms = res.json().memberships;
    expect(ms).toHaveLength(2);
    expect(ms[0]).toMatchObject({ orgId: tree.khoaB.id, fromDate: '2024-03-01', toDate: null });
    expect(ms[1]).toMatchObject({ orgId: tree.khoaA.id, toDate: '2024-02-29' });
    // now outside unit A's subtree
    expect((await as(t.app, headA).get(`/api/staff/${p.id}`)).statusCode).toBe(404);
  });

  it('detects concurrent edits with the version (409)', async () => {
    const p = await createPerson(t.database, tree.khoaA, { fullName: 'Hồ Văn Sửa' });
    const a = await as(t.app, tdkt).patch(`/api/staff/${p.id}`, { version: 1, position: 'Bác sĩ' });
    expect(a.statusCode).toBe(200);
    const b = await as(t.app, tdkt).patch(`/api/staff/${p.id}`, { version: 1, position: 'Y sĩ' });
    expect(b.statusCode).toBe(409);
    const mass = await as(t.app, tdkt).patch(`/api/staff/${p.id}`, {
      version: 2,
      currentOrgId: tree.khoaB.id,
    });
    expect(mass.statusCode).toBe(400);
  });
});

describe('staff XLSX import', () => {
  const row = (code: string, name: string, orgCode: string, extra: Record<string, string> = {}) => ({
    'Mã nhân sự': code,
    'Họ và tên': name,
    'Ngày sinh': '12/03/1988',
    'Giới tính': 'Nữ',
    'Loại hình': 'Viên chức',
    'Mã đơn vị': orgCode,
    'Ngày vào đơn vị': '01/06/2015',
    ...extra,
  });
  const upload = async (s: Session, bytes: Buffer, name = 'nhan-su.xlsx') => {
    const m = multipart(name, bytes);
    return t.app.inject({
      method: 'POST',
      url: '/api/staff/imports',
      payload: m.payload,
      headers: { ...m.headers, cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  };
  const count = async (codes: string[]) =>
    Number(
      (
        await t.database.db.execute(
          sql`select count(*)::int as n from people where staff_code = any(${sql.param(codes)}::citext[])`,
        )
      ).rows[0]!.n,
    );

  it('previews a bad row with its number, column and reason, and writes nothing', async () => {
    const c = [uniq('NV'), uniq('NV'), uniq('NV')];
    const bytes = await staffXlsx([
      row(c[0]!, 'Nguyễn Thị Hoa', tree.khoaA.code),
      row(c[1]!, 'Trần Văn Bình', tree.khoaA.code, { 'Ngày sinh': '31/02/1990' }),
      row(c[2]!, 'Lý Thị Cúc', tree.khoaB.code),
    ]);
    const res = await upload(tdkt, bytes);
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ totalRows: 3, validRows: 2, invalidRows: 1 });
    expect(preview.errors).toEqual([
      { row: 3, column: 'Ngày sinh', message: 'Ngày sinh không hợp lệ (định dạng dd/mm/yyyy).' },
    ]);
    const all = await as(t.app, tdkt).post(`/api/staff/imports/${preview.id}/commit`, { mode: 'all' });
    expect(all.statusCode).toBe(422);
    expect(all.json().error.message).toContain('dòng lỗi');
    expect(await count(c)).toBe(0);
    // valid rows only
    const valid = await as(t.app, tdkt).post(`/api/staff/imports/${preview.id}/commit`, {
      mode: 'validOnly',
    });
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 1 });
    expect(await count(c)).toBe(2);
    // a committed batch cannot be committed twice
    expect(
      (await as(t.app, tdkt).post(`/api/staff/imports/${preview.id}/commit`, { mode: 'validOnly' }))
        .statusCode,
    ).toBe(409);
  });

  it('re-importing the same file updates by staff code instead of duplicating', async () => {
    const c = [uniq('NV'), uniq('NV')];
    const bytes = await staffXlsx([
      row(c[0]!, 'Đỗ Thị Lan', tree.khoaA.code),
      row(c[1]!, 'Phan Văn Tú', tree.khoaA.code),
    ]);
    for (const expected of [
      { created: 2, updated: 0, unchanged: 0 },
      { created: 0, updated: 0, unchanged: 2 },
    ]) {
      const p = (await upload(tdkt, bytes)).json();
      const r = await as(t.app, tdkt).post(`/api/staff/imports/${p.id}/commit`, { mode: 'all' });
      expect(r.json()).toMatchObject(expected);
    }
    expect(await count(c)).toBe(2);
    // moving one person to unit B through the file closes the old membership
    const moved = await staffXlsx([
      row(c[0]!, 'Đỗ Thị Lan', tree.khoaB.code, { 'Ngày vào đơn vị': '01/01/2025' }),
    ]);
    const p = (await upload(tdkt, moved)).json();
    expect(p.sample[0].action).toBe('update');
    expect(
      (await as(t.app, tdkt).post(`/api/staff/imports/${p.id}/commit`, { mode: 'all' })).json(),
    ).toMatchObject({ updated: 1 });
    const person = (await as(t.app, tdkt).get(`/api/staff?q=${c[0]}`)).json().items[0];
    const detail = (await as(t.app, tdkt).get(`/api/staff/${person.id}`)).json();
    expect(detail.org.id).toBe(tree.khoaB.id);
    expect(detail.memberships.map((m: { toDate: string | null }) => m.toDate)).toEqual([null, '2024-12-31']);
  });

  it('refuses units outside the importer scope, non-xlsx files and files without the columns', async () => {
    const headB = await login(
      t.app,
      (await createUser(t.database, [{ role: 'tdkt', org: tree.unitB }])).username,
    );
    const bytes = await staffXlsx([row(uniq('NV'), 'Mai Văn Xa', tree.khoaA.code)]);
    const p = (await upload(headB, bytes)).json();
    expect(p.errors[0].column).toBe('Mã đơn vị');
    expect(p.errors[0].message).toContain('ngoài phạm vi');
    const notXlsx = await upload(tdkt, Buffer.from('%PDF-1.4 not a spreadsheet'), 'gia.xlsx');
    expect(notXlsx.statusCode).toBe(415);
    expect(notXlsx.json().error.message).toContain('Excel');
    const wrongExt = await upload(tdkt, bytes, 'nhan-su.csv');
    expect(wrongExt.statusCode).toBe(415);
  });

  it('exports the scoped list as XLSX', async () => {
    const res = await as(t.app, headA).get(`/api/staff/export`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''Danh%20s%C3%A1ch");
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
