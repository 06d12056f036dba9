import type { FastifyPluginAsync } from 'fastify';
import { accountRoutes } from './accounts/accounts.routes';
import { auditRoutes } from './audit/audit.routes';
import { authRoutes } from './auth/auth.routes';
import { councilDecisionFundRoutes } from './decisions';
import { healthRoutes } from './health/health.routes';
import { indicatorsSkillsGroupsRoutes } from './indicators';
import { organizationRoutes } from './organizations/organizations.routes';
import { planRoutes } from './plans/plans.routes';
import { roundsProposalsRegistrationsRoutes } from './proposals';
import { registerAndPublicRoutes } from './public';
import { reportsTasksMailRoutes } from './reports';
import { staffRoutes } from './staff/staff.routes';
import { rulesHistoryEligibilityRoutes } from './eligibility';

/** Every feature module's routes, mounted under /api. */
export const modules: FastifyPluginAsync[] = [healthRoutes, authRoutes, organizationRoutes, staffRoutes, accountRoutes, auditRoutes, registerAndPublicRoutes, councilDecisionFundRoutes, reportsTasksMailRoutes, roundsProposalsRegistrationsRoutes, planRoutes, indicatorsSkillsGroupsRoutes, rulesHistoryEligibilityRoutes];
