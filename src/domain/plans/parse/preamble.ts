/**
 * The preamble between the title and section "I.": the documents the plan rests on.
 *
 *   Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 …; Quyết định số 923/QĐ-TTg ngày 14/5/2025 …;   → legalBases
 *   Thực hiện Kế hoạch số 234/KH-SYT ngày 08/8/2025 của Sở Y tế …                                    → implements
 *   Trung tâm Y tế … ban hành Kế hoạch … như sau:                                                     (end)
 *
 * Each reference belongs to the nearest clause keyword ("Căn cứ" / "Thực hiện") that *starts a
 * sentence* before it; a mid-sentence "về thực hiện Nghị quyết …" is not a new clause. Of the
 * references under "Thực hiện", plans (kind KH) listed directly are `implements`; the others (a Nghị
 * quyết, a Công văn, a document cited inside another one's description) are legal bases.
 * References after the closing "… ban hành Kế hoạch" sentence are ignored.
 */
import { dedupeRefs, findReferences } from './numbers';
import type { PlanText } from './text';
import { matchAll } from './text';
import type { DocumentRef } from './types';

export interface Preamble {
  implements: DocumentRef[];
  legalBases: DocumentRef[];
  /** index in raw where section "I." (the body) starts */
  end: number;
  warnings: string[];
}

// Section "I." (OCR: "l.", "1."), or "MỤC ĐÍCH" heading, at the start of a line — the end of the preamble.
const FIRST_SECTION = /\n[ ]*(?:(?:i|l)[ ]*[.,:][ ]+\S|(?:i|l|1)[ ]*[.,:]?[ ]*m[a-z]c\s+[dp][a-z]{1,2}ch)/;
// Clause keywords at a sentence start: "Căn cứ" (OCR "Cin ctr"), "Thực hiện" (OCR "Thuc hién").
// (No space is required after the keyword: OCR glues words, "Thwc hiénKé hoạch".)
const CLAUSE = /(?<=(?:^|\n|[.;:] )[ ]*)(?:(c[a-z]n[ ]*c[a-z]{1,2})|(th[a-z]{0,2}c[ ]*h[a-z]{1,3}n))/g;
// The closing sentence: "<issuer> ban hành Kế hoạch …".
const ISSUES_PLAN = /ban\s*h[a-z]{1,2}nh\s*k[a-z]{0,2}\s*h[o0q][a-z]{1,2}ch/g;

// A new item of a list of documents: "; Kế hoạch số …", " và Kế hoạch số …", ", Quyết định số …"
// (OCR may glue "và" to the word before: "Y téva Kéhoach").
const LIST_SEPARATOR =
  /(?:;|,|v[a])\s*(?=(?:k[e]\s*h[o]ach|quy[e]t\s*d[i]nh|ngh[i]\s*(?:quy[e]t|d[i]nh)|ch[u]\s*th[i]|th[o]ng\s*t[u]|c[o]ng\s*v[a]n|v[a]n\s*b[a]n|h[u][o]ng\s*d[a]n|ch[u][o]ng\s*tr[i]nh))/g;

/**
 * True when a reference is cited *inside* the description of the previous one ("Kế hoạch số 45/KH-UBND
 * … về thực hiện Nghị quyết số 57-NQ/TW"): the text since the previous reference has "về" after its
 * last list separator.
 */
function isNested(since: string): boolean {
  const seps = matchAll(LIST_SEPARATOR, since);
  const tail = seps.length ? since.slice(seps[seps.length - 1].index) : since;
  return /(?<![a-z])v[e](?![a-z])/.test(tail);
}

export function parsePreamble(doc: PlanText, start: number): Preamble {
  const warnings: string[] = [];
  const rest = doc.canon.slice(start);
  const section = FIRST_SECTION.exec(rest);
  const end = section ? start + section.index : Math.min(doc.raw.length, start + 5000);
  if (!section) warnings.push('Section "I." not found: the preamble was taken as the next 5000 characters.');

  const allClauses = matchAll(CLAUSE, doc.canon, start, end).map((m) => ({
    at: m.index,
    type: m[1] ? ('basis' as const) : ('implements' as const),
  }));
  // The issuing sentence is the first "ban hành Kế hoạch" after the last clause starts (a Căn cứ item
  // may itself say "Quyết định … ban hành Kế hoạch …").
  const lastClause = allClauses.length ? allClauses[allClauses.length - 1].at : start;
  const refsEnd = matchAll(ISSUES_PLAN, doc.canon, lastClause, end)[0]?.index ?? end;
  const clauses = allClauses.filter((c) => c.at < refsEnd);

  const implementsRefs: DocumentRef[] = [];
  const bases: DocumentRef[] = [];
  let previousEnd = start;
  for (const ref of findReferences(doc.raw, doc.fold, start, refsEnd)) {
    let clause: (typeof clauses)[number] | undefined;
    for (const c of clauses) if (c.at <= ref.start) clause = c;
    const since = doc.canon.slice(Math.max(clause?.at ?? start, previousEnd), ref.start);
    previousEnd = ref.end;
    if (!clause) continue;
    const item = { number: ref.number, issuedOn: ref.issuedOn };
    if (clause.type === 'implements' && ref.kind === 'KH' && !isNested(since)) implementsRefs.push(item);
    else bases.push(item);
  }

  const implementsList = dedupeRefs(implementsRefs);
  const implemented = new Set(implementsList.map((r) => r.number));
  const legalBases = dedupeRefs(bases).filter((r) => !implemented.has(r.number));
  if (implementsList.length === 0) {
    const plans = legalBases.filter((r) => /^\d+[-/]KH\b/.test(r.number) || /\/KH-/.test(r.number));
    warnings.push(
      plans.length
        ? `No "Thực hiện Kế hoạch …" clause; the legal bases include plan(s) ${plans.map((p) => p.number).join(', ')}, possibly the parent plan.`
        : 'No "Thực hiện Kế hoạch …" clause: the implemented plan is unknown.',
    );
  }
  return { implements: implementsList, legalBases, end, warnings };
}
