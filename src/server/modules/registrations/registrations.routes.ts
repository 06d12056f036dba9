import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  BoardQuery,
  BoardRow,
  CreateRegistrationBody,
  RegistrationDetail,
  RegistrationListQuery,
  RegistrationSummary,
  RegistrationTransitionBody,
  SaveRegistrationItemsBody,
} from '../../../contracts/proposals';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import * as registrations from './registrations.service';

const tags = ['Đăng ký thi đua'];

export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/registrations',
    {
      config: policy.permission('registration.read'),
      schema: {
        tags,
        summary: 'Danh sách bản đăng ký thi đua',
        querystring: RegistrationListQuery,
        response: { 200: z.object({ items: z.array(RegistrationSummary) }) },
      },
    },
    async (request) => registrations.listRegistrations(ctxFromRequest(request), request.query),
  );

  app.get(
    '/registrations/board',
    {
      config: policy.permission('registration.read'),
      schema: {
        tags,
        summary: 'Bảng tổng hợp đăng ký thi đua theo đơn vị (chưa gửi, đã gửi, bị trả lại, đã duyệt)',
        querystring: BoardQuery,
        response: {
          200: z.object({
            year: z.number(),
            rows: z.array(BoardRow),
            counts: z.record(z.string(), z.number()),
          }),
        },
      },
    },
    async (request) => registrations.registrationBoard(ctxFromRequest(request), request.query),
  );

  app.get(
    '/registrations/export',
    {
      config: policy.permission('registration.read'),
      schema: {
        tags,
        summary: 'Xuất tổng hợp đăng ký thi đua ra Excel',
        querystring: BoardQuery,
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const bytes = await registrations.exportRegistrationsXlsx(ctxFromRequest(request), request.query);
      return sendFile(reply, bytes, `Tổng hợp đăng ký thi đua ${request.query.year}.xlsx`, MIME.xlsx);
    },
  );

  app.post(
    '/registrations',
    {
      config: policy.permission('registration.submit'),
      schema: {
        tags,
        summary: 'Lập bản đăng ký thi đua của đơn vị',
        body: CreateRegistrationBody,
        response: { 201: RegistrationDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await registrations.createRegistration(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/registrations/:id',
    {
      config: policy.permission('registration.read'),
      schema: {
        tags,
        summary: 'Chi tiết bản đăng ký thi đua',
        params: IdParams,
        response: { 200: RegistrationDetail },
      },
    },
    async (request) => registrations.getRegistration(ctxFromRequest(request), request.params.id),
  );

  app.put(
    '/registrations/:id/items',
    {
      config: policy.permission('registration.submit'),
      schema: {
        tags,
        summary: 'Lưu danh sách danh hiệu đăng ký (khóa lạc quan theo version)',
        params: IdParams,
        body: SaveRegistrationItemsBody,
        response: { 200: RegistrationDetail },
      },
    },
    async (request) =>
      registrations.saveRegistrationItems(ctxFromRequest(request), request.params.id, request.body),
  );

  app.post(
    '/registrations/:id/transitions',
    {
      config: policy.permission('registration.read'),
      schema: {
        tags,
        summary: 'Gửi, duyệt hoặc trả lại (kèm lý do) bản đăng ký thi đua',
        params: IdParams,
        body: RegistrationTransitionBody,
        response: { 200: RegistrationDetail },
      },
    },
    async (request) =>
      registrations.transitionRegistration(ctxFromRequest(request), request.params.id, request.body),
  );

  app.get(
    '/registrations/:id/document',
    {
      config: policy.permission('registration.read'),
      schema: {
        tags,
        summary: 'Tải bản đăng ký thi đua (DOCX theo thể thức NĐ 30)',
        params: IdParams,
        response: { 200: z.any() },
      },
    },
    async (request, reply) => {
      const doc = await registrations.registrationDocx(ctxFromRequest(request), request.params.id);
      return sendFile(reply, doc.bytes, doc.fileName, MIME.docx);
    },
  );

  app.delete(
    '/registrations/:id',
    {
      config: policy.permission('registration.submit'),
      schema: { tags, summary: 'Xóa bản đăng ký đang soạn', params: IdParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await registrations.deleteRegistration(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
