/**
 * The format-independent model of an official administrative document (văn bản hành chính) laid
 * out by NĐ 30/2020/NĐ-CP. The DOCX and PDF renderers both take this model, so a decision, a plan,
 * a submission or the council minutes are built once and rendered in either format.
 *
 * All text is Vietnamese with full diacritics; renderers normalise it to NFC.
 */

/** Signature modes of NĐ 30 Điều 13: deputy (KT.), collective (TM.), acting (Q.), by order (TL.), authorised (TUQ.). */
export type SignatureMode = 'KT.' | 'TM.' | 'Q.' | 'TL.' | 'TUQ.';

export interface Signature {
  mode?: SignatureMode;
  /** Whom the signer signs for, after the mode: "GIÁM ĐỐC" after KT., "HỘI ĐỒNG" after TM. */
  onBehalfOf?: string;
  /** The signer's own title: "PHÓ GIÁM ĐỐC", "CHỦ TỊCH". */
  title: string;
  /** Full name, printed bold under the signing space. */
  name: string;
}

export interface Issuer {
  /** Tên cơ quan chủ quản trực tiếp, e.g. "UBND TỈNH ĐIỆN BIÊN" (omitted for top-level bodies). */
  parentName?: string;
  /** Tên cơ quan ban hành, e.g. "SỞ Y TẾ". */
  name: string;
}

export type CellValue = string | number | null;
export type ColumnAlign = 'left' | 'center' | 'right';

export interface TableColumn {
  header: string;
  /** Relative width (any positive unit; the renderer scales the columns to the text width). */
  width: number;
  /** Alignment of body cells; headers are always centred. Default: left for text, right for numbers. */
  align?: ColumnAlign;
}

export interface TableSpec {
  columns: TableColumn[];
  rows: CellValue[][];
  /** Optional bold totals row ("Tổng cộng"), same length as `columns`. */
  totals?: CellValue[];
}

export type Block =
  /** Level 1 is numbered "I.", "II." (bold capitals); level 2 "1.", "2." (bold); level 3 "a)", "b)" (italic). */
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  /** A body paragraph; `lead` is a bold lead-in such as "Điều 1.". */
  | {
      kind: 'paragraph';
      text: string;
      lead?: string;
      bold?: boolean;
      italic?: boolean;
      align?: 'justify' | ColumnAlign;
      /** No first-line indent (e.g. a centred "QUYẾT ĐỊNH:"). Default: indented when justified. */
      noIndent?: boolean;
    }
  /** A "- " list. */
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; table: TableSpec };

export interface Annex {
  /** Optional label above the title, e.g. "Phụ lục I". */
  label?: string;
  /** e.g. "DANH SÁCH CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN". */
  title: string;
  /** e.g. "(Kèm theo Quyết định số 05/QĐ-SYT ngày 05/02/2026 của Giám đốc Sở Y tế)". Default: a "Kèm theo" line. */
  subtitle?: string;
  table: TableSpec;
  /** Wide tables may take a landscape page (NĐ 30 allows it for tables). */
  landscape?: boolean;
}

export interface OfficialDocument {
  /** Version of the template that produced the document, recorded with the sealed output. */
  templateVersion: string;
  issuer: Issuer;
  /** Number and symbol, e.g. "05/QĐ-SYT"; printed as "Số: 05/QĐ-SYT". */
  documentNumber: string;
  /** Địa danh, e.g. "Điện Biên". */
  place: string;
  /** Issue date, ISO 'YYYY-MM-DD'. */
  date: string;
  /**
   * Tên loại: "QUYẾT ĐỊNH", "KẾ HOẠCH", "TỜ TRÌNH", "BIÊN BẢN". Empty for a công văn, whose subject
   * is then printed as "V/v …" under the number instead of a centred title.
   */
  kindTitle: string;
  /** Trích yếu; a "\n" forces a line break. */
  subject: string;
  /** Authority line under the subject, e.g. "GIÁM ĐỐC SỞ Y TẾ" for a decision. */
  authorityLine?: string;
  /** "Căn cứ …" lines, printed in italics. */
  preamble: string[];
  body: Block[];
  annexes: Annex[];
  /** Nơi nhận; the last line should be "Lưu: VT, …". A leading "- " is added when missing. */
  recipients: string[];
  signature: Signature;
  /**
   * A second signature printed on the left, side by side with `signature` (e.g. the secretary beside
   * the chair in council minutes). Nơi nhận, if any, then follows below.
   */
  secondSignature?: Signature;
  /** Marks the document "DỰ THẢO" (a boxed text marker in the first-page header, not a watermark). */
  draft?: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict ISO calendar date ('2026-02-29' is rejected). */
export function parseIsoDate(iso: string): { year: number; month: number; day: number } {
  const m = ISO_DATE.exec(iso);
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new RangeError(`Invalid date (expected YYYY-MM-DD): ${iso}`);
}

function checkTable(where: string, table: TableSpec, problems: string[]): void {
  const n = table.columns.length;
  if (n === 0) problems.push(`${where}: table has no columns`);
  table.columns.forEach((c, i) => {
    if (!(c.width > 0)) problems.push(`${where}: column ${i + 1} has a non-positive width`);
  });
  table.rows.forEach((r, i) => {
    if (r.length !== n) problems.push(`${where}: row ${i + 1} has ${r.length} cells, expected ${n}`);
  });
  if (table.totals && table.totals.length !== n)
    problems.push(`${where}: totals row has ${table.totals.length} cells`);
}

/** Structural checks shared by every renderer; throws a TypeError listing every problem. */
export function assertValidDocument(doc: OfficialDocument): void {
  const problems: string[] = [];
  if (!doc.templateVersion.trim()) problems.push('templateVersion is empty');
  if (!doc.issuer.name.trim()) problems.push('issuer.name is empty');
  if (!doc.place.trim()) problems.push('place is empty');
  try {
    parseIsoDate(doc.date);
  } catch {
    problems.push(`date is not a valid YYYY-MM-DD date: ${doc.date}`);
  }
  if (!doc.signature.title.trim() || !doc.signature.name.trim())
    problems.push('signature needs a title and a name');
  if (doc.signature.mode && doc.signature.mode !== 'Q.' && !doc.signature.onBehalfOf) {
    problems.push(`signature mode ${doc.signature.mode} needs onBehalfOf (e.g. "KT. GIÁM ĐỐC")`);
  }
  doc.body.forEach((b, i) => {
    if (b.kind === 'table') checkTable(`body block ${i + 1}`, b.table, problems);
  });
  doc.annexes.forEach((a, i) => {
    checkTable(`annex ${i + 1}`, a.table, problems);
  });
  if (problems.length) throw new TypeError(`Invalid official document: ${problems.join('; ')}`);
}
