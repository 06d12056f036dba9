import { sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Role } from '../../domain/access/roles';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { memberships, people, roleGrants, users } from '../db/schema';
import { insertOrg, type OrgRow } from '../modules/organizations/organizations.repo';
import { applyOrgEvent } from '../modules/organizations/organizations.service';
import { writeAudit } from '../platform/audit/audit';
import type { Actor } from '../platform/auth/actor';
import { hashPassword } from '../platform/auth/passwords';
import { loadGrants } from '../platform/auth/sessions';
import type { Ctx } from '../platform/context';
import { DEMO_EVENTS_2025, DEMO_TREE, type DemoOrg } from './demo/organizations';
import { generateStaff } from './demo/staff';
import { createRandom } from './random';
import { seedSteps } from './steps';

export const DEMO_PASSWORD = 'demo1234';

export interface SeedServices {
  db: Db;
  config: Config;
  now: () => Date;
}

/** Extra demo data contributed by feature modules (ratings, awards, plans …): see steps.ts. */
export type SeedStep = (ctx: Ctx, demo: DemoContext) => Promise<void>;
export interface DemoContext {
  orgs: Map<string, OrgRow>;
  accounts: Map<string, { id: string; personId: string | null }>;
  personIdsByOrg: Map<string, string[]>;
  random: ReturnType<typeof createRandom>;
}

/**
 * Seeds the demo data set on an empty database, all in one transaction: a provincial health
 * sector (Sở Y tế tỉnh Điện Biên, 12 units with khoa/phòng/trạm), ≥2,000 staff, a 2025 rename
 * and a 2025 merger applied as real organisation events, and one account per role with the demo
 * password. Does nothing when organisations already exist.
 */
