import { z } from 'zod';
import { AWARD_CODES } from '../domain/commendation/codes';
import { IsoDate, OptionalText, Text, Uuid } from './common';

export const SIGNATURE_MODES = ['KT.', 'TM.', 'Q.', 'TL.'] as const;
export const AWARD_KINDS = ['annual', 'thematic', 'adhoc', 'career'] as const;
export const DECISION_STATUSES = ['draft', 'issued'] as const;
export const DECISION_STATUS_NAMES = { draft: 'Dự thảo', issued: 'Đã ban hành' } as const;

export const ManualAwardee = z
  .strictObject({
    personId: Uuid.optional(),
    orgId: Uuid.optional(),
    awardCode: z.enum(AWARD_CODES, 'Mã danh hiệu, hình thức khen thưởng không hợp lệ'),
  })
  .refine((a) => !!a.personId !== !!a.orgId, 'Mỗi người được khen là một cá nhân hoặc một tập thể');

const Lines = (label: string) => z.array(Text(1000, label)).max(30);

const HeaderFields = {
  decisionDate: IsoDate,
  /** the year the awards are for; defaults to the round's year when drafting from proposals */
  achievementYear: z.number().int().min(1990).max(2100).optional(),
  awardKind: z.enum(AWARD_KINDS).optional(),
  subject: Text(500, 'Trích yếu').optional(),
  achievementText: Text(1000, 'Thành tích').optional(),
  legalBases: Lines('Căn cứ').optional(),
  recipients: Lines('Nơi nhận').optional(),
  place: Text(100, 'Địa danh').optional(),
  issuerParentName: OptionalText(200),
  authorityTitle: Text(200, 'Thẩm quyền').optional(),
  signerName: Text(100, 'Người ký'),
  signerTitle: Text(100, 'Chức vụ người ký'),
  signatureMode: z.enum(SIGNATURE_MODES, 'Thể thức ký không hợp lệ').nullable().optional(),
  onBehalfOf: OptionalText(100),
};

export const CreateDecisionBody = z.strictObject({
  orgId: Uuid,
  /** draft from the approved proposals of a round (all of them when proposalIds is omitted) */
  roundId: Uuid.optional(),
  proposalIds: z.array(Uuid).max(2000).optional(),
  /** or manual awardees */
  awardees: z.array(ManualAwardee).max(2000).optional(),
  ...HeaderFields,
});
export type CreateDecisionBodyT = z.infer<typeof CreateDecisionBody>;

export const UpdateDecisionBody = z.strictObject({
  version: z.number().int().positive(),
  decisionDate: IsoDate.optional(),
  achievementYear: z.number().int().min(1990).max(2100).optional(),
  subject: HeaderFields.subject,
  achievementText: HeaderFields.achievementText,
  legalBases: HeaderFields.legalBases,
  recipients: HeaderFields.recipients,
  place: HeaderFields.place,
  issuerParentName: HeaderFields.issuerParentName,
  authorityTitle: HeaderFields.authorityTitle,
  signerName: Text(100, 'Người ký').optional(),
  signerTitle: Text(100, 'Chức vụ người ký').optional(),
  signatureMode: HeaderFields.signatureMode,
  onBehalfOf: HeaderFields.onBehalfOf,
});
export type UpdateDecisionBodyT = z.infer<typeof UpdateDecisionBody>;

export const VersionBody = z.strictObject({ version: z.number().int().positive() });

export const DecisionListQuery = z.strictObject({
  orgId: Uuid.optional(),
  status: z.enum(DECISION_STATUSES).optional(),
  year: z
    .string()
    .regex(/^\d{4}$/, 'Năm không hợp lệ')
    .transform(Number)
    .optional(),
});

export const DecisionListItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(DECISION_STATUSES),
  statusName: z.string(),
  documentNumber: z.string().nullable(),
  decisionDate: z.string(),
  subject: z.string(),
  awardeeCount: z.number(),
  totalAmount: z.number(),
  correctsDecisionId: z.string().nullable(),
});

export const DecisionAwardee = z.object({
  id: z.string(),
  position: z.number(),
  proposalId: z.string().nullable(),
  personId: z.string().nullable(),
  orgId: z.string().nullable(),
  subject: z.enum(['individual', 'collective']),
  awardCode: z.string(),
  awardName: z.string(),
  name: z.string(),
  positionTitle: z.string().nullable(),
  unitName: z.string().nullable(),
  coefficient: z.string().nullable(),
  baseSalary: z.number().nullable(),
  amount: z.number(),
});

export const DecisionDetail = DecisionListItem.extend({
  roundId: z.string().nullable(),
  achievementYear: z.number(),
  awardKind: z.enum(AWARD_KINDS),
  achievementText: z.string(),
  legalBases: z.array(z.string()),
  recipients: z.array(z.string()),
  place: z.string(),
  issuerParentName: z.string().nullable(),
  authorityTitle: z.string(),
  signerName: z.string(),
  signerTitle: z.string(),
  signatureMode: z.enum(SIGNATURE_MODES).nullable(),
  onBehalfOf: z.string().nullable(),
  issuedAt: z.string().nullable(),
  correctedBy: z.array(z.object({ id: z.string(), documentNumber: z.string().nullable() })),
  awardees: z.array(DecisionAwardee),
  version: z.number(),
  abilities: z.object({ edit: z.boolean(), issue: z.boolean(), correct: z.boolean() }),
});

export const ApprovedCandidate = z.object({
  proposalId: z.string(),
  roundId: z.string(),
  roundTitle: z.string(),
  roundYear: z.number(),
  nomineeName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
});
