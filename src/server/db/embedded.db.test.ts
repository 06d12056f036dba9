import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../config';
import { DataDirLockedError } from './data-dir-lock';
import { openDatabase } from './open';

const run = promisify(execFile);

describe('embedded database', () => {
  it('keeps concurrent connections apart (extended protocol batches never interleave)', async () => {
    const pools = [0, 1, 2].map(() => new pg.Pool({ connectionString: inject('databaseUrl'), max: 4 }));
    try {
      const jobs = pools.flatMap((pool, p) =>
        Array.from({ length: 60 }, (_, i) =>
          pool
            .query<{ a: number; b: string }>('select $1::int as a, $2::text as b', [
              p * 1000 + i,
              `Đợt ${p}-${i}`,
            ])
            .then((r) => {
              expect(r.rows[0]).toEqual({ a: p * 1000 + i, b: `Đợt ${p}-${i}` });
            }),
        ),
      );
      await Promise.all(jobs);
    } finally {
      await Promise.all(pools.map((p) => p.end()));
    }
  });

  it('refuses a second instance on the same data directory with a clear message', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-lock-'));
    const config = { ...loadConfig({}), dataDir, databaseUrl: null };
    const first = await openDatabase(config);
    try {
      await expect(openDatabase(config)).rejects.toBeInstanceOf(DataDirLockedError);
      // a whole second server process exits with code 2 and says why, in Vietnamese and English
      const second = await run('node', ['--import', 'tsx', 'src/server/main.ts'], {
        env: { ...process.env, DATA_DIR: dataDir, PORT: '0', DATABASE_URL: '', THIDUA_DEMO: 'false' },
      }).catch((e: { code: number; stderr: string }) => e);
      expect((second as { code: number }).code).toBe(2);
      expect((second as { stderr: string }).stderr).toContain('đang được một tiến trình thidua khác sử dụng');
      expect((second as { stderr: string }).stderr).toContain(`PID ${process.pid}`);
    } finally {
      await first.close();
    }
    // after a clean close the directory can be opened again and keeps its data
    const again = await openDatabase(config);
    const res = await again.database.pool.query(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    expect(res.rows[0].n).toBeGreaterThan(0);
    await again.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
