import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import { CreateRoundBody, Round, RoundListQuery, UpdateRoundBody } from '../../../contracts/proposals';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import * as rounds from './rounds.service';

const tags = ['Đợt khen thưởng'];

export const roundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rounds',
    {
      config: policy.permission('proposal.read'),
      schema: {
        tags,
        summary: 'Danh sách đợt khen thưởng (của đơn vị mình và cấp trên)',
        querystring: RoundListQuery,
        response: { 200: z.object({ items: z.array(Round) }) },
      },
    },
    async (request) => rounds.listRounds(ctxFromRequest(request), request.query),
  );

  app.get(
    '/rounds/:id',
    {
      config: policy.permission('proposal.read'),
      schema: { tags, summary: 'Chi tiết đợt khen thưởng', params: IdParams, response: { 200: Round } },
    },
    async (request) => rounds.getRound(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/rounds',
    {
      config: policy.permission('round.manage'),
      schema: { tags, summary: 'Mở đợt khen thưởng', body: CreateRoundBody, response: { 201: Round } },
    },
    async (request, reply) =>
      reply.status(201).send(await rounds.createRound(ctxFromRequest(request), request.body)),
  );

  app.patch(
    '/rounds/:id',
    {
      config: policy.permission('round.manage'),
      schema: {
        tags,
        summary: 'Sửa, đóng hoặc mở lại đợt khen thưởng (khóa lạc quan theo version)',
        params: IdParams,
        body: UpdateRoundBody,
        response: { 200: Round },
      },
    },
    async (request) => rounds.updateRound(ctxFromRequest(request), request.params.id, request.body),
  );

  app.delete(
    '/rounds/:id',
    {
      config: policy.permission('round.manage'),
      schema: {
        tags,
        summary: 'Xóa đợt khen thưởng chưa có đề nghị',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await rounds.deleteRound(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
