import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { Actor } from './auth/actor';

/**
 * What every use case receives: who is acting, the database, the clock and the request id.
 * Use cases are plain functions `verbNoun(ctx, input)`.
 */
export interface Ctx {
  actor: Actor | null;
  db: Db;
  now: () => Date;
  requestId: string;
  config: Config;
}

export interface AppServices {
  db: Db;
  config: Config;
  now: () => Date;
  databaseMode: 'embedded' | 'server';
}

export function ctxFromRequest(request: FastifyRequest): Ctx {
  const s = request.server.services;
  return { actor: request.actor, db: s.db, now: s.now, requestId: request.id, config: s.config };
}

/** A context for scripts and seeding (no HTTP request). */
export function systemCtx(
  services: Pick<AppServices, 'db' | 'config' | 'now'>,
  actor: Actor | null = null,
): Ctx {
  return {
    actor,
    db: services.db,
    now: services.now,
    requestId: `system-${Date.now()}`,
    config: services.config,
  };
}

declare module 'fastify' {
  interface FastifyInstance {
    services: AppServices;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}
