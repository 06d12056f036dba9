import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Ctx } from '../context';
import { toJsonData } from './canonical';
import { type AuditRecord, auditHash, type ChainProblem, checkChainSegment, GENESIS_HASH } from './chain';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
}

const AUDIT_LOCK_KEY = 7262021;

/**
 * Appends one audit row in the caller's transaction. A transaction-scoped advisory lock
 * serialises writers, so the chain never forks; seq numbers have no gaps because they are
 * assigned under the lock (a rolled-back transaction leaves no row and no used number).
 */
export async function writeAudit(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'now' | 'requestId'>,
  entry: AuditEntry,
) {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const head = await tx.execute<{ seq: number; hash: string }>(
    sql`select seq, hash from audit_log order by seq desc limit 1`,
  );
  const prev = head.rows[0];
  const record: AuditRecord = {
    seq: (prev ? Number(prev.seq) : 0) + 1,
    at: ctx.now().toISOString(),
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor ? `${ctx.actor.displayName} (${ctx.actor.username})` : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    orgId: entry.orgId ?? null,
    before: toJsonData(entry.before ?? null),
    after: toJsonData(entry.after ?? null),
    requestId: ctx.requestId ?? null,
  };
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const hash = auditHash(prevHash, record);
  await tx.execute(sql`
    insert into audit_log (seq, at, actor_id, actor_name, action, entity_type, entity_id, org_id, org_path,
                           before, after, request_id, prev_hash, hash)
    values (${record.seq}, ${record.at}, ${record.actorId}, ${record.actorName}, ${record.action},
            ${record.entityType}, ${record.entityId}, ${record.orgId},
            (select path from organizations where id = ${record.orgId}),
            ${JSON.stringify(record.before)}::jsonb, ${JSON.stringify(record.after)}::jsonb,
            ${record.requestId}, ${prevHash}, ${hash})`);
  return record.seq;
}

export interface VerifyResult {
  ok: boolean;
  rows: number;
  head: { seq: number; hash: string } | null;
  problem: ChainProblem | null;
}

/** Streams the whole chain in batches and reports the first edited, removed or relinked row. */
export async function verifyAuditChain(db: Queryable, batchSize = 5000): Promise<VerifyResult> {
  let previous: { seq: number; hash: string } | null = null;
  let rows = 0;
  for (;;) {
    const after: number = previous?.seq ?? 0;
    const res: { rows: Record<string, unknown>[] } = await db.execute<Record<string, unknown>>(sql`
      select seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, actor_id, actor_name,
             action, entity_type, entity_id, org_id, before, after, request_id, prev_hash, hash
        from audit_log where seq > ${after} order by seq limit ${batchSize}`);
    if (res.rows.length === 0) break;
    const batch: (AuditRecord & { prevHash: string; hash: string })[] = res.rows.map((r) => ({
      seq: Number(r.seq),
      at: String(r.at),
      actorId: (r.actor_id as string | null) ?? null,
      actorName: (r.actor_name as string | null) ?? null,
      action: String(r.action),
      entityType: String(r.entity_type),
      entityId: (r.entity_id as string | null) ?? null,
      orgId: (r.org_id as string | null) ?? null,
      before: r.before ?? null,
      after: r.after ?? null,
      requestId: (r.request_id as string | null) ?? null,
      prevHash: String(r.prev_hash),
      hash: String(r.hash),
    }));
    // the first row of the chain must start at seq 1
    const problem = checkChainSegment(batch, previous);
    if (problem)
      return {
        ok: false,
        rows: rows + batch.findIndex((b) => b.seq >= problem.seq),
        head: previous,
        problem,
      };
    rows += batch.length;
    const last: { seq: number; hash: string } = batch[batch.length - 1]!;
    previous = { seq: last.seq, hash: last.hash };
  }
  return { ok: true, rows, head: previous, problem: null };
}
