import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical';

/** The fields of an audit row covered by its hash. */
export interface AuditRecord {
  seq: number;
  at: string; // ISO 8601 UTC with milliseconds
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  orgId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** hash = SHA-256(prev_hash ‖ canonical JSON of the record) */
export function auditHash(prevHash: string, record: AuditRecord): string {
  const body = canonicalJson({
    seq: record.seq,
    at: new Date(record.at).toISOString(),
    actorId: record.actorId,
    actorName: record.actorName,
    action: record.action,
    entityType: record.entityType,
    entityId: record.entityId,
    orgId: record.orgId,
    before: record.before ?? null,
    after: record.after ?? null,
    requestId: record.requestId,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export type ChainProblem =
  | { seq: number; kind: 'edited'; message: string }
  | { seq: number; kind: 'missing'; message: string }
  | { seq: number; kind: 'relinked'; message: string };

/**
 * Checks a run of consecutive rows (ordered by seq) against the previous row's hash.
 * Returns the first problem, or null. Pure: the caller streams rows from the database.
 */
export function checkChainSegment(
  rows: (AuditRecord & { prevHash: string; hash: string })[],
  previous: { seq: number; hash: string } | null,
): ChainProblem | null {
  let prevSeq = previous?.seq ?? 0;
  let prevHash = previous?.hash ?? GENESIS_HASH;
  for (const row of rows) {
    if (row.seq !== prevSeq + 1) {
      return {
        seq: prevSeq + 1,
        kind: 'missing',
        message: `Thiếu bản ghi nhật ký số ${prevSeq + 1} (bị xóa) — bản ghi tiếp theo là số ${row.seq}.`,
      };
    }
    if (row.prevHash !== prevHash) {
      return {
        seq: row.seq,
        kind: 'relinked',
        message: `Bản ghi nhật ký số ${row.seq} không nối tiếp bản ghi số ${prevSeq} (chuỗi băm bị cắt).`,
      };
    }
    const expected = auditHash(prevHash, row);
    if (expected !== row.hash) {
      return { seq: row.seq, kind: 'edited', message: `Bản ghi nhật ký số ${row.seq} đã bị sửa đổi.` };
    }
    prevSeq = row.seq;
    prevHash = row.hash;
  }
  return null;
}
