import { z } from 'zod';
import { AWARD_CODES } from '../domain/commendation/codes';
import { IsoDate, QueryInt, Uuid } from './common';

/** Optional multi-line text (purposes, criteria …): trimmed, empty → null. */
const LongText = (max = 20_000) =>
  z
    .string()
    .trim()
    .max(max, `Không được dài quá ${max} ký tự`)
    .transform((s) => (s === '' ? null : s))
    .nullable();
const ShortText = (max = 500) => LongText(max);
const Year = z.number().int().min(1945, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');
const Items = (max = 1000) =>
  z.array(z.string().trim().min(1, 'Mục không được để trống').max(max)).max(200, 'Quá nhiều mục');

export const PlanReferenceInput = z.strictObject({
  kind: z.enum(['implements', 'legal_basis']),
  number: ShortText(100),
  issuedOn: IsoDate.nullable(),
  issuer: ShortText(300),
  title: ShortText(1000),
  referencedPlanId: Uuid.nullable(),
});

export const PlanPhaseInput = z
  .strictObject({
    name: ShortText(200),
    fromYear: Year,
    toYear: Year,
    reviewType: z.enum(['interim', 'final']).nullable(),
    reviewYear: Year.nullable(),
  })
  .refine((p) => p.toYear >= p.fromYear, {
    message: 'Năm kết thúc phải không trước năm bắt đầu',
    path: ['toYear'],
  });

export const PlanTargetInput = z.strictObject({
  content: z.string().trim().min(1, 'Nội dung chỉ tiêu không được để trống').max(2000),
  indicatorCode: ShortText(50),
  targetValue: z.number().finite().nullable(),
  unit: ShortText(50),
  dueOn: IsoDate.nullable(),
});

export const PlanResponsibilityInput = z.strictObject({
  orgId: Uuid.nullable(),
  department: z.string().trim().min(1, 'Đơn vị, phòng ban chủ trì không được để trống').max(500),
  content: z.string().trim().min(1, 'Nội dung nhiệm vụ không được để trống').max(20_000),
  dueOn: IsoDate.nullable(),
  recurrence: z.enum(['once', 'yearly', 'six-monthly', 'quarterly', 'monthly']).nullable(),
});

/** Every content field of a plan; a PATCH may send any subset. */
export const PlanContentInput = z.strictObject({
  title: z.string().trim().max(2000, 'Trích yếu quá dài'),
  place: ShortText(200),
  issuedOn: IsoDate.nullable(),
  yearFrom: Year.nullable(),
  yearTo: Year.nullable(),
  issuerName: ShortText(300),
  parentIssuerName: ShortText(300),
  purposes: LongText(),
  requirements: LongText(),
  participants: LongText(),
  contentAreas: Items(5000),
  criteriaCollective: LongText(),
  criteriaIndividual: LongText(),
  criteriaOther: LongText(),
  awardForms: z.array(z.enum(AWARD_CODES, 'Hình thức khen thưởng không có trong danh mục')).max(50),
  budgetSources: LongText(),
  recipients: Items(500),
  signerTitle: ShortText(200),
  signerName: ShortText(200),
  references: z.array(PlanReferenceInput).max(100),
  phases: z.array(PlanPhaseInput).max(20),
  targets: z.array(PlanTargetInput).max(200),
  responsibilities: z.array(PlanResponsibilityInput).max(200),
});
export type PlanContentInputT = z.infer<typeof PlanContentInput>;

export const CreatePlanBody = z.strictObject({
  orgId: Uuid,
  content: PlanContentInput.partial().optional(),
});

export const UpdatePlanBody = z.strictObject({
  version: z.number().int().min(1),
  content: PlanContentInput.partial(),
});

export const ImportPlanTextBody = z.strictObject({
  orgId: Uuid,
  text: z.string().min(1, 'Hãy dán nội dung văn bản').max(500_000, 'Văn bản quá dài'),
});

export const ImportFileQuery = z.strictObject({ orgId: Uuid });

export const DerivePlanBody = z.strictObject({ orgId: Uuid });

export const IssuePlanBody = z.strictObject({
  version: z.number().int().min(1),
  /** the issue date; default: today in Vietnam */
  issuedOn: IsoDate.optional(),
});

export const RemindBody = z.strictObject({
  /** the subordinates to remind; default: every direct subordinate without an issued plan */
  orgIds: z.array(Uuid).max(500).optional(),
  message: z.string().trim().max(2000).optional(),
});

export const PlanListQuery = z.strictObject({
  orgId: Uuid.optional(),
  status: z.enum(['draft', 'issued']).optional(),
  year: QueryInt(1945, 2100).optional(),
  q: z.string().max(200).optional(),
});

const Nullable = z.string().nullable();

export const PlanSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  parentPlanId: Nullable,
  status: z.enum(['draft', 'issued']),
  statusName: z.string(),
  documentNumber: Nullable,
  issuedOn: Nullable,
  title: z.string(),
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
  updatedAt: z.string(),
});

