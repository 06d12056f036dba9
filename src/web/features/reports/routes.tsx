import { CheckSquareOutlined, FileTextOutlined, MailOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { AppRoute } from '../../app/routes';
import { viReports } from '../../i18n/vi';

const m = viReports.menu;

/** Tasks, periodic reports and the outbox (rows of app/routes.tsx). */
export const reportsAppRoutes: AppRoute[] = [
  {
    path: '/tasks',
    page: lazy(() => import('../../pages/TasksPage')),
    permission: 'task.read',
    menu: {
      label: m.tasks,
      icon: <CheckSquareOutlined />,
      group: 'main',
      order: 60,
      description: m.descriptions.tasks,
    },
  },
  {
    path: '/reports',
    page: lazy(() => import('../../pages/ReportsPage')),
    permission: 'report.read',
    menu: {
      label: m.reports,
      icon: <FileTextOutlined />,
      group: 'main',
      order: 61,
      description: m.descriptions.reports,
    },
  },
  {
    path: '/reports/new',
    page: lazy(() => import('../../pages/ReportNewPage')),
    permission: 'report.request',
  },
  {
    path: '/reports/:id',
    page: lazy(() => import('../../pages/ReportDetailPage')),
    permission: 'report.read',
  },
  {
    path: '/reports/:id/submissions/:orgId',
    page: lazy(() => import('../../pages/ReportSubmissionPage')),
    permission: 'report.read',
  },
  {
    path: '/mail/outbox',
    page: lazy(() => import('../../pages/OutboxPage')),
    permission: 'mail.read',
    menu: {
      label: m.outbox,
      icon: <MailOutlined />,
      group: 'system',
      order: 30,
      description: m.descriptions.outbox,
    },
  },
];
