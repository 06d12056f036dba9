import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Paged } from '../../../contracts/common';
import {
  Board,
  CreateReportRequestBody,
  RemindBody,
  RemindResult,
  ReportListQuery,
  ReportRequestDetail,
  ReportRequestItem,
  RollUp,
  SaveSubmissionBody,
  SubmissionDetail,
  SubmissionParams,
  SubmitBody,
} from '../../../contracts/reports';
import { todayInVietnam } from '../../../domain/time/dates';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import { buildRollUpDocument, rollUpDocx, rollUpXlsx } from './reports.documents';
import * as reports from './reports.service';

const tags = ['Báo cáo định kỳ'];
const FileResponse = { 200: z.any().describe('Tệp báo cáo') };
const HOUR = 3_600_000;

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  // the automatic daily reminder check runs in the serving process (ADR 0005); it is idempotent
  // per day, so checking every hour (and right after start) is safe. Tests call it directly.
  let timer: NodeJS.Timeout | null = null;
  app.addHook('onListen', async () => {
    const run = () =>
      reports
        .runDailyReminders(app.services)
        .catch((err) => app.log.error({ err }, 'report reminders failed'));
    timer = setInterval(run, HOUR);
    timer.unref();
    setTimeout(run, 10_000).unref();
  });
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
  });

  app.get(
    '/reports',
    {
      config: policy.permission('report.read'),
      schema: {
        tags,
        summary: 'Danh sách yêu cầu báo cáo',
        querystring: ReportListQuery,
        response: { 200: Paged(ReportRequestItem) },
      },
    },
    async (request) => reports.listReportRequests(ctxFromRequest(request), request.query),
  );

  app.post(
    '/reports',
    {
      config: policy.permission('report.request'),
      schema: {
        tags,
        summary: 'Gửi yêu cầu báo cáo đến các đơn vị trực thuộc',
        body: CreateReportRequestBody,
        response: { 201: ReportRequestDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.createReportRequest(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/reports/:id',
    {
      config: policy.permission('report.read'),
      schema: {
        tags,
        summary: 'Yêu cầu báo cáo và mẫu báo cáo',
        params: IdParams,
        response: { 200: ReportRequestDetail },
      },
    },
    async (request) => reports.getReportRequest(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/reports/:id/close',
    {
      config: policy.permission('report.request'),
      schema: {
        tags,
        summary: 'Đóng yêu cầu báo cáo (không nhận thêm báo cáo, không nhắc hạn)',
        params: IdParams,
        response: { 200: ReportRequestDetail },
      },
    },
    async (request) => reports.closeReportRequest(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/reports/:id/board',
    {
      config: policy.permission('report.read'),
      schema: {
        tags,
        summary: 'Bảng theo dõi tình hình nộp báo cáo',
        params: IdParams,
        response: { 200: Board },
      },
    },
    async (request) => reports.getBoard(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/reports/:id/reminders',
    {
      config: policy.permission('report.request'),
      schema: {
        tags,
        summary: 'Nhắc hạn các đơn vị chưa nộp (thư điện tử và thông báo)',
        params: IdParams,
        body: RemindBody,
        response: { 200: RemindResult },
      },
    },
    async (request) => reports.remindReport(ctxFromRequest(request), request.params.id, request.body.orgIds),
  );

  app.get(
    '/reports/:id/submissions/:orgId',
    {
      config: policy.permission('report.read'),
      schema: {
        tags,
        summary: 'Báo cáo của một đơn vị',
        params: SubmissionParams,
        response: { 200: SubmissionDetail },
      },
    },
    async (request) =>
      reports.getSubmission(ctxFromRequest(request), request.params.id, request.params.orgId),
  );

  app.put(
    '/reports/:id/submissions/:orgId',
    {
      config: policy.permission('report.submit'),
      schema: {
        tags,
        summary: 'Lưu dự thảo báo cáo (số liệu và nội dung)',
        params: SubmissionParams,
        body: SaveSubmissionBody,
        response: { 200: SubmissionDetail },
      },
    },
    async (request) =>
      reports.saveSubmission(ctxFromRequest(request), request.params.id, request.params.orgId, request.body),
  );

  app.post(
    '/reports/:id/submissions/:orgId/submit',
    {
      config: policy.permission('report.submit'),
      schema: {
        tags,
        summary: 'Nộp báo cáo (không sửa được sau khi nộp)',
        params: SubmissionParams,
        body: SubmitBody,
        response: { 200: SubmissionDetail },
      },
    },
    async (request) =>
      reports.submitSubmission(
        ctxFromRequest(request),
        request.params.id,
        request.params.orgId,
        request.body.version,
      ),
  );

  app.get(
    '/reports/:id/rollup',
    {
      config: policy.permission('report.read'),
      schema: {
        tags,
        summary: 'Báo cáo tổng hợp: số liệu các đơn vị và thống kê của hệ thống',
        params: IdParams,
        response: { 200: RollUp },
      },
    },
    async (request) => reports.getRollUp(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/reports/:id/rollup.docx',
    {
      config: policy.permission('report.read'),
      schema: {
        tags,
        summary: 'Báo cáo tổng hợp (DOCX theo Nghị định 30/2020/NĐ-CP)',
        params: IdParams,
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const ctx = ctxFromRequest(request);
      const r = await reports.getRollUp(ctx, request.params.id);
      const narratives = await reports.rollUpNarratives(ctx, request.params.id);
      const names = await ctx.db.execute<{ parent_name: string | null; root_name: string }>(sql`
        select p.name as parent_name,
               (select r.name from organizations r where o.path like r.path || '%' and r.parent_id is null limit 1) as root_name
        from organizations o left join organizations p on p.id = o.parent_id where o.id = ${r.request.org.id}`);
      const n = names.rows[0];
      const doc = buildRollUpDocument(r, {
        today: todayInVietnam(ctx.now()),
        issuerParentName: n?.parent_name ? n.parent_name.toUpperCase() : undefined,
        rootName: n?.root_name ?? r.request.org.name,
        narratives,
      });
      return sendFile(reply, await rollUpDocx(doc), `Báo cáo tổng hợp - ${r.request.title}.docx`, MIME.docx);
    },
  );

  app.get(
    '/reports/:id/rollup.xlsx',
    {
      config: policy.permission('report.read'),
      schema: { tags, summary: 'Báo cáo tổng hợp (Excel)', params: IdParams, response: FileResponse },
    },
    async (request, reply) => {
      const r = await reports.getRollUp(ctxFromRequest(request), request.params.id);
      return sendFile(reply, await rollUpXlsx(r), `Báo cáo tổng hợp - ${r.request.title}.xlsx`, MIME.xlsx);
    },
  );
};
