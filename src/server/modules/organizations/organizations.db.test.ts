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

let t: TestApp;
let tree: OrgTree;
let tdkt: Session;
let headA: Session;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
  tdkt = await login(t.app, (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username);
  headA = await login(
    t.app,
    (await createUser(t.database, [{ role: 'dept_head', org: tree.unitA }])).username,
  );
});
afterAll(async () => t.close());

const newUnit = (name: string) => ({
  parentId: tree.so.id,
  type: 'medical_center',
  code: uniq('TTYT-'),
  name,
  shortName: 'TTYT',
});
const create = async (name: string) => {
  const res = await as(t.app, tdkt).post('/api/organizations/events', {
    type: 'create',
    org: newUnit(name),
    effectiveOn: '2020-01-01',
  });
  expect(res.statusCode).toBe(201);
  return res.json().organizationIds[0] as string;
};

describe('organisation tree and scope', () => {
  it('lists only the caller subtree and hides other units like missing ones', async () => {
    const list = await as(t.app, headA).get('/api/organizations');
    const ids = list.json().items.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([tree.unitA.id, tree.khoaA.id]));
    expect(ids).not.toContain(tree.unitB.id);
    expect(ids).not.toContain(tree.so.id);
    expect((await as(t.app, headA).get(`/api/organizations/${tree.unitB.id}`)).statusCode).toBe(404);
    // a dept head cannot change the tree
    expect(
      (
        await as(t.app, headA).post('/api/organizations/events', {
          type: 'dissolve',
          orgId: tree.khoaA.id,
          effectiveOn: '2024-01-01',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('refuses a khoa directly under the Sở, future dates and duplicate codes, in Vietnamese', async () => {
    const bad = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'create',
      org: {
        parentId: tree.so.id,
        type: 'clinical_department',
        code: uniq('K'),
        name: 'Khoa lạc chỗ',
        shortName: 'KLC',
      },
      effectiveOn: '2024-01-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].message).toContain('không thể trực thuộc');
    const future = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'create',
      org: newUnit('Tương lai'),
      effectiveOn: '2999-01-01',
    });
    expect(future.statusCode).toBe(400);
    const dup = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'create',
      org: { ...newUnit('Trùng mã'), code: tree.unitA.code },
      effectiveOn: '2024-01-01',
    });
    expect(dup.statusCode).toBe(409);
  });
});

describe('organisation events and lineage', () => {
  it('renames with a name history and the deciding document', async () => {
    const id = await create('Trung tâm Y tế huyện Cũ');
    const res = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'rename',
      orgId: id,
      name: 'Trung tâm Y tế khu vực Mới',
      effectiveOn: '2025-07-01',
      documentNumber: '12/QĐ-UBND',
      documentDate: '2025-06-20',
    });
    expect(res.statusCode).toBe(201);
    const d = (await as(t.app, tdkt).get(`/api/organizations/${id}`)).json();
    expect(d.name).toBe('Trung tâm Y tế khu vực Mới');
    expect(d.names).toEqual([
      expect.objectContaining({ name: 'Trung tâm Y tế huyện Cũ', validTo: '2025-06-30' }),
      expect.objectContaining({ name: 'Trung tâm Y tế khu vực Mới', validFrom: '2025-07-01', validTo: null }),
    ]);
    expect(d.events.at(-1)).toMatchObject({
      type: 'rename',
      documentNumber: '12/QĐ-UBND',
      effectiveOn: '2025-07-01',
    });
  });

  it('merges A into B: children, staff and lineage follow, the history shows it', async () => {
    const a = await create('Trung tâm Y tế A sáp nhập');
    const b = await create('Trung tâm Y tế B nhận');
    const khoa = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'create',
      org: { parentId: a, type: 'clinical_department', code: uniq('K-'), name: 'Khoa Nội', shortName: 'KN' },
      effectiveOn: '2020-01-01',
    });
    const khoaId = khoa.json().organizationIds[0];
    const unitA = (
      await t.database.db.execute<{ path: string }>(sql`select * from organizations where id = ${a}`)
    ).rows[0] as never;
    const person = await createPerson(t.database, unitA, { fullName: 'Bạc Cầm Thu' });
    const res = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'merge',
      sourceIds: [a],
      targetId: b,
      effectiveOn: '2025-07-01',
      documentNumber: '99/QĐ-UBND',
    });
    expect(res.statusCode).toBe(201);
    const da = (await as(t.app, tdkt).get(`/api/organizations/${a}`)).json();
    expect(da).toMatchObject({ status: 'merged', validTo: '2025-06-30' });
    expect(da.successors.map((s: { id: string }) => s.id)).toEqual([b]);
    const db = (await as(t.app, tdkt).get(`/api/organizations/${b}`)).json();
    expect(db.predecessors.map((p: { id: string }) => p.id)).toEqual([a]);
    expect(db.events.at(-1).description).toContain('Sáp nhập');
    expect((await as(t.app, tdkt).get(`/api/organizations/${khoaId}`)).json().parentId).toBe(b);
    const staff = (await as(t.app, tdkt).get(`/api/staff/${person.id}`)).json();
    expect(staff.org.id).toBe(b);
    const lin = (await as(t.app, tdkt).get(`/api/organizations/${a}/lineage?on=2025-06-30`)).json();
    expect(lin.successorsOn.organizations.map((o: { id: string }) => o.id)).toEqual([a]);
    const lin2 = (await as(t.app, tdkt).get(`/api/organizations/${a}/lineage?on=2025-07-01`)).json();
    expect(lin2.successorsOn.organizations.map((o: { id: string }) => o.id)).toEqual([b]);
  });

  it('merges A and B into a new C, and C split later keeps every predecessor', async () => {
    const a = await create('TTYT hợp nhất A');
    const b = await create('TTYT hợp nhất B');
    const res = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'merge',
      sourceIds: [a, b],
      newOrg: newUnit('TTYT hợp nhất C'),
      effectiveOn: '2025-01-01',
    });
    const c = res.json().organizationIds[0];
    const split = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'split',
      sourceId: c,
      newOrgs: [newUnit('TTYT tách D'), newUnit('TTYT tách E')],
      keepSource: false,
      effectiveOn: '2025-09-01',
    });
    expect(split.statusCode).toBe(201);
    const d = split.json().organizationIds[1];
    const pred = (await as(t.app, tdkt).get(`/api/organizations/${d}/lineage`))
      .json()
      .predecessors.map((p: { id: string }) => p.id);
    expect(pred.sort()).toEqual([a, b, c].sort());
    const onDate = (await as(t.app, tdkt).get(`/api/organizations/${a}/lineage?on=2025-10-01`)).json()
      .successorsOn.organizations;
    expect(onDate).toHaveLength(2);
  });

  it('moves a subtree and refuses cycles; dissolves only empty units', async () => {
    const a = await create('TTYT di chuyển');
    const khoa = (
      await as(t.app, tdkt).post('/api/organizations/events', {
        type: 'create',
        org: {
          parentId: a,
          type: 'clinical_department',
          code: uniq('K-'),
          name: 'Khoa Dược',
          shortName: 'KD',
        },
        effectiveOn: '2020-01-01',
      })
    ).json().organizationIds[0];
    const move = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'move',
      orgId: khoa,
      newParentId: tree.unitA.id,
      effectiveOn: '2024-01-01',
    });
    expect(move.statusCode).toBe(201);
    const moved = (await as(t.app, tdkt).get(`/api/organizations/${khoa}`)).json();
    expect(moved.path.startsWith(tree.unitA.path)).toBe(true);
    const cycle = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'move',
      orgId: tree.unitA.id,
      newParentId: tree.khoaA.id,
      effectiveOn: '2024-01-01',
    });
    expect(cycle.statusCode).toBe(400);
    const busy = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'dissolve',
      orgId: tree.unitA.id,
      effectiveOn: '2024-01-01',
    });
    expect(busy.statusCode).toBe(400);
    const ok = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'dissolve',
      orgId: a,
      effectiveOn: '2024-06-01',
    });
    expect(ok.statusCode).toBe(201);
  });

  it('rolls the whole event back on failure (nothing half-written)', async () => {
    const a = await create('TTYT nguyên vẹn');
    const before = await t.database.db.execute(sql`select count(*)::int as n from org_events`);
    // target is a child of the source: refused after the source was loaded
    const child = (
      await as(t.app, tdkt).post('/api/organizations/events', {
        type: 'create',
        org: {
          parentId: a,
          type: 'clinical_department',
          code: uniq('K-'),
          name: 'Khoa con',
          shortName: 'KC',
        },
        effectiveOn: '2020-01-01',
      })
    ).json().organizationIds[0];
    const res = await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'merge',
      sourceIds: [a],
      targetId: child,
      effectiveOn: '2025-01-01',
    });
    expect(res.statusCode).toBe(400);
    const after = await t.database.db.execute(sql`select count(*)::int as n from org_events`);
    expect(Number(after.rows[0]!.n)).toBe(Number(before.rows[0]!.n) + 1);
    expect((await as(t.app, tdkt).get(`/api/organizations/${a}`)).json().status).toBe('active');
  });
});
