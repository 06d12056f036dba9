/**
 * The plan model (issue 4, item 1): everything a plan (Kế hoạch) of the fixtures carries, in the
 * form the API, the editor, the diff and the document builder share. Pure data, no I/O.
 */

export type ReferenceKind = 'implements' | 'legal_basis';
export type ReviewType = 'interim' | 'final';
export type PlanRecurrence = 'once' | 'yearly' | 'six-monthly' | 'quarterly' | 'monthly';

export const REFERENCE_KIND_NAMES: Record<ReferenceKind, string> = {
  implements: 'Thực hiện',
  legal_basis: 'Căn cứ',
};
export const REVIEW_TYPE_NAMES: Record<ReviewType, string> = { interim: 'Sơ kết', final: 'Tổng kết' };
export const RECURRENCE_NAMES: Record<PlanRecurrence, string> = {
  once: 'Một lần',
  yearly: 'Hằng năm',
  'six-monthly': '6 tháng một lần',
  quarterly: 'Hằng quý',
  monthly: 'Hằng tháng',
};
export const PLAN_STATUS_NAMES = { draft: 'Dự thảo', issued: 'Đã ban hành' } as const;
export type PlanStatus = keyof typeof PLAN_STATUS_NAMES;

/** A document the plan cites: a plan it implements ("Thực hiện …") or a legal basis ("Căn cứ …"). */
export interface PlanReference {
  kind: ReferenceKind;
  /** "234/KH-SYT" */
  number: string | null;
  issuedOn: string | null;
  /** "UBND tỉnh Điện Biên" */
  issuer: string | null;
  title: string | null;
  /** the plan in the system this reference points to, when known */
  referencedPlanId: string | null;
}

export interface PlanPhase {
  name: string | null;
  fromYear: number;
  toYear: number;
  reviewType: ReviewType | null;
  reviewYear: number | null;
}

export interface PlanTarget {
  content: string;
  indicatorCode: string | null;
  targetValue: number | null;
  unit: string | null;
  dueOn: string | null;
}

export interface PlanResponsibility {
  orgId: string | null;
  department: string;
  content: string;
  dueOn: string | null;
  recurrence: PlanRecurrence | null;
}

/** The editable content of a plan (everything but identity, status, number and bookkeeping). */
export interface PlanContent {
  title: string;
  place: string | null;
  issuedOn: string | null;
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
  recipients: string[];
  signerTitle: string | null;
  signerName: string | null;
  references: PlanReference[];
  phases: PlanPhase[];
  targets: PlanTarget[];
  responsibilities: PlanResponsibility[];
}

/** Scalar fields of PlanContent with their Vietnamese labels (editor, diff, import review). */
export const PLAN_FIELD_LABELS = {
  title: 'Trích yếu (tên kế hoạch)',
  place: 'Địa danh',
  issuedOn: 'Ngày ban hành',
  yearFrom: 'Từ năm',
  yearTo: 'Đến năm',
  issuerName: 'Cơ quan ban hành',
  parentIssuerName: 'Cơ quan chủ quản',
  purposes: 'Mục đích',
  requirements: 'Yêu cầu',
  participants: 'Đối tượng, phạm vi thi đua',
  contentAreas: 'Nội dung thi đua',
  criteriaCollective: 'Tiêu chí đối với tập thể',
  criteriaIndividual: 'Tiêu chí đối với cá nhân',
  criteriaOther: 'Tiêu chí khác',
  awardForms: 'Hình thức khen thưởng',
  budgetSources: 'Kinh phí',
  recipients: 'Nơi nhận',
  signerTitle: 'Chức vụ người ký',
  signerName: 'Người ký',
  references: 'Văn bản thực hiện, căn cứ',
  phases: 'Giai đoạn, sơ kết, tổng kết',
  targets: 'Chỉ tiêu',
  responsibilities: 'Tổ chức thực hiện (phân công)',
} as const satisfies Record<keyof PlanContent, string>;

export type PlanField = keyof PlanContent;

export function emptyPlanContent(): PlanContent {
  return {
    title: '',
    place: null,
    issuedOn: null,
    yearFrom: null,
    yearTo: null,
    issuerName: null,
    parentIssuerName: null,
    purposes: null,
    requirements: null,
    participants: null,
    contentAreas: [],
    criteriaCollective: null,
    criteriaIndividual: null,
    criteriaOther: null,
    awardForms: [],
    budgetSources: null,
    recipients: [],
    signerTitle: null,
    signerName: null,
    references: [],
    phases: [],
    targets: [],
    responsibilities: [],
  };
}

/** "234/KH-SYT" from a sequence number and a symbol. */
export function planDocumentNumber(number: number | null, symbol: string | null): string | null {
  if (number == null || !symbol) return null;
  return `${String(number).padStart(2, '0')}/${symbol}`;
}
