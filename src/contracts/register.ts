import { z } from 'zod';
import { AWARD_CODES } from '../domain/commendation/codes';
import { Paged, QueryInt, Uuid } from './common';

export const AwardSubject = z.enum(['individual', 'collective']);

export const RegisterQuery = z.strictObject({
  q: z.string().max(100).optional(),
  year: QueryInt(1945, 2100).optional(),
  awardCode: z.enum(AWARD_CODES).optional(),
  subject: AwardSubject.optional(),
  /** the organisation subtree (with its predecessors' subtrees, through lineage) */
  orgId: Uuid.optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});
export type RegisterQueryT = z.infer<typeof RegisterQuery>;

export const RegisterEntry = z.object({
  id: z.string(),
  subject: AwardSubject,
  person: z.object({ id: z.string(), fullName: z.string(), staffCode: z.string() }).nullable(),
  collective: z.object({ id: z.string(), name: z.string() }).nullable(),
  unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  year: z.number(),
  kind: z.string(),
  decisionNumber: z.string().nullable(),
  decidedOn: z.string().nullable(),
  issuer: z.string().nullable(),
  source: z.string(),
  sourceName: z.string(),
  amount: z.number().nullable(),
});
export type RegisterEntryT = z.infer<typeof RegisterEntry>;

export const RegisterPage = Paged(RegisterEntry);

export const PersonAwardHistory = z.object({
  person: z.object({
    id: z.string(),
    fullName: z.string(),
    staffCode: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
  awards: z.array(RegisterEntry),
});

export const OrgAwardHistory = z.object({
  organization: z.object({ id: z.string(), name: z.string(), status: z.string() }),
  /** predecessors (merged or renamed into this organisation), whose awards are part of its history */
  predecessors: z.array(z.object({ id: z.string(), name: z.string(), effectiveOn: z.string() })),
  awards: z.array(RegisterEntry),
});

export const StatisticsQuery = z.strictObject({
  yearFrom: QueryInt(1945, 2100).optional(),
  yearTo: QueryInt(1945, 2100).optional(),
  orgId: Uuid.optional(),
});
export type StatisticsQueryT = z.infer<typeof StatisticsQuery>;

export const AwardStatistics = z.object({
  yearFrom: z.number(),
  yearTo: z.number(),
  organization: z.object({ id: z.string(), name: z.string() }).nullable(),
  totals: z.object({ count: z.number(), individual: z.number(), collective: z.number(), amount: z.number() }),
  byYear: z.array(
    z.object({
      year: z.number(),
      individual: z.number(),
      collective: z.number(),
      total: z.number(),
      amount: z.number(),
    }),
  ),
  byForm: z.array(
    z.object({
      awardCode: z.string(),
      awardName: z.string(),
      kind: z.string(),
      count: z.number(),
      amount: z.number(),
    }),
  ),
  byOrganization: z.array(
    z.object({
      orgId: z.string(),
      name: z.string(),
      individual: z.number(),
      collective: z.number(),
      total: z.number(),
      amount: z.number(),
    }),
  ),
  byYearForm: z.array(z.object({ year: z.number(), awardCode: z.string(), count: z.number() })),
});
export type AwardStatisticsT = z.infer<typeof AwardStatistics>;
