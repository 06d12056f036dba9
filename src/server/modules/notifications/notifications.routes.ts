import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { NotificationList, NotificationsQuery } from '../../../contracts/reports';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import * as notifications from './notifications.service';

const tags = ['Thông báo'];

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/notifications',
    {
      config: policy.authenticated(),
      schema: {
        tags,
        summary: 'Thông báo của tôi và số thông báo chưa đọc',
        querystring: NotificationsQuery,
        response: { 200: NotificationList },
      },
    },
    async (request) => notifications.listMyNotifications(ctxFromRequest(request), request.query),
  );

  app.post(
    '/notifications/:id/read',
    {
      config: policy.authenticated(),
      schema: { tags, summary: 'Đánh dấu đã đọc', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await notifications.markNotificationRead(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/notifications/read-all',
    {
      config: policy.authenticated(),
      schema: {
        tags,
        summary: 'Đánh dấu tất cả đã đọc',
        response: { 200: z.object({ updated: z.number() }) },
      },
    },
    async (request) => notifications.markAllNotificationsRead(ctxFromRequest(request)),
  );
};
