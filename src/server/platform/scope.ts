import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import { scopePaths } from './auth/actor';
import type { Ctx } from './context';

/**
 * SQL condition: `pathColumn` lies in one of the subtrees (path prefixes).
 * No subtree → FALSE, so a missing grant can never widen a query.
 */
export function pathInSubtrees(pathColumn: SQLWrapper, paths: string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return sql`(${sql.join(
    paths.map((p) => sql`${pathColumn} like ${`${p}%`}`),
    sql` or `,
  )})`;
}

/** The subtrees where the current actor holds `permission`. */
export function scopeOf(ctx: Ctx, permission: string): string[] {
  return scopePaths(ctx.actor, permission);
}
