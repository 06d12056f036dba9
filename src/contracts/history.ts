/** API contracts of the commendation history: ratings, past awards, initiatives, research, disciplines. */
import { z } from 'zod';
import { AWARD_CODES, DISCIPLINE_FORMS, RATINGS } from '../domain/commendation/codes';
import { IsoDate, OptionalText, QueryInt, Text, Uuid } from './common';

export const RatingSchema = z.enum(RATINGS, { error: 'Xếp loại phải là HTXSNV, HTTNV, HTNV hoặc KHTNV' });
const Scope = z.enum(['unit', 'province', 'national'], {
  error: 'Phạm vi ảnh hưởng phải là cơ sở, tỉnh hoặc toàn quốc',
});

export const RatingsQuery = z.strictObject({ orgId: Uuid, year: QueryInt(2000, 2100) });

export const RatingsList = z.object({
  year: z.number(),
  people: z.array(
    z.object({
      personId: z.string(),
      staffCode: z.string(),
      fullName: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      rating: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  orgs: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      depth: z.number(),
      rating: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  canWrite: z.boolean(),
  canImport: z.boolean(),
});

export const PutRatingBody = z
  .strictObject({
    personId: Uuid.optional(),
    orgId: Uuid.optional(),
    year: z.number().int().min(2000).max(2100),
    /** null removes the rating */
    rating: RatingSchema.nullable(),
    note: OptionalText(500),
  })
  .refine((b) => (b.personId ? 1 : 0) + (b.orgId ? 1 : 0) === 1, {
    message: 'Chọn một cá nhân hoặc một tập thể',
    path: ['personId'],
  });

export const PutRatingResult = z.object({ rating: z.string().nullable(), year: z.number() });

export const HistoryImportPreview = z.object({
  id: z.string(),
  fileName: z.string(),
  totalRows: z.number(),
  validRows: z.number(),
  invalidRows: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  sample: z.array(
    z.object({ row: z.number(), subject: z.string(), name: z.string(), what: z.string(), year: z.number() }),
  ),
});
export const HistoryImportCommitBody = z.strictObject({ mode: z.enum(['all', 'validOnly']) });
export const HistoryImportResult = z.object({
  written: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
});

export const CreateAwardBody = z
  .strictObject({
    personId: Uuid.optional(),
    orgId: Uuid.optional(),
    awardCode: z.enum(AWARD_CODES, { error: 'Mã danh hiệu, hình thức khen thưởng không hợp lệ' }),
    year: z.number().int().min(1976).max(2100),
    decisionNumber: OptionalText(100),
    decidedOn: IsoDate.nullable().optional(),
    issuer: OptionalText(300),
    source: z.enum(['import', 'external']).optional(),
    kind: z.enum(['annual', 'thematic', 'adhoc', 'career']).optional(),
    achievement: OptionalText(2000),
  })
  .refine((b) => (b.personId ? 1 : 0) + (b.orgId ? 1 : 0) === 1, {
    message: 'Chọn một cá nhân hoặc một tập thể',
    path: ['personId'],
  });

export const AwardItem = z.object({
  id: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  year: z.number(),
  decisionNumber: z.string().nullable(),
  decidedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  source: z.string(),
  kind: z.string(),
  orgName: z.string().nullable(),
});

export const InitiativeAuthorInput = z.strictObject({
  personId: Uuid,
  share: z.number().min(0.01, 'Tỷ lệ đóng góp phải lớn hơn 0').max(100, 'Tỷ lệ đóng góp tối đa 100%'),
});

const authorsSum = (authors: { share: number }[]) =>
  Math.round(authors.reduce((s, a) => s + a.share * 100, 0)) === 10_000;

export const CreateInitiativeBody = z
  .strictObject({
    title: Text(500, 'Tên sáng kiến'),
    orgId: Uuid,
    year: z.number().int().min(2000).max(2100),
    scope: Scope,
    recognisedOn: IsoDate,
    recognitionDecision: OptionalText(200),
    summary: OptionalText(4000),
    authors: z.array(InitiativeAuthorInput).min(1, 'Sáng kiến phải có ít nhất một tác giả').max(20),
  })
  .refine((b) => authorsSum(b.authors), {
    message: 'Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%',
    path: ['authors'],
  })
  .refine((b) => new Set(b.authors.map((a) => a.personId)).size === b.authors.length, {
    message: 'Một người chỉ được khai một lần trong danh sách tác giả',
    path: ['authors'],
  });

export const UpdateInitiativeBody = z
  .strictObject({
    version: z.number().int().min(1),
    title: Text(500, 'Tên sáng kiến').optional(),
    year: z.number().int().min(2000).max(2100).optional(),
    scope: Scope.optional(),
    recognisedOn: IsoDate.optional(),
    recognitionDecision: OptionalText(200),
    summary: OptionalText(4000),
    authors: z
      .array(InitiativeAuthorInput)
      .min(1, 'Sáng kiến phải có ít nhất một tác giả')
      .max(20)
      .optional(),
  })
  .refine((b) => !b.authors || authorsSum(b.authors), {
    message: 'Tổng tỷ lệ đóng góp của các tác giả phải bằng 100%',
    path: ['authors'],
  });

export const InitiativesQuery = z.strictObject({
  orgId: Uuid,
  year: QueryInt(2000, 2100).optional(),
  used: z.enum(['true', 'false']).optional(),
});

export const InitiativeItem = z.object({
  id: z.string(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  scope: z.string(),
  scopeName: z.string(),
  recognisedOn: z.string(),
  recognitionDecision: z.string().nullable(),
  summary: z.string().nullable(),
  authors: z.array(z.object({ personId: z.string(), fullName: z.string(), share: z.number() })),
  used: z.boolean(),
  usedBy: z
    .object({
      awardCode: z.string(),
      awardName: z.string(),
      year: z.number(),
      personName: z.string().nullable(),
    })
    .nullable(),
  version: z.number(),
});

export const CreateResearchBody = z.strictObject({
  title: Text(500, 'Tên đề tài'),
  orgId: Uuid,
  year: z.number().int().min(2000).max(2100),
  scope: Scope,
  acceptedOn: IsoDate,
  acceptanceDecision: OptionalText(200),
  members: z
    .array(z.strictObject({ personId: Uuid, role: z.enum(['lead', 'member']) }))
    .min(1, 'Đề tài phải có ít nhất một thành viên')
    .max(30),
});

export const ResearchItem = z.object({
  id: z.string(),
  title: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  scope: z.string(),
  acceptedOn: z.string(),
  acceptanceDecision: z.string().nullable(),
  members: z.array(z.object({ personId: z.string(), fullName: z.string(), role: z.string() })),
  used: z.boolean(),
});

export const CreateDisciplineBody = z
  .strictObject({
    personId: Uuid,
    form: z.enum(DISCIPLINE_FORMS, { error: 'Hình thức kỷ luật không hợp lệ' }),
    fromDate: IsoDate,
    toDate: IsoDate.nullable().optional(),
    decision: OptionalText(200),
    note: OptionalText(1000),
  })
  .refine((b) => !b.toDate || b.toDate >= b.fromDate, {
    message: 'Ngày kết thúc phải sau ngày bắt đầu',
    path: ['toDate'],
  });

export const PersonHistory = z.object({
  person: z.object({
    id: z.string(),
    fullName: z.string(),
    staffCode: z.string(),
    orgName: z.string().nullable(),
  }),
  ratings: z.array(
    z.object({ year: z.number(), rating: z.string(), ratingName: z.string(), note: z.string().nullable() }),
  ),
  awards: z.array(AwardItem),
  initiatives: z.array(InitiativeItem),
  research: z.array(ResearchItem),
  disciplines: z.array(
    z.object({
      id: z.string(),
      form: z.string(),
      formName: z.string(),
      fromDate: z.string(),
      toDate: z.string().nullable(),
      decision: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  canWrite: z.boolean(),
  canRate: z.boolean(),
});
