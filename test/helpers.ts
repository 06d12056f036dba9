import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import type { Role } from '../src/domain/access/roles';
import { buildApp } from '../src/server/app';
import { type Config, loadConfig } from '../src/server/config';
import { connect, type Database } from '../src/server/db/client';
import { memberships, people, roleGrants, users } from '../src/server/db/schema';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { insertOrg, type OrgRow } from '../src/server/modules/organizations/organizations.repo';

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let passwordHash: Promise<string> | null = null;
const testPasswordHash = () => (passwordHash ??= hashPassword(TEST_PASSWORD));

export interface TestApp {
  app: FastifyInstance & { routesWithPolicy: { method: string; url: string; policy: unknown }[] };
  database: Database;
  config: Config;
  clock: { now: Date };
  close(): Promise<void>;
}

/** Builds the real application against the test database (see test/global-setup.ts). */
export async function createTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const engine = inject('databaseEngine');
  const database = connect(inject('databaseUrl'), engine === 'postgres' ? 'server' : 'embedded', 4);
  const config: Config = { ...loadConfig({}), loginRateLimitPerMinute: 100_000, ...overrides, databaseUrl: null, demo: false };
  const clock = { now: new Date() };
  const app = await buildApp({ config, database, now: () => clock.now, logger: false });
  return {
    app: app as TestApp['app'],
    database,
    config,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export const uniq = (prefix = '') => `${prefix}${randomBytes(4).toString('hex')}`;

/**
 * A fresh organisation subtree for one test: a Sở Y tế with two units (A, B), each with a khoa.
 */
export async function createOrgTree(database: Database) {
  const db = database.db;
  const s = uniq().toUpperCase();
  const so = await insertOrg(db, null, { type: 'department_of_health', code: `SYT-${s}`, name: `Sở Y tế thử nghiệm ${s}`, shortName: 'SYT', validFrom: '2020-01-01' }, null);
  const unitA = await insertOrg(db, so, { type: 'medical_center', code: `TTYT-A-${s}`, name: `Trung tâm Y tế A ${s}`, shortName: 'TTYT', validFrom: '2020-01-01' }, null);
  const unitB = await insertOrg(db, so, { type: 'cdc', code: `KSBT-B-${s}`, name: `Trung tâm Kiểm soát bệnh tật B ${s}`, shortName: 'KSBT', validFrom: '2020-01-01' }, null);
  const khoaA = await insertOrg(db, unitA, { type: 'clinical_department', code: `KHOA-A-${s}`, name: `Khoa Nội A ${s}`, shortName: 'KN', validFrom: '2020-01-01' }, null);
  const khoaB = await insertOrg(db, unitB, { type: 'clinical_department', code: `KHOA-B-${s}`, name: `Khoa Dịch tễ B ${s}`, shortName: 'KDT', validFrom: '2020-01-01' }, null);
  return { so, unitA, unitB, khoaA, khoaB, suffix: s };
}
export type OrgTree = Awaited<ReturnType<typeof createOrgTree>>;

export async function createUser(database: Database, grants: { role: Role; org: OrgRow }[], opts: { personId?: string } = {}) {
  const username = uniq('u');
  const [user] = await database.db
    .insert(users)
    .values({ username, displayName: `Người dùng ${username}`, passwordHash: await testPasswordHash(), personId: opts.personId ?? null })
    .returning();
  if (grants.length > 0) {
    await database.db.insert(roleGrants).values(grants.map((g) => ({ userId: user!.id, role: g.role, orgId: g.org.id })));
  }
  return { ...user!, password: TEST_PASSWORD };
}

export async function createPerson(database: Database, org: OrgRow, fields: Partial<typeof people.$inferInsert> = {}) {
  const [person] = await database.db
    .insert(people)
    .values({ staffCode: uniq('NV'), fullName: 'Nguyễn Thị Thử', gender: 'female', currentOrgId: org.id, ...fields })
    .returning();
  await database.db.insert(memberships).values({ personId: person!.id, orgId: org.id, fromDate: '2020-01-01' });
  return person!;
}

export interface Session {
  cookie: string;
  csrf: string;
  userId: string;
}

export async function login(app: FastifyInstance, username: string, password = TEST_PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'thidua_session')!;
  const body = res.json();
  return { cookie: `thidua_session=${cookie.value}`, csrf: body.csrfToken, userId: body.user.id };
}

/** Calls the API as a logged-in user (cookie + CSRF header on state-changing requests). */
export function as(app: FastifyInstance, session: Session | null) {
  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method,
      url,
      payload: payload as never,
      headers: {
        ...(session ? { cookie: session.cookie } : {}),
        ...(session && method !== 'GET' ? { 'x-csrf-token': session.csrf } : {}),
        ...headers,
      },
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload?: unknown, headers?: Record<string, string>) => call('POST', url, payload ?? {}, headers),
    patch: (url: string, payload?: unknown) => call('PATCH', url, payload ?? {}),
    put: (url: string, payload?: unknown) => call('PUT', url, payload ?? {}),
    delete: (url: string) => call('DELETE', url),
  };
}

export { randomUUID };
