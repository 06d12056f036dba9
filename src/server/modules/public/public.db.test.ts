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
import { awardRounds, awards, exemplars, proposals } from '../../db/schema';
import { publicSummary } from './public.service';

let t: TestApp;
let tree: OrgTree;
let tdkt: Session;
let roundId: string;
let closedRoundId: string;
const tag = uniq().toUpperCase();
const secrets = {
  staffCode: `NVPUB${tag}`,
  personalId: '079185000123',
  birthDate: '1985-03-07',
};
let nominee: { id: string };
let drafted: { id: string };

/** Every key at any depth of a JSON value. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

function expectNoIdentifiers(body: string, personIds: string[]) {
  for (const s of [
    secrets.staffCode,
    secrets.personalId,
    secrets.birthDate,
    '07/03/1985',
    '7/3/1985',
    ...personIds,
  ]) {
    expect(body).not.toContain(s);
  }
  const keys = keysOf(JSON.parse(body));
  for (const k of ['staffCode', 'personalId', 'birthDate', 'personId', 'email', 'phone', 'gender']) {
    expect(keys.has(k)).toBe(false);
  }
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.now = new Date('2025-12-10T03:00:00Z');
  tree = await createOrgTree(t.database);
  tdkt = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username);
  nominee = await createPerson(t.database, tree.khoaA, {
    fullName: `Lê Thị Công Khai ${tag}`,
    staffCode: secrets.staffCode,
    personalId: secrets.personalId,
    birthDate: secrets.birthDate,
    position: 'Điều dưỡng trưởng',
    email: 'cong.khai@example.vn',
  });
  drafted = await createPerson(t.database, tree.khoaA, { fullName: `Nháp Chưa Trình ${tag}` });
  const db = t.database.db;
  const [round] = await db
    .insert(awardRounds)
    .values({
      orgId: tree.so.id,
      kind: 'annual',
      year: 2025,
      title: `Khen thưởng tổng kết năm 2025 ${tag}`,
      deadline: '2025-11-30',
      publicCommentFrom: '2025-12-05',
      publicCommentUntil: '2025-12-15',
    })
    .returning();
  roundId = round!.id;
  const [closed] = await db
    .insert(awardRounds)
    .values({
      orgId: tree.so.id,
      kind: 'thematic',
      year: 2025,
      title: `Chuyên đề ${tag}`,
      deadline: '2025-06-30',
      publicCommentFrom: '2025-07-01',
      publicCommentUntil: '2025-07-10',
    })
    .returning();
  closedRoundId = closed!.id;
  const report = [
    `Họ và tên: Lê Thị Công Khai ${tag}`,
    'Ngày sinh: 07/03/1985',
    `Số CCCD: ${secrets.personalId}`,
    `Chức vụ: Điều dưỡng trưởng (mã ${secrets.staffCode})`,
    'Thành tích: hoàn thành xuất sắc nhiệm vụ năm 2025, chủ trì sáng kiến cải tiến quy trình chăm sóc người bệnh (sinh 7/3/1985).',
  ].join('\n');
  await db.insert(proposals).values([
    {
      roundId,
      proposingOrgId: tree.khoaA.id,
      personId: nominee.id,
      awardCode: 'CSTDCS',
      status: 'in_council',
      achievementReport: report,
    },
    {
      roundId,
      proposingOrgId: tree.khoaA.id,
      personId: drafted.id,
      awardCode: 'LDTT',
      status: 'draft',
      achievementReport: 'Bản nháp',
    },
    {
      roundId,
      proposingOrgId: tree.unitA.id,
      orgId: tree.khoaA.id,
      awardCode: 'TTLDXS',
      status: 'appraised',
      achievementReport: 'Tập thể hoàn thành xuất sắc nhiệm vụ.',
    },
    {
      roundId: closedRoundId,
      proposingOrgId: tree.khoaA.id,
      personId: nominee.id,
      awardCode: 'GIAY_KHEN',
      status: 'in_council',
    },
  ]);
  await db.insert(awards).values([
    {
      personId: nominee.id,
      awardCode: 'CSTDCS',
      year: 2024,
      unitOrgId: tree.khoaA.id,
      decisionNumber: '05/QĐ-SYT',
      decidedOn: '2025-01-10',
      source: 'internal',
    },
    { personId: drafted.id, awardCode: 'LDTT', year: 2024, unitOrgId: tree.khoaA.id, source: 'internal' },
    { orgId: tree.khoaA.id, awardCode: 'TTLDXS', year: 2024, source: 'internal' },
  ]);
  await db.insert(exemplars).values([
    {
      orgId: tree.khoaA.id,
      personId: nominee.id,
      year: 2024,
      title: 'Tận tụy với người bệnh',
      story: 'Chị luôn tận tụy.',
      published: true,
      publishedAt: new Date(),
    },
    {
      orgId: tree.khoaA.id,
      personId: drafted.id,
      year: 2024,
      title: 'Chưa công bố',
      story: 'Nháp',
      published: false,
    },
  ]);
});
afterAll(async () => t.close());

describe('public disclosure of a round', () => {
  it('lists appraised nominees with public fields only, during the comment period, without login', async () => {
    const res = await as(t.app, null).get(`/api/public/rounds/${roundId}/nominees`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.open).toBe(true);
    expect(body.round).toMatchObject({
      title: `Khen thưởng tổng kết năm 2025 ${tag}`,
      organization: tree.so.name,
      kindName: 'Khen thưởng tổng kết năm',
    });
    expect(body.nominees).toHaveLength(2);
    const person = body.nominees.find((n: { subject: string }) => n.subject === 'individual');
    expect(person).toEqual({
      subject: 'individual',
      name: `Lê Thị Công Khai ${tag}`,
      unit: tree.khoaA.name,
      positionTitle: 'Điều dưỡng trưởng',
      awardName: 'Chiến sĩ thi đua cơ sở',
      achievementSummary: expect.stringContaining('chủ trì sáng kiến cải tiến quy trình'),
    });
    const collective = body.nominees.find((n: { subject: string }) => n.subject === 'collective');
    expect(collective).toMatchObject({
      name: tree.khoaA.name,
      unit: tree.unitA.name,
      awardName: 'Tập thể lao động xuất sắc',
    });
    expect(body.nominees.some((n: { name: string }) => n.name.startsWith('Nháp'))).toBe(false);
    expectNoIdentifiers(res.body, [nominee.id, drafted.id]);
  });

  it('lists no nominee outside the comment period, and the open rounds only while open', async () => {
    const closed = (await as(t.app, null).get(`/api/public/rounds/${closedRoundId}/nominees`)).json();
    expect(closed).toMatchObject({
      open: false,
      message: 'Đã hết thời gian công khai lấy ý kiến.',
      nominees: [],
    });
    const open = (await as(t.app, null).get('/api/public/rounds')).json();
    expect(open.map((r: { id: string }) => r.id)).toContain(roundId);
    expect(open.map((r: { id: string }) => r.id)).not.toContain(closedRoundId);
    t.clock.now = new Date('2025-12-01T03:00:00Z');
    const early = (await as(t.app, null).get(`/api/public/rounds/${roundId}/nominees`)).json();
    expect(early).toMatchObject({
      open: false,
      message: 'Chưa đến thời gian công khai lấy ý kiến.',
      nominees: [],
    });
    t.clock.now = new Date('2025-12-10T03:00:00Z');
  });

  it('answers 404 for a missing round and 400 for a malformed id', async () => {
    expect(
      (await as(t.app, null).get('/api/public/rounds/00000000-0000-4000-8000-000000000000/nominees'))
        .statusCode,
    ).toBe(404);
    expect((await as(t.app, null).get('/api/public/rounds/abc/nominees')).statusCode).toBe(400);
  });
});

describe('honour board', () => {
  it('shows awardees and published stories of the unit and year, without identifiers or mass titles', async () => {
    const res = await as(t.app, null).get(`/api/public/honour-board?org=${tree.unitA.id}&year=2024`);
    expect(res.statusCode).toBe(200);
    const board = res.json();
    expect(board.organization).toEqual({ id: tree.unitA.id, name: tree.unitA.name });
    expect(board.years).toEqual([2024]);
    expect(
      board.awardees.map((a: { name: string; awardName: string }) => `${a.awardName}: ${a.name}`),
    ).toEqual([
      `Tập thể lao động xuất sắc: ${tree.khoaA.name}`,
      `Chiến sĩ thi đua cơ sở: Lê Thị Công Khai ${tag}`,
    ]);
    expect(board.awardees[1]).toMatchObject({
      unit: tree.khoaA.name,
      positionTitle: 'Điều dưỡng trưởng',
      decisionNumber: '05/QĐ-SYT',
    });
    expect(board.stories).toEqual([
      {
        title: 'Tận tụy với người bệnh',
        story: 'Chị luôn tận tụy.',
        subject: 'individual',
        name: `Lê Thị Công Khai ${tag}`,
        unit: tree.khoaA.name,
        positionTitle: 'Điều dưỡng trưởng',
        year: 2024,
      },
    ]);
    expectNoIdentifiers(res.body, [nominee.id, drafted.id]);
  });

  it('defaults to the latest year, and other units see nothing of unit A', async () => {
    const latest = (await as(t.app, null).get(`/api/public/honour-board?org=${tree.khoaA.id}`)).json();
    expect(latest.year).toBe(2024);
    const b = (await as(t.app, null).get(`/api/public/honour-board?org=${tree.unitB.id}`)).json();
    expect(b).toMatchObject({ year: null, years: [], awardees: [], stories: [] });
    const orgs = (await as(t.app, null).get('/api/public/organizations')).json();
    expect(orgs).toContainEqual({ id: tree.unitA.id, name: tree.unitA.name, level: 1 });
    expect(orgs.some((o: { id: string }) => o.id === tree.khoaA.id)).toBe(false);
  });
});

describe('public summary', () => {
  it('drops personal lines and masks identifiers wherever they appear', () => {
    const s = publicSummary(
      'Ngày sinh: 01/02/1990\nCông tác tốt, mã NV123, số 001090000001, sinh 1/2/1990.',
      { staffCode: 'NV123', personalId: null, birthDate: '1990-02-01' },
    );
    expect(s).toBe('Công tác tốt, mã …, số …, sinh ….');
    expect(publicSummary(null, { staffCode: null, personalId: null, birthDate: null })).toBeNull();
    const generated = publicSummary(
      'BÁO CÁO THÀNH TÍCH\nI. SƠ LƯỢC LÝ LỊCH\n- Họ và tên: A\n- Giới tính: Nữ\nII. THÀNH TÍCH ĐẠT ĐƯỢC\n1. Hoàn thành xuất sắc nhiệm vụ.',
      { staffCode: null, personalId: null, birthDate: null },
    );
    expect(generated).toBe('1. Hoàn thành xuất sắc nhiệm vụ.');
    const long = publicSummary('Câu một dài. '.repeat(100), {
      staffCode: null,
      personalId: null,
      birthDate: null,
    })!;
    expect(long.length).toBeLessThanOrEqual(610);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('exemplary stories (exemplar.manage)', () => {
  it('creates, publishes with a version check, lists in scope and deletes, with an audit trail', async () => {
    const api = as(t.app, tdkt);
    const created = await api.post('/api/exemplars', {
      personId: nominee.id,
      year: 2025,
      title: 'Người thầy thuốc tận tâm',
      story: 'Câu chuyện dài về sự tận tâm.',
    });
    expect(created.statusCode).toBe(201);
    const e = created.json();
    expect(e).toMatchObject({
      subject: 'individual',
      published: false,
      org: { id: tree.khoaA.id },
      version: 1,
    });
    const pub = await api.patch(`/api/exemplars/${e.id}`, { version: 1, published: true });
    expect(pub.statusCode).toBe(200);
    expect(pub.json()).toMatchObject({ published: true, version: 2 });
    expect(pub.json().publishedAt).not.toBeNull();
    expect((await api.patch(`/api/exemplars/${e.id}`, { version: 1, title: 'Cũ' })).statusCode).toBe(409);
    const board = (
      await as(t.app, null).get(`/api/public/honour-board?org=${tree.unitA.id}&year=2025`)
    ).json();
    expect(board.stories.map((s: { title: string }) => s.title)).toEqual(['Người thầy thuốc tận tâm']);
    const list = (await api.get(`/api/exemplars?orgId=${tree.unitA.id}&year=2025`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([e.id]);
    const audit = await t.database.pool.query(
      `select action from audit_log where entity_id = $1 order by seq`,
      [e.id],
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['exemplar.create', 'exemplar.update']);
    expect((await api.delete(`/api/exemplars/${e.id}`)).statusCode).toBe(204);
    expect((await api.get(`/api/exemplars/${e.id}`)).statusCode).toBe(404);
  });

  it('rejects a story about nobody or both, unknown fields, and people outside the scope', async () => {
    const head = await login(
      t.app,
      (await createUser(t.database, [{ role: 'tdkt', org: tree.unitB }])).username,
    );
    const api = as(t.app, head);
    const base = { year: 2025, title: 'Tiêu đề', story: 'Nội dung' };
    expect((await api.post('/api/exemplars', base)).statusCode).toBe(400);
    expect(
      (await api.post('/api/exemplars', { ...base, orgId: tree.khoaB.id, personId: nominee.id })).statusCode,
    ).toBe(400);
    expect((await api.post('/api/exemplars', { ...base, orgId: tree.khoaB.id, extra: 1 })).statusCode).toBe(
      400,
    );
    const outside = await api.post('/api/exemplars', { ...base, personId: nominee.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].message).toBe('Không tìm thấy cá nhân trong phạm vi quản lý.');
    expect((await api.post('/api/exemplars', { ...base, orgId: tree.khoaA.id })).statusCode).toBe(404);
    expect((await api.post('/api/exemplars', { ...base, orgId: tree.khoaB.id })).statusCode).toBe(201);
  });
});
