/**
 * The table of pages. One row per page: its URL, the lazily loaded page component (its own
 * chunk), the permission it needs, and — when it belongs in the menu — its menu entry.
 *
 * A later feature (commendation, plans, councils …) adds a page by adding one row here, with
 * the permission from src/domain/access/roles.ts. The menu, the route guard and the home page's
 * quick links all read this table.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  HomeOutlined,
  ImportOutlined,
  TeamOutlined,
  UserSwitchOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import { councilAppRoutes } from '../features/councils/routes';
import { indicatorAppRoutes } from '../features/indicators/routes';
import { planAppRoutes } from '../features/plans/routes';
import { proposalAppRoutes } from '../features/proposals/routes';
import { registerAppRoutes } from '../features/register/routes';
import { historyAppRoutes } from '../features/rules/routes';
import { reportsAppRoutes } from '../features/reports/routes';
import { vi } from '../i18n/vi';

export type MenuGroup = 'main' | 'directory' | 'system';

export interface AppRoute {
  /** react-router path, relative to the app root */
  path: string;
  page: LazyExoticComponent<ComponentType>;
  /** the user needs at least one of these permissions; none = any signed-in user */
  permission?: string | readonly string[];
  menu?: {
    /** the menu link, when the route path has parameters */
    to?: string;
    label: string;
    icon: ReactNode;
    group: MenuGroup;
    /** position inside the group (lower first) */
    order: number;
    /** one line for the home page's quick links */
    description?: string;
  };
}

export const MENU_GROUPS: { key: MenuGroup; label: string | null }[] = [
  { key: 'main', label: null },
  { key: 'directory', label: vi.menu.groupDirectory },
  { key: 'system', label: vi.menu.groupSystem },
];

export const appRoutes: AppRoute[] = [
  {
    path: '/',
    page: lazy(() => import('../pages/HomePage')),
    menu: { label: vi.menu.home, icon: <HomeOutlined />, group: 'main', order: 0 },
  },
  {
    // one route for the tree and the selected unit, so the tree keeps its state while selecting
    path: '/organizations/:id?',
    page: lazy(() => import('../pages/OrganizationsPage')),
    permission: 'org.read',
    menu: {
      to: '/organizations',
      label: vi.menu.organizations,
      icon: <ApartmentOutlined />,
      group: 'directory',
      order: 10,
      description: vi.home.descriptions.organizations,
    },
  },
  {
    path: '/staff',
    page: lazy(() => import('../pages/StaffListPage')),
    permission: 'staff.read',
    menu: {
      label: vi.menu.staff,
      icon: <TeamOutlined />,
      group: 'directory',
      order: 20,
      description: vi.home.descriptions.staff,
    },
  },
  {
    path: '/staff/import',
    page: lazy(() => import('../pages/StaffImportPage')),
    permission: 'staff.import',
    menu: {
      label: vi.menu.staffImport,
      icon: <ImportOutlined />,
      group: 'directory',
      order: 30,
      description: vi.home.descriptions.staffImport,
    },
  },
  { path: '/staff/:id', page: lazy(() => import('../pages/StaffDetailPage')), permission: 'staff.read' },
  ...proposalAppRoutes,
  ...councilAppRoutes,
  ...registerAppRoutes,
  ...historyAppRoutes,
  ...planAppRoutes,
  ...reportsAppRoutes,
  ...indicatorAppRoutes,
  {
    path: '/accounts',
    page: lazy(() => import('../pages/AccountsPage')),
    permission: 'account.manage',
    menu: {
      label: vi.menu.accounts,
      icon: <UserSwitchOutlined />,
      group: 'system',
      order: 10,
      description: vi.home.descriptions.accounts,
    },
  },
  {
    path: '/audit',
    page: lazy(() => import('../pages/AuditPage')),
    permission: 'audit.read',
    menu: {
      label: vi.menu.audit,
      icon: <AuditOutlined />,
      group: 'system',
      order: 20,
      description: vi.home.descriptions.audit,
    },
  },
];

/** Pages outside the menu and outside the permission table. */
export const ChangePasswordPage = lazy(() => import('../pages/ChangePasswordPage'));
export const LoginPage = lazy(() => import('../pages/LoginPage'));

export function allowed(
  route: Pick<AppRoute, 'permission'>,
  can: (p: string | readonly string[]) => boolean,
): boolean {
  return route.permission === undefined || can(route.permission);
}

export interface MenuEntry {
  path: string;
  label: string;
  icon: ReactNode;
  group: MenuGroup;
  order: number;
  description?: string;
}

/** The menu entries the user may see, in group and order. */
export function visibleMenu(can: (p: string | readonly string[]) => boolean): MenuEntry[] {
  const groupIndex = (g: MenuGroup) => MENU_GROUPS.findIndex((x) => x.key === g);
  return appRoutes
    .filter((r) => r.menu && allowed(r, can))
    .map((r) => ({ ...r.menu!, path: r.menu!.to ?? r.path }))
    .sort((a, b) => groupIndex(a.group) - groupIndex(b.group) || a.order - b.order);
}

/** The menu entry to highlight for a URL: the longest menu path that is a prefix of it. */
export function selectedMenuPath(pathname: string, entries: MenuEntry[]): string | undefined {
  let best: string | undefined;
  for (const e of entries) {
    const matches =
      e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`);
    if (matches && (!best || e.path.length > best.length)) best = e.path;
  }
  return best;
}
