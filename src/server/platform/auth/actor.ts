import { permissionsOf, type Role, roleHasPermission } from '../../../domain/access/roles';

export interface Grant {
  role: Role;
  orgId: string;
  orgPath: string;
  orgName: string;
}

/** The authenticated caller of a request. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  personId: string | null;
  mustChangePassword: boolean;
  grants: Grant[];
  sessionId: string;
  csrfToken: string;
}

/**
 * The organisation subtrees (as path prefixes) where the actor holds `permission`.
 * Nested prefixes are removed: ['/a/', '/a/b/'] → ['/a/'].
 */
export function scopePaths(actor: Actor | null, permission: string): string[] {
  if (!actor) return [];
  const paths = actor.grants.filter((g) => roleHasPermission(g.role, permission)).map((g) => g.orgPath);
  const sorted = [...new Set(paths)].sort((a, b) => a.length - b.length);
  const minimal: string[] = [];
  for (const p of sorted) if (!minimal.some((m) => p.startsWith(m))) minimal.push(p);
  return minimal;
}

/** Whether the actor holds `permission` somewhere (route-level check). */
export function hasPermissionAnywhere(actor: Actor | null, permission: string): boolean {
  return scopePaths(actor, permission).length > 0;
}

/** Whether the actor holds `permission` on the organisation with this path (record-level check). */
export function canOn(actor: Actor | null, permission: string, orgPath: string): boolean {
  return scopePaths(actor, permission).some((p) => orgPath.startsWith(p));
}

export function isInScope(paths: string[], orgPath: string): boolean {
  return paths.some((p) => orgPath.startsWith(p));
}

export function permissionsOfActor(actor: Actor): string[] {
  const all = new Set<string>();
  for (const g of actor.grants) {
    for (const p of permissionsOf(g.role)) all.add(p);
  }
  return [...all].sort();
}
