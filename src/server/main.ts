import { buildApp } from './app';
import { loadConfig } from './config';
import { DataDirLockedError } from './db/data-dir-lock';
import { openDatabase } from './db/open';
import { scheduleStatisticsRefresh } from './db/statistics';
import { seedIfEmpty } from './seed/seed';

async function main() {
  const config = loadConfig();
  let opened: Awaited<ReturnType<typeof openDatabase>>;
  try {
    opened = await openDatabase(config);
  } catch (err) {
    if (err instanceof DataDirLockedError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await buildApp({ config, database: opened.database });
  if (config.demo) await seedIfEmpty({ db: opened.database.db, config, now: () => new Date() }, app.log);
  // the embedded database has no autovacuum: keep the planner's statistics fresh ourselves
  const stopStatistics =
    opened.database.mode === 'embedded' ? scheduleStatisticsRefresh(opened.database.db, app.log) : () => {};

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    try {
      stopStatistics();
      await app.close();
      await opened.close();
    } finally {
      clearTimeout(force);
      process.exit(0);
    }
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    `thidua đang chạy tại ${config.publicUrl} (cơ sở dữ liệu: ${opened.database.mode === 'embedded' ? `nhúng, ${config.dataDir}` : 'máy chủ PostgreSQL'})`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
