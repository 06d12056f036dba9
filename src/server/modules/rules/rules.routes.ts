import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  BaseSalaryList,
  Catalog,
  CatalogQuery,
  CreateBaseSalaryBody,
  CreateRuleSetBody,
  RuleSetSummary,
} from '../../../contracts/rules';
import type { RuleChange } from '../../../domain/commendation';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import * as rules from './rules.service';

const tags = ['Danh hiệu và hình thức khen thưởng'];

export const rulesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/rules/catalog',
    {
      config: policy.permission('rules.read'),
      schema: {
        tags,
        summary: 'Danh mục danh hiệu thi đua, hình thức khen thưởng và tiêu chuẩn của một phiên bản',
        querystring: CatalogQuery,
        response: { 200: Catalog },
      },
    },
    async (request) => rules.getCatalog(ctxFromRequest(request), request.query),
  );

  app.get(
    '/rules/versions',
    {
      config: policy.permission('rules.read'),
      schema: {
        tags,
        summary: 'Các phiên bản bộ tiêu chuẩn',
        response: { 200: z.object({ items: z.array(RuleSetSummary), canManage: z.boolean() }) },
      },
    },
    async (request) => rules.listVersions(ctxFromRequest(request)),
  );

  app.post(
    '/rules/versions',
    {
      config: policy.permission('rules.manage'),
      schema: {
        tags,
        summary: 'Tạo phiên bản mới của bộ tiêu chuẩn (không sửa phiên bản cũ)',
        body: CreateRuleSetBody,
        response: {
          201: z.object({
            id: z.string(),
            version: z.number(),
            basedOnVersion: z.number(),
            effectiveFrom: z.string(),
          }),
        },
      },
    },
    async (request, reply) => {
      const out = await rules.createVersion(ctxFromRequest(request), {
        ...request.body,
        changes: request.body.changes as RuleChange[],
      });
      return reply.status(201).send(out);
    },
  );

  app.get(
    '/rules/base-salaries',
    {
      config: policy.permission('rules.read'),
      schema: { tags, summary: 'Mức lương cơ sở theo thời gian', response: { 200: BaseSalaryList } },
    },
    async (request) => rules.listBaseSalaries(ctxFromRequest(request)),
  );

  app.post(
    '/rules/base-salaries',
    {
      config: policy.permission('rules.manage'),
      schema: {
        tags,
        summary: 'Thêm mức lương cơ sở áp dụng từ một ngày',
        body: CreateBaseSalaryBody,
        response: { 201: z.object({ effectiveFrom: z.string(), amount: z.number() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await rules.createBaseSalary(ctxFromRequest(request), request.body)),
  );
};
