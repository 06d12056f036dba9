import { z } from 'zod';
import { GROUP_KINDS, SHEET_ACTIONS, SHEET_STATES } from '../domain/scoring';
import { IsoDate, OptionalText, QueryInt, Text, Uuid } from './common';

const Year = z.number().int().min(2000, 'Năm không hợp lệ').max(2100, 'Năm không hợp lệ');
const Points = z.number().refine(Number.isFinite, 'Phải là số');

export const GroupListQuery = z.strictObject({ year: QueryInt(2000, 2100).optional() });
export const CandidatesQuery = z.strictObject({ year: QueryInt(2000, 2100) });

export const MemberInput = z.strictObject({ orgId: Uuid, pledgeSignedOn: IsoDate.nullable().optional() });

export const CreateGroupBody = z.strictObject({
  ownerOrgId: Uuid,
  kind: z.enum(GROUP_KINDS),
  name: Text(300, 'Tên khối, cụm'),
  year: Year,
  pledge: OptionalText(5000),
  criteriaSetId: Uuid.nullable().optional(),
  leaderCount: z.number().int().min(1).max(20).optional(),
  members: z.array(MemberInput).max(200),
});
export type CreateGroupBodyT = z.infer<typeof CreateGroupBody>;

export const UpdateGroupBody = z.strictObject({
  version: z.number().int(),
  name: Text(300, 'Tên khối, cụm').optional(),
  pledge: OptionalText(5000),
  criteriaSetId: Uuid.nullable().optional(),
  leaderCount: z.number().int().min(1).max(20).optional(),
});
export type UpdateGroupBodyT = z.infer<typeof UpdateGroupBody>;

export const PutMembersBody = z.strictObject({
  version: z.number().int(),
  members: z.array(MemberInput).max(200),
});

export const GroupListItem = z.object({
  id: z.string(),
  kind: z.enum(GROUP_KINDS),
  kindName: z.string(),
  name: z.string(),
  year: z.number(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  memberCount: z.number(),
  finalCount: z.number(),
  criteriaSetName: z.string().nullable(),
});

const SheetSummary = z.object({
  id: z.string().nullable(),
  status: z.enum(SHEET_STATES),
  statusName: z.string(),
  selfTotal: z.number().nullable(),
  appraisedTotal: z.number().nullable(),
  finalTotal: z.number().nullable(),
  version: z.number(),
});

export const GroupDetail = GroupListItem.extend({
  pledge: z.string().nullable(),
  criteriaSetId: z.string().nullable(),
  leaderCount: z.number(),
  version: z.number(),
  maxTotal: z.number().nullable(),
  members: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      orgCode: z.string(),
      pledgeSignedOn: z.string().nullable(),
      sheet: SheetSummary,
      canSelfScore: z.boolean(),
      visible: z.boolean(),
    }),
  ),
  canManage: z.boolean(),
  canAppraise: z.boolean(),
});

export const CriterionInput = z.strictObject({
  code: z.string().trim().min(1, 'Thiếu mã tiêu chí').max(20),
  parentCode: z.string().trim().max(20).nullable().optional(),
  name: Text(1000, 'Tên tiêu chí'),
  maxPoints: Points.positive('Điểm tối đa phải lớn hơn 0').max(10_000),
  weight: Points.positive('Hệ số phải lớn hơn 0').max(100).optional(),
  evidenceRequired: z.boolean().optional(),
});
export const CreateCriteriaSetBody = z.strictObject({
  ownerOrgId: Uuid,
  name: Text(300, 'Tên bộ tiêu chí'),
  year: Year,
  note: OptionalText(2000),
  criteria: z.array(CriterionInput).min(1, 'Bộ tiêu chí phải có ít nhất một tiêu chí').max(500),
});
export type CreateCriteriaSetBodyT = z.infer<typeof CreateCriteriaSetBody>;

export const CriterionOut = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  maxPoints: z.number(),
  weight: z.number(),
  evidenceRequired: z.boolean(),
  sort: z.number(),
  leaf: z.boolean(),
});
export const CriteriaSet = z.object({
  id: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  name: z.string(),
  year: z.number(),
  note: z.string().nullable(),
  maxTotal: z.number(),
  criteria: z.array(CriterionOut),
});
export const CriteriaSetListItem = CriteriaSet.omit({ criteria: true }).extend({
  criterionCount: z.number(),
});

export const SheetParams = z.strictObject({ id: Uuid, orgId: Uuid });
export const EvidenceParams = z.strictObject({ id: Uuid, fileId: Uuid });

export const SelfScoreBody = z.strictObject({
  version: z.number().int(),
  entries: z
    .array(
      z.strictObject({
        criterionId: Uuid,
        points: Points.nullable(),
        note: OptionalText(2000),
        evidenceFileIds: z.array(Uuid).max(20).optional(),
      }),
    )
    .max(500),
});
export type SelfScoreBodyT = z.infer<typeof SelfScoreBody>;
export const AppraisalBody = z.strictObject({
  version: z.number().int(),
  entries: z
    .array(z.strictObject({ criterionId: Uuid, points: Points.nullable(), note: OptionalText(2000) }))
    .max(500),
});
export type AppraisalBodyT = z.infer<typeof AppraisalBody>;
export const TransitionBody = z.strictObject({
  action: z.enum(SHEET_ACTIONS),
  version: z.number().int(),
  reason: OptionalText(2000),
});

export const Sheet = z.object({
  groupId: z.string(),
  groupName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  sheet: SheetSummary,
  maxTotal: z.number(),
  criteria: z.array(
    CriterionOut.extend({
      selfPoints: z.number().nullable(),
      selfNote: z.string().nullable(),
      evidence: z.array(z.object({ id: z.string(), name: z.string() })),
      appraisedPoints: z.number().nullable(),
      appraiserNote: z.string().nullable(),
      selfNodePoints: z.number().nullable(),
      appraisedNodePoints: z.number().nullable(),
    }),
  ),
  actions: z.array(
    z.object({ action: z.enum(SHEET_ACTIONS), name: z.string(), requiresReason: z.boolean() }),
  ),
  canSelfScore: z.boolean(),
  canAppraise: z.boolean(),
});

export const Ranking = z.object({
  groupId: z.string(),
  leaderCount: z.number(),
  complete: z.boolean(),
  items: z.array(
    z.object({
      orgId: z.string(),
      orgName: z.string(),
      status: z.enum(SHEET_STATES),
      statusName: z.string(),
      total: z.number().nullable(),
      rank: z.number().nullable(),
      leader: z.boolean(),
    }),
  ),
});

export const Candidate = z.object({
  groupId: z.string(),
  groupName: z.string(),
  kind: z.enum(GROUP_KINDS),
  year: z.number(),
  orgId: z.string(),
  orgName: z.string(),
  rank: z.number(),
  total: z.number(),
  awardCode: z.string(),
  complete: z.boolean(),
});
