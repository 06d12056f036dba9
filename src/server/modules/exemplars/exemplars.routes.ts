import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  CreateExemplarBody,
  Exemplar,
  ExemplarListQuery,
  ExemplarPage,
  UpdateExemplarBody,
} from '../../../contracts/exemplars';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import * as service from './exemplars.service';

const tags = ['Gương điển hình'];

export const exemplarRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/exemplars',
    {
      config: policy.permission('exemplar.manage'),
      schema: {
        tags,
        summary: 'Danh sách gương điển hình',
        querystring: ExemplarListQuery,
        response: { 200: ExemplarPage },
      },
    },
    async (request) => service.listExemplars(ctxFromRequest(request), request.query),
  );

  app.get(
    '/exemplars/:id',
    {
      config: policy.permission('exemplar.manage'),
      schema: { tags, summary: 'Một gương điển hình', params: IdParams, response: { 200: Exemplar } },
    },
    async (request) => service.getExemplar(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/exemplars',
    {
      config: policy.permission('exemplar.manage'),
      schema: {
        tags,
        summary: 'Thêm gương điển hình',
        body: CreateExemplarBody,
        response: { 201: Exemplar },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createExemplar(ctxFromRequest(request), request.body)),
  );

  app.patch(
    '/exemplars/:id',
    {
      config: policy.permission('exemplar.manage'),
      schema: {
        tags,
        summary: 'Sửa, công bố hoặc thôi công bố gương điển hình (khóa lạc quan theo version)',
        params: IdParams,
        body: UpdateExemplarBody,
        response: { 200: Exemplar },
      },
    },
    async (request) => service.updateExemplar(ctxFromRequest(request), request.params.id, request.body),
  );

  app.delete(
    '/exemplars/:id',
    {
      config: policy.permission('exemplar.manage'),
      schema: { tags, summary: 'Xóa gương điển hình', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.deleteExemplar(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
