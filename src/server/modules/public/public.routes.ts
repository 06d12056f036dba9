import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  HonourBoard,
  HonourBoardQuery,
  PublicNominees,
  PublicOrganization,
  PublicRound,
} from '../../../contracts/public';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import * as service from './public.service';

const tags = ['Công khai'];
/** Public pages are open to anyone: limit each client address like the login route. */
const PUBLIC_RATE_LIMIT = { max: 240, timeWindow: '1 minute' };
const config = { ...policy.public(), rateLimit: PUBLIC_RATE_LIMIT };

export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/rounds',
    {
      config,
      schema: {
        tags,
        summary: 'Các đợt khen thưởng đang công khai lấy ý kiến',
        response: { 200: z.array(PublicRound) },
      },
    },
    async (request) => service.listOpenRounds(ctxFromRequest(request)),
  );

  app.get(
    '/public/rounds/:id/nominees',
    {
      config,
      schema: {
        tags,
        summary:
          'Danh sách đề nghị khen thưởng công khai trong thời gian lấy ý kiến (không có thông tin định danh)',
        params: IdParams,
        response: { 200: PublicNominees },
      },
    },
    async (request) => service.publicNominees(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/public/organizations',
    {
      config,
      schema: {
        tags,
        summary: 'Cơ quan, đơn vị để xem bảng vàng',
        response: { 200: z.array(PublicOrganization) },
      },
    },
    async (request) => service.publicOrganizations(ctxFromRequest(request)),
  );

  app.get(
    '/public/honour-board',
    {
      config,
      schema: {
        tags,
        summary: 'Bảng vàng: cá nhân, tập thể được khen thưởng và gương điển hình theo đơn vị, năm',
        querystring: HonourBoardQuery,
        response: { 200: HonourBoard },
      },
    },
    async (request) => service.honourBoard(ctxFromRequest(request), request.query),
  );
};
