import { seedReports } from './demo/reports';
import { seedIndicators } from './demo/indicators';
import { seedPlans } from './demo/plans';
import { seedCouncils } from './demo/councils';
import { seedExemplars } from './demo/exemplars';
import { seedHistory } from './demo/history';
import { seedProposals } from './demo/proposals';
import type { SeedStep } from './seed';

/**
 * Demo data contributed by feature modules, run in this order inside the seeding transaction,
 * after the organisations, staff, accounts and the 2025 events exist. A feature adds one line:
 * its step function lives in src/server/seed/demo/<feature>.ts.
 */
export const seedSteps: SeedStep[] = [seedHistory, seedProposals, seedCouncils, seedExemplars, seedPlans, seedIndicators, seedReports];
