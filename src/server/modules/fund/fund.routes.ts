import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AllocationBody, FundLedger, FundQuery, PaymentFromDecisionBody } from '../../../contracts/fund';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import * as fund from './fund.service';

const tags = ['Quỹ thi đua, khen thưởng'];
const Created = { 201: z.object({ id: z.string() }) };

export const fundRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/fund',
    {
      config: policy.permission('fund.read'),
      schema: {
        tags,
        summary: 'Sổ quỹ của đơn vị trong năm (thu, chi, tồn)',
        querystring: FundQuery,
        response: { 200: FundLedger },
      },
    },
    async (request) => fund.getLedger(ctxFromRequest(request), request.query.orgId, request.query.year),
  );

  app.get(
    '/fund/export',
    {
      config: policy.permission('fund.read'),
      schema: { tags, summary: 'Xuất sổ quỹ ra Excel', querystring: FundQuery, response: { 200: z.any() } },
    },
    async (request, reply) => {
      const f = await fund.exportLedger(ctxFromRequest(request), request.query.orgId, request.query.year);
      return sendFile(reply, f.bytes, f.fileName, MIME.xlsx);
    },
  );

  app.post(
    '/fund/allocations',
    {
      config: policy.permission('fund.manage'),
      schema: { tags, summary: 'Ghi phân bổ (thu) vào quỹ', body: AllocationBody, response: Created },
    },
    async (request, reply) =>
      reply.status(201).send(await fund.addAllocation(ctxFromRequest(request), request.body)),
  );

  app.post(
    '/fund/payments',
    {
      config: policy.permission('fund.manage'),
      schema: {
        tags,
        summary: 'Ghi chi tiền thưởng theo quyết định đã ban hành',
        body: PaymentFromDecisionBody,
        response: Created,
      },
    },
    async (request, reply) =>
      reply.status(201).send(await fund.payFromDecision(ctxFromRequest(request), request.body)),
  );
};
