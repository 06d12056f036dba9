import { z } from 'zod';
import { IsoDate, Text, Uuid } from './common';

export const FUND_KINDS = ['allocation', 'payment'] as const;
export const FUND_KIND_NAMES = { allocation: 'Phân bổ (thu)', payment: 'Chi khen thưởng' } as const;

const Year = z
  .string()
  .regex(/^\d{4}$/, 'Năm không hợp lệ')
  .transform(Number);

export const FundQuery = z.strictObject({ orgId: Uuid, year: Year });

export const AllocationBody = z.strictObject({
  orgId: Uuid,
  year: z.number().int().min(1990).max(2100),
  amount: z.number().int('Số tiền phải là số nguyên đồng').positive('Số tiền phải lớn hơn 0').max(1e15),
  entryDate: IsoDate,
  description: Text(500, 'Nội dung'),
});

export const PaymentFromDecisionBody = z.strictObject({
  decisionId: Uuid,
  entryDate: IsoDate.optional(),
});

export const FundEntry = z.object({
  id: z.string(),
  kind: z.enum(FUND_KINDS),
  kindName: z.string(),
  amount: z.number(),
  entryDate: z.string(),
  description: z.string(),
  decisionId: z.string().nullable(),
  documentNumber: z.string().nullable(),
});

export const FundLedger = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.number(),
  allocated: z.number(),
  paid: z.number(),
  balance: z.number(),
  entries: z.array(FundEntry),
  /** issued decisions of the organisation in that year not yet paid from the fund */
  unpaidDecisions: z.array(z.object({ id: z.string(), documentNumber: z.string(), totalAmount: z.number() })),
  abilities: z.object({ manage: z.boolean() }),
});
