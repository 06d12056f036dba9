import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgTree, createTestApp, createUser, type TestApp } from '../../../../test/helpers';
import { insertOrg } from '../../modules/organizations/organizations.repo';
import { systemCtx } from '../../platform/context';
import { createRandom } from '../random';
import { seedReports } from './reports';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('demo seed: periodic reports', () => {
  it('leaves a mixed board on 01/12/2026 with reminders for the missing units', async () => {
    const tree = await createOrgTree(t.database);
    // four units, ordered by code: KSBT-B (on time), TTYT-A (the "donvi" unit: missing), ZZ-C (late), ZZ-D (missing)
    const c = await insertOrg(
      t.database.db,
      tree.so,
      {
        type: 'general_hospital',
        code: `ZZ-C-${tree.suffix}`,
        name: `Bệnh viện C ${tree.suffix}`,
        shortName: 'BVC',
        validFrom: '2020-01-01',
      },
      null,
    );
    const d = await insertOrg(
      t.database.db,
      tree.so,
      {
        type: 'general_hospital',
        code: `ZZ-D-${tree.suffix}`,
        name: `Bệnh viện D ${tree.suffix}`,
        shortName: 'BVD',
        validFrom: '2020-01-01',
      },
      null,
    );
    const tdkt = await createUser(t.database, [{ role: 'tdkt', org: tree.so }]);
    const ctx = systemCtx({
      db: t.database.db,
      config: t.config,
      now: () => new Date('2026-12-01T03:00:00Z'),
    });
    await seedReports(ctx, {
      orgs: new Map([
        ['SYT', tree.so],
        ['TTYT-DBP', tree.unitA],
      ]),
      accounts: new Map([['tdkt', { id: tdkt.id, personId: null }]]),
      personIdsByOrg: new Map(),
      random: createRandom(3),
    });
    const subs = await t.database.db.execute<{
      org_id: string;
      status: string;
      day: string | null;
      period_kind: string;
    }>(sql`
      select s.org_id, s.status, to_char(s.submitted_at, 'YYYY-MM-DD') as day, r.period_kind
      from report_submissions s join report_requests r on r.id = s.request_id
      where r.org_id = ${tree.so.id}`);
    const yearly = subs.rows.filter((s) => s.period_kind === 'year');
    const of = (id: string) => yearly.find((s) => s.org_id === id)!;
    expect(yearly).toHaveLength(4);
    expect(of(tree.unitB.id).status).toBe('submitted');
    expect(of(tree.unitB.id).day! <= '2026-11-15').toBe(true);
    expect(of(c.id).day! > '2026-11-15').toBe(true);
    expect(of(tree.unitA.id).status).toBe('draft');
    expect(of(d.id).status).toBe('draft');
    expect(subs.rows.filter((s) => s.period_kind === 'interim').every((s) => s.status === 'draft')).toBe(
      true,
    );

    const mails = await t.database.db.execute<{ org_id: string; recipients: string[]; subject: string }>(sql`
      select org_id, recipients, subject from mail_outbox where org_id in (${tree.unitA.id}, ${d.id}) order by org_id`);
    expect(mails.rows).toHaveLength(2);
    const toDonvi = mails.rows.find((m) => m.org_id === tree.unitA.id)!;
    expect(toDonvi.recipients).toEqual(['donvi@ttytdbp.dienbien.gov.vn']);
    expect(toDonvi.subject).toBe(
      'Nhắc hạn nộp báo cáo: Báo cáo kết quả thực hiện phong trào thi đua năm 2026',
    );
    const notes = await t.database.db.execute<{ n: number }>(sql`
      select count(*)::int as n from notifications n join users u on u.id = n.user_id where u.username = 'donvi'`);
    expect(notes.rows[0]!.n).toBe(1);
    const mine = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications where user_id = ${tdkt.id}`,
    );
    expect(mine.rows[0]!.n).toBe(2);
    const email = await t.database.db.execute<{ email: string }>(
      sql`select email from users where id = ${tdkt.id}`,
    );
    expect(email.rows[0]!.email).toMatch(/@syt\.dienbien\.gov\.vn$/);
  });
});
