/**
 * Periodic reports (báo cáo định kỳ) and tasks: pure rules, no I/O.
 *  - a report request carries a template of figure fields and narrative sections;
 *  - each requested organisation's report is submitted / late / missing / pending against the due date;
 *  - the roll-up combines the submitted figures field by field (sum or average).
 */

export const PERIOD_KINDS = ['year', 'interim', 'final'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export const PERIOD_KIND_NAMES: Record<PeriodKind, string> = {
  year: 'Báo cáo năm',
  interim: 'Sơ kết',
  final: 'Tổng kết',
};

/** "Năm 2026", "Sơ kết 2027", "Tổng kết 2030". */
export function periodLabel(kind: PeriodKind, year: number): string {
  return kind === 'year' ? `Năm ${year}` : `${PERIOD_KIND_NAMES[kind]} ${year}`;
}

export type Aggregate = 'sum' | 'avg';

export interface TemplateField {
  code: string;
  label: string;
  unit: string;
  aggregate: Aggregate;
}

export interface TemplateSection {
  code: string;
  title: string;
}

export interface ReportTemplate {
  fields: TemplateField[];
  sections: TemplateSection[];
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Template checks: at least one field or section, unique codes. */
export function templateProblems(t: ReportTemplate): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (t.fields.length === 0 && t.sections.length === 0)
    problems.push({
      field: 'template',
      message: 'Mẫu báo cáo cần ít nhất một chỉ tiêu số liệu hoặc một phần nội dung.',
    });
  const seen = new Set<string>();
  t.fields.forEach((f, i) => {
    if (seen.has(f.code))
      problems.push({ field: `template.fields.${i}.code`, message: `Mã chỉ tiêu "${f.code}" bị trùng.` });
    seen.add(f.code);
  });
  const seenSections = new Set<string>();
  t.sections.forEach((s, i) => {
    if (seenSections.has(s.code))
      problems.push({
        field: `template.sections.${i}.code`,
        message: `Mã phần nội dung "${s.code}" bị trùng.`,
      });
    seenSections.add(s.code);
  });
  return problems;
}

export type Figures = Record<string, number | null>;
export type Narrative = Record<string, string>;

/** A submission may only carry the template's fields and sections. */
export function submissionProblems(
  t: ReportTemplate,
  figures: Figures,
  narrative: Narrative,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const codes = new Set(t.fields.map((f) => f.code));
  for (const [code, value] of Object.entries(figures)) {
    if (!codes.has(code))
      problems.push({ field: `figures.${code}`, message: `Chỉ tiêu "${code}" không có trong mẫu báo cáo.` });
    else if (value !== null && !Number.isFinite(value))
      problems.push({ field: `figures.${code}`, message: 'Số liệu phải là một số.' });
  }
  const sections = new Set(t.sections.map((s) => s.code));
  for (const code of Object.keys(narrative)) {
    if (!sections.has(code))
      problems.push({ field: `narrative.${code}`, message: `Phần "${code}" không có trong mẫu báo cáo.` });
  }
  return problems;
}

/** Which fields and sections are still empty (shown before submitting, not blocking). */
export function missingParts(t: ReportTemplate, figures: Figures, narrative: Narrative) {
  return {
    fields: t.fields
      .filter((f) => figures[f.code] === undefined || figures[f.code] === null)
      .map((f) => f.code),
    sections: t.sections.filter((s) => !(narrative[s.code] ?? '').trim()).map((s) => s.code),
  };
}

export type SubmissionStatus = 'submitted' | 'late' | 'missing' | 'pending';

export const SUBMISSION_STATUS_NAMES: Record<SubmissionStatus, string> = {
  submitted: 'Đã nộp đúng hạn',
  late: 'Nộp muộn',
  missing: 'Chưa nộp (quá hạn)',
  pending: 'Chưa nộp (còn hạn)',
};

/**
 * Status of one organisation's report.
 * `submittedOn` and `today` are calendar dates in Vietnam; a report is on time when submitted on
 * or before the due date ("trước ngày 15/11" is read as: by the end of 15/11).
 */
export function submissionStatus(dueOn: string, submittedOn: string | null, today: string): SubmissionStatus {
  if (submittedOn) return submittedOn > dueOn ? 'late' : 'submitted';
  return today > dueOn ? 'missing' : 'pending';
}

/**
 * Whether the automatic daily check reminds this organisation: its report is overdue and still not
 * submitted. A report already submitted late has nothing left to remind about (it shows as late).
 */
export function needsReminder(status: SubmissionStatus): boolean {
  return status === 'missing';
}

/** A manual "Nhắc hạn" may go to any organisation that has not submitted yet. */
export function canRemindManually(status: SubmissionStatus): boolean {
  return status === 'missing' || status === 'pending';
}

export interface RolledUpField extends TemplateField {
  /** sum or average of the reported values; null when nobody reported the field */
  value: number | null;
  /** how many submitted reports gave a value */
  count: number;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Combines the submitted reports' figures field by field. */
export function rollUpFigures(fields: TemplateField[], submitted: { figures: Figures }[]): RolledUpField[] {
  return fields.map((f) => {
    const values = submitted
      .map((s) => s.figures[f.code])
      .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    if (values.length === 0) return { ...f, value: null, count: 0 };
    const sum = values.reduce((a, b) => a + b, 0);
    return { ...f, value: round2(f.aggregate === 'sum' ? sum : sum / values.length), count: values.length };
  });
}

/** Counts per status for the board's summary. */
export function countStatuses(statuses: SubmissionStatus[]): Record<SubmissionStatus, number> {
  const counts: Record<SubmissionStatus, number> = { submitted: 0, late: 0, missing: 0, pending: 0 };
  for (const s of statuses) counts[s]++;
  return counts;
}

// ---------------------------------------------------------------- tasks

export const TASK_STATUSES = ['open', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TASK_STATUS_NAMES: Record<TaskStatus, string> = { open: 'Đang thực hiện', done: 'Hoàn thành' };

/** An open task whose due date has passed (done tasks are never overdue). */
export function isTaskOverdue(task: { status: TaskStatus; dueOn: string | null }, today: string): boolean {
  return task.status === 'open' && task.dueOn !== null && task.dueOn < today;
}

/** The default yearly report template of the health sector's emulation movements. */
export const DEFAULT_YEARLY_TEMPLATE: ReportTemplate = {
  fields: [
    {
      code: 'registered_collectives',
      label: 'Số tập thể đăng ký thi đua',
      unit: 'tập thể',
      aggregate: 'sum',
    },
    { code: 'registered_individuals', label: 'Số cá nhân đăng ký thi đua', unit: 'người', aggregate: 'sum' },
    { code: 'initiatives', label: 'Số sáng kiến được công nhận', unit: 'sáng kiến', aggregate: 'sum' },
    { code: 'emr_rate', label: 'Tỷ lệ hồ sơ bệnh án điện tử', unit: '%', aggregate: 'avg' },
    {
      code: 'digital_skills_rate',
      label: 'Tỷ lệ viên chức hoàn thành Bình dân học vụ số',
      unit: '%',
      aggregate: 'avg',
    },
  ],
  sections: [
    { code: 'results', title: 'Kết quả thực hiện phong trào thi đua' },
    { code: 'limitations', title: 'Tồn tại, hạn chế và nguyên nhân' },
    { code: 'proposals', title: 'Phương hướng, nhiệm vụ và kiến nghị, đề xuất' },
  ],
};
