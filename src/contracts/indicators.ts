import { z } from 'zod';
import {
  DIRECTIONS,
  PERIOD_PATTERN,
  PERIODICITIES,
  PROGRESS_STATUSES,
  ROLLUP_KINDS,
  YEAR_AGGREGATIONS,
} from '../domain/indicators';
import { IsoDate, OptionalText, QueryInt, Text, Uuid } from './common';

const Year = z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');
const QueryYear = QueryInt(2000, 2100);
const Num = z.number().refine(Number.isFinite, 'Phải là số');

export const IndicatorCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,39}$/, 'Mã chỉ số chỉ gồm chữ không dấu, số, dấu gạch (tối đa 40 ký tự)');

const definitionFields = {
  name: Text(300, 'Tên chỉ số'),
  unit: Text(30, 'Đơn vị tính'),
  description: OptionalText(2000),
  direction: z.enum(DIRECTIONS),
  rollup: z.enum(ROLLUP_KINDS),
  weightIndicatorId: Uuid.nullable().optional(),
  yearAggregation: z.enum(YEAR_AGGREGATIONS).optional(),
  periodicity: z.enum(PERIODICITIES).optional(),
  dtiWeight: Num.min(0, 'Trọng số không được âm').max(1000).nullable().optional(),
  dtiMin: Num.nullable().optional(),
  dtiMax: Num.nullable().optional(),
  active: z.boolean().optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
};

export const CreateDefinitionBody = z.strictObject({
  code: IndicatorCode,
  source: z.enum(['manual', 'digital_skills']).optional(),
  ...definitionFields,
});
export type CreateDefinitionBodyT = z.infer<typeof CreateDefinitionBody>;

export const UpdateDefinitionBody = z.strictObject({
  version: z.number().int(),
  name: definitionFields.name.optional(),
  unit: definitionFields.unit.optional(),
  description: definitionFields.description,
  direction: definitionFields.direction.optional(),
  rollup: definitionFields.rollup.optional(),
  weightIndicatorId: definitionFields.weightIndicatorId,
  yearAggregation: definitionFields.yearAggregation,
  periodicity: definitionFields.periodicity,
  dtiWeight: definitionFields.dtiWeight,
  dtiMin: definitionFields.dtiMin,
  dtiMax: definitionFields.dtiMax,
  active: definitionFields.active,
  sort: definitionFields.sort,
});
export type UpdateDefinitionBodyT = z.infer<typeof UpdateDefinitionBody>;

export const Definition = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  description: z.string().nullable(),
  direction: z.enum(DIRECTIONS),
  directionName: z.string(),
  rollup: z.enum(ROLLUP_KINDS),
  rollupName: z.string(),
  weightIndicatorId: z.string().nullable(),
  yearAggregation: z.enum(YEAR_AGGREGATIONS),
  periodicity: z.enum(PERIODICITIES),
  source: z.enum(['manual', 'digital_skills']),
  dtiWeight: z.number().nullable(),
  dtiMin: z.number().nullable(),
  dtiMax: z.number().nullable(),
  active: z.boolean(),
  sort: z.number(),
  version: z.number(),
});

export const TargetsQuery = z.strictObject({ orgId: Uuid, year: QueryYear.optional() });
export const PutTargetBody = z.strictObject({
  indicatorId: Uuid,
  orgId: Uuid,
  year: Year,
  target: Num,
  dueOn: IsoDate.nullable().optional(),
  note: OptionalText(500),
});
export type PutTargetBodyT = z.infer<typeof PutTargetBody>;
export const TargetsFromPlanBody = z.strictObject({ planId: Uuid });
export const Target = z.object({
  id: z.string(),
  indicatorId: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  target: z.number(),
  dueOn: z.string().nullable(),
  source: z.enum(['plan', 'direct']),
  planId: z.string().nullable(),
  note: z.string().nullable(),
});

