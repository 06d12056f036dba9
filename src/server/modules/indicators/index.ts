import type { FastifyPluginAsync } from 'fastify';
import { digitalSkillsRoutes } from '../digital-skills/digital-skills.routes';
import { emulationGroupRoutes } from '../emulation-groups/emulation-groups.routes';
import { indicatorRoutes } from './indicators.routes';

/** Targets and indicators, digital skills (Bình dân học vụ số), emulation blocks and scoring. */
export const indicatorsSkillsGroupsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(indicatorRoutes);
  await app.register(digitalSkillsRoutes);
  await app.register(emulationGroupRoutes);
};
