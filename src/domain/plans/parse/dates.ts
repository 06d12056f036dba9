/**
 * Dates as Vietnamese documents write them, read on folded text (see text.ts):
 *   "ngày 08/8/2025", "ngày 8-8-2025", "ngày 11 tháng 8 năm 2025" (folded: "ngay 11 thang 8 nam 2025").
 * OCR may garble the words ("ngáy", "thàng", "nim") but rarely the digits, so the words are matched
 * loosely and the digits strictly.
 */

/** "ngày" with one or two garbled letters in the middle: ngay, ngiy, ngáy → folded. */
export const NGAY = 'ng[a-z4]{1,2}y';
/** "tháng": thang, thàng, thing. */
export const THANG = 'th[a-z4]{1,3}ng';
/** "năm": nam, nim, nidm. */
export const NAM = 'n[a-z4]{1,3}m';

/** ISO date from numbers, or null when the day does not exist. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// "ngày" then either d/m/yyyy (separators / . -, spaces allowed: OCR splits "08/ 8/2025")
// or "d tháng m năm yyyy".
const DATE_AFTER = new RegExp(
  String.raw`^[\s,(]*(?:${NGAY})\s*(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|(\d{1,2})\s+${THANG}\s+(\d{1,2})\s*,?\s*${NAM}\s+(\d{4}))`,
);

/**
 * Reads the date that starts at `from` in folded text ("… số 234/KH-SYT ngày 08/8/2025").
 * Returns the ISO date and where it ends, or null when no valid date is there.
 */
export function dateAt(fold: string, from: number): { iso: string; end: number } | null {
  const m = DATE_AFTER.exec(fold.slice(from, from + 60));
  if (!m) return null;
  const [d, mo, y] = m[1] ? [m[1], m[2], m[3]] : [m[4], m[5], m[6]];
  const iso = isoDate(Number(y), Number(mo), Number(d));
  return iso ? { iso, end: from + m[0].length } : null;
}
