import { z } from 'zod';
import { PERIOD_KINDS, TASK_STATUSES } from '../domain/reports/reports';
import { IsoDate, OptionalText, QueryBool, QueryInt, Text, Uuid } from './common';

// ---------------------------------------------------------------- tasks

export const TaskListQuery = z.strictObject({
  orgId: Uuid.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  overdue: QueryBool.optional(),
  planId: Uuid.optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});
export type TaskListQueryT = z.infer<typeof TaskListQuery>;

const OrgRef = z.object({ id: z.string(), name: z.string() });

export const TaskItem = z.object({
  id: z.string(),
  org: OrgRef,
  assigneeOrg: OrgRef.nullable(),
  assigneeDepartment: z.string().nullable(),
  content: z.string(),
  dueOn: z.string().nullable(),
  recurrence: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  statusName: z.string(),
  overdue: z.boolean(),
  sourceResponsibilityId: z.string().nullable(),
  planId: z.string().nullable(),
  note: z.string().nullable(),
  doneAt: z.string().nullable(),
  version: z.number(),
  canEdit: z.boolean(),
});

export const CreateTaskBody = z.strictObject({
  orgId: Uuid,
  assigneeOrgId: Uuid.nullable().optional(),
  assigneeDepartment: OptionalText(300),
  content: Text(4000, 'Nội dung nhiệm vụ'),
  dueOn: IsoDate.nullable().optional(),
  recurrence: OptionalText(100),
  note: OptionalText(2000),
});
export type CreateTaskBodyT = z.infer<typeof CreateTaskBody>;

export const UpdateTaskBody = z.strictObject({
  version: z.number().int().min(1),
  status: z.enum(TASK_STATUSES).optional(),
  content: Text(4000, 'Nội dung nhiệm vụ').optional(),
  assigneeDepartment: OptionalText(300),
  dueOn: IsoDate.nullable().optional(),
  note: OptionalText(2000),
});
export type UpdateTaskBodyT = z.infer<typeof UpdateTaskBody>;

export const TasksFromPlanBody = z.strictObject({ planId: Uuid });

// ---------------------------------------------------------------- report requests

const Code = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9_]{0,39}$/,
    'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ',
  );

export const TemplateField = z.strictObject({
  code: Code,
  label: Text(300, 'Tên chỉ tiêu'),
  unit: z.string().trim().max(50, 'Đơn vị tính không được dài quá 50 ký tự'),
  aggregate: z.enum(['sum', 'avg']),
});
export const TemplateSection = z.strictObject({ code: Code, title: Text(300, 'Tên phần nội dung') });
export const ReportTemplate = z.strictObject({
  fields: z.array(TemplateField).max(100),
  sections: z.array(TemplateSection).max(30),
});

export const CreateReportRequestBody = z.strictObject({
  orgId: Uuid,
  title: Text(500, 'Tên báo cáo'),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number().int().min(2000).max(2100),
  dueOn: IsoDate,
  template: ReportTemplate,
  note: OptionalText(2000),
  /** default: every active direct subordinate of orgId */
  targetOrgIds: z.array(Uuid).max(1000).optional(),
});
export type CreateReportRequestBodyT = z.infer<typeof CreateReportRequestBody>;

export const ReportListQuery = z.strictObject({
  year: QueryInt(2000, 2100).optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});
export type ReportListQueryT = z.infer<typeof ReportListQuery>;

const StatusCounts = z.object({
  submitted: z.number(),
  late: z.number(),
  missing: z.number(),
  pending: z.number(),
});

export const ReportRequestItem = z.object({
  id: z.string(),
  org: OrgRef,
  title: z.string(),
  periodKind: z.enum(PERIOD_KINDS),
  periodYear: z.number(),
  periodLabel: z.string(),
  dueOn: z.string(),
  status: z.string(),
  targets: z.number(),
  counts: StatusCounts,
  /** the caller can see the whole board (holds report.read on the requesting organisation) */
  isRequester: z.boolean(),
});

