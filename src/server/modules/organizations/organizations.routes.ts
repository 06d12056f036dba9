import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, IsoDate, QueryBool } from '../../../contracts/common';
import {
  Organization,
  OrganizationDetail,
  OrgEventInput,
  OrgLineageItem,
} from '../../../contracts/organizations';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { applyOrgEvent, getOrganization, lineageOf, listOrganizations } from './organizations.service';

const tags = ['Tổ chức'];

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/organizations',
    {
      config: policy.permission('org.read'),
      schema: {
        tags,
        summary: 'Danh sách đơn vị trong phạm vi',
        querystring: z.strictObject({ includeInactive: QueryBool.optional() }),
        response: { 200: z.object({ items: z.array(Organization) }) },
      },
    },
    async (request) => ({
      items: await listOrganizations(ctxFromRequest(request), {
        includeInactive: request.query.includeInactive ?? false,
      }),
    }),
  );

  app.get(
    '/organizations/:id',
    {
      config: policy.permission('org.read'),
      schema: {
        tags,
        summary: 'Chi tiết và lịch sử đơn vị',
        params: IdParams,
        response: { 200: OrganizationDetail },
      },
    },
    async (request) => getOrganization(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/organizations/:id/lineage',
    {
      config: policy.permission('org.read'),
      schema: {
        tags,
        summary: 'Các đơn vị tiền thân và đơn vị kế thừa tại một ngày',
        params: IdParams,
        querystring: z.strictObject({ on: IsoDate.optional() }),
        response: {
          200: z.object({
            predecessors: z.array(OrgLineageItem),
            successorsOn: z.object({ date: z.string(), organizations: z.array(OrgLineageItem) }),
          }),
        },
      },
    },
    async (request) => lineageOf(ctxFromRequest(request), request.params.id, request.query.on ?? null),
  );

  app.post(
    '/organizations/events',
    {
      config: policy.permission('org.write'),
      schema: {
        tags,
        summary: 'Ghi nhận sự kiện tổ chức (thành lập, đổi tên, điều chuyển, sáp nhập, chia tách, giải thể)',
        body: OrgEventInput,
        response: { 201: z.object({ eventId: z.string(), organizationIds: z.array(z.string()) }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await applyOrgEvent(ctxFromRequest(request), request.body)),
  );
};
