import { z } from 'zod';
import { IsoDate, OptionalText, Text, Uuid } from './common';

export const COUNCIL_ROLES = ['chu_tich', 'pho_chu_tich', 'thuong_truc', 'uy_vien'] as const;
export type CouncilRole = (typeof COUNCIL_ROLES)[number];
export const COUNCIL_ROLE_NAMES: Record<CouncilRole, string> = {
  chu_tich: 'Chủ tịch Hội đồng',
  pho_chu_tich: 'Phó Chủ tịch Hội đồng',
  thuong_truc: 'Ủy viên thường trực',
  uy_vien: 'Ủy viên',
};
export const BALLOT_CHOICES = ['agree', 'disagree'] as const;
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Giờ phải có dạng HH:mm');

export const CreateCouncilBody = z.strictObject({
  orgId: Uuid,
  name: Text(300, 'Tên Hội đồng'),
  establishedBy: OptionalText(300),
});
export const AddMemberBody = z.strictObject({
  userId: Uuid,
  role: z.enum(COUNCIL_ROLES, 'Vai trò trong Hội đồng không hợp lệ'),
  position: OptionalText(200),
});
export const MemberParams = z.strictObject({ id: Uuid, memberId: Uuid });
export const CreateSessionBody = z.strictObject({
  title: Text(300, 'Nội dung phiên họp'),
  meetingDate: IsoDate,
  venue: OptionalText(300),
  startTime: HHMM.optional(),
  endTime: HHMM.optional(),
});
export const AttendanceBody = z.strictObject({
  presentMemberIds: z.array(Uuid).max(200),
  version: z.number().int().positive(),
});
export const AddItemsBody = z.strictObject({
  proposalIds: z.array(Uuid).min(1, 'Chọn ít nhất một đề nghị').max(500),
});
export const VoteBody = z.strictObject({
  choice: z.enum(BALLOT_CHOICES, 'Phiếu phải là "đồng ý" hoặc "không đồng ý"'),
});

export const CouncilMember = z.object({
  id: z.string(),
  userId: z.string(),
  fullName: z.string(),
  position: z.string().nullable(),
  role: z.enum(COUNCIL_ROLES),
  roleName: z.string(),
});
export const CouncilListItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  establishedBy: z.string().nullable(),
  memberCount: z.number(),
  sessionCount: z.number(),
});
export const SessionListItem = z.object({
  id: z.string(),
  title: z.string(),
  meetingDate: z.string(),
  venue: z.string().nullable(),
  itemCount: z.number(),
  closedCount: z.number(),
});
export const CouncilDetail = CouncilListItem.extend({
  members: z.array(CouncilMember),
  sessions: z.array(SessionListItem),
  abilities: z.object({ manage: z.boolean() }),
});
export const MemberCandidate = z.object({
  userId: z.string(),
  displayName: z.string(),
  username: z.string(),
});
export const AgendaCandidate = z.object({
  proposalId: z.string(),
  nomineeName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  roundTitle: z.string(),
});

export const SessionItem = z.object({
  id: z.string(),
  position: z.number(),
  proposalId: z.string(),
  nomineeName: z.string(),
  unitName: z.string().nullable(),
  awardCode: z.string(),
  awardName: z.string(),
  ballotStatus: z.enum(['draft', 'open', 'closed']),
  ballotStatusName: z.string(),
  /** how many members have voted (no choices) */
  votedCount: z.number(),
  /** whether the caller has voted on this item */
  iVoted: z.boolean(),
  /** counts and outcome: only after the ballot is closed */
  result: z
    .object({
      agree: z.number(),
      disagree: z.number(),
      status: z.enum(['passed', 'failed', 'no_quorum']),
      required: z.number(),
      summary: z.string(),
    })
    .nullable(),
  abilities: z.object({ open: z.boolean(), close: z.boolean(), vote: z.boolean() }),
});
export const SessionDetail = z.object({
  id: z.string(),
  councilId: z.string(),
  councilName: z.string(),
  orgName: z.string(),
  title: z.string(),
  meetingDate: z.string(),
  venue: z.string().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  membersTotal: z.number(),
  quorumRequired: z.number(),
  quorumMet: z.boolean(),
  members: z.array(CouncilMember.extend({ present: z.boolean() })),
  items: z.array(SessionItem),
  minutesNumber: z.string().nullable(),
  version: z.number(),
  abilities: z.object({ manage: z.boolean(), chair: z.boolean(), member: z.boolean(), minutes: z.boolean() }),
});
