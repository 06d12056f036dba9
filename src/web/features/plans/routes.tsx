import { FlagOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';
import { viPlans } from '../../i18n/vi';

/** The pages of movements and plans (rows of app/routes.tsx). */
export const planAppRoutes: AppRoute[] = [
  {
    path: '/plans',
    page: lazy(() => import('../../pages/PlansPage')),
    permission: 'plan.read',
    menu: {
      label: viPlans.menu.plans,
      icon: <FlagOutlined />,
      group: 'main',
      order: 60,
      description: viPlans.menu.descriptions.plans,
    },
  },
  { path: '/plans/import', page: lazy(() => import('../../pages/PlanImportPage')), permission: 'plan.write' },
  { path: '/plans/:id', page: lazy(() => import('../../pages/PlanDetailPage')), permission: 'plan.read' },
];
