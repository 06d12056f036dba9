/**
 * Generated official documents are immutable records (ARCHITECTURE.md convention 7): store the
 * bytes with their sha256, the template version and a canonical snapshot of the input.
 */
import { createHash } from 'node:crypto';
import { canonicalJson as canonicalize } from '../platform/audit/canonical';

export const MIME = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

/** Plain JSON data with every string (keys too) in NFC; Dates as ISO strings; undefined properties dropped. */
function normalise(value: unknown, path: string): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new TypeError(`Cannot snapshot a non-finite number at ${path || '(root)'}`);
    return value;
  }
  if (typeof value === 'boolean') return value;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new TypeError(`Cannot snapshot an invalid date at ${path || '(root)'}`);
    return value.toISOString();
  }
  if (Array.isArray(value)) return value.map((v, i) => normalise(v, `${path}[${i}]`));
  if (
    typeof value === 'object' &&
    (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k.normalize('NFC')] = normalise(v, path ? `${path}.${k}` : k);
    }
    return out;
  }
  throw new TypeError(
    `Cannot snapshot a ${typeof value === 'object' ? value.constructor?.name : typeof value} at ${path || '(root)'}`,
  );
}

/**
 * Stable canonical JSON: object keys sorted, no whitespace, strings in NFC (inputs that render the
 * same document give the same snapshot), Dates as ISO strings. Refuses values JSON would silently
 * change (NaN, Infinity, Map, class instances, bigint). Serialisation is the audit log's canonicalJson.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(normalise(value, ''));
}

export const sha256Hex = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

export interface SealInput {
  templateVersion: string;
  /** The data the document was rendered from (the model or the use-case input). */
  input: unknown;
  bytes: Buffer;
  mime: string;
}

export interface SealedDocument {
  /** Hex sha256 of the bytes. */
  sha256: string;
  templateVersion: string;
  /** canonicalJson(input). */
  inputSnapshot: string;
  size: number;
  mime: string;
}

export function sealDocument({ templateVersion, input, bytes, mime }: SealInput): SealedDocument {
  if (!templateVersion.trim()) throw new TypeError('sealDocument needs a templateVersion');
  if (bytes.length === 0) throw new TypeError('sealDocument got an empty document');
  return {
    sha256: sha256Hex(bytes),
    templateVersion,
    inputSnapshot: canonicalJson(input),
    size: bytes.length,
    mime,
  };
}

/** True when `bytes` are exactly the sealed document. */
export function matchesSeal(sealed: Pick<SealedDocument, 'sha256' | 'size'>, bytes: Buffer): boolean {
  return bytes.length === sealed.size && sha256Hex(bytes) === sealed.sha256;
}
