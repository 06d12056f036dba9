/**
 * Roles and permissions. A role is granted on an organisation and is valid for its whole
 * subtree. A permission names one kind of action; routes declare the permission they need and
 * services scope their queries to the subtrees where the actor holds it.
 */
export const ROLES = ['admin', 'tdkt', 'dept_head', 'council_member', 'director', 'staff'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: 'Quản trị hệ thống',
  tdkt: 'Cán bộ thi đua – khen thưởng',
  dept_head: 'Trưởng khoa/phòng',
  council_member: 'Thành viên Hội đồng',
  director: 'Lãnh đạo đơn vị',
  staff: 'Viên chức, người lao động',
};

export const PERMISSIONS = [
  'org.read',
  'org.write',
  'staff.read',
  'staff.write',
  'staff.import',
  'staff.readPersonalId',
  'account.manage',
  'audit.read',
  'settings.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number] | (string & {});

/** The one table of who may do what. Features add their permissions here. */
export const ROLE_PERMISSIONS: Record<Role, readonly string[]> = {
  admin: [
    'org.read',
    'org.write',
    'staff.read',
    'staff.write',
    'staff.import',
    'staff.readPersonalId',
    'account.manage',
    'audit.read',
    'settings.manage',
  ],
  tdkt: ['org.read', 'org.write', 'staff.read', 'staff.write', 'staff.import', 'staff.readPersonalId', 'audit.read'],
  director: ['org.read', 'staff.read', 'staff.readPersonalId', 'audit.read'],
  dept_head: ['org.read', 'staff.read'],
  council_member: ['org.read', 'staff.read'],
  staff: ['org.read'],
};

export function roleHasPermission(role: Role, permission: string): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

export function permissionsOf(role: Role): string[] {
  return [...ROLE_PERMISSIONS[role]];
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
