import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { historyRoutes } from '../history/history.routes';
import { rulesRoutes } from '../rules/rules.routes';
import { eligibilityRoutes } from './eligibility.routes';

/** Rules catalog, history inputs and eligibility (issue 3 items 1, 2, 4). */
export const rulesHistoryEligibilityRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(rulesRoutes);
  await app.register(historyRoutes);
  await app.register(eligibilityRoutes);
};
