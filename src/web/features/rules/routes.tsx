import {
  FileSearchOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';
import { viHistory } from '../../i18n/history';

const m = viHistory.menu;

/** Pages of the rules catalog, history inputs and eligibility (rows of app/routes.tsx). */
export const historyAppRoutes: AppRoute[] = [
  {
    path: '/rules',
    page: lazy(() => import('../../pages/RulesPage')),
    permission: 'rules.read',
    menu: {
      label: m.rules,
      icon: <TrophyOutlined />,
      group: 'main',
      order: 85,
      description: m.descriptions.rules,
    },
  },
  {
    path: '/ratings',
    page: lazy(() => import('../../pages/RatingsPage')),
    permission: 'history.read',
    menu: {
      label: m.ratings,
      icon: <SolutionOutlined />,
      group: 'main',
      order: 36,
      description: m.descriptions.ratings,
    },
  },
  {
    path: '/initiatives',
    page: lazy(() => import('../../pages/InitiativesPage')),
    permission: 'history.read',
    menu: {
      label: m.initiatives,
      icon: <SafetyCertificateOutlined />,
      group: 'main',
      order: 37,
      description: m.descriptions.initiatives,
    },
  },
  {
    path: '/eligibility',
    page: lazy(() => import('../../pages/EligibilityPage')),
    permission: 'eligibility.read',
    menu: {
      label: m.eligibility,
      icon: <FileSearchOutlined />,
      group: 'main',
      order: 38,
      description: m.descriptions.eligibility,
    },
  },
];