export const Period = z.string().regex(PERIOD_PATTERN, 'Kỳ báo cáo phải là Y, Q1–Q4 hoặc M01–M12');
export const ValuesQuery = z.strictObject({ orgId: Uuid, year: QueryYear });
export const PutValuesBody = z.strictObject({
  orgId: Uuid,
  year: Year,
  period: Period,
  entries: z
    .array(z.strictObject({ indicatorId: Uuid, value: Num.nullable(), note: OptionalText(500) }))
    .min(1, 'Chưa có số liệu nào')
    .max(200),
});
export type PutValuesBodyT = z.infer<typeof PutValuesBody>;
export const ValueRow = z.object({
  indicatorId: z.string(),
  indicatorCode: z.string(),
  year: z.number(),
  period: z.string(),
  periodLabel: z.string(),
  value: z.number(),
  note: z.string().nullable(),
});
export const PutValuesResult = z.object({ saved: z.number(), deleted: z.number() });

export const ImportCommitBody = z.strictObject({ mode: z.enum(['all', 'validOnly']) });
export const ImportPreview = z.object({
  id: z.string(),
  fileName: z.string(),
  totalRows: z.number(),
  validRows: z.number(),
  invalidRows: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  sample: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
});
export const ImportResult = z.object({ saved: z.number(), skipped: z.number() });

export const ProgressQuery = z.strictObject({ orgId: Uuid, year: QueryYear });
const Status = z.enum(PROGRESS_STATUSES);
const Cell = z.object({
  value: z.number().nullable(),
  target: z.number().nullable(),
  status: Status,
  statusName: z.string(),
  color: z.string(),
  ratio: z.number().nullable(),
});
export const ProgressResponse = z.object({
  org: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  indicators: z.array(
    Cell.extend({
      id: z.string(),
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      direction: z.enum(DIRECTIONS),
    }),
  ),
  units: z.array(
    z.object({ id: z.string(), name: z.string(), code: z.string(), cells: z.record(z.string(), Cell) }),
  ),
});

export const SeriesQuery = z.strictObject({
  orgId: Uuid,
  indicatorId: Uuid,
  fromYear: QueryYear.optional(),
  toYear: QueryYear.optional(),
});
export const SeriesResponse = z.object({
  indicator: z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string() }),
  points: z.array(
    z.object({
      year: z.number(),
      period: z.string(),
      periodEnd: z.string(),
      label: z.string(),
      value: z.number().nullable(),
    }),
  ),
  targets: z.array(z.object({ year: z.number(), target: z.number() })),
});

export const RankingQuery = z.strictObject({
  orgId: Uuid,
  year: QueryYear,
  window: QueryInt(1, 10).optional(),
});
export const RankingResponse = z.object({
  year: z.number(),
  fromYear: z.number(),
  components: z.array(z.object({ code: z.string(), name: z.string(), weight: z.number() })),
  items: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      orgCode: z.string(),
      index: z.number().nullable(),
      rank: z.number().nullable(),
      missing: z.array(z.string()),
      components: z.array(z.object({ code: z.string(), value: z.number().nullable(), score: z.number() })),
      averageScore: z.number().nullable(),
      averageRank: z.number().nullable(),
      rankByAverageScore: z.number().nullable(),
      years: z.number(),
      yearly: z.array(
        z.object({ year: z.number(), index: z.number().nullable(), rank: z.number().nullable() }),
      ),
    }),
  ),
});

// ---------------------------------------------------------------- digital skills

export const SkillsListQuery = z.strictObject({
  orgId: Uuid,
  status: z.enum(['all', 'certified', 'not_certified']).optional(),
  q: z.string().max(100).optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});
export type SkillsListQueryT = z.infer<typeof SkillsListQuery>;
export const SkillsListItem = z.object({
  personId: z.string(),
  staffCode: z.string(),
  fullName: z.string(),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  completedOn: z.string().nullable(),
  certificateNumber: z.string().nullable(),
  note: z.string().nullable(),
});
export const SkillsSummaryQuery = z.strictObject({ orgId: Uuid, year: QueryYear.optional() });
export const SkillsSummary = z.object({
  staff: z.number(),
  certified: z.number(),
  percent: z.number().nullable(),
  units: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      staff: z.number(),
      certified: z.number(),
      percent: z.number().nullable(),
    }),
  ),
});
export const PersonParams = z.strictObject({ personId: Uuid });
export const PutCompletionBody = z.strictObject({
  completedOn: IsoDate,
  certificateNumber: OptionalText(50),
  note: OptionalText(500),
});
export type PutCompletionBodyT = z.infer<typeof PutCompletionBody>;
