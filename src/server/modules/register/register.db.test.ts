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
import { awards, orgEvents, orgLineage } from '../../db/schema';
import { insertOrg } from '../organizations/organizations.repo';

let t: TestApp;
let tree: OrgTree;
let tdkt: Session; // on the Sở
let headA: Session; // dept head of unit A
let director: Session;
let people: { thu: { id: string }; b: { id: string }; other: { id: string } };
let predecessor: { id: string; name: string };
const tag = uniq().toUpperCase();

async function readXlsx(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as never);
  return wb;
}

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  tdkt = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username);
  headA = await login(
    t.app,
    (await createUser(t.database, [{ role: 'dept_head', org: tree.unitA }])).username,
  );
  director = await login(
    t.app,
    (await createUser(t.database, [{ role: 'director', org: tree.so }])).username,
  );
  const thu = await createPerson(t.database, tree.khoaA, { fullName: `Nguyễn Văn Thử ${tag}` });
  const other = await createPerson(t.database, tree.khoaA, { fullName: `Trần Thị Khác ${tag}` });
  const b = await createPerson(t.database, tree.khoaB, { fullName: `Phạm Đức Bê ${tag}` });
  people = { thu, b, other };
  // a former khoa of unit A, merged into khoa A in 2025
  const old = await insertOrg(
    t.database.db,
    tree.unitA,
    {
      type: 'clinical_department',
      code: `KHOA-CU-${tag}`,
      name: `Khoa Hồi sức cũ ${tag}`,
      shortName: 'KHSC',
      validFrom: '2015-01-01',
    },
    null,
  );
  predecessor = { id: old.id, name: old.name };
  const [ev] = await t.database.db
    .insert(orgEvents)
    .values({ type: 'merge', effectiveOn: '2025-01-01' })
    .returning();
  await t.database.db
    .insert(orgLineage)
    .values({
      eventId: ev!.id,
      predecessorId: old.id,
      successorId: tree.khoaA.id,
      effectiveOn: '2025-01-01',
    });
  await t.database.db.insert(awards).values([
    {
      personId: thu.id,
      awardCode: 'CSTDCS',
      year: 2022,
      unitOrgId: tree.khoaA.id,
      decisionNumber: '12/QĐ-SYT',
      decidedOn: '2022-12-20',
      issuer: 'Giám đốc Sở Y tế',
      source: 'import',
      amount: 1_800_000,
    },
    {
      personId: thu.id,
      awardCode: 'CSTDCS',
      year: 2023,
      unitOrgId: tree.khoaA.id,
      decisionNumber: '15/QĐ-SYT',
      source: 'import',
      amount: 2_340_000,
    },
    { personId: thu.id, awardCode: 'LDTT', year: 2023, unitOrgId: tree.khoaA.id, source: 'import' },
    { personId: other.id, awardCode: 'LDTT', year: 2023, unitOrgId: tree.khoaA.id, source: 'import' },
    {
      personId: other.id,
      awardCode: 'GIAY_KHEN',
      year: 2021,
      unitOrgId: tree.khoaA.id,
      source: 'import',
      revokedAt: new Date('2022-01-01'),
    },
    { personId: b.id, awardCode: 'CSTDCS', year: 2023, unitOrgId: tree.khoaB.id, source: 'import' },
    { orgId: old.id, awardCode: 'TTLDXS', year: 2021, source: 'import', decisionNumber: '30/QĐ-SYT' },
    { orgId: tree.khoaA.id, awardCode: 'TTLDTT', year: 2025, source: 'internal' },
  ]);
});
afterAll(async () => t.close());

