/**
 * Money in Vietnamese decisions: "2.340.000 đ" and "Hai triệu ba trăm bốn mươi nghìn đồng".
 *
 * Reading rules (standard Vietnamese):
 *  - groups of three digits: nghìn, triệu, tỷ; above that the units repeat (nghìn tỷ, triệu tỷ …);
 *  - tens: "mười" for 1x, "… mươi" for 20+; units after "mươi": 1 → "mốt", 4 → "tư", 5 → "lăm";
 *    after "mười": 5 → "lăm"; a 0 ten before a unit: "linh" (105 → "một trăm linh năm");
 *  - a group after a higher non-zero group is read in full: 1,050,000 → "một triệu không trăm năm
 *    mươi nghìn"; all-zero groups are skipped.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUP_UNITS = ['', 'nghìn', 'triệu', 'tỷ'];

function toBigInt(amount: number | bigint): bigint {
  if (typeof amount === 'number' && !Number.isSafeInteger(amount)) {
    throw new RangeError('Amount must be a safe integer number of đồng');
  }
  const a = BigInt(amount);
  if (a < 0n) throw new RangeError('Amount must not be negative');
  return a;
}

/** 2340000 → "2.340.000 đ" (dot thousands separator, as in Vietnamese documents). */
export function formatVnd(amount: number | bigint, options: { unit?: string } = {}): string {
  const digits = toBigInt(amount).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${grouped} ${options.unit ?? 'đ'}`;
}

/** Reads a group of three digits (0–999). `full`: read leading zeros ("không trăm …"). */
function readGroup(n: number, full: boolean): string[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const units = n % 10;
  const words: string[] = [];
  if (full || hundreds > 0) words.push(DIGITS[hundreds]!, 'trăm');
  if (tens === 0) {
    if (units > 0 && words.length > 0) words.push('linh');
  } else if (tens === 1) {
    words.push('mười');
  } else {
    words.push(DIGITS[tens]!, 'mươi');
  }
  if (units > 0) {
    if (units === 1 && tens >= 2) words.push('mốt');
    else if (units === 4 && tens >= 2) words.push('tư');
    else if (units === 5 && tens >= 1) words.push('lăm');
    else words.push(DIGITS[units]!);
  }
  return words;
}

/** Unit word of the i-th three-digit group (0 = units, 1 = nghìn, 2 = triệu, 3 = tỷ, 4 = nghìn tỷ …). */
function groupUnit(i: number): string {
  if (i === 0) return '';
  const billions = Math.floor(i / 3);
  const rest = i % 3;
  const parts: string[] = [];
  if (rest > 0) parts.push(GROUP_UNITS[rest]!);
  for (let k = 0; k < billions; k += 1) parts.push('tỷ');
  return parts.join(' ');
}

/** 2340000 → "hai triệu ba trăm bốn mươi nghìn" (lower case, no currency). */
export function numberToVietnameseWords(amount: number | bigint): string {
  const a = toBigInt(amount);
  if (a === 0n) return 'không';
  const groups: number[] = [];
  for (let rest = a; rest > 0n; rest /= 1000n) groups.push(Number(rest % 1000n));
  const words: string[] = [];
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const g = groups[i]!;
    if (g === 0) continue;
    words.push(...readGroup(g, i < groups.length - 1));
    const unit = groupUnit(i);
    if (unit) words.push(unit);
  }
  return words.join(' ');
}

/** 2340000 → "Hai triệu ba trăm bốn mươi nghìn đồng". */
export function amountInWords(amount: number | bigint): string {
  const w = numberToVietnameseWords(amount);
  return `${w[0]!.toUpperCase()}${w.slice(1)} đồng`;
}
