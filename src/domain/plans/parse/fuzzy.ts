/**
 * Approximate phrase search for OCR text (Sellers' algorithm: edit distance with a free start).
 *
 * OCR of Vietnamese mangles vowels with diacritics in many ways ("hình thức khen thưởng" comes out as
 * "Hinh thirc khen thuwéng"), so fixed regexes cannot list every variant of a long phrase. Instead we
 * look for the place where the folded phrase can be turned into the text at the lowest cost:
 *
 *   - same character                                    0
 *   - vowel read as another vowel (a/e/i/o/u/y)         0.5   "phic" for "phuc", "teng" for "tong"
 *   - đ read as p/b, c read as e, l/i/t confusions      0.5   "Pien Bien" for "Dien Bien"
 *   - any other substitution, missing or extra letter   1
 *   - missing/extra space or punctuation                0.3   "SOY TE" for "SO Y TE", "C0¢"
 *
 * Both the phrase and the text must be folded (see text.ts `canon`). The default budget is 18 % of the
 * phrase length, so short phrases must match almost exactly: use regexes for words of 2–5 letters.
 */

const VOWELS = new Set('aeiouy');
const CONFUSABLE: string[] = ['dpb', 'ce', 'lit', 'oq', 'nr', 'mn'];

function isGap(c: string): boolean {
  return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
}

function subCost(a: string, b: string): number {
  if (a === b) return 0;
  if (isGap(a) && isGap(b)) return 0;
  if (VOWELS.has(a) && VOWELS.has(b)) return 0.5;
  for (const group of CONFUSABLE) if (group.includes(a) && group.includes(b)) return 0.5;
  return 1;
}

const gapCost = (c: string) => (isGap(c) ? 0.3 : 1);

export interface FuzzyMatch {
  start: number;
  end: number;
  cost: number;
}

export interface FuzzyOptions {
  from?: number;
  to?: number;
  /** maximum cost; default 18 % of the phrase length (at least 0.5) */
  maxCost?: number;
}

export function defaultBudget(phrase: string): number {
  return Math.max(0.5, phrase.length * 0.18);
}

/**
 * All non-overlapping approximate occurrences of `phrase` in `text[from, to)`, left to right.
 * Each is the cheapest match ending in its run of acceptable end positions.
 */
export function fuzzyFindAll(text: string, phrase: string, options: FuzzyOptions = {}): FuzzyMatch[] {
  const from = options.from ?? 0;
  const to = Math.min(options.to ?? text.length, text.length);
  const maxCost = options.maxCost ?? defaultBudget(phrase);
  const m = phrase.length;
  if (m === 0 || to <= from) return [];

  // prev/cur: cost of matching phrase[0..i) ending at the current text position; starts: where that match began.
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  let prevStart = new Int32Array(m + 1);
  let curStart = new Int32Array(m + 1);
  prev[0] = 0;
  prevStart[0] = from;
  for (let i = 1; i <= m; i++) {
    prev[i] = prev[i - 1] + gapCost(phrase[i - 1]);
    prevStart[i] = from;
  }

  const results: FuzzyMatch[] = [];
  let best: FuzzyMatch | null = null;
  let blockedUntil = from; // matches may not start before the end of the previous result
  for (let j = from; j < to; j++) {
    const t = text[j];
    cur[0] = 0;
    curStart[0] = j + 1;
    for (let i = 1; i <= m; i++) {
      const p = phrase[i - 1];
      let cost = prev[i - 1] + subCost(p, t);
      let start = prevStart[i - 1];
      const del = cur[i - 1] + gapCost(p); // phrase letter missing in the text
      if (del < cost) {
        cost = del;
        start = curStart[i - 1];
      }
      const ins = prev[i] + gapCost(t); // extra character in the text
      if (ins < cost) {
        cost = ins;
        start = prevStart[i];
      }
      cur[i] = cost;
      curStart[i] = start;
    }
    const endCost = cur[m];
    const start = curStart[m];
    if (endCost <= maxCost && start >= blockedUntil && start <= j) {
      if (!best || endCost < best.cost || (endCost === best.cost && start === best.start)) {
        best = { start, end: j + 1, cost: endCost };
      }
    } else if (best) {
      results.push(trim(text, best));
      blockedUntil = best.end;
      best = null;
    }
    [prev, cur] = [cur, prev];
    [prevStart, curStart] = [curStart, prevStart];
  }
  if (best) results.push(trim(text, best));
  return results;
}

/** Drops leading/trailing gap characters from a match. */
function trim(text: string, m: FuzzyMatch): FuzzyMatch {
  let { start, end } = m;
  while (start < end && isGap(text[start])) start++;
  while (end > start && isGap(text[end - 1])) end--;
  return { start, end, cost: m.cost };
}

export function fuzzyFind(text: string, phrase: string, options: FuzzyOptions = {}): FuzzyMatch | null {
  return fuzzyFindAll(text, phrase, options)[0] ?? null;
}

/** Plain Levenshtein distance with the same costs, for whole short strings. */
export function ocrDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(
        prev[j - 1] + subCost(a[i - 1], b[j - 1]),
        prev[j] + gapCost(a[i - 1]),
        cur[j - 1] + gapCost(b[j - 1]),
      );
    }
    prev = cur;
  }
  return prev[b.length];
}
