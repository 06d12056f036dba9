/** Rules catalog routes: every title and form with citation and flags; versions are immutable. */
import { sql } from 'drizzle-orm';
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
import { AWARD_CODES } from '../../../domain/commendation/codes';
import { awards, ratings } from '../../db/schema';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('rules catalog', () => {
  it('lists every title and form of law.md §1a–1b with citation, version and unconfirmed flags', async () => {
    const tree = await createOrgTree(t.database);
    const staff = await createUser(t.database, [{ role: 'staff', org: tree.khoaA }]);
    const res = await as(t.app, await login(t.app, staff.username)).get('/api/rules/catalog');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.rules.map((r: { code: string }) => r.code).sort()).toEqual([...AWARD_CODES].sort());
    for (const r of body.rules) {
      expect(r.citation).toMatch(/Điều|Luật|Nghị định/);
      expect(r.subjects.length).toBeGreaterThan(0);
      for (const s of r.subjects) expect(s.conditions.length).toBeGreaterThan(0);
    }
    expect(body.rules.some((r: { unconfirmed: boolean }) => r.unconfirmed)).toBe(true);
    expect(body.ruleSet.version).toBeGreaterThanOrEqual(1);
    expect(body.canManage).toBe(false);
    const cstd = body.rules.find((r: { code: string }) => r.code === 'CSTD_TINH');
    expect(cstd.name).toBe('Chiến sĩ thi đua cấp tỉnh');
    expect(
      cstd.subjects[0].conditions.map((c: { description: string }) => c.description).join(' '),
    ).toContain('Chiến sĩ thi đua cơ sở');
  });

  it('a threshold change creates version N+1; the base stays, and stored runs keep the version they used', async () => {
    const tree = await createOrgTree(t.database);
    const admin = await createUser(t.database, [{ role: 'admin', org: tree.so }]);
    const s = await login(t.app, admin.username);
    const api = as(t.app, s);
    const person = await createPerson(t.database, tree.khoaA);
    await t.database.db
      .insert(ratings)
      .values([2022, 2023, 2024].map((year) => ({ personId: person.id, year, rating: 'HTXSNV' })));
    await t.database.db
      .insert(awards)
      .values([2022, 2023, 2024].map((year) => ({ personId: person.id, awardCode: 'CSTDCS', year })));

    const before = (await api.get('/api/rules/versions')).json();
    const inForceBefore = before.items.find((v: { inForce: boolean }) => v.inForce);
    const run1 = await api.post('/api/eligibility/runs', {
      orgId: tree.khoaA.id,
      year: 2024,
      codes: ['CSTD_TINH'],
    });
    expect(run1.statusCode, run1.body).toBe(201);
    expect(run1.json().ruleSetVersion).toBe(inForceBefore.version);

    // CSTĐ cấp tỉnh: 3 → 4 consecutive CSTĐCS
    const bad = await api.post('/api/rules/versions', {
      effectiveFrom: '2024-01-01',
      note: 'Sai mã điều kiện',
      changes: [
        {
          op: 'setConditionParams',
          code: 'CSTD_TINH',
          subject: 'individual',
          conditionId: 'khong-co',
          params: { count: 4 },
        },
      ],
    });
    expect(bad.statusCode).toBe(400);
    // effective in the future, so that tests running meanwhile keep the shipped catalog in force
    const created = await api.post('/api/rules/versions', {
      effectiveFrom: '2099-01-01',
      note: 'Nâng số lần Chiến sĩ thi đua cơ sở liên tục lên 04',
      changes: [
        {
          op: 'setConditionParams',
          code: 'CSTD_TINH',
          subject: 'individual',
          conditionId: 'cstd-tinh.cstdcs-run',
          params: { count: 4 },
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json().version;
    expect(v).toBe(Math.max(...before.items.map((x: { version: number }) => x.version)) + 1);

    const catalog = (await api.get(`/api/rules/catalog?version=${v}`)).json();
    const run = catalog.rules
      .find((r: { code: string }) => r.code === 'CSTD_TINH')
      .subjects[0].conditions.find((c: { id: string }) => c.id === 'cstd-tinh.cstdcs-run');
    expect(run.params.count).toBe(4);
    expect(run.description).toContain('04');
    const old = (await api.get(`/api/rules/catalog?version=${inForceBefore.version}`)).json();
    expect(
      old.rules
        .find((r: { code: string }) => r.code === 'CSTD_TINH')
        .subjects[0].conditions.find((c: { id: string }) => c.id === 'cstd-tinh.cstdcs-run').params.count,
    ).toBe(3);

    // an evaluation under the new version fails the run of 3
    const verdict = (
      await api.get(`/api/eligibility/people/${person.id}?year=2024&codes=CSTD_TINH&version=${v}`)
    ).json();
    expect(verdict.ruleSetVersion).toBe(v);
    const cond = verdict.verdicts[0].conditions.find((c: { id: string }) => c.id === 'cstd-tinh.cstdcs-run');
    expect(cond.met).toBe(false);
    // the old run keeps its version
    const again = (await api.get(`/api/eligibility/runs/${run1.json().id}`)).json();
    expect(again.ruleSetVersion).toBe(inForceBefore.version);
    const row = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from rule_sets where version = ${v}`,
    );
    expect(row.rows[0]!.n).toBe(1);
    const versions = (await api.get('/api/rules/versions')).json();
    expect(versions.items.find((x: { version: number }) => x.version === v)).toMatchObject({
      basedOnVersion: inForceBefore.version,
      shipped: false,
      inForce: false,
    });
    await t.database.db.execute(sql`delete from rule_sets where version = ${v}`);
  });

  it('rules.manage is needed to create a version; base salaries are dated and never edited', async () => {
    const tree = await createOrgTree(t.database);
    const tdkt = await createUser(t.database, [{ role: 'tdkt', org: tree.so }]);
    const st = await login(t.app, tdkt.username);
    const denied = await as(t.app, st).post('/api/rules/versions', {
      effectiveFrom: '2026-01-01',
      note: 'Thử',
      changes: [{ op: 'setCoefficient', code: 'LDTT', subject: 'individual', value: '0.4' }],
    });
    expect(denied.statusCode).toBe(403);
    const list = (await as(t.app, st).get('/api/rules/base-salaries')).json();
    expect(list.items.find((i: { effectiveFrom: string }) => i.effectiveFrom === '2024-07-01').amount).toBe(
      2_340_000,
    );
    const admin = await createUser(t.database, [{ role: 'admin', org: tree.so }]);
    const sa = await login(t.app, admin.username);
    const dup = await as(t.app, sa).post('/api/rules/base-salaries', {
      effectiveFrom: '2024-07-01',
      amount: 2_500_000,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.message).toContain('2024-07-01');
  });

  it('a cap enabled in a new version limits a batch run (domain applyCaps), with the version recorded', async () => {
    const tree = await createOrgTree(t.database);
    const admin = await createUser(t.database, [{ role: 'admin', org: tree.so }]);
    const api = as(t.app, await login(t.app, admin.username));
    // 5 people with LĐTT standard met; 3 of them HTXSNV (CSTĐCS eligible)
    const people = [];
    for (let i = 0; i < 5; i++)
      people.push(await createPerson(t.database, tree.khoaA, { fullName: `Người thứ ${i + 1}` }));
    await t.database.db
      .insert(ratings)
      .values(people.map((p, i) => ({ personId: p.id, year: 2024, rating: i < 3 ? 'HTXSNV' : 'HTTNV' })));
    const created = await api.post('/api/rules/versions', {
      effectiveFrom: '2099-01-01',
      note: 'Bật tỷ lệ Chiến sĩ thi đua cơ sở không quá 40% số Lao động tiên tiến',
      changes: [
        {
          op: 'setCap',
          code: 'CSTDCS',
          subject: 'individual',
          value: {
            enabled: true,
            ratio: { num: 40, den: 100 },
            base: 'ldtt_holders',
            rounding: 'floor',
            minimum: 0,
          },
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json().version;
    const run = await api.post('/api/eligibility/runs', {
      orgId: tree.khoaA.id,
      year: 2024,
      codes: ['LDTT', 'CSTDCS'],
      version: v,
    });
    expect(run.statusCode, run.body).toBe(201);
    const r = run.json();
    expect(r.ruleSetVersion).toBe(v);
    // 40 % of 5 LĐTT = 2: two of the three eligible fall within the cap
    expect(r.counts.CSTDCS).toMatchObject({ eligible: 3, capLimit: 2, withinCap: 2, overCap: 1 });
    const detail = (await api.get(`/api/eligibility/runs/${r.id}?code=CSTDCS&status=eligible`)).json();
    expect(detail.results.items.filter((x: { withinCap: boolean }) => x.withinCap)).toHaveLength(2);
    await t.database.db.execute(sql`delete from rule_sets where version = ${v}`);
  });
});
