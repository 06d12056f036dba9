import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, QueryInt, Uuid } from '../../../contracts/common';
import {
  AwardItem,
  CreateAwardBody,
  CreateDisciplineBody,
  CreateInitiativeBody,
  CreateResearchBody,
  HistoryImportCommitBody,
  HistoryImportPreview,
  HistoryImportResult,
  InitiativeItem,
  InitiativesQuery,
  PersonHistory,
  PutRatingBody,
  PutRatingResult,
  RatingsList,
  RatingsQuery,
  ResearchItem,
  UpdateInitiativeBody,
} from '../../../contracts/history';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import { AppError } from '../../platform/http/errors';
import * as history from './history.service';

const tags = ['Lịch sử thi đua, khen thưởng'];
const FileResponse = { 200: z.any().describe('Tệp Excel (.xlsx)') };
const KINDS = { ratings: 'xếp loại', awards: 'khen thưởng' } as const;

export const historyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/ratings',
    {
      config: policy.permission('history.read'),
      schema: {
        tags,
        summary: 'Xếp loại chất lượng của cá nhân, tập thể trong một đơn vị theo năm',
        querystring: RatingsQuery,
        response: { 200: RatingsList },
      },
    },
    async (request) => history.listRatings(ctxFromRequest(request), request.query),
  );

  app.put(
    '/ratings',
    {
      config: policy.permission('rating.write'),
      schema: {
        tags,
        summary: 'Nhập (hoặc xóa) xếp loại chất lượng của một cá nhân, tập thể cho một năm',
        body: PutRatingBody,
        response: { 200: PutRatingResult },
      },
    },
    async (request) => history.putRating(ctxFromRequest(request), request.body),
  );

  for (const kind of ['ratings', 'awards'] as const) {
    const label = KINDS[kind];
    app.get(
      `/history/${kind}/import-template`,
      {
        config: policy.permission('history.import'),
        schema: { tags, summary: `Tệp Excel mẫu để nhập ${label}`, response: FileResponse },
      },
      async (_request, reply) =>
        sendFile(reply, await history.importTemplate(kind), `Mẫu nhập ${label}.xlsx`, MIME.xlsx),
    );

    app.post(
      `/history/${kind}/imports`,
      {
        config: policy.permission('history.import'),
        schema: {
          tags,
          summary: `Tải lên tệp Excel ${label} và xem trước (chưa ghi dữ liệu)`,
          consumes: ['multipart/form-data'],
          response: { 200: HistoryImportPreview },
        },
      },
      async (request) => {
        if (!request.isMultipart())
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            null,
            'Hãy gửi tệp theo dạng multipart/form-data (trường "file").',
          );
        const file = await request.file();
        if (file?.fieldname !== 'file')
          throw new AppError('VALIDATION_FAILED', [{ field: 'file', message: 'Chưa chọn tệp.' }]);
        if (!/\.xlsx$/i.test(file.filename))
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            null,
            'Chỉ nhận tệp Excel .xlsx (hãy lưu tệp .xls thành .xlsx).',
          );
        const buffer = await file.toBuffer();
        return history.previewImport(
          ctxFromRequest(request),
          kind,
          file.filename.normalize('NFC').slice(0, 200),
          buffer,
        );
      },
    );

    app.post(
      `/history/${kind}/imports/:id/commit`,
      {
        config: policy.permission('history.import'),
        schema: {
          tags,
          summary: `Ghi dữ liệu ${label} của tệp đã xem trước (một giao dịch)`,
          params: IdParams,
          body: HistoryImportCommitBody,
          response: { 200: HistoryImportResult },
        },
      },
      async (request) =>
        history.commitImport(ctxFromRequest(request), kind, request.params.id, request.body.mode),
    );

    app.delete(
      `/history/${kind}/imports/:id`,
      {
        config: policy.permission('history.import'),
        schema: {
          tags,
          summary: `Hủy tệp ${label} đã tải lên`,
          params: IdParams,
          response: { 204: z.null() },
        },
      },
      async (request, reply) => {
        await history.discardImport(ctxFromRequest(request), kind, request.params.id);
        return reply.status(204).send(null);
      },
    );
  }

  app.post(
    '/awards',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Ghi nhận khen thưởng đã có (lịch sử, hoặc do cấp trên khen thưởng)',
        body: CreateAwardBody,
        response: { 201: AwardItem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await history.createAward(ctxFromRequest(request), request.body)),
  );

  app.post(
    '/awards/:id/revoke',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Hủy một khen thưởng đã ghi nhận (nhập sai)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await history.revokeAward(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/initiatives',
    {
      config: policy.permission('history.read'),
      schema: {
        tags,
        summary: 'Sổ sáng kiến của một đơn vị (kể cả đơn vị trực thuộc)',
        querystring: InitiativesQuery,
        response: { 200: z.object({ items: z.array(InitiativeItem), canWrite: z.boolean() }) },
      },
    },
    async (request) => history.listInitiatives(ctxFromRequest(request), request.query),
  );

  app.post(
    '/initiatives',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Ghi nhận sáng kiến được công nhận',
        body: CreateInitiativeBody,
        response: { 201: InitiativeItem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await history.createInitiative(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/initiatives/:id',
    {
      config: policy.permission('history.read'),
      schema: { tags, summary: 'Một sáng kiến', params: IdParams, response: { 200: InitiativeItem } },
    },
    async (request) => history.getInitiative(ctxFromRequest(request), request.params.id),
  );

  app.patch(
    '/initiatives/:id',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Sửa sáng kiến (chưa được dùng để xét khen thưởng)',
        params: IdParams,
        body: UpdateInitiativeBody,
        response: { 200: InitiativeItem },
      },
    },
    async (request) => history.updateInitiative(ctxFromRequest(request), request.params.id, request.body),
  );

  app.delete(
    '/initiatives/:id',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Xóa sáng kiến nhập nhầm (chưa được dùng)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await history.deleteInitiative(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/research-projects',
    {
      config: policy.permission('history.read'),
      schema: {
        tags,
        summary: 'Đề tài khoa học đã nghiệm thu của một đơn vị',
        querystring: z.strictObject({ orgId: Uuid, year: QueryInt(2000, 2100).optional() }),
        response: { 200: z.object({ items: z.array(ResearchItem), canWrite: z.boolean() }) },
      },
    },
    async (request) => history.listResearch(ctxFromRequest(request), request.query),
  );

  app.post(
    '/research-projects',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Ghi nhận đề tài khoa học đã nghiệm thu',
        body: CreateResearchBody,
        response: { 201: ResearchItem },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await history.createResearch(ctxFromRequest(request), request.body)),
  );

  app.delete(
    '/research-projects/:id',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Xóa đề tài nhập nhầm (chưa được dùng)',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await history.deleteResearch(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/disciplines',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Ghi nhận kỷ luật (thời gian thi hành)',
        body: CreateDisciplineBody,
        response: { 201: PersonHistory.shape.disciplines.element },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await history.createDiscipline(ctxFromRequest(request), request.body)),
  );

  app.delete(
    '/disciplines/:id',
    {
      config: policy.permission('history.write'),
      schema: {
        tags,
        summary: 'Xóa bản ghi kỷ luật nhập nhầm',
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await history.deleteDiscipline(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/people/:id/history',
    {
      config: policy.permission('history.read'),
      schema: {
        tags,
        summary: 'Toàn bộ lịch sử xếp loại, khen thưởng, sáng kiến, đề tài, kỷ luật của một người',
        params: IdParams,
        response: { 200: PersonHistory },
      },
    },
    async (request) => history.personHistory(ctxFromRequest(request), request.params.id),
  );
};
