import { z } from 'zod';
import {
  AWARD_CODES,
  PROPOSAL_ACTIONS,
  PROPOSAL_STATES,
  REGISTRATION_ACTIONS,
  REGISTRATION_STATES,
} from '../domain/commendation';
import { IsoDate, OptionalText, QueryInt, Text, Uuid } from './common';

// ------------------------------------------------------------------ rounds (đợt khen thưởng)

export const ROUND_KINDS = ['annual', 'thematic', 'adhoc', 'career'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const ROUND_KIND_NAMES: Record<RoundKind, string> = {
  annual: 'Khen thưởng thường xuyên (hằng năm)',
  thematic: 'Khen thưởng theo chuyên đề (phong trào)',
  adhoc: 'Khen thưởng đột xuất',
  career: 'Khen thưởng quá trình cống hiến',
};
export const ROUND_STATUSES = ['open', 'closed'] as const;

const Year = z
  .number()
  .int('Năm phải là số nguyên')
  .min(2000, 'Năm không hợp lệ')
  .max(2100, 'Năm không hợp lệ');

const RoundFields = {
  kind: z.enum(ROUND_KINDS, 'Loại đợt khen thưởng không hợp lệ'),
  year: Year,
  title: Text(300, 'Tên đợt khen thưởng'),
  deadline: IsoDate,
  movementPlanId: Uuid.nullable().optional(),
  publicCommentFrom: IsoDate.nullable().optional(),
  publicCommentUntil: IsoDate.nullable().optional(),
  note: OptionalText(2000),
};

export const CreateRoundBody = z.strictObject({ orgId: Uuid, ...RoundFields });
export type CreateRoundBodyT = z.infer<typeof CreateRoundBody>;

export const UpdateRoundBody = z.strictObject({
  version: z.number().int(),
  kind: RoundFields.kind.optional(),
  year: Year.optional(),
  title: RoundFields.title.optional(),
  deadline: IsoDate.optional(),
  movementPlanId: RoundFields.movementPlanId,
  publicCommentFrom: RoundFields.publicCommentFrom,
  publicCommentUntil: RoundFields.publicCommentUntil,
  note: RoundFields.note,
  status: z.enum(ROUND_STATUSES).optional(),
});
export type UpdateRoundBodyT = z.infer<typeof UpdateRoundBody>;

export const RoundListQuery = z.strictObject({
  year: QueryInt(2000, 2100).optional(),
  status: z.enum(ROUND_STATUSES).optional(),
  /** only rounds the caller can propose into */
  proposable: z.enum(['true', 'false']).optional(),
});
export type RoundListQueryT = z.infer<typeof RoundListQuery>;

export const Round = z.object({
  id: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  kind: z.enum(ROUND_KINDS),
  kindName: z.string(),
  year: z.number(),
  title: z.string(),
  deadline: z.string(),
  movementPlanId: z.string().nullable(),
  publicCommentFrom: z.string().nullable(),
  publicCommentUntil: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  version: z.number(),
  proposalCount: z.number(),
  canManage: z.boolean(),
  canPropose: z.boolean(),
});

// ------------------------------------------------------------------ proposals

export const CreateProposalBody = z
  .strictObject({
    roundId: Uuid,
    personId: Uuid.optional(),
    orgId: Uuid.optional(),
    awardCode: z.enum(AWARD_CODES, 'Mã danh hiệu, hình thức khen thưởng không hợp lệ'),
    /** the unit that proposes; default: the nominee's unit (person) or the collective itself */
    proposingOrgId: Uuid.optional(),
    initiativeIds: z.array(Uuid).max(50).optional(),
  })
  .refine((b) => (b.personId ? 1 : 0) + (b.orgId ? 1 : 0) === 1, {
    message: 'Chọn đúng một đối tượng đề nghị: cá nhân hoặc tập thể.',
    path: ['personId'],
  });
export type CreateProposalBodyT = z.infer<typeof CreateProposalBody>;

export const UpdateProposalBody = z.strictObject({
  version: z.number().int(),
  achievementReport: z.string().max(100_000, 'Báo cáo thành tích quá dài').nullable().optional(),
  initiativeIds: z.array(Uuid).max(50).optional(),
});
export type UpdateProposalBodyT = z.infer<typeof UpdateProposalBody>;

export const TransitionBody = z.strictObject({
  action: z.enum(PROPOSAL_ACTIONS, 'Thao tác không hợp lệ'),
  reason: z.string().trim().max(2000, 'Lý do không được dài quá 2000 ký tự').optional(),
  version: z.number().int(),
  /** forward: the superior organisation's round (default: its only open round of the same year) */
  targetRoundId: Uuid.optional(),
});
export type TransitionBodyT = z.infer<typeof TransitionBody>;

export const ProposalListQuery = z.strictObject({
  roundId: Uuid.optional(),
  status: z.enum(PROPOSAL_STATES).optional(),
  q: z.string().max(100).optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});
export type ProposalListQueryT = z.infer<typeof ProposalListQuery>;

export const ProposalListItem = z.object({
  id: z.string(),
  round: z.object({ id: z.string(), title: z.string(), year: z.number() }),
  proposingOrg: z.object({ id: z.string(), name: z.string() }),
  nominee: z.object({
    kind: z.enum(['person', 'org']),
    id: z.string(),
    name: z.string(),
    unitName: z.string().nullable(),
  }),
  awardCode: z.string(),
  awardName: z.string(),
  status: z.enum(PROPOSAL_STATES),
  statusName: z.string(),
  returnReason: z.string().nullable(),
  version: z.number(),
  updatedAt: z.string(),
});

export const ProposalEvent = z.object({
  id: z.string(),
  action: z.string(),
  actionName: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});

export const ProposalFile = z.object({
  id: z.string(),
  kind: z.string(),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

export const DossierCheck = z.object({
  complete: z.boolean(),
  items: z.array(z.object({ id: z.string(), label: z.string(), ok: z.boolean() })),
});

export const ProposalDetail = ProposalListItem.extend({
  achievementReport: z.string().nullable(),
  eligibility: z.any().nullable(),
  /** the verdict as it stands today, before appraisal records one */
  eligibilityPreview: z.any().nullable(),
  initiativeIds: z.array(z.string()),
  councilResult: z.any().nullable(),
  decisionId: z.string().nullable(),
  forwardedProposalId: z.string().nullable(),
  forwardedFromId: z.string().nullable(),
  events: z.array(ProposalEvent),
  files: z.array(ProposalFile),
  dossier: DossierCheck,
  actions: z.array(
    z.object({ action: z.enum(PROPOSAL_ACTIONS), name: z.string(), requiresReason: z.boolean() }),
  ),
  canEdit: z.boolean(),
});

// ------------------------------------------------------------------ registrations (đăng ký thi đua)

export const RegistrationItemInput = z
  .strictObject({
    personId: Uuid.optional(),
    orgId: Uuid.optional(),
    awardCode: z.enum(AWARD_CODES, 'Mã danh hiệu thi đua không hợp lệ'),
    note: OptionalText(500),
  })
  .refine((b) => (b.personId ? 1 : 0) + (b.orgId ? 1 : 0) === 1, {
    message: 'Mỗi dòng đăng ký là của một cá nhân hoặc một tập thể.',
    path: ['personId'],
  });

export const CreateRegistrationBody = z.strictObject({ orgId: Uuid, year: Year });
export type CreateRegistrationBodyT = z.infer<typeof CreateRegistrationBody>;

export const SaveRegistrationItemsBody = z.strictObject({
  version: z.number().int(),
  items: z.array(RegistrationItemInput).max(2000),
});
export type SaveRegistrationItemsBodyT = z.infer<typeof SaveRegistrationItemsBody>;

export const RegistrationTransitionBody = z.strictObject({
  action: z.enum(REGISTRATION_ACTIONS, 'Thao tác không hợp lệ'),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int(),
});
export type RegistrationTransitionBodyT = z.infer<typeof RegistrationTransitionBody>;

export const RegistrationListQuery = z.strictObject({
  year: QueryInt(2000, 2100).optional(),
  status: z.enum(REGISTRATION_STATES).optional(),
});
export type RegistrationListQueryT = z.infer<typeof RegistrationListQuery>;

export const BoardQuery = z.strictObject({ year: QueryInt(2000, 2100), orgId: Uuid.optional() });
export type BoardQueryT = z.infer<typeof BoardQuery>;

export const RegistrationSummary = z.object({
  id: z.string(),
  org: z.object({ id: z.string(), name: z.string() }),
  year: z.number(),
  status: z.enum(REGISTRATION_STATES),
  statusName: z.string(),
  returnReason: z.string().nullable(),
  version: z.number(),
  collectiveCount: z.number(),
  individualCount: z.number(),
  updatedAt: z.string(),
});

export const RegistrationDetail = RegistrationSummary.extend({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['person', 'org']),
      personId: z.string().nullable(),
      orgId: z.string().nullable(),
      name: z.string(),
      position: z.string().nullable(),
      awardCode: z.string(),
      awardName: z.string(),
      note: z.string().nullable(),
    }),
  ),
  events: z.array(ProposalEvent),
  actions: z.array(
    z.object({ action: z.enum(REGISTRATION_ACTIONS), name: z.string(), requiresReason: z.boolean() }),
  ),
  canEdit: z.boolean(),
});

export const BoardRow = z.object({
  org: z.object({ id: z.string(), name: z.string(), depth: z.number() }),
  registrationId: z.string().nullable(),
  status: z.enum(['not_submitted', ...REGISTRATION_STATES]),
  statusName: z.string(),
  collectiveCount: z.number(),
  individualCount: z.number(),
  returnReason: z.string().nullable(),
});

export const BOARD_STATUS_NAMES = {
  not_submitted: 'Chưa gửi',
  draft: 'Đang soạn (chưa gửi)',
  submitted: 'Đã gửi',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
} as const;
