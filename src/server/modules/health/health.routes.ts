import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationStatus } from '../../db/migrate';
import { policy } from '../../platform/auth/policy';

const HealthResponse = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({
    mode: z.enum(['embedded', 'server']),
    migration: z.string(),
    migrationsApplied: z.number(),
    migrationsExpected: z.number(),
  }),
  time: z.string(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: policy.public(),
      schema: { tags: ['Hệ thống'], summary: 'Tình trạng hệ thống', response: { 200: HealthResponse } },
    },
    async () => {
      const { db, databaseMode, now } = app.services;
      const m = await migrationStatus(db);
      return {
        status: m.applied === m.expected ? ('ok' as const) : ('degraded' as const),
        database: {
          mode: databaseMode,
          migration: m.latest,
          migrationsApplied: m.applied,
          migrationsExpected: m.expected,
        },
        time: now().toISOString(),
      };
    },
  );
};