export async function seedIfEmpty(services: SeedServices, log: FastifyBaseLogger): Promise<boolean> {
  const existing = await services.db.execute<{ n: number }>(
    sql`select count(*)::int as n from organizations`,
  );
  if (Number(existing.rows[0]?.n ?? 0) > 0) return false;
  const started = Date.now();
  await services.db.transaction(async (tx) => {
    const db = tx as unknown as Db;
    const random = createRandom(20251123);
    const orgs = new Map<string, OrgRow>();

    const insertTree = async (node: DemoOrg, parent: OrgRow | null) => {
      const row = await insertOrg(
        db,
        parent,
        {
          type: node.type,
          code: node.code,
          name: node.name,
          shortName: node.shortName,
          validFrom: '2010-01-01',
        },
        null,
      );
      orgs.set(node.key, row);
      for (const child of node.children ?? []) await insertTree(child, row);
    };
    await insertTree(DEMO_TREE, null);

    // staff, with their memberships
    const staff = generateStaff(DEMO_TREE, orgs, random);
    for (let i = 0; i < staff.length; i += 500) {
      const chunk = staff.slice(i, i + 500);
      const inserted = await db
        .insert(people)
        .values(chunk.map(({ orgId, fromDate, ...p }) => ({ ...p, currentOrgId: orgId })))
        .returning({ id: people.id, staffCode: people.staffCode });
      const byCode = new Map(inserted.map((r) => [r.staffCode, r.id]));
      await db
        .insert(memberships)
        .values(
          chunk.map((p) => ({ personId: byCode.get(p.staffCode)!, orgId: p.orgId, fromDate: p.fromDate })),
        );
      for (const p of chunk) Object.assign(p, { id: byCode.get(p.staffCode)! });
    }
    const personIdsByOrg = new Map<string, string[]>();
    for (const p of staff as ((typeof staff)[number] & { id: string })[]) {
      personIdsByOrg.set(p.orgId, [...(personIdsByOrg.get(p.orgId) ?? []), p.id]);
    }
    const personAt = (orgKey: string, position: RegExp) =>
      (staff as ((typeof staff)[number] & { id: string })[]).find(
        (p) => p.orgId === orgs.get(orgKey)!.id && position.test(p.position ?? ''),
      )!;

    // one account per role, named as the README lists them
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const demoAccounts: {
      username: string;
      role: Role;
      orgKey: string;
      person?: { id: string; fullName: string };
      displayName?: string;
    }[] = [
      { username: 'admin', role: 'admin', orgKey: 'SYT', displayName: 'Quản trị hệ thống' },
      { username: 'tdkt', role: 'tdkt', orgKey: 'SYT', person: personAt('SYT-TCCB', /Chuyên viên/) },
      { username: 'giamdoc', role: 'director', orgKey: 'SYT', person: personAt('SYT', /^Giám đốc/) },
      {
        username: 'hoidong',
        role: 'council_member',
        orgKey: 'SYT',
        person: personAt('SYT-NVY', /Trưởng phòng/),
      },
      {
        username: 'truongkhoa',
        role: 'dept_head',
        orgKey: 'BVDK-DB-NOI',
        person: personAt('BVDK-DB-NOI', /^Trưởng khoa/),
      },
      {
        username: 'nhanvien',
        role: 'staff',
        orgKey: 'BVDK-DB-NOI',
        person: personAt('BVDK-DB-NOI', /^(Bác sĩ|Điều dưỡng)$/),
      },
    ];
    const accounts = new Map<string, { id: string; personId: string | null }>();
    for (const a of demoAccounts) {
      const [u] = await db
        .insert(users)
        .values({
          username: a.username,
          displayName: a.person?.fullName ?? a.displayName!,
          passwordHash,
          personId: a.person?.id ?? null,
        })
        .returning({ id: users.id });
      await db.insert(roleGrants).values({ userId: u!.id, role: a.role, orgId: orgs.get(a.orgKey)!.id });
      accounts.set(a.username, { id: u!.id, personId: a.person?.id ?? null });
    }

    // the TĐKT officer applies the 2025 events, so they are real history with audit rows
    const tdktId = accounts.get('tdkt')!.id;
    const actor: Actor = {
      userId: tdktId,
      username: 'tdkt',
      displayName: demoAccounts[1]!.person!.fullName,
      personId: demoAccounts[1]!.person!.id,
      mustChangePassword: false,
      grants: await loadGrants(db, tdktId),
      sessionId: 'seed',
      csrfToken: 'seed',
    };
    const ctx: Ctx = { actor, db, now: services.now, requestId: 'demo-seed', config: services.config };
    await writeAudit(
      db,
      { ...ctx, actor: null },
      {
        action: 'system.demo_seed',
        entityType: 'system',
        after: { organizations: orgs.size, staff: staff.length, accounts: [...accounts.keys()] },
      },
    );
    const r = DEMO_EVENTS_2025.rename;
    await applyOrgEvent(ctx, {
      type: 'rename',
      orgId: orgs.get(r.key)!.id,
      name: r.name,
      effectiveOn: r.effectiveOn,
      documentNumber: r.documentNumber,
      documentDate: r.documentDate,
      documentIssuer: r.documentIssuer,
    });
    const m = DEMO_EVENTS_2025.merge;
    await applyOrgEvent(ctx, {
      type: 'merge',
      sourceIds: [orgs.get(m.sourceKey)!.id],
      targetId: orgs.get(m.targetKey)!.id,
      effectiveOn: m.effectiveOn,
      documentNumber: m.documentNumber,
      documentDate: m.documentDate,
      documentIssuer: m.documentIssuer,
      note: m.note,
    });
    const demo: DemoContext = {
      orgs: new Map([...orgs].map(([k, o]) => [k, o])),
      accounts,
      personIdsByOrg,
      random,
    };
    for (const step of seedSteps) await step(ctx, demo);
    log.info({ organizations: orgs.size, staff: staff.length }, 'demo data seeded');
  });
  log.info(
    `demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s — accounts: admin, tdkt, giamdoc, hoidong, truongkhoa, nhanvien (password ${DEMO_PASSWORD})`,
  );
  return true;
}
