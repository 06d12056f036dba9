/** API contracts of the rules catalog (danh hiệu, hình thức khen thưởng, tiêu chuẩn) and base salary. */
import { z } from 'zod';
import { AWARD_CODES, SUBJECTS } from '../domain/commendation/codes';
import { IsoDate, OptionalText, QueryInt, Text } from './common';

export const AwardCodeSchema = z.enum(AWARD_CODES, {
  error: 'Mã danh hiệu, hình thức khen thưởng không hợp lệ',
});
export const SubjectSchema = z.enum(SUBJECTS, { error: 'Đối tượng phải là cá nhân hoặc tập thể' });

export const CatalogQuery = z.strictObject({
  version: QueryInt(1, 100_000).optional(),
  year: QueryInt(2000, 2100).optional(),
});

const ParamView = z.object({
  text: z.string(),
  citation: z.string().nullable(),
  unconfirmed: z.boolean(),
  note: z.string().nullable(),
});

export const CatalogCondition = z.object({
  id: z.string(),
  type: z.string(),
  depth: z.number(),
  description: z.string(),
  citation: z.string(),
  unconfirmed: z.boolean(),
  note: z.string().nullable(),
  /** numeric parameters an administrator may change in a new version (count, years, windowYears …) */
  params: z.record(z.string(), z.union([z.number(), z.string()])),
});

export const CatalogSubject = z.object({
  subject: z.string(),
  subjectName: z.string(),
  citation: z.string(),
  unconfirmed: z.boolean(),
  note: z.string().nullable(),
  conditions: z.array(CatalogCondition),
  judgementCriteria: z.array(
    z.object({ id: z.string(), description: z.string(), citation: z.string(), unconfirmed: z.boolean() }),
  ),
  coefficient: ParamView.extend({ value: z.string().nullable() }),
  cap: ParamView,
  vote: ParamView,
});

export const CatalogRule = z.object({
  code: z.string(),
  name: z.string(),
  abbreviation: z.string(),
  kind: z.string(),
  kindName: z.string(),
  level: z.string(),
  levelName: z.string(),
  authority: ParamView,
  citation: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  ruleVersion: z.number(),
  unconfirmed: z.boolean(),
  subjects: z.array(CatalogSubject),
});

export const RuleSetSummary = z.object({
  id: z.string(),
  version: z.number(),
  effectiveFrom: z.string(),
  note: z.string(),
  basedOnVersion: z.number().nullable(),
  shipped: z.boolean(),
  inForce: z.boolean(),
  createdAt: z.string().nullable(),
  unconfirmedCount: z.number(),
});

export const Catalog = z.object({
  ruleSet: RuleSetSummary,
  year: z.number(),
  rules: z.array(CatalogRule),
  policies: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      text: z.string(),
      citation: z.string().nullable(),
      unconfirmed: z.boolean(),
    }),
  ),
  unconfirmed: z.array(z.string()),
  canManage: z.boolean(),
});

const Ratio = z.strictObject({
  num: z.number().int().min(0).max(1000),
  den: z.number().int().min(1).max(1000),
});
const ParamMeta = {
  unconfirmed: z.boolean().optional(),
  citation: Text(500, 'Căn cứ pháp lý').optional(),
  note: Text(1000, 'Ghi chú').optional(),
};

export const RuleChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('setCoefficient'),
    code: AwardCodeSchema,
    subject: SubjectSchema,
    value: z
      .string()
      .regex(/^\d{1,3}(\.\d{1,3})?$/, 'Hệ số phải là số thập phân, ví dụ 1.5')
      .nullable(),
    ...ParamMeta,
  }),
  z.strictObject({
    op: z.literal('setCap'),
    code: AwardCodeSchema,
    subject: SubjectSchema,
    value: z
      .strictObject({
        enabled: z.boolean(),
        ratio: Ratio,
        base: z.enum(['ldtt_holders', 'members', 'eligible_collectives', 'candidates']),
        rounding: z.enum(['floor', 'round_half_up', 'ceil']),
        minimum: z.number().int().min(0).max(10_000),
      })
      .nullable(),
    ...ParamMeta,
  }),
  z.strictObject({
    op: z.literal('setVote'),
    code: AwardCodeSchema,
    subject: SubjectSchema,
    value: z
      .strictObject({
        ratio: Ratio,
        strict: z.boolean(),
        denominator: z.enum(['all_members', 'present_members']),
        secretBallot: z.boolean(),
      })
      .nullable(),
    ...ParamMeta,
  }),
  z.strictObject({
    op: z.literal('setAuthority'),
    code: AwardCodeSchema,
    value: Text(300, 'Thẩm quyền'),
    ...ParamMeta,
  }),
  z.strictObject({
    op: z.literal('setConditionParams'),
    code: AwardCodeSchema,
    subject: SubjectSchema,
    conditionId: Text(200, 'Mã điều kiện'),
    params: z.partialRecord(
      z.enum(['count', 'years', 'windowYears', 'stride', 'atLeast', 'minScope', 'strict', 'unconfirmed'], {
        error:
          'Chỉ được đổi tham số count, years, windowYears, stride, atLeast, minScope, strict, unconfirmed',
      }),
      z.union([z.number().int().min(0).max(100), z.string().max(20), z.boolean(), Ratio]),
    ),
  }),
  z.strictObject({
    op: z.literal('setValidity'),
    code: AwardCodeSchema,
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
  }),
]);

export const CreateRuleSetBody = z.strictObject({
  /** the version the changes apply to (default: the version in force today) */
  baseVersion: z.number().int().min(1).optional(),
  effectiveFrom: IsoDate,
  note: Text(1000, 'Nội dung thay đổi'),
  changes: z.array(RuleChangeSchema).min(1, 'Chưa có thay đổi nào').max(100),
});

export const BaseSalary = z.object({
  effectiveFrom: z.string(),
  amount: z.number(),
  legalBasis: z.string().nullable(),
  unconfirmed: z.boolean(),
  shipped: z.boolean(),
  inForce: z.boolean(),
});
export const BaseSalaryList = z.object({ items: z.array(BaseSalary), canManage: z.boolean() });

export const CreateBaseSalaryBody = z.strictObject({
  effectiveFrom: IsoDate,
  amount: z
    .number()
    .int('Mức lương cơ sở phải là số nguyên (đồng)')
    .min(100_000, 'Mức lương cơ sở không hợp lệ')
    .max(1_000_000_000),
  legalBasis: OptionalText(300),
});
