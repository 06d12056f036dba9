import type { FastifyPluginAsync } from 'fastify';
import { exemplarRoutes } from '../exemplars/exemplars.routes';
import { registerRoutes } from '../register/register.routes';
import { publicRoutes } from './public.routes';

/** Award register and statistics, exemplary stories, and the public pages (one entry in modules/index.ts). */
export const registerAndPublicRoutes: FastifyPluginAsync = async (app) => {
  await app.register(registerRoutes);
  await app.register(exemplarRoutes);
  await app.register(publicRoutes);
};
