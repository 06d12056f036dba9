import { BarChartOutlined, LaptopOutlined, TrophyOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';
import { viIndicators } from '../../i18n/vi';

const m = viIndicators.menu;

/** Targets and indicators, digital skills, emulation blocks (rows of app/routes.tsx). */
export const indicatorAppRoutes: AppRoute[] = [
  {
    path: '/indicators',
    page: lazy(() => import('../../pages/IndicatorsPage')),
    permission: 'indicator.read',
    menu: {
      label: m.indicators,
      icon: <BarChartOutlined />,
      group: 'main',
      order: 62,
      description: m.descriptions.indicators,
    },
  },
  {
    path: '/digital-skills',
    page: lazy(() => import('../../pages/DigitalSkillsPage')),
    permission: 'staff.read',
    menu: {
      label: m.digitalSkills,
      icon: <LaptopOutlined />,
      group: 'main',
      order: 63,
      description: m.descriptions.digitalSkills,
    },
  },
  {
    path: '/emulation-groups',
    page: lazy(() => import('../../pages/EmulationGroupsPage')),
    permission: 'emulationGroup.read',
    menu: {
      label: m.groups,
      icon: <TrophyOutlined />,
      group: 'main',
      order: 64,
      description: m.descriptions.groups,
    },
  },
  {
    path: '/emulation-groups/:id',
    page: lazy(() => import('../../pages/EmulationGroupDetailPage')),
    permission: 'emulationGroup.read',
  },
];
