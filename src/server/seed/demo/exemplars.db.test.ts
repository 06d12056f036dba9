import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrgTree, createPerson, createTestApp, type TestApp, uniq } from '../../../../test/helpers';
import { awards } from '../../db/schema';
import { systemCtx } from '../../platform/context';
import { createRandom } from '../random';
import { seedExemplars } from './exemplars';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('demo seed: exemplary stories', () => {
  it('writes one story per notable awardee, linked to the award, most of them published', async () => {
    const tree = await createOrgTree(t.database);
    const tag = uniq();
    const a = await createPerson(t.database, tree.khoaA, { fullName: `Hà Thị Gương ${tag}` });
    // a future year so these awards are the newest in the shared test database
    await t.database.db.insert(awards).values([
      { personId: a.id, awardCode: 'CSTDCS', year: 2099, unitOrgId: tree.khoaA.id, source: 'internal' },
      { personId: a.id, awardCode: 'LDTT', year: 2099, unitOrgId: tree.khoaA.id, source: 'internal' },
      { orgId: tree.khoaB.id, awardCode: 'TTLDXS', year: 2099, source: 'internal' },
    ]);
    const ctx = systemCtx({
      db: t.database.db,
      config: t.config,
      now: () => new Date('2100-01-15T00:00:00Z'),
    });
    await seedExemplars(ctx, {
      orgs: new Map(),
      accounts: new Map(),
      personIdsByOrg: new Map(),
      random: createRandom(7),
    });
    const rows = await t.database.db.execute<{
      person_id: string | null;
      subject_org_id: string | null;
      story: string;
      published: boolean;
      award_code: string;
    }>(sql`
      select e.person_id, e.subject_org_id, e.story, e.published, a.award_code
        from exemplars e join awards a on a.id = e.award_id
       where e.year = 2099 and e.org_id in (${tree.khoaA.id}, ${tree.khoaB.id})`);
    expect(rows.rows).toHaveLength(2);
    const person = rows.rows.find((r) => r.person_id === a.id)!;
    expect(person.award_code).toBe('CSTDCS');
    expect(person.story).toContain(`Hà Thị Gương ${tag}`);
    expect(person.story).toContain('danh hiệu “Chiến sĩ thi đua cơ sở” năm 2099');
    const collective = rows.rows.find((r) => r.subject_org_id === tree.khoaB.id)!;
    expect(collective.story).toContain(tree.khoaB.name);
    expect(rows.rows.every((r) => r.published)).toBe(true);
  });
});
