/**
 * XLSX imports of this feature (indicator values, digital-skills completions): the file is read and
 * checked into an import batch (preview with the bad rows in Vietnamese, nothing written yet), then
 * committed in one transaction by the user who uploaded it.
 */
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';

export const MAX_IMPORT_ROWS = 20_000;

export interface RowError {
  row: number;
  column: string;
  message: string;
}

export async function saveBatch(
  db: Queryable,
  ctx: Ctx,
  input: { kind: string; fileName: string; rows: unknown[]; errors: RowError[]; summary: unknown },
): Promise<string> {
  const r = await db.execute<{ id: string }>(sql`
    insert into import_batches (kind, file_name, rows, errors, summary, created_by)
    values (${input.kind}, ${input.fileName}, ${JSON.stringify(input.rows)}::jsonb, ${JSON.stringify(input.errors)}::jsonb,
            ${JSON.stringify(input.summary)}::jsonb, ${ctx.actor!.userId})
    returning id`);
  return r.rows[0]!.id;
}

/** Locks a batch in preview; another user's batch (or a missing one) is a 404. */
export async function loadBatch<R>(db: Queryable, ctx: Ctx, kind: string, id: string) {
  const res = await db.execute<{
    id: string;
    status: string;
    created_by: string;
    rows: R[];
    errors: RowError[];
    file_name: string;
  }>(
    sql`select id, status, created_by, rows, errors, file_name from import_batches where id = ${id} and kind = ${kind} for update`,
  );
  const batch = res.rows[0];
  if (!batch || batch.created_by !== ctx.actor!.userId) throw notFound();
  if (batch.status !== 'preview') throw new AppError('INVALID_STATE', null, 'Tệp này đã được xử lý.');
  return batch;
}

export function refuseWithErrors(errors: RowError[]) {
  throw new AppError(
    'UNPROCESSABLE',
    null,
    `Tệp còn ${new Set(errors.map((e) => e.row)).size} dòng lỗi. Hãy sửa tệp và tải lên lại, hoặc chọn "Chỉ nhập các dòng hợp lệ".`,
  );
}

export async function markCommitted(db: Queryable, id: string, summary: unknown) {
  await db.execute(
    sql`update import_batches set status = 'committed', committed_at = now(), rows = '[]'::jsonb, summary = ${JSON.stringify(summary)}::jsonb where id = ${id}`,
  );
}

export async function markDiscarded(db: Queryable, id: string) {
  await db.execute(sql`update import_batches set status = 'discarded', rows = '[]'::jsonb where id = ${id}`);
}

/** A number typed in a cell: 95, "95", "95,5", "95.5 %". */
export function parseNumberCell(v: string | number | null): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = v.replace(/\s|%/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

export async function readUpload(request: {
  isMultipart(): boolean;
  file(): Promise<{ fieldname: string; filename: string; toBuffer(): Promise<Buffer> } | undefined>;
}): Promise<{ fileName: string; buffer: Buffer }> {
  if (!request.isMultipart())
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      null,
      'Hãy gửi tệp theo dạng multipart/form-data (trường "file").',
    );
  const file = await request.file();
  if (file?.fieldname !== 'file')
    throw new AppError('VALIDATION_FAILED', [{ field: 'file', message: 'Chưa chọn tệp.' }]);
  if (!/\.xlsx$/i.test(file.filename))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      null,
      'Chỉ nhận tệp Excel .xlsx (hãy lưu tệp .xls thành .xlsx).',
    );
  return { fileName: file.filename.normalize('NFC').slice(0, 200), buffer: await file.toBuffer() };
}
