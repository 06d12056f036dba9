import type { ParsedPlan, Recurrence, ReportDeadline } from '../parse/types';
import {
  emptyPlanContent,
  type PlanContent,
  type PlanField,
  type PlanPhase,
  type PlanRecurrence,
  type PlanResponsibility,
} from './types';
import { readerNoteVi } from './warnings';

export interface ImportedDraft {
  content: PlanContent;
  /** the number as printed in the source ("252/KH-TTYT"); the app gives its own number on issue */
  sourceDocumentNumber: string | null;
  /** the content fields the reader filled (the UI marks them "đã nhận dạng") */
  recognised: PlanField[];
  warnings: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A valid ISO date for day/month/year, or null (31/2 → null). */
export function isoDay(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function recurrenceOf(r: Recurrence): PlanRecurrence | null {
  return r === 'unspecified' ? null : r;
}

/**
 * The first due date of a deadline: a dated one ("trước ngày 30/11/2027") as is; a yearly one
 * ("trước ngày 15/11 hằng năm") in the first year of the plan (the plan's issue year, else its first
 * phase year). Without a month or a year to anchor it: null (never guessed).
 */
export function firstDueOn(d: ReportDeadline, anchorYear: number | null): string | null {
  if (d.month == null) return null;
  const year = d.year ?? anchorYear;
  if (year == null) return null;
  return isoDay(year, d.month, d.day);
}

/**
 * Turns what the plan reader found into a draft plan. Nothing is invented: a field the reader did
 * not find stays empty and is absent from `recognised`.
 */
export function draftFromParsed(parsed: ParsedPlan): ImportedDraft {
  const c = emptyPlanContent();
  const recognised = new Set<PlanField>();
  const warnings = parsed.warnings.map(readerNoteVi);
  const set = <K extends PlanField>(field: K, value: PlanContent[K] | null) => {
    if (value == null || (Array.isArray(value) && value.length === 0) || value === '') return;
    c[field] = value as PlanContent[K];
    recognised.add(field);
  };

  set('title', parsed.title);
  set('place', parsed.place);
  set('issuedOn', parsed.issuedOn);
  set('issuerName', parsed.issuer);
  set('parentIssuerName', parsed.parentIssuer);
  set('awardForms', [...parsed.awardForms]);
  set('recipients', [...parsed.recipients]);
  set('contentAreas', [...parsed.contentAreas]);
  set('signerTitle', parsed.signer?.title ?? null);
  set('signerName', parsed.signer?.name ?? null);
  set('references', [
    ...parsed.implements.map((r) => ({
      kind: 'implements' as const,
      number: r.number,
      issuedOn: r.issuedOn,
      issuer: null,
      title: null,
      referencedPlanId: null,
    })),
    ...parsed.legalBases.map((r) => ({
      kind: 'legal_basis' as const,
      number: r.number,
      issuedOn: r.issuedOn,
      issuer: null,
      title: null,
      referencedPlanId: null,
    })),
  ]);

  // phases with the review held at the end of each (sơ kết 2027 closes 2025–2027 …)
  const reviews = [...parsed.reviews];
  const phases: PlanPhase[] = parsed.phases.map((p, i) => {
    const at = reviews.findIndex((r) => r.year === p.toYear);
    const review = at >= 0 ? reviews.splice(at, 1)[0]! : null;
    return {
      name: `Giai đoạn ${i + 1}`,
      fromYear: p.fromYear,
      toYear: p.toYear,
      reviewType: review?.type ?? null,
      reviewYear: review?.year ?? null,
    };
  });
  for (const r of reviews) {
    warnings.push(
      `${r.type === 'interim' ? 'Sơ kết' : 'Tổng kết'} năm ${r.year} không khớp với cuối giai đoạn nào; hãy ghi vào giai đoạn phù hợp.`,
    );
  }
  set('phases', phases);
  if (phases.length > 0) {
    set('yearFrom', Math.min(...phases.map((p) => p.fromYear)));
    set('yearTo', Math.max(...phases.map((p) => p.toYear)));
  }

  const anchorYear = parsed.issuedOn ? Number(parsed.issuedOn.slice(0, 4)) : (c.yearFrom ?? null);
  const responsibilities: PlanResponsibility[] = parsed.responsibilities.map((r) => {
    const d = r.deadlines[0];
    return {
      orgId: null,
      department: r.unit,
      content: r.text,
      dueOn: d ? firstDueOn(d, anchorYear) : null,
      recurrence: d ? recurrenceOf(d.recurrence) : null,
    };
  });
  set('responsibilities', responsibilities);

  return { content: c, sourceDocumentNumber: parsed.documentNumber, recognised: [...recognised], warnings };
}
