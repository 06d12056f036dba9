import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { connect } from '../src/server/db/client';
import { startEmbeddedDatabase } from '../src/server/db/embedded';
import { runMigrations } from '../src/server/db/migrate';

/**
 * Starts the database for the route/integration tests, once per run:
 *  - TEST_DB_ENGINE=pglite (default): embedded PGlite in a worker thread behind pglite-socket,
 *    exactly as `npm start` runs it (in memory);
 *  - TEST_DB_ENGINE=postgres: a fresh database on the PostgreSQL server in TEST_DATABASE_URL
 *    (scripts/test-all.sh starts a throwaway PostgreSQL 15 and sets it).
 * Migrations are applied here; test files share the database and isolate themselves by
 * building their own organisation subtree.
 */
export default async function setup(project: TestProject) {
  const engine = process.env.TEST_DB_ENGINE ?? 'pglite';
  let url: string;
  let teardown: () => Promise<void>;
  if (engine === 'postgres') {
    const serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) throw new Error('TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL (see scripts/test-all.sh)');
    const name = `thidua_test_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    url = u.toString();
    teardown = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else if (engine === 'pglite') {
    const embedded = await startEmbeddedDatabase(null, 40);
    url = embedded.url;
    teardown = () => embedded.stop();
  } else {
    throw new Error(`Unknown TEST_DB_ENGINE ${engine}`);
  }
  const database = connect(url, engine === 'postgres' ? 'server' : 'embedded', 2);
  await runMigrations(database.db);
  await database.close();
  project.provide('databaseUrl', url);
  project.provide('databaseEngine', engine);
  return teardown;
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseEngine: string;
  }
}
