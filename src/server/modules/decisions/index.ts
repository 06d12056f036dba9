import type { FastifyPluginAsync } from 'fastify';
import { councilRoutes } from '../councils/councils.routes';
import { fundRoutes } from '../fund/fund.routes';
import { decisionRoutes } from './decisions.routes';

/** Councils and secret ballots, decisions and certificates, the reward fund (issue 3, items 6–9). */
export const councilDecisionFundRoutes: FastifyPluginAsync = async (app) => {
  await app.register(councilRoutes);
  await app.register(decisionRoutes);
  await app.register(fundRoutes);
};
