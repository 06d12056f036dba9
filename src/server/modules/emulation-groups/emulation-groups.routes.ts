import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  AppraisalBody,
  Candidate,
  CandidatesQuery,
  CreateCriteriaSetBody,
  CreateGroupBody,
  CriteriaSet,
  CriteriaSetListItem,
  EvidenceParams,
  GroupDetail,
  GroupListItem,
  GroupListQuery,
  PutMembersBody,
  Ranking,
  SelfScoreBody,
  Sheet,
  SheetParams,
  TransitionBody,
  UpdateGroupBody,
} from '../../../contracts/emulation-groups';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { sendFile } from '../../platform/http/download';
import { AppError } from '../../platform/http/errors';
import * as groups from './emulation-groups.service';

const tags = ['Khối, cụm thi đua'];

export const emulationGroupRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/emulation-groups',
    {
      config: policy.permission('emulationGroup.read'),
      schema: {
        tags,
        summary: 'Danh sách khối, cụm thi đua',
        querystring: GroupListQuery,
        response: { 200: z.array(GroupListItem) },
      },
    },
    async (request) => groups.listGroups(ctxFromRequest(request), request.query),
  );

  app.post(
    '/emulation-groups',
    {
      config: policy.permission('emulationGroup.manage'),
      schema: {
        tags,
        summary: 'Lập khối, cụm thi đua với các đơn vị thành viên',
        body: CreateGroupBody,
        response: { 201: GroupDetail },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await groups.createGroup(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/emulation-groups/candidates',
    {
      config: policy.permission('emulationGroup.read'),
      schema: {
        tags,
        summary: 'Đơn vị dẫn đầu các khối, cụm (đề nghị Cờ thi đua)',
        querystring: CandidatesQuery,
        response: { 200: z.array(Candidate) },
      },
    },
    async (request) => groups.candidates(ctxFromRequest(request), request.query),
  );

  app.get(
    '/emulation-groups/criteria-sets',
    {
      config: policy.permission('emulationGroup.read'),
      schema: {
        tags,
        summary: 'Các bộ tiêu chí chấm điểm thi đua',
        response: { 200: z.array(CriteriaSetListItem) },
      },
    },
    async (request) => groups.listCriteriaSets(ctxFromRequest(request)),
  );

  app.post(
    '/emulation-groups/criteria-sets',
    {
      config: policy.permission('emulationGroup.manage'),
      schema: {
        tags,
        summary: 'Lập bộ tiêu chí (cây tiêu chí, điểm tối đa, hệ số, minh chứng)',
        body: CreateCriteriaSetBody,
        response: { 201: CriteriaSet },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await groups.createCriteriaSet(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/emulation-groups/criteria-sets/:id',
    {
      config: policy.permission('emulationGroup.read'),
      schema: { tags, summary: 'Bộ tiêu chí', params: IdParams, response: { 200: CriteriaSet } },
    },
    async (request) => groups.getCriteriaSet(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/emulation-groups/:id',
    {
      config: policy.permission('emulationGroup.read'),
      schema: {
        tags,
        summary: 'Khối, cụm thi đua: thành viên, giao ước, trạng thái chấm điểm',
        params: IdParams,
        response: { 200: GroupDetail },
      },
    },
    async (request) => groups.getGroup(ctxFromRequest(request), request.params.id),
  );

  app.patch(
    '/emulation-groups/:id',
    {
      config: policy.permission('emulationGroup.manage'),
      schema: {
        tags,
        summary: 'Sửa khối, cụm (khóa lạc quan theo version)',
        params: IdParams,
        body: UpdateGroupBody,
        response: { 200: GroupDetail },
      },
    },
    async (request) => groups.updateGroup(ctxFromRequest(request), request.params.id, request.body),
  );

  app.put(
    '/emulation-groups/:id/members',
    {
      config: policy.permission('emulationGroup.manage'),
      schema: {
        tags,
        summary: 'Cập nhật đơn vị thành viên và ngày ký giao ước',
        params: IdParams,
        body: PutMembersBody,
        response: { 200: GroupDetail },
      },
    },
    async (request) => groups.putMembers(ctxFromRequest(request), request.params.id, request.body),
  );

  app.get(
    '/emulation-groups/:id/ranking',
    {
      config: policy.permission('emulationGroup.read'),
      schema: {
        tags,
        summary: 'Xếp hạng trong khối, cụm (đồng hạng được tính như nhau)',
        params: IdParams,
        response: { 200: Ranking },
      },
    },
    async (request) => groups.ranking(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/emulation-groups/:id/sheets/:orgId',
    {
      config: policy.permission('emulationGroup.read'),
      schema: {
        tags,
        summary: 'Phiếu chấm điểm của một đơn vị thành viên',
        params: SheetParams,
        response: { 200: Sheet },
      },
    },
    async (request) => groups.getSheet(ctxFromRequest(request), request.params.id, request.params.orgId),
  );

  app.put(
    '/emulation-groups/:id/sheets/:orgId/self',
    {
      config: policy.permission('score.self'),
      schema: {
        tags,
        summary: 'Đơn vị tự chấm điểm, kèm minh chứng',
        params: SheetParams,
        body: SelfScoreBody,
        response: { 200: Sheet },
      },
    },
    async (request) =>
      groups.saveSelfScore(ctxFromRequest(request), request.params.id, request.params.orgId, request.body),
  );

  app.put(
    '/emulation-groups/:id/sheets/:orgId/appraisal',
    {
      config: policy.permission('score.appraise'),
      schema: {
        tags,
        summary: 'Thẩm định điểm của đơn vị',
        params: SheetParams,
        body: AppraisalBody,
        response: { 200: Sheet },
      },
    },
    async (request) =>
      groups.saveAppraisal(ctxFromRequest(request), request.params.id, request.params.orgId, request.body),
  );

  app.post(
    '/emulation-groups/:id/sheets/:orgId/transitions',
    {
      // the permission depends on the action (score.self, score.appraise, emulationGroup.manage):
      // the workflow table checks it on the member's or the organiser's subtree
      config: policy.permission('emulationGroup.read'),
      schema: {
        tags,
        summary: 'Gửi tự chấm, trả lại, hoàn thành thẩm định, chốt hoặc mở lại kết quả',
        params: SheetParams,
        body: TransitionBody,
        response: { 200: Sheet },
      },
    },
    async (request) =>
      groups.transitionSheet(ctxFromRequest(request), request.params.id, request.params.orgId, request.body),
  );

  app.post(
    '/emulation-groups/:id/sheets/:orgId/evidence',
    {
      config: policy.permission('score.self'),
      schema: {
        tags,
        summary: 'Tải lên tài liệu minh chứng (PDF, ảnh, Word)',
        params: SheetParams,
        consumes: ['multipart/form-data'],
        response: { 201: z.object({ id: z.string(), name: z.string(), mime: z.string(), size: z.number() }) },
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
      const stored = await groups.uploadEvidence(
        ctxFromRequest(request),
        request.params.id,
        request.params.orgId,
        {
          bytes,
          fileName: file.filename.normalize('NFC'),
        },
      );
      return reply.status(201).send(stored);
    },
  );

  app.get(
    '/emulation-groups/:id/evidence/:fileId',
    {
      config: policy.permission('emulationGroup.read'),
      schema: {
        tags,
        summary: 'Tải tài liệu minh chứng',
        params: EvidenceParams,
        response: { 200: z.any().describe('Tệp minh chứng') },
      },
    },
    async (request, reply) => {
      const f = await groups.downloadEvidence(
        ctxFromRequest(request),
        request.params.id,
        request.params.fileId,
      );
      return sendFile(reply, f.content, f.originalName, f.mime);
    },
  );
};
