/**
 * The eligibility service against a real database: history loaded from the tables, person
 * history kept across a unit merger, collective history merged across lineage, single use of
 * initiatives.
 */
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
import { awards, initiativeAuthors, initiatives, ratings } from '../../db/schema';
import { evaluateSubject, markEvidenceUsed } from './eligibility.service';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function mergeInto(
  sourceId: string,
  targetId: string,
  effectiveOn: string,
  adminOrgId: { id: string; path: string } & Record<string, unknown>,
) {
  const admin = await createUser(t.database, [{ role: 'admin', org: adminOrgId as never }]);
  const s = await login(t.app, admin.username);
  const res = await as(t.app, s).post('/api/organizations/events', {
    type: 'merge',
    sourceIds: [sourceId],
    targetId,
    effectiveOn,
  });
  expect(res.statusCode, res.body).toBe(201);
}

describe('evaluateSubject', () => {
  it('CSTĐCS 2022–2024 whose unit merged in 2025: the 3-consecutive condition of CSTĐ cấp tỉnh is met, and fails without 2023', async () => {
    const tree = await createOrgTree(t.database);
    const person = await createPerson(t.database, tree.khoaA);
    const db = t.database.db;
    await db.insert(ratings).values(
      [2021, 2022, 2023, 2024].map((year) => ({
        personId: person.id,
        year,
        rating: 'HTXSNV',
        ratedByOrgId: tree.khoaA.id,
      })),
    );
    const inserted = await db
      .insert(awards)
      .values(
        [2022, 2023, 2024].map((year) => ({
          personId: person.id,
          awardCode: 'CSTDCS',
          year,
          unitOrgId: tree.khoaA.id,
          decisionNumber: `${year - 2000}/QĐ-TTYT`,
          source: 'import',
        })),
      )
      .returning();
    const [ini] = await db
      .insert(initiatives)
      .values({
        title: 'Quy trình sàng lọc sớm đột quỵ',
        orgId: tree.khoaA.id,
        year: 2023,
        scope: 'province',
        recognisedOn: '2023-11-20',
      })
      .returning();
    await db.insert(initiativeAuthors).values({ initiativeId: ini!.id, personId: person.id, share: '100' });
    // the khoa's unit merges into unit B in 2025
    await mergeInto(tree.unitA.id, tree.unitB.id, '2025-01-01', tree.so);

    const res = await evaluateSubject(db, { personId: person.id }, 2024, {
      awardCodes: ['CSTD_TINH'],
      asOf: '2025-03-01',
    });
    expect(res.ruleSetVersion).toBeGreaterThanOrEqual(1);
    const v = res.verdicts.find((x) => x.code === 'CSTD_TINH')!;
    const run = v.conditions.find((c) => c.id === 'cstd-tinh.cstdcs-run')!;
    expect(run.met).toBe(true);
    expect(run.facts.join(' ')).toContain('2022, 2023, 2024');
    expect(run.citation).toMatch(/Điều 22/);
    expect(v.status).toBe('eligible');
    expect(v.consumesInitiatives).toEqual([ini!.id]);

    // remove the 2023 title: the run fails, with that reason
    await db.execute(sql`delete from awards where id = ${inserted[1]!.id}`);
    const after = await evaluateSubject(db, { personId: person.id }, 2024, {
      awardCodes: ['CSTD_TINH'],
      asOf: '2025-03-01',
    });
    const v2 = after.verdicts[0]!;
    expect(v2.status).toBe('not_eligible');
    const run2 = v2.conditions.find((c) => c.id === 'cstd-tinh.cstdcs-run')!;
    expect(run2.met).toBe(false);
    expect(`${run2.facts.join(' ')} ${v2.summary}`).toContain('2023');
  });

  it('a collective keeps its predecessors’ ratings and awards after a merger', async () => {
    const tree = await createOrgTree(t.database);
    const db = t.database.db;
    // unit A: HTXSNV 2020–2022 and a Bằng khen tỉnh in 2021; merged into unit B from 2023
    await db
      .insert(ratings)
      .values([2020, 2021, 2022].map((year) => ({ orgId: tree.unitA.id, year, rating: 'HTXSNV' })));
    await db
      .insert(ratings)
      .values([2023, 2024].map((year) => ({ orgId: tree.unitB.id, year, rating: 'HTXSNV' })));
    await db.insert(awards).values([
      {
        orgId: tree.unitA.id,
        awardCode: 'BANG_KHEN_TINH',
        year: 2021,
        decisionNumber: '11/QĐ-UBND',
        source: 'external',
      },
      {
        orgId: tree.unitB.id,
        awardCode: 'BANG_KHEN_TINH',
        year: 2023,
        decisionNumber: '12/QĐ-UBND',
        source: 'external',
      },
    ]);
    const before = await evaluateSubject(db, { orgId: tree.unitB.id }, 2024, {
      awardCodes: ['BANG_KHEN_TTG'],
      asOf: '2025-03-01',
    });
    expect(before.verdicts[0]!.status).not.toBe('eligible');

    await mergeInto(tree.unitA.id, tree.unitB.id, '2023-01-01', tree.so);
    const res = await evaluateSubject(db, { orgId: tree.unitB.id }, 2024, {
      awardCodes: ['BANG_KHEN_TTG'],
      asOf: '2025-03-01',
    });
    const v = res.verdicts[0]!;
    expect(v.subject).toBe('collective');
    expect(v.nomineeId).toBe(tree.unitB.id);
    expect(v.status).toBe('eligible');
  });

  it('an initiative used by one CSTĐCS cannot support a second title; markEvidenceUsed refuses', async () => {
    const tree = await createOrgTree(t.database);
    const person = await createPerson(t.database, tree.khoaA);
    const db = t.database.db;
    await db
      .insert(ratings)
      .values([2022, 2023, 2024].map((year) => ({ personId: person.id, year, rating: 'HTTNV' })));
    await db
      .insert(awards)
      .values([2022, 2023].map((year) => ({ personId: person.id, awardCode: 'CSTDCS', year })));
    const [ini] = await db
      .insert(initiatives)
      .values({
        title: 'Phần mềm nhắc lịch tiêm chủng',
        orgId: tree.khoaA.id,
        year: 2024,
        scope: 'province',
        recognisedOn: '2024-10-01',
      })
      .returning();
    await db.insert(initiativeAuthors).values({ initiativeId: ini!.id, personId: person.id, share: '100' });

    const first = await evaluateSubject(db, { personId: person.id }, 2024, {
      awardCodes: ['CSTDCS'],
      asOf: '2025-01-15',
    });
    expect(first.verdicts[0]!.status).toBe('eligible');
    expect(first.verdicts[0]!.consumesInitiatives).toEqual([ini!.id]);

    // the CSTĐCS 2024 is conferred on the strength of the initiative
    await db.transaction(async (tx) => {
      await markEvidenceUsed(tx, {
        initiativeIds: [ini!.id],
        researchProjectIds: [],
        awardCode: 'CSTDCS',
        year: 2024,
        personId: person.id,
      });
      await tx.insert(awards).values({ personId: person.id, awardCode: 'CSTDCS', year: 2024 });
    });

    // CSTĐ cấp tỉnh 2024: 3 consecutive CSTĐCS, but the only initiative is already used
    const second = await evaluateSubject(db, { personId: person.id }, 2024, {
      awardCodes: ['CSTD_TINH'],
      asOf: '2025-01-15',
    });
    const v = second.verdicts[0]!;
    expect(v.conditions.find((c) => c.id === 'cstd-tinh.cstdcs-run')!.met).toBe(true);
    const evidence = v.conditions.find((c) => c.id === 'cstd-tinh.initiative')!;
    expect(evidence.met).toBe(false);
    expect(v.status).toBe('not_eligible');
    expect(JSON.stringify(evidence)).toContain('Phần mềm nhắc lịch tiêm chủng');

    await expect(
      db.transaction((tx) =>
        markEvidenceUsed(tx, {
          initiativeIds: [ini!.id],
          researchProjectIds: [],
          awardCode: 'CSTD_TINH',
          year: 2024,
        }),
      ),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('Phần mềm nhắc lịch tiêm chủng'),
    });
    const row = await db.execute<{ used_by_award_code: string }>(
      sql`select used_by_award_code from initiatives where id = ${ini!.id}`,
    );
    expect(row.rows[0]!.used_by_award_code).toBe('CSTDCS');
  });

  it('leading a khối thi đua (all score sheets final) meets the Cờ thi đua condition; the runner-up and an unfinished block do not', async () => {
    const tree = await createOrgTree(t.database);
    const db = t.database.db;
    const block = async (year: number, totals: [string, number, string][]) => {
      const g = await db.execute<{ id: string }>(sql`
        insert into emulation_groups (owner_org_id, kind, name, year, leader_count)
        values (${tree.so.id}, 'block', ${`Khối kiểm thử ${year}`}, ${year}, 1) returning id`);
      const groupId = g.rows[0]!.id;
      for (const [orgId, total, status] of totals) {
        await db.execute(
          sql`insert into emulation_group_members (group_id, org_id) values (${groupId}, ${orgId})`,
        );
        await db.execute(sql`insert into score_sheets (group_id, org_id, status, final_total)
                             values (${groupId}, ${orgId}, ${status}, ${status === 'final' ? total : null})`);
      }
    };
    await block(2024, [
      [tree.unitA.id, 96.5, 'final'],
      [tree.unitB.id, 91, 'final'],
    ]);
    await block(2023, [
      [tree.unitB.id, 99, 'final'],
      [tree.unitA.id, 80, 'appraised'], // not final: nobody leads this block yet
    ]);
    const leads = async (orgId: string, year: number) => {
      const res = await evaluateSubject(db, { orgId }, year, {
        awardCodes: ['CO_THI_DUA_TINH'],
        asOf: `${year + 1}-03-01`,
      });
      return res.verdicts[0]!.conditions.find((c) => c.id === 'co-tinh.leads')!;
    };
    const a = await leads(tree.unitA.id, 2024);
    expect(a.met).toBe(true);
    expect(a.facts.join(' ')).toContain('Khối kiểm thử 2024');
    expect((await leads(tree.unitB.id, 2024)).met).toBe(false);
    expect((await leads(tree.unitB.id, 2023)).met).toBe(false);
  });

  it('404 for a missing nominee, validation error for an unknown code', async () => {
    await expect(
      evaluateSubject(t.database.db, { personId: '00000000-0000-4000-8000-000000000000' }, 2024),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      evaluateSubject(t.database.db, { orgId: '00000000-0000-4000-8000-000000000000' }, 2024),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const tree = await createOrgTree(t.database);
    const person = await createPerson(t.database, tree.khoaA);
    await expect(
      evaluateSubject(t.database.db, { personId: person.id }, 2024, { awardCodes: ['XYZ'] }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});

describe('markEvidenceUsed under concurrency', () => {
  it('of 6 simultaneous uses of one initiative, exactly one succeeds and the others get 409', async () => {
    const tree = await createOrgTree(t.database);
    const person = await createPerson(t.database, tree.khoaA);
    const db = t.database.db;
    const [ini] = await db
      .insert(initiatives)
      .values({
        title: 'Sáng kiến dùng đồng thời',
        orgId: tree.khoaA.id,
        year: 2024,
        scope: 'unit',
        recognisedOn: '2024-05-01',
      })
      .returning();
    await db.insert(initiativeAuthors).values({ initiativeId: ini!.id, personId: person.id, share: '100' });
    const codes = ['CSTDCS', 'GIAY_KHEN', 'BANG_KHEN_TINH', 'CSTD_TINH', 'LDTT', 'BANG_KHEN_BO'];
    const results = await Promise.allSettled(
      codes.map((awardCode) =>
        db.transaction((tx) =>
          markEvidenceUsed(tx, {
            initiativeIds: [ini!.id],
            researchProjectIds: [],
            awardCode,
            year: 2024,
            personId: person.id,
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(5);
    for (const r of rejected) expect(r.reason).toMatchObject({ code: 'CONFLICT' });
    const row = await db.execute<{ used_by_award_code: string }>(
      sql`select used_by_award_code from initiatives where id = ${ini!.id}`,
    );
    const winner = codes[results.findIndex((r) => r.status === 'fulfilled')];
    expect(row.rows[0]!.used_by_award_code).toBe(winner);
  });
});