export const ReportRequestDetail = ReportRequestItem.extend({
  template: ReportTemplate,
  note: z.string().nullable(),
  createdAt: z.string(),
  canRemind: z.boolean(),
});

export const BoardRow = z.object({
  org: OrgRef.extend({ code: z.string() }),
  submissionId: z.string(),
  status: z.enum(['submitted', 'late', 'missing', 'pending']),
  statusName: z.string(),
  submittedAt: z.string().nullable(),
  lastReminderOn: z.string().nullable(),
  reminders: z.number(),
  canSubmit: z.boolean(),
});
export const Board = z.object({
  today: z.string(),
  dueOn: z.string(),
  counts: StatusCounts,
  rows: z.array(BoardRow),
});

export const SubmissionDetail = z.object({
  id: z.string(),
  requestId: z.string(),
  org: OrgRef,
  figures: z.record(z.string(), z.number().nullable()),
  narrative: z.record(z.string(), z.string()),
  status: z.enum(['draft', 'submitted']),
  boardStatus: z.enum(['submitted', 'late', 'missing', 'pending']),
  submittedAt: z.string().nullable(),
  version: z.number(),
  canEdit: z.boolean(),
  missing: z.object({ fields: z.array(z.string()), sections: z.array(z.string()) }),
});

export const SubmissionParams = z.strictObject({ id: Uuid, orgId: Uuid });

export const SaveSubmissionBody = z.strictObject({
  version: z.number().int().min(1),
  figures: z.record(z.string(), z.number().finite().nullable()),
  narrative: z.record(z.string(), z.string().max(20_000, 'Nội dung không được dài quá 20.000 ký tự')),
});
export type SaveSubmissionBodyT = z.infer<typeof SaveSubmissionBody>;

export const SubmitBody = z.strictObject({ version: z.number().int().min(1) });

export const RemindBody = z.strictObject({ orgIds: z.array(Uuid).max(1000).optional() });
export const RemindResult = z.object({ reminded: z.number(), mails: z.number() });

export const RollUp = z.object({
  request: z.object({
    id: z.string(),
    title: z.string(),
    periodLabel: z.string(),
    dueOn: z.string(),
    org: OrgRef,
  }),
  counts: StatusCounts,
  targets: z.number(),
  fields: z.array(
    z.object({
      code: z.string(),
      label: z.string(),
      unit: z.string(),
      aggregate: z.enum(['sum', 'avg']),
      value: z.number().nullable(),
      count: z.number(),
    }),
  ),
  byOrg: z.array(
    z.object({ org: OrgRef, status: z.string(), figures: z.record(z.string(), z.number().nullable()) }),
  ),
  statistics: z.object({
    year: z.number(),
    awardsByForm: z.array(z.object({ code: z.string(), name: z.string(), count: z.number() })),
    registrations: z.object({ collectives: z.number(), individuals: z.number(), available: z.boolean() }),
    initiatives: z.object({
      total: z.number(),
      byScope: z.array(z.object({ scope: z.string(), name: z.string(), count: z.number() })),
    }),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        value: z.number().nullable(),
        target: z.number().nullable(),
        status: z.string(),
      }),
    ),
    indicatorsAvailable: z.boolean(),
  }),
});
export type RollUpT = z.infer<typeof RollUp>;

// ---------------------------------------------------------------- mail and notifications

export const OutboxQuery = z.strictObject({
  status: z.enum(['queued', 'sent', 'failed', 'not_sent']).optional(),
  kind: z.string().max(50).optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});

export const OutboxItem = z.object({
  id: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  kind: z.string(),
  refId: z.string().nullable(),
  org: OrgRef.nullable(),
  status: z.enum(['queued', 'sent', 'failed', 'not_sent']),
  statusName: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string(),
});

export const NotificationsQuery = z.strictObject({
  unreadOnly: QueryBool.optional(),
  limit: QueryInt(1, 100).optional(),
});
export const NotificationItem = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.string(),
});
export const NotificationList = z.object({ items: z.array(NotificationItem), unread: z.number() });
