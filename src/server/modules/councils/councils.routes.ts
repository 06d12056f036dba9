import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  AddItemsBody,
  AddMemberBody,
  AgendaCandidate,
  AttendanceBody,
  CouncilDetail,
  CouncilListItem,
  CreateCouncilBody,
  CreateSessionBody,
  MemberCandidate,
  MemberParams,
  SessionDetail,
  VoteBody,
} from '../../../contracts/councils';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import { MIME, sendFile } from '../../platform/http/download';
import * as councils from './councils.service';

const tags = ['Hội đồng Thi đua - Khen thưởng'];
const Created = { 201: z.object({ id: z.string() }) };
const NoContent = { 204: z.null() };

export const councilRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/councils',
    {
      config: policy.permission('council.read'),
      schema: { tags, summary: 'Danh sách Hội đồng', response: { 200: z.array(CouncilListItem) } },
    },
    async (request) => councils.listCouncils(ctxFromRequest(request)),
  );

  app.post(
    '/councils',
    {
      config: policy.permission('council.manage'),
      schema: { tags, summary: 'Lập Hội đồng của đơn vị', body: CreateCouncilBody, response: Created },
    },
    async (request, reply) =>
      reply.status(201).send(await councils.createCouncil(ctxFromRequest(request), request.body)),
  );

  app.get(
    '/councils/:id',
    {
      config: policy.permission('council.read'),
      schema: {
        tags,
        summary: 'Hội đồng: thành viên, phiên họp',
        params: IdParams,
        response: { 200: CouncilDetail },
      },
    },
    async (request) => councils.getCouncil(ctxFromRequest(request), request.params.id),
  );

  app.get(
    '/councils/:id/member-candidates',
    {
      config: policy.permission('council.manage'),
      schema: {
        tags,
        summary: 'Tài khoản có thể bổ sung vào Hội đồng',
        params: IdParams,
        response: { 200: z.array(MemberCandidate) },
      },
    },
    async (request) => councils.memberCandidates(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/councils/:id/members',
    {
      config: policy.permission('council.manage'),
      schema: {
        tags,
        summary: 'Bổ sung thành viên Hội đồng',
        params: IdParams,
        body: AddMemberBody,
        response: Created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await councils.addMember(ctxFromRequest(request), request.params.id, request.body)),
  );

  app.delete(
    '/councils/:id/members/:memberId',
    {
      config: policy.permission('council.manage'),
      schema: {
        tags,
        summary: 'Thôi tư cách thành viên Hội đồng',
        params: MemberParams,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await councils.removeMember(ctxFromRequest(request), request.params.id, request.params.memberId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/councils/:id/agenda-candidates',
    {
      config: policy.permission('council.read'),
      schema: {
        tags,
        summary: 'Đề nghị đang chờ Hội đồng xét',
        params: IdParams,
        response: { 200: z.array(AgendaCandidate) },
      },
    },
    async (request) => councils.agendaCandidates(ctxFromRequest(request), request.params.id),
  );

  app.post(
    '/councils/:id/sessions',
    {
      config: policy.permission('council.manage'),
      schema: {
        tags,
        summary: 'Tạo phiên họp',
        params: IdParams,
        body: CreateSessionBody,
        response: Created,
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await councils.createSession(ctxFromRequest(request), request.params.id, request.body)),
  );

  app.get(
    '/council-sessions/:id',
    {
      config: policy.permission('council.read'),
      schema: {
        tags,
        summary: 'Phiên họp: có mặt, chương trình, bỏ phiếu (kết quả chỉ có sau khi kết thúc)',
        params: IdParams,
        response: { 200: SessionDetail },
      },
    },
    async (request) => councils.getSession(ctxFromRequest(request), request.params.id),
  );

  app.put(
    '/council-sessions/:id/attendance',
    {
      config: policy.permission('council.manage'),
      schema: {
        tags,
        summary: 'Danh sách thành viên có mặt',
        params: IdParams,
        body: AttendanceBody,
        response: NoContent,
      },
    },
    async (request, reply) => {
      await councils.setAttendance(ctxFromRequest(request), request.params.id, request.body);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/council-sessions/:id/items',
    {
      config: policy.permission('council.manage'),
      schema: {
        tags,
        summary: 'Đưa đề nghị vào chương trình phiên họp',
        params: IdParams,
        body: AddItemsBody,
        response: { 200: z.object({ added: z.number() }) },
      },
    },
    async (request) => councils.addItems(ctxFromRequest(request), request.params.id, request.body),
  );

  app.get(
    '/council-sessions/:id/minutes',
    {
      config: policy.permission('council.read'),
      schema: { tags, summary: 'Biên bản họp Hội đồng (DOCX)', params: IdParams, response: { 200: z.any() } },
    },
    async (request, reply) => {
      const { bytes, number } = await councils.sessionMinutes(ctxFromRequest(request), request.params.id);
      return sendFile(reply, bytes, `Biên bản ${number.replace(/\//g, '-')}.docx`, MIME.docx);
    },
  );

  app.post(
    '/session-items/:id/open',
    {
      config: policy.permission('council.manageBallot'),
      schema: { tags, summary: 'Mở bỏ phiếu kín (Chủ tịch Hội đồng)', params: IdParams, response: NoContent },
    },
    async (request, reply) => {
      await councils.openBallot(ctxFromRequest(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/session-items/:id/vote',
    {
      config: policy.permission('council.vote'),
      schema: {
        tags,
        summary: 'Bỏ phiếu kín (mỗi thành viên một lần; không trả về kết quả)',
        params: IdParams,
        body: VoteBody,
        response: { 200: z.object({ voted: z.literal(true) }) },
      },
    },
    async (request) => councils.castVote(ctxFromRequest(request), request.params.id, request.body.choice),
  );

  app.post(
    '/session-items/:id/close',
    {
      config: policy.permission('council.manageBallot'),
      schema: {
        tags,
        summary: 'Kết thúc bỏ phiếu, kiểm phiếu (Chủ tịch Hội đồng)',
        params: IdParams,
        response: {
          200: z.object({
            agree: z.number(),
            disagree: z.number(),
            status: z.enum(['passed', 'failed', 'no_quorum']),
            required: z.number(),
            summary: z.string(),
          }),
        },
      },
    },
    async (request) => councils.closeBallot(ctxFromRequest(request), request.params.id),
  );
};
