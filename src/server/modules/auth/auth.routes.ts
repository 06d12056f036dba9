import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ChangePasswordBody, LoginBody, SessionResponse } from '../../../contracts/auth';
import { policy } from '../../platform/auth/policy';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../../platform/auth/sessions';
import { ctxFromRequest } from '../../platform/context';
import { changePassword, login, logout, presentUser } from './auth.service';

const tags = ['Xác thực'];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secure = app.services.config.cookieSecure;

  app.post(
    '/auth/login',
    {
      config: {
        ...policy.public(),
        rateLimit: { max: app.services.config.loginRateLimitPerMinute, timeWindow: '1 minute' },
      },
      schema: { tags, summary: 'Đăng nhập', body: LoginBody, response: { 200: SessionResponse } },
    },
    async (request, reply) => {
      const result = await login(ctxFromRequest(request), {
        ...request.body,
        previousCookie: request.cookies[SESSION_COOKIE],
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookie(reply, result.session.cookieToken, secure);
      return { user: result.user, csrfToken: result.session.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { config: policy.authenticated(), schema: { tags, summary: 'Đăng xuất', response: { 204: z.null() } } },
    async (request, reply) => {
      await logout(ctxFromRequest(request), request.cookies[SESSION_COOKIE]!);
      clearSessionCookie(reply, secure);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      config: policy.authenticated(),
      schema: { tags, summary: 'Người dùng hiện tại', response: { 200: SessionResponse } },
    },
    async (request) => ({ user: presentUser(request.actor!), csrfToken: request.actor!.csrfToken }),
  );

  app.post(
    '/auth/change-password',
    {
      config: policy.authenticated(),
      schema: { tags, summary: 'Đổi mật khẩu', body: ChangePasswordBody, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await changePassword(ctxFromRequest(request), request.body);
      return reply.status(204).send(null);
    },
  );
};
