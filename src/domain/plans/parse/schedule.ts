/**
 * The plan's calendar: phases (giai đoạn), reviews (sơ kết / tổng kết) and report deadlines.
 * Keywords are matched on `canon`, digits on `fold` (same indices, see text.ts).
 */
import { NAM, NGAY, THANG } from './dates';
import type { PlanText } from './text';
import { matchAll } from './text';
import type { Phase, Recurrence, ReportDeadline, Review } from './types';

// "giai đoạn" (OCR "giai doan", "Giai Poan").
const GIAI_DOAN = String.raw`giai\s*[dp][o0][a-z]n`;
// A year range: "2025-2027", "2025 – 2027", "2025- -2030", "năm 2025 đến năm 2027".
// ("đến" may come out as "dén" / "d€n", hence d\S{1,2}n)
const RANGE = String.raw`(20\d\d)(?:\s*[-–—]+\s*|\s+(?:d\S{1,2}n|t[o0]i)\s*)+(?:${NAM}\s*)?(20\d\d)`;
// Numbered phase: "Giai đoạn 1 (từ năm 2025-2027)", "Giai doan O1 (tr nam …)", "Giai đoạn II: 2027 – 2030".
// The ordinal is 1–9 (OCR writes "01" as "O1"), a Roman numeral or a word; then up to one short word
// ("từ", OCR "tr"/"tir"/"tw") and "năm" before the range.
const NUMBERED_PHASE = new RegExp(
  String.raw`${GIAI_DOAN}\s*(?:thu\s+)?(?:[o0]?[1-9]|i{1,3}|iv|mot|hai|ba)(?![a-z0-9])\s*[:.,]?\s*\(?\s*(?:[a-z]{1,4}\s*)?(?:${NAM}\s*)?${RANGE}`,
  'g',
);
// Unnumbered: "giai đoạn 2025-2030", "giai đoạn năm 2025 - 2030" (the whole movement).
const UNNUMBERED_PHASE = new RegExp(
  String.raw`${GIAI_DOAN}\s*(?:t[a-z]{0,2}\s+)?(?:${NAM}\s+)?${RANGE}`,
  'g',
);

/**
 * Numbered phases in order of their years. When the text has none, a single unnumbered
 * "giai đoạn 2025 – 2030" becomes the only phase; several different unnumbered ranges give none.
 */
export function findPhases(doc: PlanText): Phase[] {
  const collect = (re: RegExp) => {
    const seen = new Map<string, Phase>();
    for (const m of matchAll(re, doc.fold)) {
      const fromYear = Number(m[1]);
      const toYear = Number(m[2]);
      if (toYear < fromYear || toYear - fromYear > 20) continue;
      seen.set(`${fromYear}-${toYear}`, { fromYear, toYear });
    }
    return [...seen.values()].sort((a, b) => a.fromYear - b.fromYear || a.toYear - b.toYear);
  };
  const numbered = collect(NUMBERED_PHASE);
  if (numbered.length) return numbered;
  const whole = collect(UNNUMBERED_PHASE);
  return whole.length === 1 ? whole : [];
}

// "sơ kết" (not "số kết quả"), "tổng kết" (OCR "téng két", "tong Kkét"); "sơ, tổng kết" has no year.
// (A letter may follow directly: OCR drops spaces, "tong kétvao nam 2030".)
const SO_KET = /(?<![a-z])s[o]\s*k{1,2}et(?!\s*qu)/g;
const TONG_KET = /t[oe]n?g\s*k{1,2}et(?!\s*qu)/g;
const YEAR_AFTER = new RegExp(String.raw`${NAM}\s*(20\d\d)(?!\d)`);
const YEAR_BEFORE = new RegExp(String.raw`${NAM}\s*(20\d\d)\s*[:,-]?\s*$`);
// Where a review's sentence stops: ".", ";", a list item or numbered item on the next line.
const CLAUSE_END = /[.;]|\n\s*(?:[-+•]|[a-z0-9]{1,3}[.)]\s)/;

export function findReviews(doc: PlanText): Review[] {
  const hits = [
    ...matchAll(SO_KET, doc.canon).map((m) => ({
      type: 'interim' as const,
      start: m.index,
      end: m.index + m[0].length,
    })),
    ...matchAll(TONG_KET, doc.canon).map((m) => ({
      type: 'final' as const,
      start: m.index,
      end: m.index + m[0].length,
    })),
  ].sort((a, b) => a.start - b.start);

  const found = new Map<string, Review>();
  hits.forEach((hit, k) => {
    // the year after the keyword, before the sentence ends or the next review keyword
    const nextHit = hits[k + 1]?.start ?? doc.canon.length;
    let window = doc.canon.slice(hit.end, Math.min(nextHit, hit.end + 100));
    const stop = CLAUSE_END.exec(window);
    if (stop) window = window.slice(0, stop.index);
    let year = YEAR_AFTER.exec(window)?.[1];
    if (!year) {
      // "Năm 2027: sơ kết giai đoạn 1"
      const lineStart = doc.canon.lastIndexOf('\n', hit.start) + 1;
      year = YEAR_BEFORE.exec(doc.canon.slice(Math.max(lineStart, hit.start - 25), hit.start))?.[1];
    }
    if (year) found.set(`${hit.type}-${year}`, { type: hit.type, year: Number(year) });
  });
  return [...found.values()].sort((a, b) => a.year - b.year || (a.type === 'interim' ? -1 : 1));
}

