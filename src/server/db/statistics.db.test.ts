import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, uniq } from '../../../test/helpers';
import { refreshStatistics, scheduleStatisticsRefresh } from './statistics';

describe('planner statistics (the embedded database has no autovacuum)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const estimate = async (table: string) => {
    const r = await t.database.db.execute<{ n: number }>(
      sql`select reltuples::int as n from pg_class where oid = ${table}::regclass`,
    );
    return Number(r.rows[0]!.n);
  };

  async function probeTable() {
    const table = uniq('stats_probe_');
    // never analysed by anyone else: autovacuum off for this table
    await t.database.db.execute(sql.raw(`create table ${table} (n int) with (autovacuum_enabled = false)`));
    await t.database.db.execute(sql.raw(`insert into ${table} select generate_series(1, 1234)`));
    return table;
  }

  it('ANALYZE gives the planner the real row counts', async () => {
    const table = await probeTable();
    expect(await estimate(table)).toBe(-1); // never analysed
    await refreshStatistics(t.database.db);
    expect(await estimate(table)).toBe(1234);
    await t.database.db.execute(sql.raw(`drop table ${table}`));
  });

  it('the schedule analyses at once and stops when asked', async () => {
    const table = await probeTable();
    const logged: string[] = [];
    const log = {
      info: (_: object, msg: string) => logged.push(msg),
      warn: (_: object, msg: string) => logged.push(msg),
    };
    const stop = scheduleStatisticsRefresh(t.database.db, log, 60_000);
    await expect.poll(() => logged.length, { timeout: 30_000 }).toBe(1);
    stop();
    expect(logged[0]).toContain('ANALYZE');
    expect(await estimate(table)).toBe(1234);
    await t.database.db.execute(sql.raw(`drop table ${table}`));
  });
});
