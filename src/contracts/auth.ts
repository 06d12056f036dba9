import { z } from 'zod';
import { ROLES } from '../domain/access/roles';

export const LoginBody = z.strictObject({
  username: z.string().min(1, 'Vui lòng nhập tên đăng nhập').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu').max(200),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const UserGrant = z.object({
  id: z.string().optional(),
  role: z.enum(ROLES),
  roleName: z.string(),
  orgId: z.string(),
  orgName: z.string(),
});

export const CurrentUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  personId: z.string().nullable(),
  mustChangePassword: z.boolean(),
  roles: z.array(UserGrant),
  permissions: z.array(z.string()),
});

export const SessionResponse = z.object({ user: CurrentUser, csrfToken: z.string() });
export type CurrentUserT = z.infer<typeof CurrentUser>;