describe('award register', () => {
  it('searches names without diacritics and shows every year of a person', async () => {
    const res = await as(t.app, tdkt).get(
      `/api/register?q=${encodeURIComponent(`nguyen van thu ${tag.toLowerCase()}`)}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(3);
    expect(body.items.map((i: { year: number; awardCode: string }) => `${i.year} ${i.awardCode}`)).toEqual([
      '2023 CSTDCS',
      '2023 LDTT',
      '2022 CSTDCS',
    ]);
    expect(body.items[2]).toMatchObject({
      subject: 'individual',
      awardName: 'Chiến sĩ thi đua cơ sở',
      decisionNumber: '12/QĐ-SYT',
      decidedOn: '2022-12-20',
      unit: { id: tree.khoaA.id },
      sourceName: 'Nhập từ danh sách đã có',
      amount: 1_800_000,
    });
  });

  it('leaves out revoked awards and filters by year, form and subject, paged', async () => {
    const q = `q=${tag.toLowerCase()}`;
    const all = (await as(t.app, tdkt).get(`/api/register?${q}&pageSize=200`)).json();
    // 8 rows: one revoked, khoa A's own name does not carry the tag
    expect(all.total).toBe(6);
    expect(all.items.some((i: { awardCode: string }) => i.awardCode === 'GIAY_KHEN')).toBe(false);
    const y = (await as(t.app, tdkt).get(`/api/register?${q}&year=2023&awardCode=LDTT`)).json();
    expect(y.total).toBe(2);
    const coll = (await as(t.app, tdkt).get(`/api/register?${q}&subject=collective`)).json();
    expect(coll.items.map((i: { collective: { name: string } }) => i.collective.name)).toEqual([
      predecessor.name,
    ]);
    const p2 = (await as(t.app, tdkt).get(`/api/register?${q}&pageSize=4&page=2`)).json();
    expect(p2.items).toHaveLength(2);
    expect(p2.total).toBe(6);
    expect((await as(t.app, tdkt).get('/api/register?year=abc')).statusCode).toBe(400);
    expect((await as(t.app, tdkt).get('/api/register?awardCode=XYZ')).statusCode).toBe(400);
  });

  it('an organisation filter includes its predecessors (lineage)', async () => {
    const res = (await as(t.app, tdkt).get(`/api/register?orgId=${tree.khoaA.id}&subject=collective`)).json();
    expect(res.items.map((i: { year: number; awardCode: string }) => `${i.year} ${i.awardCode}`)).toEqual([
      '2025 TTLDTT',
      '2021 TTLDXS',
    ]);
  });

  it('is scoped to the caller subtree: out of scope is 404 like missing', async () => {
    const mine = (await as(t.app, headA).get(`/api/register?q=${tag.toLowerCase()}&pageSize=200`)).json();
    expect(mine.items.some((i: { person: { id: string } | null }) => i.person?.id === people.b.id)).toBe(
      false,
    );
    expect(mine.total).toBe(5);
    expect((await as(t.app, headA).get(`/api/register?orgId=${tree.unitB.id}`)).statusCode).toBe(404);
    expect((await as(t.app, headA).get(`/api/register/people/${people.b.id}`)).statusCode).toBe(404);
    expect((await as(t.app, headA).get(`/api/register/organizations/${tree.khoaB.id}`)).statusCode).toBe(404);
    expect((await as(t.app, tdkt).get(`/api/register/people/${people.b.id}`)).statusCode).toBe(200);
  });

  it("shows a person's and a collective's history across years and lineage", async () => {
    const p = (await as(t.app, headA).get(`/api/register/people/${people.thu.id}`)).json();
    expect(p.person.fullName).toBe(`Nguyễn Văn Thử ${tag}`);
    expect(p.awards.map((a: { year: number }) => a.year)).toEqual([2023, 2023, 2022]);
    const o = (await as(t.app, headA).get(`/api/register/organizations/${tree.khoaA.id}`)).json();
    expect(o.predecessors).toEqual([
      { id: predecessor.id, name: predecessor.name, effectiveOn: '2025-01-01' },
    ]);
    expect(
      o.awards.map(
        (a: { awardName: string; collective: { name: string } }) => `${a.awardName} – ${a.collective.name}`,
      ),
    ).toEqual([
      `Tập thể lao động tiên tiến – ${tree.khoaA.name}`,
      `Tập thể lao động xuất sắc – ${predecessor.name}`,
    ]);
  });

  it('exports the filtered register as XLSX with Vietnamese headers', async () => {
    const res = await as(t.app, director).get(`/api/register/export?q=${tag.toLowerCase()}&year=2023`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('.xlsx');
    const ws = (await readXlsx(res.rawPayload)).worksheets[0]!;
    expect(ws.getRow(2).values).toContain('Danh hiệu / Hình thức');
    const names = [] as string[];
    ws.eachRow((row, n) => {
      if (n > 2) names.push(String(row.getCell(3).value));
    });
    expect(names.sort()).toEqual(
      [`Nguyễn Văn Thử ${tag}`, `Nguyễn Văn Thử ${tag}`, `Phạm Đức Bê ${tag}`, `Trần Thị Khác ${tag}`].sort(),
    );
  });
});

describe('award statistics', () => {
  it('counts by year, form and unit within the chosen organisation, with money', async () => {
    const res = await as(t.app, tdkt).get(
      `/api/statistics/awards?orgId=${tree.unitA.id}&yearFrom=2021&yearTo=2025`,
    );
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.totals).toEqual({ count: 6, individual: 4, collective: 2, amount: 4_140_000 });
    expect(s.byYear.map((r: { year: number; total: number }) => [r.year, r.total])).toEqual([
      [2021, 1],
      [2022, 1],
      [2023, 3],
      [2024, 0],
      [2025, 1],
    ]);
    expect(s.byForm.map((r: { awardCode: string; count: number }) => [r.awardCode, r.count])).toEqual([
      ['LDTT', 2],
      ['CSTDCS', 2],
      ['TTLDTT', 1],
      ['TTLDXS', 1],
    ]);
    const byOrg = Object.fromEntries(
      s.byOrganization.map((r: { name: string; total: number }) => [r.name, r.total]),
    );
    expect(byOrg).toEqual({ [tree.khoaA.name]: 5, [predecessor.name]: 1 });
    expect(s.byYearForm).toContainEqual({ year: 2023, awardCode: 'LDTT', count: 2 });
  });

  it('groups by the units under the caller scope and exports three sheets', async () => {
    const s = (await as(t.app, headA).get('/api/statistics/awards?yearFrom=2021&yearTo=2025')).json();
    expect(s.organization).toBeNull();
    // unit A's own subtree: everything is under unit A's khoa (grouped by the khoa, children of unit A)
    expect(
      s.byOrganization.find((r: { orgId: string }) => r.orgId === tree.khoaA.id)?.total,
    ).toBeGreaterThanOrEqual(5);
    expect(s.byOrganization.some((r: { orgId: string }) => r.orgId === tree.khoaB.id)).toBe(false);
    const res = await as(t.app, headA).get('/api/statistics/awards/export?yearFrom=2021&yearTo=2025');
    expect(res.statusCode).toBe(200);
    const wb = await readXlsx(res.rawPayload);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Theo năm', 'Theo hình thức', 'Theo đơn vị']);
    expect((await as(t.app, headA).get(`/api/statistics/awards?orgId=${tree.unitB.id}`)).statusCode).toBe(
      404,
    );
  });

  it('needs register.read', async () => {
    const staff = await login(
      t.app,
      (await createUser(t.database, [{ role: 'staff', org: tree.khoaA }])).username,
    );
    expect((await as(t.app, staff).get('/api/statistics/awards')).statusCode).toBe(403);
    expect((await as(t.app, null).get('/api/register')).statusCode).toBe(401);
  });
});
