import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  as,
  createOrgTree,
  createTestApp,
  createUser,
  login,
  type OrgTree,
  type TestApp,
} from '../../../../test/helpers';
import { verifyAuditChain, writeAudit } from './audit';

const run = promisify(execFile);
let t: TestApp;
let tree: OrgTree;

beforeAll(async () => {
  t = await createTestApp();
  tree = await createOrgTree(t.database);
});
afterAll(async () => t.close());

const ctx = (requestId: string) => ({ actor: null, now: () => new Date(), requestId });

describe('hash-chained audit trail', () => {
  it('keeps one unbroken chain under concurrent writers', async () => {
    const before = await verifyAuditChain(t.database.db);
    expect(before.ok).toBe(true);
    const writers = Array.from({ length: 8 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 15; i++) {
          await t.database.db.transaction((tx) =>
            writeAudit(tx, ctx(`w${w}-${i}`), {
              action: 'test.append',
              entityType: 'test',
              entityId: `${w}-${i}`,
              after: { w, i, text: 'Nhật ký ổn định' },
            }),
          );
        }
      })(),
    );
    await Promise.all(writers);
    const after = await verifyAuditChain(t.database.db);
    expect(after.ok).toBe(true);
    expect(after.rows).toBeGreaterThanOrEqual(before.rows + 120);
    const seqs = await t.database.db.execute<{ n: number; max: number }>(
      sql`select count(*)::int as n, max(seq)::int as max from audit_log`,
    );
    expect(Number(seqs.rows[0]!.n)).toBe(Number(seqs.rows[0]!.max));
  });

  it('writes nothing when the business transaction rolls back', async () => {
    const head = (await verifyAuditChain(t.database.db)).head!;
    await expect(
      t.database.db.transaction(async (tx) => {
        await writeAudit(tx, ctx('rollback'), { action: 'test.rollback', entityType: 'test' });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    const res = await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'test.rollback'`,
    );
    expect(Number(res.rows[0]!.n)).toBe(0);
    expect((await verifyAuditChain(t.database.db)).head!.seq).toBeGreaterThanOrEqual(head.seq);
  });

  it('npm run audit:verify says OK, then names a row edited in SQL', async () => {
    const env = { ...process.env, DATABASE_URL: inject('databaseUrl') };
    const ok = await run('node', ['--import', 'tsx', 'scripts/audit-verify.ts'], { env });
    expect(ok.stdout).toContain('OK');
    const target = (
      await t.database.db.execute<{ seq: number; after: unknown }>(
        sql`select seq, after from audit_log where action = 'test.append' order by seq limit 1`,
      )
    ).rows[0]!;
    await t.database.db.execute(
      sql`update audit_log set after = '{"w":0,"i":0,"text":"đã sửa"}'::jsonb where seq = ${target.seq}`,
    );
    try {
      const bad = await run('node', ['--import', 'tsx', 'scripts/audit-verify.ts'], { env }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect((bad as { code: number }).code).toBe(1);
      expect((bad as { stderr: string }).stderr).toContain(`#${target.seq}`);
      expect((bad as { stderr: string }).stderr).toContain('edited');
    } finally {
      await t.database.db.execute(
        sql`update audit_log set after = ${JSON.stringify(target.after)}::jsonb where seq = ${target.seq}`,
      );
    }
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('scopes the audit viewer to the caller subtree', async () => {
    const tdkt = await login(
      t.app,
      (await createUser(t.database, [{ role: 'tdkt', org: tree.so }])).username,
    );
    const directorB = await login(
      t.app,
      (await createUser(t.database, [{ role: 'director', org: tree.unitB }])).username,
    );
    await as(t.app, tdkt).post('/api/organizations/events', {
      type: 'rename',
      orgId: tree.khoaA.id,
      name: 'Khoa Nội A (đổi tên)',
      effectiveOn: '2024-01-01',
    });
    const mine = await as(t.app, tdkt).get(`/api/audit?entityType=organization&entityId=${tree.khoaA.id}`);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().items[0]).toMatchObject({ action: 'organization.rename', orgId: tree.khoaA.id });
    const other = await as(t.app, directorB).get(
      `/api/audit?entityType=organization&entityId=${tree.khoaA.id}`,
    );
    expect(other.json().items).toHaveLength(0);
    expect((await as(t.app, directorB).get('/api/audit/verify')).statusCode).toBe(403);
  });
});
