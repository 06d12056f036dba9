/**
 * The text representations the plan reader works on.
 *
 * The reader never matches on the raw text directly. It builds two *aligned* copies, both exactly
 * as long as the raw text, so an index found in one is the same index in the others:
 *
 *   raw    "S6: 252/KH-TTYT Dién Bién Phu, ngày 11"   (NFC, as given; used to cut out names and symbols)
 *   fold   "s6: 252/kh-ttyt dien bien phu, ngay 11"   (diacritics removed, đ → d, lower case)
 *   canon  "so: 252/kh-ttyt dien bien phu, ngay 11"   (fold + OCR repairs: 6/0 → o, 4 → a, € → e, w → u …)
 *
 * `fold` is used for numbers and dates (digits are untouched), `canon` for keywords.
 */
import { foldVi } from '../../text/vietnamese';

export interface PlanText {
  raw: string;
  fold: string;
  canon: string;
  lines: TextLine[];
}

export interface TextLine {
  /** 0-based line number */
  index: number;
  start: number;
  /** exclusive, before the '\n' */
  end: number;
}

/** NFC, unified line breaks, no BOM / stray combining marks / zero-width characters, tabs and NBSP as spaces. */
export function normalizeInput(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0300-\u036f\u200b-\u200d\u2060]/g, '') // marks NFC could not compose, zero-width chars
    .replace(/[\t\u00a0\u2007\u202f\u3000]/g, ' ')
    .replace(/\f/g, '\n');
}

const foldCache = new Map<string, string>();

/** Folds one UTF-16 unit with foldVi, keeping the length at exactly one unit. */
function foldUnit(ch: string): string {
  let f = foldCache.get(ch);
  if (f === undefined) {
    if (/\s/.test(ch)) f = ch === '\n' ? '\n' : ' ';
    else if (ch === 'ﬁ') f = 'f';
    else {
      const folded = foldVi(ch);
      f = folded.length === 1 ? folded : ch;
    }
    if (foldCache.size < 4096) foldCache.set(ch, f);
  }
  return f;
}

/** Diacritic-free, lower-case copy of `raw` with the same length (see the module comment). */
export function foldAligned(raw: string): string {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i++) out.push(foldUnit(raw[i]));
  return out.join('');
}

const isLetter = (c: string | undefined) => c !== undefined && c >= 'a' && c <= 'z';

/**
 * OCR repairs on folded text, character by character (length preserved).
 * - a digit *inside a word* is a misread letter: "s6" → "so", "d6i" → "doi", "c4" → "ca", "1a" → "la".
 *   Digits with no letter beside them ("2025", "15/11") are left alone.
 * - "€", "&", "¢" after a letter are a misread "ê/ế/ệ": "t€" → "te", "K& hoach" → "ke hoach".
 * - "¥" is a misread "ỹ"; "w" (not a Vietnamese letter) is a misread "ư": "Tw do" → "tu do".
 */
export function ocrCanon(fold: string): string {
  const DIGIT_AS_LETTER: Record<string, string> = { '0': 'o', '6': 'o', '4': 'a', '1': 'l', '8': 'o' };
  const out: string[] = [];
  for (let i = 0; i < fold.length; i++) {
    const c = fold[i];
    const prev = out[i - 1]; // already repaired: "C0¢" → "co" then "¢" follows a letter
    const next = fold[i + 1];
    if (
      c in DIGIT_AS_LETTER &&
      (isLetter(prev) || isLetter(next)) &&
      !/\d/.test(prev ?? '') &&
      !/\d/.test(next ?? '')
    ) {
      out.push(DIGIT_AS_LETTER[c]);
    } else if ((c === '€' || c === '&' || c === '¢') && isLetter(prev)) {
      out.push('e');
    } else if (c === '¥') {
      out.push('y');
    } else if (c === 'w') {
      out.push('u');
    } else {
      out.push(c);
    }
  }
  return out.join('');
}

export function splitLines(raw: string): TextLine[] {
  const lines: TextLine[] = [];
  let start = 0;
  let index = 0;
  for (;;) {
    const nl = raw.indexOf('\n', start);
    const end = nl === -1 ? raw.length : nl;
    lines.push({ index: index++, start, end });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

export function preparePlanText(input: string): PlanText {
  const raw = normalizeInput(input);
  const fold = foldAligned(raw);
  return { raw, fold, canon: ocrCanon(fold), lines: splitLines(raw) };
}

/** Collapses whitespace and trims. */
export function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** The line containing position `pos`. */
export function lineAt(doc: PlanText, pos: number): TextLine {
  let lo = 0;
  let hi = doc.lines.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lines[mid].start <= pos) lo = mid;
    else hi = mid - 1;
  }
  return doc.lines[lo];
}

export const lineRaw = (doc: PlanText, l: TextLine) => doc.raw.slice(l.start, l.end);
export const lineCanon = (doc: PlanText, l: TextLine) => doc.canon.slice(l.start, l.end);
export const lineFold = (doc: PlanText, l: TextLine) => doc.fold.slice(l.start, l.end);

/** Runs a global regex over `s` from `from` to `to` and returns all matches (indices relative to `s`). */
export function matchAll(re: RegExp, s: string, from = 0, to = s.length): RegExpExecArray[] {
  const flags = re.flags.includes('g') ? re.flags : `${re.flags}g`;
  const g = new RegExp(re.source, flags);
  g.lastIndex = from;
  const out: RegExpExecArray[] = [];
  for (let m = g.exec(s); m && m.index < to; m = g.exec(s)) {
    out.push(m);
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}
