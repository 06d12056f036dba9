import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import { connect, type Database } from './client';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock';
import { startEmbeddedDatabase } from './embedded';
import { runMigrations } from './migrate';

export interface OpenedDatabase {
  database: Database;
  /** closes the pool, and stops the embedded database and releases the lock if we own them */
  close(): Promise<void>;
}

const endpointFile = (dataDir: string) => path.join(dataDir, 'embedded-endpoint.json');

/**
 * Opens the application database:
 *  - DATABASE_URL set → that PostgreSQL server;
 *  - otherwise the embedded PGlite in DATA_DIR/pg, with an exclusive lock on DATA_DIR.
 * With `attach: true` (command-line tools), a DATA_DIR already served by a running thidua is
 * reached through that instance's local socket instead of failing on the lock.
 * Migrations are applied unless `migrate: false`.
 */
export async function openDatabase(
  config: Config,
  opts: { attach?: boolean; migrate?: boolean } = {},
): Promise<OpenedDatabase> {
  if (config.databaseUrl) {
    const database = connect(config.databaseUrl, 'server');
    if (opts.migrate !== false) await runMigrations(database.db);
    return { database, close: () => database.close() };
  }

  let lock: ReturnType<typeof acquireDataDirLock>;
  try {
    lock = acquireDataDirLock(config.dataDir);
  } catch (err) {
    if (err instanceof DataDirLockedError && opts.attach) {
      const endpoint = JSON.parse(fs.readFileSync(endpointFile(config.dataDir), 'utf8')) as {
        pid: number;
        url: string;
      };
      if (endpoint.pid !== err.ownerPid) throw err;
      const database = connect(endpoint.url, 'embedded', 2);
      return { database, close: () => database.close() };
    }
    throw err;
  }
  try {
    const embedded = await startEmbeddedDatabase(path.join(config.dataDir, 'pg'));
    fs.writeFileSync(endpointFile(config.dataDir), JSON.stringify({ pid: process.pid, url: embedded.url }));
    const database = connect(embedded.url, 'embedded');
    if (opts.migrate !== false) await runMigrations(database.db);
    return {
      database,
      async close() {
        await database.close();
        await embedded.stop();
        fs.rmSync(endpointFile(config.dataDir), { force: true });
        lock.release();
      },
    };
  } catch (err) {
    lock.release();
    throw err;
  }
}
