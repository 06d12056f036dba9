import { AuditOutlined, FileDoneOutlined, WalletOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';
import { viCouncils } from '../../i18n/vi';

const m = viCouncils.menu;

/** Councils and secret ballots, decisions, the reward fund (rows of app/routes.tsx). */
export const councilAppRoutes: AppRoute[] = [
  {
    path: '/councils',
    page: lazy(() => import('../../pages/CouncilsPage')),
    permission: 'council.read',
    menu: {
      label: m.councils,
      icon: <AuditOutlined />,
      group: 'main',
      order: 60,
      description: m.descriptions.councils,
    },
  },
  {
    path: '/councils/sessions/:id',
    page: lazy(() => import('../../pages/CouncilSessionPage')),
    permission: 'council.read',
  },
  {
    path: '/decisions',
    page: lazy(() => import('../../pages/DecisionsPage')),
    permission: 'decision.read',
    menu: {
      label: m.decisions,
      icon: <FileDoneOutlined />,
      group: 'main',
      order: 70,
      description: m.descriptions.decisions,
    },
  },
  {
    path: '/decisions/:id',
    page: lazy(() => import('../../pages/DecisionDetailPage')),
    permission: 'decision.read',
  },
  {
    path: '/fund',
    page: lazy(() => import('../../pages/FundPage')),
    permission: 'fund.read',
    menu: {
      label: m.fund,
      icon: <WalletOutlined />,
      group: 'main',
      order: 75,
      description: m.descriptions.fund,
    },
  },
];
