import type { AwardCode } from '../../commendation/codes';

/** A document cited by a plan: its number and symbol ("234/KH-SYT") and its date when the text gives one. */
export interface DocumentRef {
  number: string;
  /** YYYY-MM-DD, or null when the text gives no (valid) date right after the number. */
  issuedOn: string | null;
}

/** A phase (giai đoạn) of the movement. */
export interface Phase {
  fromYear: number;
  toYear: number;
}

/** A review conference: sơ kết → interim, tổng kết → final. */
export interface Review {
  type: 'interim' | 'final';
  year: number;
}

/**
 * How often a report deadline recurs.
 * - once: a dated deadline ("trước ngày 30/11/2027"), `year` is set
 * - yearly: "trước ngày 15/11 hằng năm"
 * - six-monthly / quarterly / monthly: the text names that frequency
 * - unspecified: a day/month without a year and without any frequency word
 */
export type Recurrence = 'once' | 'yearly' | 'six-monthly' | 'quarterly' | 'monthly' | 'unspecified';

export interface ReportDeadline {
  day: number;
  /** null only for monthly / quarterly deadlines given as a day ("trước ngày 25 của tháng cuối quý"). */
  month: number | null;
  recurrence: Recurrence;
  year?: number;
}

export interface Signer {
  /** "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"; null when no title line was recognised. */
  title: string | null;
  /** "Nguyễn Văn A" in proper case, academic prefixes (BSCKII., ThS. …) removed; null when not found. */
  name: string | null;
}

/** One department's duties from the "Tổ chức thực hiện" section. */
export interface Responsibility {
  unit: string;
  text: string;
  deadlines: ReportDeadline[];
}

/**
 * The structured draft read from a plan's text. Every field is what the text says:
 * a field that was not found is null (or [] for lists), never a guess.
 */
export interface ParsedPlan {
  documentNumber: string | null;
  issuer: string | null;
  parentIssuer: string | null;
  place: string | null;
  issuedOn: string | null;
  title: string | null;
  implements: DocumentRef[];
  legalBases: DocumentRef[];
  phases: Phase[];
  reviews: Review[];
  awardForms: AwardCode[];
  reportDeadlines: ReportDeadline[];
  signer: Signer | null;
  recipients: string[];
  /** Content areas ("Thi đua …" items of the "Nội dung thi đua" section), first sentence each. */
  contentAreas: string[];
  responsibilities: Responsibility[];
  /** Human-readable notes on what could not be read or was read with doubt. */
  warnings: string[];
}
