import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  CreateRunBody,
  EligibilityQuery,
  RunDetail,
  RunListQuery,
  RunResultsQuery,
  RunSummary,
  SubjectEligibility,
} from '../../../contracts/eligibility';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import * as uc from './eligibility.usecases';

const tags = ['Xét điều kiện khen thưởng'];

export const eligibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/eligibility/people/:id',
    {
      config: policy.permission('eligibility.read'),
      schema: {
        tags,
        summary: 'Kết quả xét điều kiện từng danh hiệu, hình thức cho một cá nhân, kèm giải trình',
        params: IdParams,
        querystring: EligibilityQuery,
        response: { 200: SubjectEligibility },
      },
    },
    async (request) => uc.personEligibility(ctxFromRequest(request), request.params.id, request.query),
  );

  app.get(
    '/eligibility/orgs/:id',
    {
      config: policy.permission('eligibility.read'),
      schema: {
        tags,
        summary: 'Kết quả xét điều kiện cho một tập thể (lịch sử theo quá trình sáp nhập, đổi tên)',
        params: IdParams,
        querystring: EligibilityQuery,
        response: { 200: SubjectEligibility },
      },
    },
    async (request) => uc.orgEligibility(ctxFromRequest(request), request.params.id, request.query),
  );

  app.post(
    '/eligibility/runs',
    {
      config: policy.permission('eligibility.read'),
      schema: {
        tags,
        summary:
          'Xét hàng loạt cho một đơn vị và các đơn vị trực thuộc (áp dụng tỷ lệ khống chế), lưu kết quả',
        body: CreateRunBody,
        response: { 201: RunSummary },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await uc.createRun(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/eligibility/runs',
    {
      config: policy.permission('eligibility.read'),
      schema: {
        tags,
        summary: 'Các lần xét hàng loạt',
        querystring: RunListQuery,
        response: { 200: z.object({ items: z.array(RunSummary) }) },
      },
    },
    async (request) => uc.listRuns(ctxFromRequest(request), request.query),
  );

  app.get(
    '/eligibility/runs/:id',
    {
      config: policy.permission('eligibility.read'),
      schema: {
        tags,
        summary: 'Kết quả một lần xét hàng loạt (phiên bản tiêu chuẩn đã dùng, số lượng theo danh hiệu)',
        params: IdParams,
        querystring: RunResultsQuery,
        response: { 200: RunDetail },
      },
    },
    async (request) => uc.getRun(ctxFromRequest(request), request.params.id, request.query),
  );
};
