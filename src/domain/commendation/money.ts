/**
 * Money in Vietnamese decisions: "2.340.000 đ" and "Hai triệu ba trăm bốn mươi nghìn đồng".
 *
 * Reading rules (standard Vietnamese):
 *  - groups of three digits: nghìn, triệu, tỷ; above a billion the reading recurses on "tỷ"
 *    (2,500,000,000,000 → "hai nghìn năm trăm tỷ");
 *  - tens: "mười" for 1x, "… mươi" for 20+; units after "mươi": 1 → "mốt", 4 → "tư", 5 → "lăm";
 *    after "mười": 5 → "lăm"; a 0 ten before a unit: "linh" (105 → "một trăm linh năm");
 *  - a group after a higher non-zero group is read in full: 1,050,000 → "một triệu không trăm năm
 *    mươi nghìn"; all-zero groups are skipped.
 */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

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

/** Reads 0 < n < 10^9 as groups triệu / nghìn / units; `leadingFull` reads the first group in full. */
function belowBillion(n: number, leadingFull: boolean): string[] {
  const groups = [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000];
  const units = ['triệu', 'nghìn', ''];
  const words: string[] = [];
  let full = leadingFull;
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...readGroup(g, full));
    if (units[i]) words.push(units[i]!);
    full = true;
  });
  return words;
}

/** Above a billion the reading recurses on "tỷ": 2,500 × 10^9 → "hai nghìn năm trăm tỷ". */
function read(a: bigint, leadingFull: boolean): string[] {
  if (a < 1_000_000_000n) return belowBillion(Number(a), leadingFull);
  const high = a / 1_000_000_000n;
  const low = a % 1_000_000_000n;
  const words = [...read(high, leadingFull), 'tỷ'];
  if (low > 0n) words.push(...belowBillion(Number(low), true));
  return words;
}

/** 2340000 → "hai triệu ba trăm bốn mươi nghìn" (lower case, no currency). */
export function numberToVietnameseWords(amount: number | bigint): string {
  const a = toBigInt(amount);
  if (a === 0n) return 'không';
  return read(a, false).join(' ');
}

/** 2340000 → "Hai triệu ba trăm bốn mươi nghìn đồng". */
export function amountInWords(amount: number | bigint): string {
  const w = numberToVietnameseWords(amount);
  return `${w[0]!.toUpperCase()}${w.slice(1)} đồng`;
}
