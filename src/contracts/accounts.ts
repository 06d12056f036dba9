import { z } from 'zod';
import { ROLES } from '../domain/access/roles';
import { OptionalText, QueryInt, Text, Uuid } from './common';

export const Username = z
  .string()
  .trim()
  .min(3, 'Tên đăng nhập cần ít nhất 3 ký tự')
  .max(50)
  .regex(
    /^[a-z0-9._-]+$/,
    'Tên đăng nhập chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới',
  );

export const Account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  personId: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(
    z.object({
      id: z.string(),
      role: z.enum(ROLES),
      roleName: z.string(),
      orgId: z.string(),
      orgName: z.string(),
    }),
  ),
});

export const AccountListQuery = z.strictObject({
  q: z.string().max(100).optional(),
  page: QueryInt(1, 100_000).optional(),
  pageSize: QueryInt(1, 200).optional(),
});

export const CreateAccountBody = z.strictObject({
  username: Username,
  displayName: Text(150, 'Họ và tên'),
  email: z.email('Email không hợp lệ').max(200).nullable().optional(),
  personId: Uuid.nullable().optional(),
  /** the first role of the account; required unless the administrator's scope contains a root */
  grant: z.strictObject({ role: z.enum(ROLES), orgId: Uuid }).optional(),
});

export const UpdateAccountBody = z.strictObject({
  displayName: Text(150, 'Họ và tên').optional(),
  email: z.email('Email không hợp lệ').max(200).nullable().optional(),
  disabled: z.boolean().optional(),
});

export const GrantBody = z.strictObject({ role: z.enum(ROLES), orgId: Uuid });
export const GrantParams = z.strictObject({ id: Uuid, grantId: Uuid });
export const OneTimePassword = z.object({ oneTimePassword: z.string() });
export { OptionalText };
