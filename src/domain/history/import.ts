/**
 * XLSX formats of the history imports (annual quality ratings, past awards) and pure validation
 * of their rows: the server reads the cells, this module says what each row means and why it is
 * wrong (row, column, Vietnamese reason). Headers match without diacritics or case.
 */
import {
  AWARD_ABBREVIATIONS,
  AWARD_CODES,
  AWARD_NAMES,
  type AwardCode,
  RATING_NAMES,
  RATINGS,
  type Rating,
} from '../commendation/codes';
import { cellText, type RawCell, type RowError } from '../staff/import';
import { cleanText, foldVi } from '../text/vietnamese';
import { parseViDate } from '../time/dates';

export type { RawCell, RowError };

export interface ImportColumn<K extends string> {
  key: K;
  header: string;
  required: boolean;
  width: number;
}

export const RATING_COLUMNS = [
  { key: 'staffCode', header: 'Mã nhân sự', required: false, width: 14 },
  { key: 'orgCode', header: 'Mã đơn vị', required: false, width: 18 },
  { key: 'name', header: 'Họ và tên / Tên tập thể', required: false, width: 30 },
  { key: 'year', header: 'Năm', required: true, width: 8 },
  { key: 'rating', header: 'Xếp loại', required: true, width: 34 },
  { key: 'note', header: 'Ghi chú', required: false, width: 30 },
] as const satisfies readonly ImportColumn<string>[];
export type RatingColumnKey = (typeof RATING_COLUMNS)[number]['key'];

export const AWARD_COLUMNS = [
  { key: 'staffCode', header: 'Mã nhân sự', required: false, width: 14 },
  { key: 'orgCode', header: 'Mã đơn vị', required: false, width: 18 },
  { key: 'name', header: 'Họ và tên / Tên tập thể', required: false, width: 30 },
  { key: 'award', header: 'Danh hiệu / Hình thức', required: true, width: 34 },
  { key: 'year', header: 'Năm thành tích', required: true, width: 10 },
  { key: 'decisionNumber', header: 'Số quyết định', required: false, width: 18 },
  { key: 'decidedOn', header: 'Ngày quyết định', required: false, width: 14 },
  { key: 'issuer', header: 'Cấp quyết định', required: false, width: 30 },
  { key: 'kind', header: 'Loại khen thưởng', required: false, width: 16 },
] as const satisfies readonly ImportColumn<string>[];
export type AwardColumnKey = (typeof AWARD_COLUMNS)[number]['key'];

export function mapColumns<K extends string>(
  columns: readonly ImportColumn<K>[],
  headerCells: RawCell[],
): { map: Map<number, K>; missing: string[] } {
  const map = new Map<number, K>();
  headerCells.forEach((cell, index) => {
    const text = cellText(cell);
    if (!text) return;
    const col = columns.find(
      (c) => foldVi(c.header) === foldVi(text) || foldVi(c.header.split(' / ')[0]!) === foldVi(text),
    );
    if (col) map.set(index, col.key);
  });
  const present = new Set(map.values());
  const missing = columns.filter((c) => c.required && !present.has(c.key)).map((c) => c.header);
  if (!present.has('staffCode' as K) && !present.has('orgCode' as K))
    missing.push('Mã nhân sự hoặc Mã đơn vị');
  return { map, missing };
}

/** "HTXSNV", "Hoàn thành xuất sắc nhiệm vụ", "hoan thanh xuat sac nhiem vu" → HTXSNV. */
export function parseRating(text: string): Rating | null {
  const f = foldVi(text).replace(/\s+/g, ' ').trim();
  for (const r of RATINGS) if (foldVi(r) === f || foldVi(RATING_NAMES[r]) === f) return r;
  return null;
}

