import { sql } from 'drizzle-orm';
import type { Db } from './client';

/**
 * Planner statistics for the embedded database. PGlite runs no autovacuum, so without an explicit
 * ANALYZE every table looks empty to the planner and joins over the organisation subtree fall back
 * to nested loops (seconds instead of milliseconds on the demo data, and the single embedded
 * session is blocked meanwhile). A PostgreSQL server's autovacuum does this on its own.
 */
export async function refreshStatistics(db: Db): Promise<number> {
  const started = Date.now();
  await db.execute(sql`analyze`);
  return Date.now() - started;
}

/** ANALYZE now and then every `intervalMs` (timer unref'd: it never keeps the process alive). */
export function scheduleStatisticsRefresh(
  db: Db,
  log: { info: (obj: object, msg: string) => void; warn: (obj: object, msg: string) => void },
  intervalMs = 6 * 60 * 60 * 1000,
): () => void {
  const run = () =>
    refreshStatistics(db).then(
      (ms) => log.info({ ms }, 'planner statistics refreshed (ANALYZE)'),
      (err: unknown) => log.warn({ err }, 'ANALYZE failed'),
    );
  const first = run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  void first;
  return () => clearInterval(timer);
}
