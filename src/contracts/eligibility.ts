/** API contracts of the eligibility engine (xét điều kiện danh hiệu, hình thức khen thưởng). */
import { z } from 'zod';
import { AWARD_CODES } from '../domain/commendation/codes';
import { QueryInt, Uuid } from './common';

const CodeList = z
  .string()
  .max(500)
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(AWARD_CODES, { error: 'Mã danh hiệu, hình thức khen thưởng không hợp lệ' })).max(20));

export const EligibilityQuery = z.strictObject({
  year: QueryInt(2000, 2100),
  codes: CodeList.optional(),
  version: QueryInt(1, 100_000).optional(),
});

export const ConditionOutcome = z.object({
  id: z.string(),
  description: z.string(),
  met: z.boolean().nullable(),
  facts: z.array(z.string()),
  citation: z.string(),
  depth: z.number(),
  type: z.string(),
  unconfirmed: z.boolean(),
});

export const VerdictSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.string(),
  subject: z.string(),
  nomineeId: z.string(),
  year: z.number(),
  status: z.enum(['eligible', 'not_eligible', 'missing_data']),
  ruleSetId: z.string(),
  ruleSetVersion: z.number(),
  ruleVersion: z.number(),
  citation: z.string(),
  conditions: z.array(ConditionOutcome),
  consumesInitiatives: z.array(z.string()),
  consumesResearchProjects: z.array(z.string()),
  judgementCriteria: z.array(z.object({ id: z.string(), description: z.string(), citation: z.string() })),
  unconfirmed: z.boolean(),
  summary: z.string(),
});

export const SubjectEligibility = z.object({
  nominee: z.object({
    id: z.string(),
    name: z.string(),
    subject: z.enum(['individual', 'collective']),
    orgName: z.string().nullable(),
  }),
  year: z.number(),
  asOf: z.string(),
  ruleSetId: z.string(),
  ruleSetVersion: z.number(),
  verdicts: z.array(VerdictSchema),
});

export const CreateRunBody = z.strictObject({
  orgId: Uuid,
  year: z.number().int().min(2000).max(2100),
  subjects: z.enum(['individual', 'collective', 'both']).optional(),
  codes: z
    .array(z.enum(AWARD_CODES, { error: 'Mã danh hiệu, hình thức khen thưởng không hợp lệ' }))
    .max(20)
    .optional(),
  /** evaluate under this rule-set version instead of the one in force */
  version: z.number().int().min(1).optional(),
});

export const RunCounts = z.record(
  z.string(),
  z.object({
    name: z.string(),
    eligible: z.number(),
    notEligible: z.number(),
    missingData: z.number(),
    capLimit: z.number().nullable(),
    withinCap: z.number().nullable(),
    overCap: z.number().nullable(),
  }),
);

export const RunSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  asOf: z.string(),
  ruleSetId: z.string(),
  ruleSetVersion: z.number(),
  subjects: z.string(),
  nominees: z.number(),
  counts: RunCounts,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});

export const RunListQuery = z.strictObject({ orgId: Uuid.optional() });

export const RunResultsQuery = z.strictObject({
  code: z.enum(AWARD_CODES).optional(),
  status: z.enum(['eligible', 'not_eligible', 'missing_data']).optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 500).optional(),
});

export const RunResult = z.object({
  nomineeId: z.string(),
  nomineeName: z.string(),
  subject: z.enum(['individual', 'collective']),
  awardCode: z.string(),
  status: z.string(),
  withinCap: z.boolean().nullable(),
  ruleVersion: z.number(),
  summary: z.string(),
});

export const RunDetail = RunSummary.extend({
  results: z.object({ items: z.array(RunResult), total: z.number(), page: z.number(), pageSize: z.number() }),
});
