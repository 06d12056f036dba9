import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from './client';

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../db/migrations',
);

/** Applies pending migrations (idempotent). Serialised by an advisory lock so two starting
 * processes on one PostgreSQL server cannot run them concurrently. */
export async function runMigrations(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7262020)`);
  });
  await migrate(db, { migrationsFolder });
}

/** The tag of the newest migration file and how many are applied in the database. */
export async function migrationStatus(
  db: Db,
): Promise<{ latest: string; applied: number; expected: number }> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: { tag: string }[];
  };
  const res = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return {
    latest: journal.entries[journal.entries.length - 1]?.tag ?? 'none',
    applied: Number(res.rows[0]?.n ?? 0),
    expected: journal.entries.length,
  };
}
