import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { modules } from './modules';
import { type RegisteredRoute, registerPolicyCheck, registerPolicyCollection } from './platform/auth/policy';
import { registerSessionLoading } from './platform/auth/sessions';
import type { AppServices } from './platform/context';
import { AppError, containsNul, registerErrorHandling } from './platform/http/errors';

z.config(z.locales.vi());

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** injectable clock for tests (session timeouts, dates) */
  now?: () => Date;
  logger?: boolean | object;
}

export const webRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../dist/web');

export async function buildApp(
  options: BuildAppOptions,
): Promise<FastifyInstance & { routesWithPolicy: RegisteredRoute[] }> {
  const { config, database } = options;
  const app = Fastify({
    logger: options.logger ?? {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();

  const services: AppServices = {
    db: database.db,
    config,
    now: options.now ?? (() => new Date()),
    databaseMode: database.mode,
  };
  app.decorate('services', services);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);

  const routes: RegisteredRoute[] = [];
  registerPolicyCollection(app, routes);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    hsts: config.cookieSecure ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, {
    limits: { fileSize: config.uploadMaxBytes, files: 10, fields: 20, parts: 30, headerPairs: 100 },
  });
  registerSessionLoading(app);
  registerPolicyCheck(app);

  // personal data must not be cached by browsers or proxies
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api')) reply.header('cache-control', 'no-store');
  });
  // PostgreSQL cannot store NUL: reject it up front with a 400 instead of failing later.
  app.addHook('preValidation', async (request) => {
    if (containsNul(request.body) || containsNul(request.query) || containsNul(request.params)) {
      throw new AppError('INVALID_CHARACTERS');
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'thidua API',
        description:
          'API của hệ thống quản lý thi đua, khen thưởng thidua. Lỗi có dạng { error: { code, message, details, requestId } }.',
        version: '0.1.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'thidua_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get(
    '/api/openapi.json',
    {
      config: { policy: { access: 'public' } },
      schema: { tags: ['Hệ thống'], summary: 'Tài liệu OpenAPI của API' },
    },
    async () => app.swagger(),
  );

  for (const mod of modules) await app.register(mod, { prefix: '/api' });

  // the single-page web application
  if (fs.existsSync(path.join(webRoot, 'index.html'))) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: ['index.html'] });
    app.get('/*', (request, reply) => {
      if (request.url.startsWith('/api')) throw new AppError('ROUTE_NOT_FOUND');
      const file = request.url.split('?')[0]!;
      if (/\.[a-z0-9]+$/i.test(file) && fs.existsSync(path.join(webRoot, file)))
        return reply.sendFile(file.slice(1));
      return reply.type('text/html').sendFile('index.html');
    });
  }

  await app.ready();
  return Object.assign(app, { routesWithPolicy: routes });
}
