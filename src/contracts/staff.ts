import { z } from 'zod';
import {
  EMPLOYMENT_TYPES,
  GENDERS,
  PERSONAL_ID_PATTERN,
  PHONE_PATTERN,
  STAFF_CODE_PATTERN,
} from '../domain/staff/staff';
import { IsoDate, OptionalText, QueryBool, QueryInt, Text, Uuid } from './common';

export const StaffListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  orgId: Uuid.optional(),
  includeSubunits: QueryBool.optional(),
  status: z.enum(['active', 'left', 'all']).optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
  sort: z.enum(['name', '-name', 'code', '-code', 'birthDate', '-birthDate']).optional(),
});
export type StaffListQueryT = z.infer<typeof StaffListQuery>;

export const StaffListItem = z.object({
  id: z.string(),
  staffCode: z.string(),
  fullName: z.string(),
  birthDate: z.string().nullable(),
  gender: z.enum(GENDERS).nullable(),
  genderName: z.string().nullable(),
  position: z.string().nullable(),
  professionalTitle: z.string().nullable(),
  employmentType: z.enum(EMPLOYMENT_TYPES).nullable(),
  employmentTypeName: z.string().nullable(),
  personalIdMasked: z.string().nullable(),
  org: z.object({ id: z.string(), name: z.string(), code: z.string() }).nullable(),
  status: z.enum(['active', 'left']),
});

export const StaffDetail = StaffListItem.extend({
  email: z.string().nullable(),
  phone: z.string().nullable(),
  memberships: z.array(
    z.object({
      id: z.string(),
      orgId: z.string(),
      orgName: z.string(),
      fromDate: z.string(),
      toDate: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  version: z.number(),
  canViewPersonalId: z.boolean(),
  canEdit: z.boolean(),
});

const StaffFields = {
  fullName: Text(100, 'Họ và tên'),
  birthDate: IsoDate.nullable().optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  position: OptionalText(200),
  professionalTitle: OptionalText(200),
  employmentType: z.enum(EMPLOYMENT_TYPES).nullable().optional(),
  personalId: z.string().regex(PERSONAL_ID_PATTERN, 'Số CCCD phải gồm đúng 12 chữ số').nullable().optional(),
  email: z.email('Email không hợp lệ').max(200).nullable().optional(),
  phone: z.string().regex(PHONE_PATTERN, 'Số điện thoại không hợp lệ').nullable().optional(),
};

export const CreateStaffBody = z.strictObject({
  staffCode: z
    .string()
    .trim()
    .regex(STAFF_CODE_PATTERN, 'Mã nhân sự chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch ngang'),
  ...StaffFields,
  orgId: Uuid,
  fromDate: IsoDate,
});

export const UpdateStaffBody = z.strictObject({
  version: z.number().int().min(1),
  ...StaffFields,
  fullName: StaffFields.fullName.optional(),
  /** "left" ends the current membership on leftOn (default today) */
  status: z.enum(['active', 'left']).optional(),
  leftOn: IsoDate.optional(),
});

export const TransferBody = z.strictObject({ toOrgId: Uuid, fromDate: IsoDate, note: OptionalText(500) });

export const ImportPreview = z.object({
  id: z.string(),
  fileName: z.string(),
  totalRows: z.number(),
  validRows: z.number(),
  invalidRows: z.number(),
  errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  sample: z.array(
    z.object({
      row: z.number(),
      staffCode: z.string(),
      fullName: z.string(),
      orgCode: z.string(),
      action: z.enum(['create', 'update']),
    }),
  ),
});

export const ImportCommitBody = z.strictObject({ mode: z.enum(['all', 'validOnly']) });
export const ImportResult = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  skipped: z.number(),
});
