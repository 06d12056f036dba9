/** The plan editor's form values ↔ the API's plan content (dates as dayjs, recipients one per line). */
import type { Dayjs } from 'dayjs';
import { fromIsoDate, toIsoDate } from '../../lib/format';
import type { PlanContentT, PlanContentWrite } from './api';

type D = Dayjs | null;
export interface PlanFormValues {
  title: string;
  place: string | null;
  issuedOn: D;
  yearFrom: number | null;
  yearTo: number | null;
  issuerName: string | null;
  parentIssuerName: string | null;
  purposes: string | null;
  requirements: string | null;
  participants: string | null;
  contentAreas: string[];
  criteriaCollective: string | null;
  criteriaIndividual: string | null;
  criteriaOther: string | null;
  awardForms: string[];
  budgetSources: string | null;
  recipients: string;
  signerTitle: string | null;
  signerName: string | null;
  references: (Omit<PlanContentT['references'][number], 'issuedOn'> & { issuedOn: D })[];
  phases: PlanContentT['phases'];
  targets: (Omit<PlanContentT['targets'][number], 'dueOn'> & { dueOn: D })[];
  responsibilities: (Omit<PlanContentT['responsibilities'][number], 'dueOn'> & { dueOn: D })[];
}

export function toForm(c: PlanContentT): PlanFormValues {
  return {
    ...c,
    issuedOn: fromIsoDate(c.issuedOn),
    recipients: c.recipients.join('\n'),
    references: c.references.map((r) => ({ ...r, issuedOn: fromIsoDate(r.issuedOn) })),
    targets: c.targets.map((x) => ({ ...x, dueOn: fromIsoDate(x.dueOn) })),
    responsibilities: c.responsibilities.map((x) => ({ ...x, dueOn: fromIsoDate(x.dueOn) })),
  };
}

const s = (v: string | null | undefined) => (v == null ? null : v);

export function fromForm(v: PlanFormValues): PlanContentWrite {
  return {
    title: v.title ?? '',
    place: s(v.place),
    issuedOn: toIsoDate(v.issuedOn),
    yearFrom: v.yearFrom ?? null,
    yearTo: v.yearTo ?? null,
    issuerName: s(v.issuerName),
    parentIssuerName: s(v.parentIssuerName),
    purposes: s(v.purposes),
    requirements: s(v.requirements),
    participants: s(v.participants),
    contentAreas: (v.contentAreas ?? []).map((x) => x?.trim()).filter(Boolean),
    criteriaCollective: s(v.criteriaCollective),
    criteriaIndividual: s(v.criteriaIndividual),
    criteriaOther: s(v.criteriaOther),
    awardForms: (v.awardForms ?? []) as PlanContentWrite['awardForms'],
    budgetSources: s(v.budgetSources),
    recipients: (v.recipients ?? '')
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean),
    signerTitle: s(v.signerTitle),
    signerName: s(v.signerName),
    references: (v.references ?? []).map((r) => ({
      kind: r.kind,
      number: s(r.number),
      issuedOn: toIsoDate(r.issuedOn),
      issuer: s(r.issuer),
      title: s(r.title),
      referencedPlanId: r.referencedPlanId ?? null,
    })),
    phases: (v.phases ?? []).map((p) => ({
      name: s(p.name),
      fromYear: p.fromYear,
      toYear: p.toYear,
      reviewType: p.reviewType ?? null,
      reviewYear: p.reviewYear ?? null,
    })),
    targets: (v.targets ?? []).map((x) => ({
      content: x.content,
      indicatorCode: s(x.indicatorCode),
      targetValue: x.targetValue ?? null,
      unit: s(x.unit),
      dueOn: toIsoDate(x.dueOn),
    })),
    responsibilities: (v.responsibilities ?? []).map((x) => ({
      orgId: x.orgId ?? null,
      department: x.department,
      content: x.content,
      dueOn: toIsoDate(x.dueOn),
      recurrence: x.recurrence ?? null,
    })),
  };
}
