// @vitest-environment jsdom
import '../test-setup';
import { describe, expect, it } from 'vitest';
import { permissionsOf, ROLES } from '../../domain/access/roles';
import { appRoutes, selectedMenuPath, visibleMenu } from './routes';

const canWith = (permissions: readonly string[]) => (p: string | readonly string[]) =>
  typeof p === 'string' ? permissions.includes(p) : p.some((x) => permissions.includes(x));

const labels = (permissions: readonly string[]) => visibleMenu(canWith(permissions)).map((e) => e.label);

describe('menu from the routes table', () => {
  it('shows each role exactly the entries its permissions allow', () => {
    for (const role of ROLES) {
      const perms = permissionsOf(role);
      const can = canWith(perms);
      const shown = new Set(labels(perms));
      for (const route of appRoutes.filter((r) => r.menu)) {
        const allowed = !route.permission || can(route.permission);
        expect(shown.has(route.menu!.label), `${role}: ${route.menu!.label}`).toBe(allowed);
      }
    }
    // the foundation's entries, in menu order, for the demo roles
    const has = (role: (typeof ROLES)[number], wanted: string[]) =>
      expect(labels(permissionsOf(role)).filter((l) => wanted.includes(l))).toEqual(wanted);
    has('admin', ['Trang chủ', 'Tổ chức', 'Nhân sự', 'Nhập từ Excel', 'Tài khoản', 'Nhật ký hệ thống']);
    has('tdkt', ['Trang chủ', 'Tổ chức', 'Nhân sự', 'Nhập từ Excel', 'Nhật ký hệ thống']);
    expect(labels(permissionsOf('tdkt'))).not.toContain('Tài khoản');
    expect(labels(permissionsOf('director'))).not.toContain('Nhập từ Excel');
    expect(labels(permissionsOf('dept_head'))).not.toContain('Nhật ký hệ thống');
    expect(labels(permissionsOf('staff'))).not.toContain('Nhân sự');
    expect(labels([])).toEqual(['Trang chủ']);
  });

  it('every permission named by a page exists in the roles table', () => {
    const known = new Set(ROLES.flatMap((r) => permissionsOf(r)));
    for (const route of appRoutes) {
      for (const p of [route.permission ?? []].flat()) expect(known.has(p), `${route.path}: ${p}`).toBe(true);
    }
  });

  it('highlights the most specific entry for a URL', () => {
    const entries = visibleMenu(canWith(permissionsOf('admin')));
    expect(selectedMenuPath('/', entries)).toBe('/');
    expect(selectedMenuPath('/staff', entries)).toBe('/staff');
    expect(selectedMenuPath('/staff/2b1c…', entries)).toBe('/staff');
    expect(selectedMenuPath('/staff/import', entries)).toBe('/staff/import');
    expect(selectedMenuPath('/organizations/abc', entries)).toBe('/organizations');
    expect(selectedMenuPath('/staffing', entries)).toBeUndefined();
  });
});
