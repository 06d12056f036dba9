import { BarChartOutlined, BookOutlined, StarOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';
import { viRegister } from '../../i18n/vi';

const m = viRegister.menu;

/** The pages of the award register, statistics and exemplary stories (rows of app/routes.tsx). */
export const registerAppRoutes: AppRoute[] = [
  {
    path: '/register',
    page: lazy(() => import('../../pages/RegisterPage')),
    permission: 'register.read',
    menu: {
      label: m.register,
      icon: <BookOutlined />,
      group: 'main',
      order: 80,
      description: m.descriptions.register,
    },
  },
  {
    path: '/statistics',
    page: lazy(() => import('../../pages/StatisticsPage')),
    permission: 'register.read',
    menu: {
      label: m.statistics,
      icon: <BarChartOutlined />,
      group: 'main',
      order: 81,
      description: m.descriptions.statistics,
    },
  },
  {
    path: '/exemplars',
    page: lazy(() => import('../../pages/ExemplarsPage')),
    permission: 'exemplar.manage',
    menu: {
      label: m.exemplars,
      icon: <StarOutlined />,
      group: 'main',
      order: 82,
      description: m.descriptions.exemplars,
    },
  },
];
