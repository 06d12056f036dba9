/**
 * Vietnamese text helpers shared by the server, the web UI and the plan reader.
 * Pure functions, no I/O.
 */

/** Collator for Vietnamese ordering: "Dương" < "Đặng", "An" < "Ấp" < "Bắc". */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

export function compareVi(a: string, b: string): number {
  return viCollator.compare(a, b);
}

/**
 * Folds Vietnamese text for diacritic-insensitive matching:
 * NFC/NFD both accepted, diacritics removed, đ/Đ → d, lower case, whitespace collapsed.
 * "Nguyễn Thị Đào" → "nguyen thi dao". Mirrors SQL `lower(f_unaccent(x))`.
 */
export function foldVi(input: string): string {
  return input
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalises user text to NFC and trims; collapses inner whitespace. */
export function cleanText(input: string): string {
  return input.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Vietnamese full name order: family name first, given name last. */
export function givenName(fullName: string): string {
  const parts = cleanText(fullName).split(' ');
  return parts[parts.length - 1] ?? '';
}

/** Sort key for people lists: given name, then the full name (Vietnamese convention). */
export function comparePersonNames(a: string, b: string): number {
  return compareVi(givenName(a), givenName(b)) || compareVi(a, b);
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const KEY_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`ab';

/**
 * Sort key mirroring SQL `vi_sort_key(x)` (db/migrations/0000_extensions.sql): compare keys
 * byte-wise (C collation) to get Vietnamese alphabetical order on every database engine.
 */
export function viSortKey(input: string): string {
  const lower = input.toLowerCase();
  const base = lower.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
  let primary = '';
  for (const ch of base) {
    const i = ALPHABET.indexOf(ch);
    primary += i >= 0 ? KEY_CHARS[i] : ch;
  }
  return `${primary}\x01${lower}\x01${input}`;
}