export const PlanContentOut = z.object({
  title: z.string(),
  place: Nullable,
  issuedOn: Nullable,
  yearFrom: z.number().nullable(),
  yearTo: z.number().nullable(),
  issuerName: Nullable,
  parentIssuerName: Nullable,
  purposes: Nullable,
  requirements: Nullable,
  participants: Nullable,
  contentAreas: z.array(z.string()),
  criteriaCollective: Nullable,
  criteriaIndividual: Nullable,
  criteriaOther: Nullable,
  awardForms: z.array(z.string()),
  budgetSources: Nullable,
  recipients: z.array(z.string()),
  signerTitle: Nullable,
  signerName: Nullable,
  references: z.array(
    z.object({
      kind: z.enum(['implements', 'legal_basis']),
      number: Nullable,
      issuedOn: Nullable,
      issuer: Nullable,
      title: Nullable,
      referencedPlanId: Nullable,
    }),
  ),
  phases: z.array(
    z.object({
      name: Nullable,
      fromYear: z.number(),
      toYear: z.number(),
      reviewType: z.enum(['interim', 'final']).nullable(),
      reviewYear: z.number().nullable(),
    }),
  ),
  targets: z.array(
    z.object({
      content: z.string(),
      indicatorCode: Nullable,
      targetValue: z.number().nullable(),
      unit: Nullable,
      dueOn: Nullable,
    }),
  ),
  responsibilities: z.array(
    z.object({
      orgId: Nullable,
      department: z.string(),
      content: z.string(),
      dueOn: Nullable,
      recurrence: z.enum(['once', 'yearly', 'six-monthly', 'quarterly', 'monthly']).nullable(),
    }),
  ),
});

export const PlanDetail = PlanSummary.extend({
  number: z.number().nullable(),
  symbol: Nullable,
  version: z.number(),
  content: PlanContentOut,
  parent: z
    .object({ id: z.string(), documentNumber: Nullable, title: z.string(), orgName: z.string() })
    .nullable(),
  importInfo: z
    .object({
      sourceDocumentNumber: Nullable,
      fileName: Nullable,
      recognised: z.array(z.string()),
      warnings: z.array(z.string()),
    })
    .nullable(),
  issuedAt: Nullable,
  abilities: z.object({
    edit: z.boolean(),
    issue: z.boolean(),
    delete: z.boolean(),
    derive: z.boolean(),
    board: z.boolean(),
    remind: z.boolean(),
  }),
});

export const PlanDiffOut = z.object({
  parent: z.object({ id: z.string(), documentNumber: Nullable, title: z.string() }),
  same: z.boolean(),
  fields: z.array(
    z.object({ field: z.string(), label: z.string(), parent: z.unknown(), child: z.unknown() }),
  ),
  targets: z.object({
    added: z.array(z.unknown()),
    removed: z.array(z.unknown()),
    changed: z.array(
      z.object({ key: z.string(), parent: z.unknown(), child: z.unknown(), fields: z.array(z.string()) }),
    ),
  }),
  responsibilities: z.object({
    added: z.array(z.unknown()),
    removed: z.array(z.unknown()),
    changed: z.array(
      z.object({ key: z.string(), parent: z.unknown(), child: z.unknown(), fields: z.array(z.string()) }),
    ),
  }),
});

export const BoardRow = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgCode: z.string(),
  state: z.enum(['none', 'draft', 'issued']),
  stateName: z.string(),
  planId: Nullable,
  documentNumber: Nullable,
  issuedOn: Nullable,
  lastRemindedAt: Nullable,
  reminders: z.number(),
});

export const PlanBoard = z.object({
  plan: z.object({ id: z.string(), documentNumber: Nullable, title: z.string(), orgName: z.string() }),
  rows: z.array(BoardRow),
  counts: z.object({ none: z.number(), draft: z.number(), issued: z.number() }),
});

export const PlanTreeNode = z.object({
  key: z.string(),
  kind: z.enum(['external', 'plan']),
  planId: Nullable,
  parentKey: Nullable,
  documentNumber: Nullable,
  issuedOn: Nullable,
  title: z.string(),
  orgName: Nullable,
  status: z.enum(['draft', 'issued']).nullable(),
});

export const PlanProgressQuery = z.strictObject({ year: QueryInt(1945, 2100).optional() });

export const PlanProgress = z.object({
  year: z.number(),
  targets: z.array(
    z.object({
      content: z.string(),
      indicatorCode: Nullable,
      indicatorName: Nullable,
      targetValue: z.number().nullable(),
      unit: Nullable,
      dueOn: Nullable,
      value: z.number().nullable(),
      status: z.enum(['met', 'on_track', 'behind', 'no_data']).nullable(),
      statusName: Nullable,
    }),
  ),
});
