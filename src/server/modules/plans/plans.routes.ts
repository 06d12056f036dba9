import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  CreatePlanBody,
  DerivePlanBody,
  ImportFileQuery,
  ImportPlanTextBody,
  IssuePlanBody,
  PlanBoard,
  PlanDetail,
  PlanDiffOut,
  PlanListQuery,
  PlanProgress,
  PlanProgressQuery,
  PlanSummary,
  PlanTreeNode,
  RemindBody,
  UpdatePlanBody,
} from '../../../contracts/plans';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import { AppError } from '../../platform/http/errors';
import * as plans from './plans.service';

const tags = ['Kế hoạch, phong trào'];

export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans',
    {
      config: policy.permission('plan.read'),
      schema: {
        tags,
        summary: 'Danh sách kế hoạch (của đơn vị trong phạm vi và kế hoạch đã ban hành của cấp trên)',
        querystring: PlanListQuery,
        response: { 200: z.object({ items: z.array(PlanSummary) }) },
      },
    },
    async (request) => ({ items: await plans.listPlans(ctxFromRequest(request), request.query) }),
  );

  app.get(
    '/plans/tree',
    {
      config: policy.permission('plan.read'),
      schema: {
        tags,
        summary: 'Cây kế hoạch: văn bản cấp trên → kế hoạch của Sở → kế hoạch đơn vị → kế hoạch khoa, phòng',
        response: { 200: z.object({ nodes: z.array(PlanTreeNode) }) },
      },
    },
    async (request) => plans.planTree(ctxFromRequest(request)),
  );

  app.post(
    '/plans',
    {
      config: policy.permission('plan.write'),
      schema: { tags, summary: 'Tạo dự thảo kế hoạch', body: CreatePlanBody, response: { 201: PlanDetail } },
    },
    async (request, reply) =>
      reply.status(201).send(await plans.createPlan(ctxFromRequest(request), request.body)),
  );

  app.post(
    '/plans/import',
    {
      config: policy.permission('plan.write'),
      schema: {
        tags,
        summary: 'Nhập kế hoạch từ văn bản dán vào → dự thảo điền sẵn các trường nhận dạng được',
        body: ImportPlanTextBody,
        response: { 201: PlanDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await plans.importPlanText(ctxFromRequest(request), request.body)),
  );

  app.post(
    '/plans/import-file',
    {
      config: policy.permission('plan.write'),
      schema: {
        tags,
        summary: 'Nhập kế hoạch từ tệp .txt hoặc .docx → dự thảo điền sẵn',
        consumes: ['multipart/form-data'],
        querystring: ImportFileQuery,
        response: { 201: PlanDetail },
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
      return reply.status(201).send(
        await plans.importPlanFile(ctxFromRequest(request), {
          orgId: request.query.orgId,
          fileName: file.filename.normalize('NFC').slice(0, 200),
          bytes,
        }),
      );
    },
  );

  app.get(
    '/plans/:id',
    {
      config: policy.permission('plan.read'),
      schema: { tags, summary: 'Chi tiết kế hoạch', params: IdParams, response: { 200: PlanDetail } },
    },
    async (request) => plans.getPlan(ctxFromRequest(request), request.params.id),
  );

  app.patch(
    '/plans/:id',
    {
      config: policy.permission('plan.write'),
      schema: {
        tags,
        summary: 'Sửa dự thảo kế hoạch',
        params: IdParams,
        body: UpdatePlanBody,
        response: { 200: PlanDetail },
      },
    },
    async (request) => plans.updatePlan(ctxFromRequest(request), request.params.id, request.body),
  );

  app.delete(
    '/plans/:id',
    {
      config: policy.permission('plan.write'),
      schema: {
        tags,
        summary: 'Xóa dự thảo kế hoạch',
        params: IdParams,
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (request) => plans.deletePlan(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/plans/:id/derive',
    {
      config: policy.permission('plan.write'),
      schema: {
        tags,
        summary:
          'Xây dựng kế hoạch thực hiện của đơn vị cấp dưới từ kế hoạch này (bản sao điền sẵn, giữ liên kết)',
        params: IdParams,
        body: DerivePlanBody,
        response: { 201: PlanDetail },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await plans.derivePlan(ctxFromRequest(request), request.params.id, request.body)),
  );

  app.get(
    '/plans/:id/diff',
    {
      config: policy.permission('plan.read'),
      schema: {
        tags,
        summary: 'Khác biệt so với kế hoạch cấp trên',
        params: IdParams,
        response: { 200: PlanDiffOut },
      },
    },
    async (request) => plans.diffPlan(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/plans/:id/issue',
    {
      config: policy.permission('plan.issue'),
      schema: {
        tags,
        summary: 'Ban hành kế hoạch (cấp số theo sổ KH của cơ quan ban hành; sau đó không sửa được)',
        params: IdParams,
        body: IssuePlanBody,
        response: { 200: PlanDetail },
      },
    },
    async (request) => plans.issuePlan(ctxFromRequest(request), request.params.id, request.body),
  );

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/plans/:id/document.${format}`,
      {
        config: policy.permission('plan.read'),
        schema: {
          tags,
          summary: `Kế hoạch theo thể thức Nghị định 30/2020/NĐ-CP (${format.toUpperCase()})`,
          params: IdParams,
          response: { 200: z.any().describe(`Tệp ${format.toUpperCase()}`) },
        },
      },
      async (request, reply) => {
        const doc = await plans.planDocument(ctxFromRequest(request), request.params.id, format);
        return sendFile(reply, doc.bytes, doc.fileName, MIME[format]);
      },
    );
  }

  app.get(
    '/plans/:id/board',
    {
      config: policy.permission('plan.read'),
      schema: {
        tags,
        summary: 'Bảng theo dõi: các đơn vị trực thuộc đã ban hành kế hoạch thực hiện hay chưa',
        params: IdParams,
        response: { 200: PlanBoard },
      },
    },
    async (request) => plans.planBoard(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/plans/:id/progress',
    {
      config: policy.permission('plan.read'),
      schema: {
        tags,
        summary: 'Chỉ tiêu của kế hoạch và kết quả hiện tại của chỉ số tương ứng (tổng hợp toàn đơn vị)',
        params: IdParams,
        querystring: PlanProgressQuery,
        response: { 200: PlanProgress },
      },
    },
    async (request) => plans.planProgress(ctxFromRequest(request), request.params.id, request.query.year),
  );

  app.post(
    '/plans/:id/reminders',
    {
      config: policy.permission('plan.write'),
      schema: {
        tags,
        summary: 'Nhắc nhở các đơn vị chưa ban hành kế hoạch thực hiện (thư điện tử và thông báo)',
        params: IdParams,
        body: RemindBody,
        response: { 200: z.object({ reminded: z.number(), mails: z.number() }) },
      },
    },
    async (request) => plans.remindSubordinates(ctxFromRequest(request), request.params.id, request.body),
  );
};
