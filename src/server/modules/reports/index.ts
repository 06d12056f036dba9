import type { FastifyPluginAsync } from 'fastify';
import { mailRoutes } from '../mail/mail.routes';
import { notificationRoutes } from '../notifications/notifications.routes';
import { taskRoutes } from '../tasks/tasks.routes';
import { reportRoutes } from './reports.routes';

/** Tasks, periodic reports, the mail outbox and notifications (issue 4, item 7). */
export const reportsTasksMailRoutes: FastifyPluginAsync = async (app) => {
  await app.register(taskRoutes);
  await app.register(reportRoutes);
  await app.register(mailRoutes);
  await app.register(notificationRoutes);
};
