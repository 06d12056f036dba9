/**
 * Cell conventions shared by the XLSX writer and reader: column formats, Excel number formats,
 * dates as UTC midnight (exceljs converts Excel serials through UTC), formula-looking text.
 */

export type XlsxFormat = 'text' | 'integer' | 'money' | 'date' | 'percent';

/** Excel number formats (format codes are locale-neutral; Vietnamese Excel shows "1.234.567"). */
export const NUM_FMT: Record<XlsxFormat, string> = {
  text: '@',
  integer: '0',
  money: '#,##0',
  date: 'dd/mm/yyyy',
  percent: '0.00%',
};

export const NOT_XLSX_MESSAGE = 'Tệp không phải là tệp Excel (.xlsx) hợp lệ.';
export const OLD_XLS_MESSAGE =
  'Tệp Excel 97-2003 (.xls) không được hỗ trợ. Hãy mở tệp và lưu lại dưới dạng Excel Workbook (.xlsx).';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const VN = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

function utcDate(year: number, month: number, day: number): Date | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d : null;
}

/** 'YYYY-MM-DD' or 'dd/mm/yyyy' (also with "-" or ".") → Date at UTC midnight, else null. */
export function parseDateText(text: string): Date | null {
  const t = text.trim();
  const iso = ISO.exec(t);
  if (iso) return utcDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const vn = VN.exec(t);
  if (vn) return utcDate(Number(vn[3]), Number(vn[2]), Number(vn[1]));
  return null;
}

/** Date → 'YYYY-MM-DD' from its UTC parts. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Excel 1900-system serial → Date (serial 61 = 1900-03-01; the fictitious 1900-02-29 is skipped). */
export function serialToDate(serial: number): Date {
  const days = Math.floor(serial);
  const base = Date.UTC(1899, 11, 30);
  return new Date(base + (days < 61 ? days + 1 : days) * 86_400_000);
}
