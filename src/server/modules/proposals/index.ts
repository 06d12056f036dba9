import type { FastifyPluginAsync } from 'fastify';
import { registrationRoutes } from '../registrations/registrations.routes';
import { roundRoutes } from '../rounds/rounds.routes';
import { proposalRoutes } from './proposals.routes';

/** Award rounds, proposals with their dossiers, emulation registrations (issue 3, items 3 and 5). */
export const roundsProposalsRegistrationsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(roundRoutes);
  await app.register(proposalRoutes);
  await app.register(registrationRoutes);
};
