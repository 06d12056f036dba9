import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Paged } from '../../../contracts/common';
import {
  ImportCommitBody,
  ImportPreview,
  ImportResult,
  PersonParams,
  PutCompletionBody,
  SkillsListItem,
  SkillsListQuery,
  SkillsSummary,
  SkillsSummaryQuery,
} from '../../../contracts/indicators';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import { readUpload } from '../indicators/imports';
import * as skills from './digital-skills.service';

const tags = ['Bình dân học vụ số'];

export const digitalSkillsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/digital-skills',
    {
      config: policy.permission('staff.read'),
      schema: {
        tags,
        summary: 'Nhân sự của đơn vị và kết quả hoàn thành Bình dân học vụ số',
        querystring: SkillsListQuery,
        response: { 200: Paged(SkillsListItem) },
      },
    },
    async (request) => skills.listCompletions(ctxFromRequest(request), request.query),
  );

  app.get(
    '/digital-skills/summary',
    {
      config: policy.permission('indicator.read'),
      schema: {
        tags,
        summary: 'Tỷ lệ cán bộ hoàn thành kỹ năng số cơ bản, theo đơn vị trực thuộc',
        querystring: SkillsSummaryQuery,
        response: { 200: SkillsSummary },
      },
    },
    async (request) => skills.summary(ctxFromRequest(request), request.query),
  );

  app.put(
    '/digital-skills/:personId',
    {
      config: policy.permission('digitalSkills.write'),
      schema: {
        tags,
        summary: 'Ghi nhận hoàn thành Bình dân học vụ số của một người',
        params: PersonParams,
        body: PutCompletionBody,
        response: {
          200: z.object({
            personId: z.string(),
            completedOn: z.string(),
            certificateNumber: z.string().nullable(),
            note: z.string().nullable(),
          }),
        },
      },
    },
    async (request) => skills.putCompletion(ctxFromRequest(request), request.params.personId, request.body),
  );

  app.delete(
    '/digital-skills/:personId',
    {
      config: policy.permission('digitalSkills.write'),
      schema: { tags, summary: 'Xóa ghi nhận hoàn thành', params: PersonParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await skills.deleteCompletion(ctxFromRequest(request), request.params.personId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/digital-skills/import-template',
    {
      config: policy.permission('digitalSkills.write'),
      schema: {
        tags,
        summary: 'Tệp Excel mẫu Bình dân học vụ số',
        response: { 200: z.any().describe('Tệp Excel (.xlsx)') },
      },
    },
    async (_request, reply) =>
      sendFile(reply, await skills.importTemplate(), 'Mẫu Bình dân học vụ số.xlsx', MIME.xlsx),
  );

  app.post(
    '/digital-skills/imports',
    {
      config: policy.permission('digitalSkills.write'),
      schema: {
        tags,
        summary: 'Tải lên tệp Excel kết quả Bình dân học vụ số và xem trước',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreview },
      },
    },
    async (request) => {
      const { fileName, buffer } = await readUpload(request);
      return skills.previewImport(ctxFromRequest(request), fileName, buffer);
    },
  );

  app.post(
    '/digital-skills/imports/:id/commit',
    {
      config: policy.permission('digitalSkills.write'),
      schema: {
        tags,
        summary: 'Ghi kết quả đã xem trước (một giao dịch)',
        params: IdParams,
        body: ImportCommitBody,
        response: { 200: ImportResult },
      },
    },
    async (request) => skills.commitImport(ctxFromRequest(request), request.params.id, request.body.mode),
  );

  app.delete(
    '/digital-skills/imports/:id',
    {
      config: policy.permission('digitalSkills.write'),
      schema: { tags, summary: 'Hủy tệp đã tải lên', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await skills.discardImport(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
