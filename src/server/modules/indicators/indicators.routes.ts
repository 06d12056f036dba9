import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  CreateDefinitionBody,
  Definition,
  ImportCommitBody,
  ImportPreview,
  ImportResult,
  ProgressQuery,
  ProgressResponse,
  PutTargetBody,
  PutValuesBody,
  PutValuesResult,
  RankingQuery,
  RankingResponse,
  SeriesQuery,
  SeriesResponse,
  Target,
  TargetsFromPlanBody,
  TargetsQuery,
  UpdateDefinitionBody,
  ValueRow,
  ValuesQuery,
} from '../../../contracts/indicators';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import { readUpload } from './imports';
import * as indicators from './indicators.service';

const tags = ['Chỉ tiêu, chỉ số'];

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/indicators/definitions',
    {
      config: policy.permission('indicator.read'),
      schema: { tags, summary: 'Danh mục chỉ số', response: { 200: z.array(Definition) } },
    },
    async (request) => indicators.listDefinitions(ctxFromRequest(request)),
  );

  app.post(
    '/indicators/definitions',
    {
      config: policy.permission('indicator.manage'),
      schema: {
        tags,
        summary: 'Định nghĩa chỉ số (cấp Sở)',
        body: CreateDefinitionBody,
        response: { 201: Definition },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await indicators.createDefinition(ctxFromRequest(request), request.body)),
  );

  app.patch(
    '/indicators/definitions/:id',
    {
      config: policy.permission('indicator.manage'),
      schema: {
        tags,
        summary: 'Sửa định nghĩa chỉ số (khóa lạc quan theo version)',
        params: IdParams,
        body: UpdateDefinitionBody,
        response: { 200: Definition },
      },
    },
    async (request) => indicators.updateDefinition(ctxFromRequest(request), request.params.id, request.body),
  );

  app.get(
    '/indicators/targets',
    {
      config: policy.permission('indicator.read'),
      schema: {
        tags,
        summary: 'Chỉ tiêu của một đơn vị',
        querystring: TargetsQuery,
        response: { 200: z.array(Target) },
      },
    },
    async (request) => indicators.listTargets(ctxFromRequest(request), request.query),
  );

  app.put(
    '/indicators/targets',
    {
      config: policy.permission('indicator.manage'),
      schema: {
        tags,
        summary: 'Đặt chỉ tiêu của đơn vị cho một năm',
        body: PutTargetBody,
        response: { 200: Target },
      },
    },
    async (request) => indicators.putTarget(ctxFromRequest(request), request.body),
  );

  app.delete(
    '/indicators/targets/:id',
    {
      config: policy.permission('indicator.manage'),
      schema: { tags, summary: 'Xóa chỉ tiêu', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await indicators.deleteTarget(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/indicators/targets/from-plan',
    {
      config: policy.permission('indicator.manage'),
      schema: {
        tags,
        summary: 'Lấy chỉ tiêu từ kế hoạch (các chỉ tiêu đã gắn mã chỉ số)',
        body: TargetsFromPlanBody,
        response: {
          200: z.object({
            saved: z.number(),
            skipped: z.array(z.object({ content: z.string(), reason: z.string() })),
          }),
        },
      },
    },
    async (request) => indicators.targetsFromPlan(ctxFromRequest(request), request.body.planId),
  );

  app.get(
    '/indicators/values',
    {
      config: policy.permission('indicator.read'),
      schema: {
        tags,
        summary: 'Số liệu đã nhập của đơn vị trong năm',
        querystring: ValuesQuery,
        response: { 200: z.array(ValueRow) },
      },
    },
    async (request) => indicators.listValues(ctxFromRequest(request), request.query),
  );

  app.put(
    '/indicators/values',
    {
      config: policy.permission('indicator.write'),
      schema: {
        tags,
        summary: 'Nhập số liệu của đơn vị cho một kỳ (giá trị trống: xóa)',
        body: PutValuesBody,
        response: { 200: PutValuesResult },
      },
    },
    async (request) => indicators.putValues(ctxFromRequest(request), request.body),
  );

  app.get(
    '/indicators/values/import-template',
    {
      config: policy.permission('indicator.write'),
      schema: {
        tags,
        summary: 'Tệp Excel mẫu để nhập số liệu chỉ số',
        response: { 200: z.any().describe('Tệp Excel (.xlsx)') },
      },
    },
    async (request, reply) =>
      sendFile(
        reply,
        await indicators.valuesTemplate(ctxFromRequest(request)),
        'Mẫu nhập số liệu chỉ số.xlsx',
        MIME.xlsx,
      ),
  );

  app.post(
    '/indicators/values/imports',
    {
      config: policy.permission('indicator.write'),
      schema: {
        tags,
        summary: 'Tải lên tệp Excel số liệu và xem trước (chưa ghi dữ liệu)',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreview },
      },
    },
    async (request) => {
      const { fileName, buffer } = await readUpload(request);
      return indicators.previewValuesImport(ctxFromRequest(request), fileName, buffer);
    },
  );

  app.post(
    '/indicators/values/imports/:id/commit',
    {
      config: policy.permission('indicator.write'),
      schema: {
        tags,
        summary: 'Ghi số liệu của tệp đã xem trước (một giao dịch)',
        params: IdParams,
        body: ImportCommitBody,
        response: { 200: ImportResult },
      },
    },
    async (request) =>
      indicators.commitValuesImport(ctxFromRequest(request), request.params.id, request.body.mode),
  );

  app.delete(
    '/indicators/values/imports/:id',
    {
      config: policy.permission('indicator.write'),
      schema: { tags, summary: 'Hủy tệp số liệu đã tải lên', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await indicators.discardValuesImport(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/indicators/progress',
    {
      config: policy.permission('indicator.read'),
      schema: {
        tags,
        summary:
          'Tiến độ thực hiện chỉ tiêu của đơn vị (tổng hợp cả đơn vị cấp dưới) và của từng đơn vị trực thuộc',
        querystring: ProgressQuery,
        response: { 200: ProgressResponse },
      },
    },
    async (request) => indicators.progress(ctxFromRequest(request), request.query),
  );

  app.get(
    '/indicators/series',
    {
      config: policy.permission('indicator.read'),
      schema: {
        tags,
        summary: 'Diễn biến số liệu của một chỉ số theo kỳ',
        querystring: SeriesQuery,
        response: { 200: SeriesResponse },
      },
    },
    async (request) => indicators.series(ctxFromRequest(request), request.query),
  );

  app.get(
    '/indicators/ranking',
    {
      config: policy.permission('indicator.read'),
      schema: {
        tags,
        summary: 'Chỉ số chuyển đổi số (DTI) và xếp hạng các đơn vị trực thuộc, kể cả bình quân nhiều năm',
        querystring: RankingQuery,
        response: { 200: RankingResponse },
      },
    },
    async (request) => indicators.ranking(ctxFromRequest(request), request.query),
  );
};