/** A code, the official name or the usual abbreviation ("CSTĐCS", "Chiến sĩ thi đua cơ sở"). */
export function parseAwardCode(text: string): AwardCode | null {
  const f = foldVi(text).replace(/\s+/g, ' ').trim();
  for (const c of AWARD_CODES) {
    if (foldVi(c) === f || foldVi(AWARD_NAMES[c]) === f || foldVi(AWARD_ABBREVIATIONS[c]) === f) return c;
  }
  // "Bằng khen của Chủ tịch UBND tỉnh" and friends
  if (/^bang khen (cua )?chu tich (ubnd|uy ban nhan dan)/.test(f)) return 'BANG_KHEN_TINH';
  if (/^bang khen (cua )?thu tuong/.test(f)) return 'BANG_KHEN_TTG';
  if (/^bang khen (cua )?bo truong/.test(f)) return 'BANG_KHEN_BO';
  if (/^(danh hieu )?lao dong tien tien$/.test(f)) return 'LDTT';
  if (/^(danh hieu )?chien si thi dua co so$/.test(f)) return 'CSTDCS';
  return null;
}

function parseYear(cell: RawCell, minYear: number, maxYear: number): number | null {
  const t = cellText(cell);
  if (!/^\d{4}$/.test(t)) return null;
  const y = Number(t);
  return y >= minYear && y <= maxYear ? y : null;
}

function parseDate(cell: RawCell): string | null | 'invalid' {
  if (cell === null || cell === undefined || cell === '') return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return 'invalid';
    return new Date(cell.getTime() + 12 * 3_600_000).toISOString().slice(0, 10);
  }
  return parseViDate(String(cell)) ?? 'invalid';
}

const header = <K extends string>(columns: readonly ImportColumn<K>[], key: K) =>
  columns.find((c) => c.key === key)!.header;

export interface RatingImportRow {
  row: number;
  staffCode: string | null;
  orgCode: string | null;
  year: number;
  rating: Rating;
  note: string | null;
}

export interface AwardImportRow {
  row: number;
  staffCode: string | null;
  orgCode: string | null;
  code: AwardCode;
  year: number;
  decisionNumber: string | null;
  decidedOn: string | null;
  issuer: string | null;
  kind: 'annual' | 'thematic' | 'adhoc' | 'career';
}

function subjectOf<K extends string>(
  columns: readonly ImportColumn<K>[],
  row: number,
  record: Partial<Record<K, RawCell>>,
  errors: RowError[],
): { staffCode: string | null; orgCode: string | null } {
  const staffCode = cellText(record['staffCode' as K]) || null;
  const orgCode = cellText(record['orgCode' as K]) || null;
  if (!staffCode && !orgCode) {
    errors.push({
      row,
      column: header(columns, 'staffCode' as K),
      message: 'Thiếu mã nhân sự (cá nhân) hoặc mã đơn vị (tập thể).',
    });
  }
  // a row with both codes is about the person; the unit code only documents where they worked
  return { staffCode, orgCode: staffCode ? null : orgCode };
}

/** Validates one rating row; `maxYear` is the current year. */
export function validateRatingRow(
  row: number,
  record: Partial<Record<RatingColumnKey, RawCell>>,
  opts: { maxYear: number },
): { value: RatingImportRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const subject = subjectOf(RATING_COLUMNS, row, record, errors);
  const year = parseYear(record.year, 2000, opts.maxYear);
  if (year === null) {
    errors.push({
      row,
      column: header(RATING_COLUMNS, 'year'),
      message: `Năm phải là số có 4 chữ số, từ 2000 đến ${opts.maxYear}.`,
    });
  }
  const ratingText = cellText(record.rating);
  const rating = ratingText ? parseRating(ratingText) : null;
  if (!rating) {
    errors.push({
      row,
      column: header(RATING_COLUMNS, 'rating'),
      message: ratingText
        ? `Xếp loại "${ratingText}" không hợp lệ; dùng một trong: ${RATINGS.map((r) => `${r} (${RATING_NAMES[r]})`).join(', ')}.`
        : 'Thiếu xếp loại.',
    });
  }
  const note = cellText(record.note) || null;
  if (note && note.length > 500)
    errors.push({ row, column: header(RATING_COLUMNS, 'note'), message: 'Ghi chú dài quá 500 ký tự.' });
  if (errors.length > 0) return { value: null, errors };
  return { value: { row, ...subject, year: year!, rating: rating!, note }, errors };
}

