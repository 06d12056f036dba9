import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  CreateStaffBody,
  ImportCommitBody,
  ImportPreview,
  ImportResult,
  StaffDetail,
  StaffListItem,
  StaffListQuery,
  TransferBody,
  UpdateStaffBody,
} from '../../../contracts/staff';
import { todayInVietnam } from '../../../domain/time/dates';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import { AppError } from '../../platform/http/errors';
import * as staff from './staff.service';

const tags = ['Nhân sự'];
const FileResponse = { 200: z.any().describe('Tệp Excel (.xlsx)') };

export const staffRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/staff',
    {
      config: policy.permission('staff.read'),
      schema: {
        tags,
        summary: 'Danh sách nhân sự (tìm không dấu, sắp xếp tiếng Việt, phân trang)',
        querystring: StaffListQuery,
        response: {
          200: z.object({
            items: z.array(StaffListItem),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
    },
    async (request) => staff.listStaff(ctxFromRequest(request), request.query),
  );

  app.get(
    '/staff/export',
    {
      config: policy.permission('staff.read'),
      schema: {
        tags,
        summary: 'Xuất danh sách nhân sự ra Excel',
        querystring: StaffListQuery,
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const ctx = ctxFromRequest(request);
      const bytes = await staff.exportStaff(ctx, request.query);
      return sendFile(reply, bytes, `Danh sách nhân sự ${todayInVietnam(ctx.now())}.xlsx`, MIME.xlsx);
    },
  );

  app.get(
    '/staff/import-template',
    {
      config: policy.permission('staff.import'),
      schema: { tags, summary: 'Tệp Excel mẫu để nhập nhân sự', response: FileResponse },
    },
    async (_request, reply) =>
      sendFile(reply, await staff.importTemplate(), 'Mẫu nhập nhân sự.xlsx', MIME.xlsx),
  );

  app.post(
    '/staff/imports',
    {
      config: policy.permission('staff.import'),
      schema: {
        tags,
        summary: 'Tải lên tệp Excel nhân sự và xem trước (chưa ghi dữ liệu)',
        consumes: ['multipart/form-data'],
        response: { 200: ImportPreview },
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
      if (!/\.xlsx$/i.test(file.filename)) {
        throw new AppError(
          'UNSUPPORTED_MEDIA_TYPE',
          null,
          'Chỉ nhận tệp Excel .xlsx (hãy lưu tệp .xls thành .xlsx).',
        );
      }
      const buffer = await file.toBuffer();
      return staff.previewImport(
        ctxFromRequest(request),
        file.filename.normalize('NFC').slice(0, 200),
        buffer,
      );
    },
  );

  app.post(
    '/staff/imports/:id/commit',
    {
      config: policy.permission('staff.import'),
      schema: {
        tags,
        summary: 'Ghi dữ liệu của tệp đã xem trước (một giao dịch)',
        params: IdParams,
        body: ImportCommitBody,
        response: { 200: ImportResult },
      },
    },
    async (request) => staff.commitImport(ctxFromRequest(request), request.params.id, request.body.mode),
  );

  app.delete(
    '/staff/imports/:id',
    {
      config: policy.permission('staff.import'),
      schema: { tags, summary: 'Hủy tệp đã tải lên', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await staff.discardImport(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/staff/:id',
    {
      config: policy.permission('staff.read'),
      schema: { tags, summary: 'Hồ sơ nhân sự', params: IdParams, response: { 200: StaffDetail } },
    },
    async (request) => staff.getStaff(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/staff/:id/personal-id',
    {
      config: policy.permission('staff.readPersonalId'),
      schema: {
        tags,
        summary: 'Xem số CCCD (được ghi nhật ký)',
        params: IdParams,
        response: { 200: z.object({ personalId: z.string().nullable() }) },
      },
    },
    async (request) => staff.revealPersonalId(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/staff',
    {
      config: policy.permission('staff.write'),
      schema: { tags, summary: 'Thêm nhân sự', body: CreateStaffBody, response: { 201: StaffDetail } },
    },
    async (request, reply) =>
      reply.status(201).send(await staff.createStaff(ctxFromRequest(request), request.body)),
  );

  app.patch(
    '/staff/:id',
    {
      config: policy.permission('staff.write'),
      schema: {
        tags,
        summary: 'Sửa hồ sơ nhân sự (khóa lạc quan theo version)',
        params: IdParams,
        body: UpdateStaffBody,
        response: { 200: StaffDetail },
      },
    },
    async (request) => staff.updateStaff(ctxFromRequest(request), request.params.id, request.body),
  );

  app.post(
    '/staff/:id/transfers',
    {
      config: policy.permission('staff.write'),
      schema: {
        tags,
        summary: 'Điều chuyển nhân sự sang đơn vị khác',
        params: IdParams,
        body: TransferBody,
        response: { 200: StaffDetail },
      },
    },
    async (request) => staff.transferStaff(ctxFromRequest(request), request.params.id, request.body),
  );
};
