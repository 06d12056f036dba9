/**
 * Finding the plan's numbered sections by their headings ("2.1. Hình thức khen thưởng",
 * "VII. TỔ CHỨC THỰC HIỆN") on OCR text.
 */
import { fuzzyFind } from './fuzzy';
import type { PlanText, TextLine } from './text';
import { lineCanon } from './text';

// Numbering in front of a heading: "IV.", "2.", "2.1.", "a)", "b.", "-" (OCR: "I11.", "II1.").
const NUMBERING = /^\s*(?:[ivxl1]{1,4}\s*[.,]|\d{1,2}(?:\.\d{1,2})*\s*[.)]?|[a-zđ]\s*[.)]|[-+•])?\s*/;

/**
 * True when the line is a heading for `phrase`: the phrase (fuzzy) starts right after the numbering
 * and the line is short. "2.1. Hinh thirc khen thuwéng" is a heading for "hinh thuc khen thuong";
 * "IV. TIÊU CHÍ THI ĐUA VÀ HÌNH THỨC KHEN THƯỞNG" is not (the phrase starts too far in).
 */
export function isHeading(doc: PlanText, line: TextLine, phrase: string): boolean {
  const canon = lineCanon(doc, line);
  const lead = NUMBERING.exec(canon)?.[0].length ?? 0;
  // cheap length check first: a heading is the phrase, give or take OCR noise and a trailing ":"
  const length = canon.trim().length - lead;
  if (length > phrase.length * 1.3 + 4 || length < phrase.length * 0.7) return false;
  const m = fuzzyFind(canon, phrase, { from: lead });
  return m !== null && m.start - lead <= 2;
}

/** Lines that are headings for any of `phrases`, from line index `fromLine`. */
export function findHeadings(
  doc: PlanText,
  phrases: string[],
  fromLine = 0,
  toLine = doc.lines.length,
): TextLine[] {
  return doc.lines.slice(fromLine, toLine).filter((l) => phrases.some((p) => isHeading(doc, l, p)));
}

// A top-level section "V. KINH PHÍ …": Roman numeral, then a capital letter.
export const ROMAN_HEADING = /^\s*[IVXL][IVXL1]{0,3}\s*[.,]\s*\p{Lu}/u;