const KIND_NAMES = {
  annual: 'Hằng năm',
  thematic: 'Chuyên đề',
  adhoc: 'Đột xuất',
  career: 'Quá trình cống hiến',
} as const;

export function validateAwardRow(
  row: number,
  record: Partial<Record<AwardColumnKey, RawCell>>,
  opts: { maxYear: number; today: string },
): { value: AwardImportRow | null; errors: RowError[] } {
  const errors: RowError[] = [];
  const subject = subjectOf(AWARD_COLUMNS, row, record, errors);
  const awardText = cellText(record.award);
  const code = awardText ? parseAwardCode(awardText) : null;
  if (!code) {
    errors.push({
      row,
      column: header(AWARD_COLUMNS, 'award'),
      message: awardText
        ? `Không nhận ra danh hiệu, hình thức "${awardText}".`
        : 'Thiếu danh hiệu hoặc hình thức khen thưởng.',
    });
  }
  const year = parseYear(record.year, 1976, opts.maxYear);
  if (year === null) {
    errors.push({
      row,
      column: header(AWARD_COLUMNS, 'year'),
      message: `Năm thành tích phải là số có 4 chữ số, không sau năm ${opts.maxYear}.`,
    });
  }
  const decidedOn = parseDate(record.decidedOn);
  if (decidedOn === 'invalid') {
    errors.push({
      row,
      column: header(AWARD_COLUMNS, 'decidedOn'),
      message: 'Ngày quyết định không hợp lệ (dạng dd/mm/yyyy).',
    });
  } else if (decidedOn && decidedOn > opts.today) {
    errors.push({ row, column: header(AWARD_COLUMNS, 'decidedOn'), message: 'Ngày quyết định ở tương lai.' });
  } else if (decidedOn && year !== null && Number(decidedOn.slice(0, 4)) < year) {
    errors.push({
      row,
      column: header(AWARD_COLUMNS, 'decidedOn'),
      message: 'Ngày quyết định trước năm thành tích.',
    });
  }
  const kindText = cellText(record.kind);
  let kind: AwardImportRow['kind'] = 'annual';
  if (kindText) {
    const found = (Object.entries(KIND_NAMES) as [AwardImportRow['kind'], string][]).find(
      ([k, v]) => foldVi(v) === foldVi(kindText) || k === kindText,
    );
    if (found) kind = found[0];
    else
      errors.push({
        row,
        column: header(AWARD_COLUMNS, 'kind'),
        message: `Loại khen thưởng "${kindText}" không hợp lệ; dùng: ${Object.values(KIND_NAMES).join(', ')}.`,
      });
  }
  const decisionNumber = cleanText(cellText(record.decisionNumber)) || null;
  const issuer = cleanText(cellText(record.issuer)) || null;
  if (decisionNumber && decisionNumber.length > 100)
    errors.push({
      row,
      column: header(AWARD_COLUMNS, 'decisionNumber'),
      message: 'Số quyết định dài quá 100 ký tự.',
    });
  if (errors.length > 0) return { value: null, errors };
  return {
    value: {
      row,
      ...subject,
      code: code!,
      year: year!,
      decisionNumber,
      decidedOn: (decidedOn as string | null) ?? null,
      issuer,
      kind,
    },
    errors,
  };
}

/** The same subject and year twice in one ratings file. */
export function duplicateRatingRows(rows: RatingImportRow[]): RowError[] {
  const seen = new Map<string, number>();
  const out: RowError[] = [];
  for (const r of rows) {
    const key = `${r.staffCode ? `p:${r.staffCode.toUpperCase()}` : `o:${(r.orgCode ?? '').toUpperCase()}`}:${r.year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push({ row: r.row, column: 'Năm', message: `Trùng với dòng ${first} (cùng đối tượng, cùng năm).` });
    } else seen.set(key, r.row);
  }
  return out;
}
