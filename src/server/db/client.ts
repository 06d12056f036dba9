import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = NodePgDatabase<Schema>;
/** A transaction handle has the same query API as the database handle. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Db | Tx;

// int8 (count(*), bigserial) as JS numbers — our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
// date columns stay 'YYYY-MM-DD' strings (no time-zone shifts).
pg.types.setTypeParser(1082, (v) => v);

export interface Database {
  db: Db;
  pool: pg.Pool;
  mode: 'embedded' | 'server';
  close(): Promise<void>;
}

export function connect(
  url: string,
  mode: 'embedded' | 'server',
  max = mode === 'embedded' ? 8 : 20,
): Database {
  const pool = new pg.Pool({ connectionString: url, max, idleTimeoutMillis: 30_000 });
  // Pool errors on idle clients (e.g. server restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzle(pool, { schema });
  return {
    db,
    pool,
    mode,
    async close() {
      await pool.end();
    },
  };
}
