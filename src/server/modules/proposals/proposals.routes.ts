import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../../contracts/common';
import {
  CreateProposalBody,
  ProposalDetail,
  ProposalFile,
  ProposalListItem,
  ProposalListQuery,
  TransitionBody,
  UpdateProposalBody,
} from '../../../contracts/proposals';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import { AppError } from '../../platform/http/errors';
import * as proposals from './proposals.service';

const tags = ['Đề nghị khen thưởng'];
const FileParams = z.strictObject({ id: Uuid, fileId: Uuid });

export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/proposals',
    {
      config: policy.permission('proposal.read'),
      schema: {
        tags,
        summary: 'Danh sách đề nghị khen thưởng (lọc theo đợt, trạng thái)',
        querystring: ProposalListQuery,
        response: {
          200: z.object({
            items: z.array(ProposalListItem),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => proposals.listProposals(ctxFromRequest(request), request.query),
  );

  app.post(
    '/proposals',
    {
      config: policy.permission('proposal.submit'),
      schema: {
        tags,
        summary: 'Lập đề nghị khen thưởng (báo cáo thành tích được lập sẵn từ dữ liệu)',
        body: CreateProposalBody,
        response: { 201: ProposalDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await proposals.createProposal(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/proposals/:id',
    {
      config: policy.permission('proposal.read'),
      schema: {
        tags,
        summary: 'Hồ sơ đề nghị khen thưởng',
        params: IdParams,
        response: { 200: ProposalDetail },
      },
    },
    async (request) => proposals.getProposal(ctxFromRequest(request), request.params.id),
  );

  app.patch(
    '/proposals/:id',
    {
      config: policy.permission('proposal.submit'),
      schema: {
        tags,
        summary: 'Sửa báo cáo thành tích, sáng kiến kèm theo (khi đang soạn hoặc bị trả lại)',
        params: IdParams,
        body: UpdateProposalBody,
        response: { 200: ProposalDetail },
      },
    },
    async (request) => proposals.updateProposal(ctxFromRequest(request), request.params.id, request.body),
  );

  app.delete(
    '/proposals/:id',
    {
      config: policy.permission('proposal.submit'),
      schema: { tags, summary: 'Xóa đề nghị đang soạn', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await proposals.deleteProposal(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/proposals/:id/transitions',
    {
      config: policy.permission('proposal.read'),
      schema: {
        tags,
        summary:
          'Chuyển trạng thái đề nghị (gửi, trả lại, thẩm định, trình Hội đồng, …; khóa lạc quan theo version)',
        params: IdParams,
        body: TransitionBody,
        response: { 200: ProposalDetail },
      },
    },
    async (request) =>
      proposals.transitionProposalRequest(ctxFromRequest(request), request.params.id, request.body),
  );

  app.get(
    '/proposals/:id/achievement-report/draft',
    {
      config: policy.permission('proposal.read'),
      schema: {
        tags,
        summary: 'Lập lại báo cáo thành tích từ dữ liệu hiện có (không lưu)',
        params: IdParams,
        response: { 200: z.object({ text: z.string() }) },
      },
    },
    async (request) => proposals.draftAchievementReport(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/proposals/:id/achievement-report.docx',
    {
      config: policy.permission('proposal.read'),
      schema: {
        tags,
        summary: 'Tải báo cáo thành tích (DOCX)',
        params: IdParams,
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const doc = await proposals.achievementReportDocx(ctxFromRequest(request), request.params.id);
      return sendFile(reply, doc.bytes, doc.fileName, MIME.docx);
    },
  );

  app.post(
    '/proposals/:id/files',
    {
      config: policy.permission('proposal.submit'),
      schema: {
        tags,
        summary: 'Tải lên minh chứng (PDF, JPEG, PNG, DOCX; kiểm tra theo nội dung tệp)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: { 201: ProposalFile },
      },
    },
    async (request, reply) => {
      if (!request.isMultipart())
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          null,
          'Hãy gửi tệp theo dạng multipart/form-data (trường "file").',
        );
      const file = await request.file();
      if (file?.fieldname !== 'file')
        throw new AppError('VALIDATION_FAILED', [{ field: 'file', message: 'Chưa chọn tệp.' }]);
      const bytes = await file.toBuffer();
      const saved = await proposals.uploadProposalFile(ctxFromRequest(request), request.params.id, {
        bytes,
        fileName: file.filename,
      });
      return reply.status(201).send(saved);
    },
  );

  app.get(
    '/proposals/:id/files/:fileId',
    {
      config: policy.permission('proposal.read'),
      schema: {
        tags,
        summary: 'Tải tệp trong hồ sơ đề nghị',
        params: FileParams,
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const f = await proposals.downloadProposalFile(
        ctxFromRequest(request),
        request.params.id,
        request.params.fileId,
      );
      return sendFile(reply, f.bytes, f.fileName, f.mime);
    },
  );

  app.delete(
    '/proposals/:id/files/:fileId',
    {
      config: policy.permission('proposal.submit'),
      schema: { tags, summary: 'Gỡ minh chứng', params: FileParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await proposals.deleteProposalFile(ctxFromRequest(request), request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  );
};
