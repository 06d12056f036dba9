import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db } from '../db/client';

/** Seeds the demo data set on an empty database (demo mode only). Filled in by the demo seed. */
export async function seedIfEmpty(_services: { db: Db; config: Config; now: () => Date }, log: FastifyBaseLogger) {
  log.info('demo seed not implemented yet');
}
