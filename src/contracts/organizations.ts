import { z } from 'zod';
import { ORG_TYPES } from '../domain/org/types';
import { IsoDate, OptionalText, Text, Uuid } from './common';

export const OrgCode = z
  .string()
  .trim()
  .min(1, 'Mã đơn vị không được để trống')
  .max(50)
  .regex(/^[A-Za-z0-9._-]+$/, 'Mã đơn vị chỉ gồm chữ cái không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới');

export const ShortName = z
  .string()
  .trim()
  .min(1, 'Tên viết tắt không được để trống')
  .max(30)
  .regex(/^[A-ZĐ0-9-]+$/, 'Tên viết tắt gồm chữ in hoa và chữ số, ví dụ SYT, TTYT, KSBT');

export const Organization = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  path: z.string(),
  depth: z.number(),
  type: z.enum(ORG_TYPES),
  typeName: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.string(),
  statusName: z.string(),
  version: z.number(),
});
export type OrganizationT = z.infer<typeof Organization>;

const EventDocument = {
  effectiveOn: IsoDate,
  documentNumber: OptionalText(100),
  documentDate: IsoDate.nullable().optional(),
  documentIssuer: OptionalText(300),
  note: OptionalText(2000),
};

const NewOrg = z.strictObject({
  parentId: Uuid,
  type: z.enum(ORG_TYPES),
  code: OrgCode,
  name: Text(300, 'Tên đơn vị'),
  shortName: ShortName,
});

export const OrgEventInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('create'), org: NewOrg, ...EventDocument }),
  z.strictObject({
    type: z.literal('rename'),
    orgId: Uuid,
    name: Text(300, 'Tên mới'),
    shortName: ShortName.optional(),
    ...EventDocument,
  }),
  z.strictObject({ type: z.literal('move'), orgId: Uuid, newParentId: Uuid, ...EventDocument }),
  z.strictObject({
    type: z.literal('merge'),
    sourceIds: z.array(Uuid).min(1, 'Chọn ít nhất một đơn vị bị sáp nhập').max(20),
    /** merge into an existing organisation (A into B) … */
    targetId: Uuid.optional(),
    /** … or into a new one (A and B into new C) */
    newOrg: NewOrg.optional(),
    ...EventDocument,
  }),
  z.strictObject({
    type: z.literal('split'),
    sourceId: Uuid,
    newOrgs: z.array(NewOrg).min(1).max(20),
    /** keep the source organisation (part split off) or close it (fully divided) */
    keepSource: z.boolean(),
    /** where current staff of a closed source go; defaults to the first new organisation */
    staffToIndex: z.number().int().min(0).max(19).optional(),
    ...EventDocument,
  }),
  z.strictObject({ type: z.literal('dissolve'), orgId: Uuid, ...EventDocument }),
]);
export type OrgEventInputT = z.infer<typeof OrgEventInput>;

export const OrgEvent = z.object({
  id: z.string(),
  type: z.string(),
  typeName: z.string(),
  effectiveOn: z.string(),
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  documentIssuer: z.string().nullable(),
  note: z.string().nullable(),
  description: z.string(),
  role: z.string().optional(),
});

export const OrgLineageItem = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string(),
  status: z.string(),
  effectiveOn: z.string(),
});

export const OrganizationDetail = Organization.extend({
  parentName: z.string().nullable(),
  names: z.array(
    z.object({
      name: z.string(),
      shortName: z.string(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
  events: z.array(OrgEvent),
  predecessors: z.array(OrgLineageItem),
  successors: z.array(OrgLineageItem),
  staffCount: z.number(),
  childCount: z.number(),
});
