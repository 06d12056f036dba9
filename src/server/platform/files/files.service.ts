import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Queryable } from '../../db/client';
import { files } from '../../db/schema';
import { AppError } from '../http/errors';
import { inspectZip } from './zip';

/** Evidence file kinds accepted in dossiers, decided by CONTENT (magic bytes), not by name. */
export const EVIDENCE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  png: { mime: 'image/png', extensions: ['png'], label: 'ảnh PNG' },
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'ảnh JPEG' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (.docx)',
  },
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export interface StoredFile {
  id: string;
  sha256: string;
  mime: string;
  size: number;
  originalName: string;
}

/**
 * Checks an upload and stores it: size limit, type sniffed from the bytes and consistent with the
 * file name's extension, DOCX containers inspected (zip bombs, zip slip). The stored name is a
 * server id; the client's name is kept only for display and downloads.
 */
export async function storeFile(
  db: Queryable,
  input: {
    bytes: Buffer;
    originalName: string;
    ownerOrgId: string | null;
    uploadedBy: string | null;
    allowed: EvidenceType[];
    maxBytes: number;
  },
): Promise<StoredFile> {
  if (input.bytes.length === 0)
    throw new AppError('VALIDATION_FAILED', [{ field: 'file', message: 'Tệp rỗng.' }]);
  if (input.bytes.length > input.maxBytes) throw new AppError('PAYLOAD_TOO_LARGE');
  const sniffed = await fileTypeFromBuffer(input.bytes);
  const kind = (
    Object.entries(EVIDENCE_TYPES) as [EvidenceType, (typeof EVIDENCE_TYPES)[EvidenceType]][]
  ).find(([k, v]) => input.allowed.includes(k) && sniffed?.mime === v.mime);
  const allowedLabels = input.allowed.map((k) => EVIDENCE_TYPES[k].label).join(', ');
  if (!kind)
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      null,
      `Định dạng tệp không được chấp nhận. Chỉ nhận: ${allowedLabels}.`,
    );
  const ext = input.originalName.toLowerCase().split('.').pop() ?? '';
  if (!(kind[1].extensions as readonly string[]).includes(ext)) {
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      null,
      `Phần mở rộng của tên tệp không khớp với nội dung (${kind[1].label}).`,
    );
  }
  if (kind[0] === 'docx')
    await inspectZip(input.bytes, { maxEntries: 2000, maxUncompressedBytes: 200 * 1024 * 1024 });
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const name = input.originalName
    .normalize('NFC')
    .replace(/[\\/]/g, '_')
    .replace(/\p{Cc}/gu, '_')
    .slice(0, 200);
  const [row] = await db
    .insert(files)
    .values({
      sha256,
      mime: kind[1].mime,
      size: input.bytes.length,
      originalName: name,
      content: input.bytes,
      ownerOrgId: input.ownerOrgId,
      uploadedBy: input.uploadedBy,
    })
    .returning({ id: files.id });
  return { id: row!.id, sha256, mime: kind[1].mime, size: input.bytes.length, originalName: name };
}

/** Stores bytes the server generated itself (DOCX/PDF of decisions, minutes …). */
export async function storeGenerated(
  db: Queryable,
  input: { bytes: Buffer; name: string; mime: string; ownerOrgId: string | null; createdBy: string | null },
): Promise<StoredFile> {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const [row] = await db
    .insert(files)
    .values({
      sha256,
      mime: input.mime,
      size: input.bytes.length,
      originalName: input.name,
      content: input.bytes,
      ownerOrgId: input.ownerOrgId,
      uploadedBy: input.createdBy,
    })
    .returning({ id: files.id });
  return { id: row!.id, sha256, mime: input.mime, size: input.bytes.length, originalName: input.name };
}

export async function loadFile(
  db: Queryable,
  id: string,
): Promise<(StoredFile & { content: Buffer; ownerOrgId: string | null }) | undefined> {
  const res = await db.execute<{
    id: string;
    sha256: string;
    mime: string;
    size: number;
    original_name: string;
    content: Buffer;
    owner_org_id: string | null;
  }>(sql`select id, sha256, mime, size, original_name, content, owner_org_id from files where id = ${id}`);
  const r = res.rows[0];
  if (!r) return undefined;
  return {
    id: r.id,
    sha256: r.sha256,
    mime: r.mime,
    size: r.size,
    originalName: r.original_name,
    content: r.content,
    ownerOrgId: r.owner_org_id,
  };
}
