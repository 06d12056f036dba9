/**
 * Số, ký hiệu of administrative documents (Nghị định 30/2020/NĐ-CP, law.md §2):
 * "Số: 05/QĐ-SYT" — the sequence (padded to two digits below 10), "/", the kind abbreviation,
 * "-", the issuer's abbreviation. A công văn has no kind abbreviation: "Số: 123/SYT-NVY".
 * Sequences are unique per issuer and calendar year (allocation lives in the decisions module).
 */

export interface DocumentKind {
  abbr: string;
  name: string;
}

/** Kind abbreviations of NĐ 30/2020 Phụ lục III (công văn has none). */
export const DOCUMENT_KINDS: readonly DocumentKind[] = Object.freeze([
  { abbr: 'NQ', name: 'Nghị quyết' },
  { abbr: 'QĐ', name: 'Quyết định' },
  { abbr: 'CT', name: 'Chỉ thị' },
  { abbr: 'QC', name: 'Quy chế' },
  { abbr: 'QyĐ', name: 'Quy định' },
  { abbr: 'TC', name: 'Thông cáo' },
  { abbr: 'TB', name: 'Thông báo' },
  { abbr: 'HD', name: 'Hướng dẫn' },
  { abbr: 'CTr', name: 'Chương trình' },
  { abbr: 'KH', name: 'Kế hoạch' },
  { abbr: 'PA', name: 'Phương án' },
  { abbr: 'ĐA', name: 'Đề án' },
  { abbr: 'DA', name: 'Dự án' },
  { abbr: 'BC', name: 'Báo cáo' },
  { abbr: 'BB', name: 'Biên bản' },
  { abbr: 'TTr', name: 'Tờ trình' },
  { abbr: 'HĐ', name: 'Hợp đồng' },
  { abbr: 'CĐ', name: 'Công điện' },
  { abbr: 'BGN', name: 'Bản ghi nhớ' },
  { abbr: 'BTT', name: 'Bản thỏa thuận' },
  { abbr: 'GUQ', name: 'Giấy ủy quyền' },
  { abbr: 'GM', name: 'Giấy mời' },
  { abbr: 'GGT', name: 'Giấy giới thiệu' },
  { abbr: 'GNP', name: 'Giấy nghỉ phép' },
  { abbr: 'PG', name: 'Phiếu gửi' },
  { abbr: 'PC', name: 'Phiếu chuyển' },
  { abbr: 'PB', name: 'Phiếu báo' },
  { abbr: 'SY', name: 'Bản sao y' },
  { abbr: 'TrS', name: 'Bản trích sao' },
  { abbr: 'SL', name: 'Bản sao lục' },
]);

const KIND_BY_ABBR = new Map(DOCUMENT_KINDS.map((k) => [k.abbr, k]));

export function documentKind(abbr: string): DocumentKind | undefined {
  return KIND_BY_ABBR.get(abbr.normalize('NFC'));
}

export interface DocumentNumber {
  sequence: number;
  /** null for a công văn. */
  kindAbbr: string | null;
  /** Issuer (and, for a công văn, drafting unit) abbreviation, e.g. "SYT", "SYT-NVY", "HĐTĐKT". */
  issuerShort: string;
}

const SYMBOL_PART = /^[\p{Lu}\p{Ll}\d]+$/u;

export class DocumentNumberError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentNumberError';
  }
}

/**
 * "05/QĐ-SYT" (or "Số: 05/QĐ-SYT" with `withLabel`). Throws DocumentNumberError on a
 * non-positive sequence, an unknown kind or an empty/malformed issuer.
 */
export function formatDocumentNumber(n: DocumentNumber, options: { withLabel?: boolean } = {}): string {
  if (!Number.isSafeInteger(n.sequence) || n.sequence < 1) {
    throw new DocumentNumberError(`Số văn bản phải là số nguyên dương: ${n.sequence}`);
  }
  const issuer = n.issuerShort.normalize('NFC').trim();
  if (issuer === '' || !issuer.split('-').every((p) => SYMBOL_PART.test(p))) {
    throw new DocumentNumberError(`Ký hiệu cơ quan ban hành không hợp lệ: ${JSON.stringify(n.issuerShort)}`);
  }
  let kind: string | null = null;
  if (n.kindAbbr !== null) {
    const k = documentKind(n.kindAbbr);
    if (!k) throw new DocumentNumberError(`Không có tên loại văn bản viết tắt ${JSON.stringify(n.kindAbbr)}`);
    kind = k.abbr;
  }
  const seq = String(n.sequence).padStart(2, '0');
  const text = kind ? `${seq}/${kind}-${issuer}` : `${seq}/${issuer}`;
  return options.withLabel ? `Số: ${text}` : text;
}

/**
 * Parses "Số: 05/QĐ-SYT", "05/QĐ-SYT", "123/SYT-NVY" (công văn). The first symbol group is the
 * kind when it is a known kind abbreviation and more groups follow; otherwise the whole symbol is
 * the issuer (công văn). Returns null when the text is not a document number.
 */
export function parseDocumentNumber(text: string): DocumentNumber | null {
  const s = text.normalize('NFC').trim();
  const m = /^(?:Số\s*:?\s*)?(\d+)\s*\/\s*(\S+)$/u.exec(s);
  if (!m) return null;
  const sequence = Number(m[1]);
  if (!Number.isSafeInteger(sequence) || sequence < 1) return null;
  const parts = m[2]!.split('-');
  if (!parts.every((p) => SYMBOL_PART.test(p))) return null;
  if (parts.length >= 2 && KIND_BY_ABBR.has(parts[0]!)) {
    return { sequence, kindAbbr: parts[0]!, issuerShort: parts.slice(1).join('-') };
  }
  return { sequence, kindAbbr: null, issuerShort: parts.join('-') };
}
