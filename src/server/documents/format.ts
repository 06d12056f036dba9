/**
 * Pure text helpers shared by the DOCX and PDF renderers: NĐ 30 date lines, heading numbering,
 * signature lines, recipient lines, cell formatting. No I/O.
 */
import { type Block, type CellValue, parseIsoDate, type Signature } from './model';

/** Quốc hiệu and Tiêu ngữ (NĐ 30 Phụ lục I). */
export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const MOTTO = 'Độc lập - Tự do - Hạnh phúc';

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * NĐ 30 place-and-date line: "Điện Biên, ngày 05 tháng 02 năm 2026". Days below 10 and the months
 * January and February take a leading zero; months 3–12 do not ("ngày 15 tháng 3 năm 2026").
 */
export function formatPlaceDate(place: string, isoDate: string): string {
  return `${place.normalize('NFC').trim()}, ${formatLongDate(isoDate)}`;
}

/** "ngày 05 tháng 02 năm 2026" with the NĐ 30 zero-padding (days < 10, months 1–2). */
export function formatLongDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** Short Vietnamese date "05/02/2026" as used in "Quyết định số … ngày 05/02/2026". */
export function formatShortDate(isoDate: string): string {
  const { year, month, day } = parseIsoDate(isoDate);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`No Roman numeral for ${n}`);
  let out = '';
  let rest = n;
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** Point letters of Vietnamese legal drafting: a, b, c, d, đ, e, g, h, i, k … (no f, j, w, z). */
const POINT_LETTERS = [
  'a',
  'b',
  'c',
  'd',
  'đ',
  'e',
  'g',
  'h',
  'i',
  'k',
  'l',
  'm',
  'n',
  'o',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'v',
  'x',
  'y',
];

/** 1 → "a", 5 → "đ", 24 → "aa". */
export function pointLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`No point letter for ${n}`);
  const k = POINT_LETTERS.length;
  return n <= k
    ? POINT_LETTERS[n - 1]
    : POINT_LETTERS[Math.floor((n - 1) / k) - 1] + POINT_LETTERS[(n - 1) % k];
}

/**
 * Numbering labels for the headings of a body, in order: "I.", "1.", "a)". A level-1 heading resets
 * the level-2 counter, a level-2 heading resets level 3. Non-heading blocks get `null`.
 */
export function headingLabels(blocks: readonly Block[]): (string | null)[] {
  const counters = [0, 0, 0];
  return blocks.map((b) => {
    if (b.kind !== 'heading') return null;
    const i = b.level - 1;
    counters[i] += 1;
    for (let j = i + 1; j < counters.length; j++) counters[j] = 0;
    if (b.level === 1) return `${toRoman(counters[0])}.`;
    if (b.level === 2) return `${counters[1]}.`;
    return `${pointLetter(counters[2])})`;
  });
}

export const upperVi = (s: string) => s.normalize('NFC').toLocaleUpperCase('vi-VN');

/** "QUYẾT ĐỊNH" → "Quyết định". */
export function sentenceCaseVi(s: string): string {
  const lower = s.normalize('NFC').toLocaleLowerCase('vi-VN');
  return lower.charAt(0).toLocaleUpperCase('vi-VN') + lower.slice(1);
}

/**
 * The capitalised lines above the signing space:
 *   { mode: 'KT.', onBehalfOf: 'Giám đốc', title: 'Phó Giám đốc' } → ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
 *   { mode: 'Q.', title: 'Giám đốc' } → ["Q. GIÁM ĐỐC"]
 *   { title: 'Giám đốc' } → ["GIÁM ĐỐC"]
 */
export function signatureLines(sig: Signature): string[] {
  const title = upperVi(sig.title.trim());
  if (sig.mode && sig.onBehalfOf) return [`${sig.mode} ${upperVi(sig.onBehalfOf.trim())}`, title];
  if (sig.mode) return [`${sig.mode} ${title}`];
  return [title];
}

/**
 * Nơi nhận lines: one recipient per line starting with "- ", each ending with ";" and the last
 * with "." unless the caller already punctuated it.
 */
export function recipientLines(recipients: readonly string[]): string[] {
  const items = recipients
    .map((r) =>
      r
        .normalize('NFC')
        .trim()
        .replace(/^[-–•]\s*/, ''),
    )
    .filter(Boolean);
  return items.map((item, i) => {
    const last = i === items.length - 1;
    const punctuated = /[;.,:]$/.test(item) ? item : `${item}${last ? '.' : ';'}`;
    return `- ${punctuated}`;
  });
}

const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Table cell text: numbers grouped the Vietnamese way ("1.234.567"), null as empty. */
export function formatCell(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberFormat.format(value);
  return value.normalize('NFC');
}

/** The body cell alignment of a column: explicit, else right for numbers. */
export function cellAlign(explicit: 'left' | 'center' | 'right' | undefined, value: CellValue) {
  return explicit ?? (typeof value === 'number' ? 'right' : 'left');
}

/** Column widths scaled to a total (integers that add up exactly to `total`). */
export function scaleWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (w / sum) * total);
  const out = raw.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    out[i] += 1;
    rest -= 1;
  }
  return out;
}

/** Default annex subtitle: "(Kèm theo Quyết định số 05/QĐ-SYT ngày 05/02/2026)". */
export function defaultAnnexSubtitle(kindTitle: string, documentNumber: string, isoDate: string): string {
  const kind = kindTitle.trim() ? sentenceCaseVi(kindTitle.trim()) : 'Văn bản';
  return `(Kèm theo ${kind} số ${documentNumber} ngày ${formatShortDate(isoDate)})`;
}
