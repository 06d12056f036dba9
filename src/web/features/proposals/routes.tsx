import { CalendarOutlined, FormOutlined, SolutionOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';
import { viProposals } from '../../i18n/vi';

const m = viProposals.menu;

/** Award rounds, proposals and registrations (rows of app/routes.tsx). */
export const proposalAppRoutes: AppRoute[] = [
  {
    path: '/registrations',
    page: lazy(() => import('../../pages/RegistrationsPage')),
    permission: 'registration.read',
    menu: {
      label: m.registrations,
      icon: <FormOutlined />,
      group: 'main',
      order: 40,
      description: m.descriptions.registrations,
    },
  },
  {
    path: '/registrations/:id',
    page: lazy(() => import('../../pages/RegistrationDetailPage')),
    permission: 'registration.read',
  },
  {
    path: '/rounds',
    page: lazy(() => import('../../pages/RoundsPage')),
    permission: 'proposal.read',
    menu: {
      label: m.rounds,
      icon: <CalendarOutlined />,
      group: 'main',
      order: 45,
      description: m.descriptions.rounds,
    },
  },
  {
    path: '/proposals',
    page: lazy(() => import('../../pages/ProposalsPage')),
    permission: 'proposal.read',
    menu: {
      label: m.proposals,
      icon: <SolutionOutlined />,
      group: 'main',
      order: 50,
      description: m.descriptions.proposals,
    },
  },
  {
    path: '/proposals/:id',
    page: lazy(() => import('../../pages/ProposalDetailPage')),
    permission: 'proposal.read',
  },
];
