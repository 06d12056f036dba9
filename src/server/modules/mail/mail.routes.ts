import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Paged } from '../../../contracts/common';
import { OutboxItem, OutboxQuery } from '../../../contracts/reports';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { deliverDueMails, listOutbox, retryMail } from './mail.service';

const SEND_EVERY_MS = 30_000;

export const mailRoutes: FastifyPluginAsyncZod = async (app) => {
  // the outbox sender runs in the serving process (ADR 0005); inject()-based tests never listen,
  // so they drive deliverDueMails themselves
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  app.addHook('onListen', async () => {
    timer = setInterval(() => {
      if (running) return;
      running = true;
      deliverDueMails(app.services.db, { config: app.services.config, now: app.services.now })
        .catch((err) => app.log.error({ err }, 'mail delivery failed'))
        .finally(() => {
          running = false;
        });
    }, SEND_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });

  app.get(
    '/mail/outbox',
    {
      config: policy.permission('mail.read'),
      schema: {
        tags: ['Thư điện tử'],
        summary: 'Hộp thư đi: thư đang chờ, đã gửi, lỗi, chưa gửi',
        querystring: OutboxQuery,
        response: { 200: Paged(OutboxItem) },
      },
    },
    async (request) => listOutbox(ctxFromRequest(request), request.query),
  );

  app.post(
    '/mail/outbox/:id/retry',
    {
      config: policy.permission('settings.manage'),
      schema: {
        tags: ['Thư điện tử'],
        summary: 'Gửi lại thư gửi lỗi hoặc chưa gửi',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await retryMail(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
