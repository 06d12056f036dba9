/**
 * The preamble between the title and section "I.": the documents the plan rests on.
 *
 *   Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 …; Quyết định số 923/QĐ-TTg ngày 14/5/2025 …;   → legalBases
 *   Thực hiện Kế hoạch số 234/KH-SYT ngày 08/8/2025 của Sở Y tế …                                    → implements
 *   Trung tâm Y tế … ban hành Kế hoạch … như sau:                                                     (end)
 *
 * Each reference belongs to the nearest clause keyword ("Căn cứ" / "Thực hiện") that *starts a
 * sentence* before it; a mid-sentence "về thực hiện Nghị quyết …" is not a new clause. Of the
 * references under "Thực hiện", plans (kind KH) are `implements`; the others (a Nghị quyết, a Công
 * văn …) are legal bases. References after the closing "… ban hành Kế hoạch" sentence are ignored.
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
const CLAUSE = /(?:^|\n|[.;:][ ]+)[ ]*(?:(c[a-z]n[ ]*c[a-z]{1,2})|(th[a-z]{0,2}c[ ]*h[a-z]{1,3}n))[ ]/g;
// The closing sentence: "<issuer> ban hành Kế hoạch …".
const ISSUES_PLAN = /ban\s+h[a-z]{1,2}nh\s+k[a-z]{0,2}\s*h[o0q][a-z]{1,2}ch/g;

export function parsePreamble(doc: PlanText, start: number): Preamble {
  const warnings: string[] = [];
  const rest = doc.canon.slice(start);
  const section = FIRST_SECTION.exec(rest);
  const end = section ? start + section.index : Math.min(doc.raw.length, start + 5000);
  if (!section) warnings.push('Section "I." not found: the preamble was taken as the next 5000 characters.');

  const issues = matchAll(ISSUES_PLAN, doc.canon, start, end);
  const refsEnd = issues.length ? issues[issues.length - 1].index : end;

  const clauses = matchAll(CLAUSE, doc.canon, start, refsEnd).map((m) => ({
    at: m.index,
    type: m[1] ? ('basis' as const) : ('implements' as const),
  }));

  const implementsRefs: DocumentRef[] = [];
  const bases: DocumentRef[] = [];
  for (const ref of findReferences(doc.raw, doc.fold, start, refsEnd)) {
    let clause: (typeof clauses)[number] | undefined;
    for (const c of clauses) if (c.at <= ref.start) clause = c;
    if (!clause) continue;
    const item = { number: ref.number, issuedOn: ref.issuedOn };
    if (clause.type === 'implements' && ref.kind === 'KH') implementsRefs.push(item);
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
