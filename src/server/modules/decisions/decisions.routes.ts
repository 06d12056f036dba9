import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../../contracts/common';
import {
  ApprovedCandidate,
  CreateDecisionBody,
  DecisionDetail,
  DecisionListItem,
  DecisionListQuery,
  UpdateDecisionBody,
  VersionBody,
} from '../../../contracts/decisions';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { sendFile } from '../../platform/http/download';
import * as decisions from './decisions.service';

const tags = ['Quyết định khen thưởng'];
const FileResponse = { 200: z.any().describe('Tệp') };
const NoContent = { 204: z.null() };

export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/decisions',
    {
      config: policy.permission('decision.read'),
      schema: {
        tags,
        summary: 'Danh sách quyết định khen thưởng',
        querystring: DecisionListQuery,
        response: { 200: z.array(DecisionListItem) },
      },
    },
    async (request) => decisions.listDecisions(ctxFromRequest(request), request.query),
  );

  app.get(
    '/decisions/candidates',
    {
      config: policy.permission('decision.draft'),
      schema: {
        tags,
        summary: 'Đề nghị đã được Hội đồng thông qua, chưa có quyết định',
        querystring: z.strictObject({ orgId: Uuid }),
        response: { 200: z.array(ApprovedCandidate) },
      },
    },
    async (request) => decisions.approvedCandidates(ctxFromRequest(request), request.query.orgId),
  );

  app.post(
    '/decisions',
    {
      config: policy.permission('decision.draft'),
      schema: {
        tags,
        summary: 'Lập dự thảo quyết định',
        body: CreateDecisionBody,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await decisions.createDecision(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/decisions/:id',
    {
      config: policy.permission('decision.read'),
      schema: {
        tags,
        summary: 'Quyết định khen thưởng',
        params: IdParams,
        response: { 200: DecisionDetail },
      },
    },
    async (request) => decisions.getDecision(ctxFromRequest(request), request.params.id),
  );

  app.patch(
    '/decisions/:id',
    {
      config: policy.permission('decision.draft'),
      schema: {
        tags,
        summary: 'Sửa dự thảo (quyết định đã ban hành không sửa được)',
        params: IdParams,
        body: UpdateDecisionBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await decisions.updateDecision(ctxFromRequest(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/decisions/:id',
    {
      config: policy.permission('decision.draft'),
      schema: { tags, summary: 'Xóa dự thảo', params: IdParams, response: NoContent },
    },
    async (request, reply) => {
      await decisions.deleteDraft(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/decisions/:id/awardees/:awardeeId',
    {
      config: policy.permission('decision.draft'),
      schema: {
        tags,
        summary: 'Bỏ một người được khen khỏi dự thảo',
        params: z.strictObject({ id: Uuid, awardeeId: Uuid }),
        response: NoContent,
      },
    },
    async (request, reply) => {
      await decisions.removeAwardee(ctxFromRequest(request), request.params.id, request.params.awardeeId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/decisions/:id/issue',
    {
      config: policy.permission('decision.sign'),
      schema: {
        tags,
        summary: 'Ký ban hành: cấp số, ghi sổ khen thưởng',
        params: IdParams,
        body: VersionBody,
        response: {
          200: z.object({
            id: z.string(),
            documentNumber: z.string(),
            sequence: z.number(),
            totalAmount: z.number(),
          }),
        },
      },
    },
    async (request) =>
      decisions.issueDecision(ctxFromRequest(request), request.params.id, request.body.version),
  );

  app.post(
    '/decisions/:id/corrections',
    {
      config: policy.permission('decision.draft'),
      schema: {
        tags,
        summary: 'Lập quyết định đính chính',
        params: IdParams,
        response: { 201: z.object({ id: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await decisions.createCorrection(ctxFromRequest(request), request.params.id)),
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/decisions/:id/${format}`,
      {
        config: policy.permission('decision.read'),
        schema: {
          tags,
          summary: `Quyết định (${format.toUpperCase()}, thể thức Nghị định 30)`,
          params: IdParams,
          response: FileResponse,
        },
      },
      async (request, reply) => {
        const f = await decisions.decisionDocument(ctxFromRequest(request), request.params.id, format);
        return sendFile(reply, f.bytes, f.fileName, f.mime);
      },
    );
  }

  app.get(
    '/decisions/:id/certificates',
    {
      config: policy.permission('decision.read'),
      schema: {
        tags,
        summary: 'Bằng, giấy chứng nhận của mọi người được khen (PDF)',
        params: IdParams,
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const f = await decisions.decisionCertificates(ctxFromRequest(request), request.params.id);
      return sendFile(reply, f.bytes, f.fileName, f.mime);
    },
  );

  app.get(
    '/decisions/:id/certificates/:awardeeId',
    {
      config: policy.permission('decision.read'),
      schema: {
        tags,
        summary: 'Bằng, giấy chứng nhận của một người được khen (PDF)',
        params: z.strictObject({ id: Uuid, awardeeId: Uuid }),
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const f = await decisions.decisionCertificates(
        ctxFromRequest(request),
        request.params.id,
        request.params.awardeeId,
      );
      return sendFile(reply, f.bytes, f.fileName, f.mime);
    },
  );
};
