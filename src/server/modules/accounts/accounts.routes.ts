import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Account,
  AccountListQuery,
  CreateAccountBody,
  GrantBody,
  GrantParams,
  OneTimePassword,
  UpdateAccountBody,
} from '../../../contracts/accounts';
import { IdParams, Paged } from '../../../contracts/common';
import { policy } from '../../platform/auth/policy';
import { ctxFromRequest } from '../../platform/context';
import * as accounts from './accounts.service';

const tags = ['Tài khoản'];
const can = policy.permission('account.manage');

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/users',
    {
      config: can,
      schema: {
        tags,
        summary: 'Danh sách tài khoản',
        querystring: AccountListQuery,
        response: { 200: Paged(Account) },
      },
    },
    async (request) => accounts.listAccounts(ctxFromRequest(request), request.query),
  );
  app.get(
    '/users/:id',
    {
      config: can,
      schema: { tags, summary: 'Chi tiết tài khoản', params: IdParams, response: { 200: Account } },
    },
    async (request) => accounts.getAccount(ctxFromRequest(request), request.params.id),
  );
  app.post(
    '/users',
    {
      config: can,
      schema: {
        tags,
        summary: 'Tạo tài khoản (trả về mật khẩu dùng một lần)',
        body: CreateAccountBody,
        response: { 201: z.object({ user: Account, oneTimePassword: z.string() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await accounts.createAccount(ctxFromRequest(request), request.body)),
  );
  app.patch(
    '/users/:id',
    {
      config: can,
      schema: {
        tags,
        summary: 'Sửa, khóa hoặc mở khóa tài khoản',
        params: IdParams,
        body: UpdateAccountBody,
        response: { 200: Account },
      },
    },
    async (request) => accounts.updateAccount(ctxFromRequest(request), request.params.id, request.body),
  );
  app.post(
    '/users/:id/reset-password',
    {
      config: can,
      schema: { tags, summary: 'Đặt lại mật khẩu', params: IdParams, response: { 200: OneTimePassword } },
    },
    async (request) => accounts.resetPassword(ctxFromRequest(request), request.params.id),
  );
  app.post(
    '/users/:id/grants',
    {
      config: can,
      schema: {
        tags,
        summary: 'Phân quyền vai trò trên một đơn vị',
        params: IdParams,
        body: GrantBody,
        response: { 200: Account },
      },
    },
    async (request) => accounts.addGrant(ctxFromRequest(request), request.params.id, request.body),
  );
  app.delete(
    '/users/:id/grants/:grantId',
    {
      config: can,
      schema: { tags, summary: 'Thu hồi vai trò', params: GrantParams, response: { 200: Account } },
    },
    async (request) =>
      accounts.removeGrant(ctxFromRequest(request), request.params.id, request.params.grantId),
  );
};
