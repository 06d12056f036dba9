import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  AwardStatistics,
  OrgAwardHistory,
  PersonAwardHistory,
  RegisterPage,
  RegisterQuery,
  StatisticsQuery,
} from '../../../contracts/register';
import { todayInVietnam } from '../../../domain/time/dates';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import * as register from './register.service';

const tags = ['Sổ khen thưởng'];
const FileResponse = { 200: z.any().describe('Tệp Excel (.xlsx)') };

export const registerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/register',
    {
      config: policy.permission('register.read'),
      schema: {
        tags,
        summary: 'Sổ khen thưởng: mọi danh hiệu, hình thức của cá nhân, tập thể qua các năm (tìm không dấu)',
        querystring: RegisterQuery,
        response: { 200: RegisterPage },
      },
    },
    async (request) => register.listRegister(ctxFromRequest(request), request.query),
  );

  app.get(
    '/register/export',
    {
      config: policy.permission('register.read'),
      schema: {
        tags,
        summary: 'Xuất sổ khen thưởng ra Excel',
        querystring: RegisterQuery,
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const ctx = ctxFromRequest(request);
      const bytes = await register.exportRegister(ctx, request.query);
      return sendFile(reply, bytes, `Sổ khen thưởng ${todayInVietnam(ctx.now())}.xlsx`, MIME.xlsx);
    },
  );

  app.get(
    '/register/people/:id',
    {
      config: policy.permission('register.read'),
      schema: {
        tags,
        summary: 'Quá trình khen thưởng của một cá nhân',
        params: IdParams,
        response: { 200: PersonAwardHistory },
      },
    },
    async (request) => register.personHistory(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/register/organizations/:id',
    {
      config: policy.permission('register.read'),
      schema: {
        tags,
        summary: 'Quá trình khen thưởng của một tập thể, kể cả các đơn vị tiền thân (sáp nhập, đổi tên)',
        params: IdParams,
        response: { 200: OrgAwardHistory },
      },
    },
    async (request) => register.organizationHistory(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/statistics/awards',
    {
      config: policy.permission('register.read'),
      schema: {
        tags: ['Thống kê'],
        summary: 'Thống kê khen thưởng theo năm, danh hiệu/hình thức và đơn vị',
        querystring: StatisticsQuery,
        response: { 200: AwardStatistics },
      },
    },
    async (request) => register.awardStatistics(ctxFromRequest(request), request.query),
  );

  app.get(
    '/statistics/awards/export',
    {
      config: policy.permission('register.read'),
      schema: {
        tags: ['Thống kê'],
        summary: 'Xuất thống kê khen thưởng ra Excel',
        querystring: StatisticsQuery,
        response: FileResponse,
      },
    },
    async (request, reply) => {
      const ctx = ctxFromRequest(request);
      const { bytes, stats } = await register.exportStatistics(ctx, request.query);
      return sendFile(reply, bytes, `Thống kê khen thưởng ${stats.yearFrom}-${stats.yearTo}.xlsx`, MIME.xlsx);
    },
  );
};
