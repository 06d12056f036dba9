/**
 * Document numbers and symbols (số, ký hiệu — NĐ 30/2020 Phụ lục III):
 *   state bodies   "252/KH-TTYT", "923/QĐ-TTg", "152/2025/NĐ-CP", "06/2022/QH15"
 *   party bodies   "57-NQ/TW", "216-KH/TU"
 * OCR adds spaces and line breaks ("3751/HD-\nBNV", "8602- Qb/TU", "Sb:3764 /KH-SYT") and misreads Đ
 * ("QD", "Qb", "QP" for "QĐ"). `normalizeDocumentNumber` undoes that.
 */
import { foldVi } from '../../text/vietnamese';
import { dateAt } from './dates';
import type { DocumentRef } from './types';

// One group of the symbol: a capital then up to 11 letters/digits ("KH", "TTYT", "TTg", "QH15", "BCĐTW"),
// and not followed by another letter (so "Sở" after "- " is not taken as a group).
// Second form: 2+ capitals (and the "g"/"r" of "TTg"/"CTr") directly followed by a short word OCR glued
// on without a space: "UBNDngày", "TTgngày", "BNVcủa", "SYTvề". (ASCII glued words like "SYTngay" are
// taken by the first form and cut off by gluedTail.)
const GROUP = String.raw`(?:[A-ZĐÐ][A-Za-zĐđÐ0-9]{0,11}(?![\p{L}\p{M}\d])|[A-ZĐÐ][A-ZĐÐ0-9]{1,11}[gr]?(?=(?:ng\p{L}y|c\p{L}{1,2}a|v\p{L}|t\p{L}i)(?![\p{Ll}\p{M}])))`;
// Separator between groups: "-" or "/" with spaces on at most one side; a line break may follow
// ("HD-\nBNV", or "57- \n\nNQ/TW" in text exported with blank lines between physical lines). A line break *before* a dash is a list item ("…SYT\n- Sở Y tế"), never a separator.
const GROUP_SEP = String.raw`(?:[-–/][ ]*(?:\n[ ]*){0,2}|[ ]+[-–/])`;

/**
 * A full reference: number (with an optional year: "152/2025/"), then "/" or "-", then the groups.
 * Group 1 = number part, group 2 = symbol part.
 */
export const REFERENCE = new RegExp(
  String.raw`(?<![\p{Lu}\d/.,-])(\d{1,5}(?:\s*/\s*\d{4})?)(?:[/–-][ ]*(?:\n[ ]*){0,2}|[ ]+[/–-])(${GROUP}(?:${GROUP_SEP}${GROUP})*)`,
  'gu',
);

/** Kind abbreviations whose Đ OCR often loses, by misread form. */
const KIND_FIXES: Record<string, string> = {
  QD: 'QĐ',
  Qb: 'QĐ',
  QP: 'QĐ',
  QÐ: 'QĐ',
  ND: 'NĐ',
  Nb: 'NĐ',
  NP: 'NĐ',
  NÐ: 'NĐ',
  CD: 'CĐ',
  CÐ: 'CĐ',
  QyD: 'QyĐ',
};

/**
 * Canonical form of a number+symbol: no spaces, plain "-" and "/", Đ fixed in the kind abbreviation,
 * party style "57-NQ-TW" (slash misread as dash) → "57-NQ/TW".
 */
export function normalizeDocumentNumber(numberPart: string, symbolPart: string, sep: '/' | '-'): string {
  const num = numberPart.replace(/\s+/g, '');
  const groups = symbolPart
    .replace(/Ð/g, 'Đ')
    .split(/\s*[-–/]\s*/)
    .map((g) => g.trim())
    .filter(Boolean);
  const seps = [...symbolPart.matchAll(/[-–/]/g)].map((m) => (m[0] === '/' ? '/' : '-'));
  if (groups.length > 0) groups[0] = KIND_FIXES[groups[0]] ?? groups[0];
  if (sep === '-') {
    // Party documents are always "number-KIND/BODY…": the first separator inside the symbol is "/".
    if (seps.length > 0) seps[0] = '/';
  }
  let symbol = groups[0] ?? '';
  for (let i = 1; i < groups.length; i++) symbol += (seps[i - 1] ?? '-') + groups[i];
  return `${num}${sep}${symbol}`;
}

/** The kind abbreviation of a normalised number: "252/KH-TTYT" → "KH", "152/2025/NĐ-CP" → "NĐ". */
export function symbolKind(documentNumber: string): string {
  return documentNumber.replace(/^\d+(?:\/\d{4})?[/-]/, '').split(/[-/]/)[0] ?? '';
}

// Words OCR glues to the end of a symbol when it drops the space: "1570/KH-SYTngay 20/8/2025".
const GLUED_WORD = /^(?:ng[a-z]?y|cua|ve|va|ban|tai|nam|thang|huong|trien|thuc|quy|theo|do|nganh)/;

/**
 * Length of a lower-case word glued to the end of the symbol ("KH-SYTngay" → 4), or 0.
 * A symbol group may itself end in one lower-case letter ("TTg", "CTr"), so the split is taken at the
 * first place where the rest is lower case and starts with a known word.
 */
export function gluedTail(symbol: string): number {
  const last = symbol.split(/[-/\s]/).pop() ?? '';
  for (let k = 1; k < last.length - 1; k++) {
    const tail = last.slice(k);
    if (tail !== tail.toLowerCase() || !/[A-ZĐ0-9]/.test(last.slice(0, k))) continue;
    if (GLUED_WORD.test(foldVi(tail))) return tail.length;
  }
  return 0;
}

export interface FoundReference extends DocumentRef {
  start: number;
  end: number;
  /** kind abbreviation: "KH", "QĐ", "NQ" … (first group of the symbol) */
  kind: string;
}

/** All document references in raw[from, to), each with the date that follows it (if any). */
export function findReferences(raw: string, fold: string, from = 0, to = raw.length): FoundReference[] {
  const out: FoundReference[] = [];
  REFERENCE.lastIndex = from;
  for (let m = REFERENCE.exec(raw); m && m.index < to; m = REFERENCE.exec(raw)) {
    const between = raw.slice(m.index + m[1].length, m.index + m[0].length - m[2].length);
    const sep = between.includes('/') ? '/' : '-';
    const glued = gluedTail(m[2]);
    const number = normalizeDocumentNumber(m[1], m[2].slice(0, m[2].length - glued), sep);
    const end = m.index + m[0].length - glued;
    const date = dateAt(fold, end);
    out.push({
      number,
      issuedOn: date?.iso ?? null,
      start: m.index,
      end: date?.end ?? end,
      kind: symbolKind(number),
    });
  }
  return out;
}

/** Keeps the first occurrence of each number (a later one may add the date the first one lacked). */
export function dedupeRefs(refs: DocumentRef[]): DocumentRef[] {
  const byNumber = new Map<string, DocumentRef>();
  for (const r of refs) {
    const seen = byNumber.get(r.number);
    if (!seen) byNumber.set(r.number, { number: r.number, issuedOn: r.issuedOn });
    else if (!seen.issuedOn && r.issuedOn) seen.issuedOn = r.issuedOn;
  }
  return [...byNumber.values()];
}