// "trước ngày", "chậm nhất (là|vào) ngày", "hạn (chót|cuối) ngày", then d/m[/yyyy] or d tháng m [năm yyyy] or d alone.
const DEADLINE = new RegExp(
  String.raw`(?:tr[a-z]{1,3}c|ch[a-z]{1,2}m\s*nh[a-z]{1,2}t(?:\s*(?:l[a-z]|v[a-z]o))?|h[a-z]n\s*(?:ch[o]t|cu[o]i))\s*${NGAY}\s*(\d{1,2})(?!\d)(?:\s*[/.-]\s*(\d{1,2})(?!\d))?(?:\s*[/.-]\s*(\d{4}))?(?:\s*${THANG}\s*(\d{1,2})(?!\d))?(?:\s*,?\s*${NAM}\s*(\d{4}))?`,
  'g',
);
const REPORT_WORDS =
  /b[a-z]{1,2}o\s*c[a-z]{1,2}o|g[u][a-z]?i(?![a-z])|n[o]p(?![a-z])|t[o]ng\s*h[o]p|d[a]ng\s*k[y]/;
const YEARLY = /h[a-z]{1,2}ng\s*n[a-z]{1,3}m(?![a-z])|m[o]i\s*n[a-z]m(?![a-z])|d[i]nh\s*k[y]\s*n[a-z]m/;
const QUARTERLY = /(?:h[a-z]{1,2}ng|m[o]i|theo|cu[o]i|d[i]nh\s*k[y])\s*q[u]y(?![a-z])/;
const SIX_MONTHLY = /(?:6|sau)\s*th[a-z]{1,3}ng/;
const MONTHLY = /(?:h[a-z]{1,2}ng|m[o]i)\s*th[a-z]{1,3}ng/;
// Where a sentence (or list item) starts: after . ; : ! ? or at a "- item" / "a) item" line.
const SENTENCE_START = /[.;:!?]\s|\n\s*[-+•]|\n\s*[a-z0-9]{1,3}[.)]\s/g;

/** The sentence around [start, end) in canon text. */
function sentenceAround(canon: string, start: number, end: number): string {
  const before = canon.slice(Math.max(0, start - 400), start);
  const starts = matchAll(SENTENCE_START, before);
  const last = starts[starts.length - 1];
  const head = last ? before.slice(last.index + last[0].length) : before;
  const after = canon.slice(end, end + 300);
  const e = /[.;!?](?:\s|$)|\n\s*[-+•]/.exec(after);
  return head + canon.slice(start, end) + (e ? after.slice(0, e.index) : after);
}

function deadlineFrom(m: RegExpExecArray, sentence: string, tail: string): ReportDeadline | null {
  const day = Number(m[1]);
  const month = m[2] ? Number(m[2]) : m[4] ? Number(m[4]) : null;
  const yearText = m[3] ?? m[5];
  if (day < 1 || day > 31 || (month !== null && (month < 1 || month > 12))) return null;
  if (yearText && month !== null) return { day, month, recurrence: 'once', year: Number(yearText) };
  if (month === null) {
    if (QUARTERLY.test(sentence)) return { day, month: null, recurrence: 'quarterly' };
    if (MONTHLY.test(sentence)) return { day, month: null, recurrence: 'monthly' };
    return null;
  }
  let recurrence: Recurrence = 'unspecified';
  // "15/6 hằng năm" right after the date binds tightest, then the sentence's frequency words
  if (YEARLY.test(tail)) recurrence = 'yearly';
  else if (QUARTERLY.test(sentence)) recurrence = 'quarterly';
  else if (SIX_MONTHLY.test(sentence)) recurrence = 'six-monthly';
  else if (YEARLY.test(sentence)) recurrence = 'yearly';
  return { day, month, recurrence };
}

/** Deadlines read from `canon[from, to)`, only in sentences about reporting/sending (báo cáo, gửi, nộp …). */
export function findDeadlines(doc: PlanText, from = 0, to = doc.canon.length): ReportDeadline[] {
  const found = new Map<string, ReportDeadline>();
  for (const m of matchAll(DEADLINE, doc.canon, from, to)) {
    const end = m.index + m[0].length;
    const sentence = sentenceAround(doc.canon, Math.max(from, m.index), end);
    if (!REPORT_WORDS.test(sentence)) continue;
    const d = deadlineFrom(m, sentence, doc.canon.slice(end, end + 15));
    if (d) found.set(JSON.stringify(d), d);
  }
  return [...found.values()];
}
