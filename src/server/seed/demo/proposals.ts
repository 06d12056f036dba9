import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client';
import { orgAchievementReport, personAchievementReport } from '../../modules/proposals/achievement';
import { appraisalRecord } from '../../modules/proposals/proposals.use-cases';
import { findProposal, transitionProposal } from '../../modules/proposals/proposals.workflow';
import { writeAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/context';
import type { SeedStep } from '../seed';

/**
 * Demo rounds, registrations and proposals (issue 3 items 3 and 5):
 *  - the Sở's open annual round "Khen thưởng tổng kết năm 2025" (achievements of 2025, the year the
 *    demo history is complete for; deadline 31/12/2026, public comment 25/11–20/12/2026, covering
 *    the demo's today);
 *  - 2026 registrations (đăng ký thi đua) of most units in mixed states (approved, submitted,
 *    returned with a reason, draft; two units have not registered);
 *  - a few proposals in the 2025 round from the CDC and district centres, walked through the
 *    workflow (draft, submitted, returned with a reason, appraised with a recorded verdict, in
 *    council). None uses the staff of BVĐK khoa Nội (the accounts truongkhoa/nhanvien and the
 *    browser test use them).
 */
export const seedProposals: SeedStep = async (ctx, demo) => {
  const db = ctx.db;
  const so = demo.orgs.get('SYT')!;
  const system: Pick<Ctx, 'actor' | 'now' | 'requestId'> = {
    actor: null,
    now: ctx.now,
    requestId: ctx.requestId,
  };
  const tdktName = 'Cán bộ thi đua – khen thưởng Sở Y tế';

  const round = async (values: {
    kind: string;
    year: number;
    title: string;
    deadline: string;
    from?: string;
    until?: string;
    status: string;
  }) => {
    const res = await db.execute<{ id: string }>(sql`
      insert into award_rounds (org_id, kind, year, title, deadline, public_comment_from, public_comment_until, status, created_by)
      values (${so.id}, ${values.kind}, ${values.year}, ${values.title}, ${values.deadline}, ${values.from ?? null},
              ${values.until ?? null}, ${values.status}, ${demo.accounts.get('tdkt')?.id ?? null})
      returning id`);
    const id = res.rows[0]!.id;
    await writeAudit(db, ctx, {
      action: 'round.create',
      entityType: 'award_round',
      entityId: id,
      orgId: so.id,
      after: values,
    });
    return id;
  };
  const round2025 = await round({
    kind: 'annual',
    year: 2025,
    title: 'Khen thưởng tổng kết năm 2025',
    deadline: '2026-12-31',
    from: '2026-11-25',
    until: '2026-12-20',
    status: 'open',
  });

  // ---------------------------------------------------------------- registrations 2026
  const excluded = demo.orgs.get('BVDK-DB-NOI');
  const units = (
    await db.execute<{ id: string; name: string; path: string }>(sql`
      select id, name, path from organizations where parent_id = ${so.id} and status = 'active' order by code`)
  ).rows;
  const states = [
    'approved',
    'approved',
    'submitted',
    'returned',
    'approved',
    'draft',
    'submitted',
    'approved',
    null,
    'approved',
    'returned',
    null,
  ];
  for (const [i, unit] of units.entries()) {
    const state = states[i % states.length];
    if (!state) continue; // not registered yet
    const reg = await db.execute<{ id: string }>(sql`
      insert into registrations (org_id, year, status, return_reason, submitted_at, reviewed_at)
      values (${unit.id}, 2026, ${state}, ${state === 'returned' ? 'Đề nghị rà soát lại số cá nhân đăng ký Chiến sĩ thi đua cơ sở (không quá 15% số cá nhân đạt Lao động tiên tiến).' : null},
              ${state === 'draft' ? null : sql`'2026-01-20T02:00:00Z'::timestamptz`},
              ${state === 'approved' || state === 'returned' ? sql`'2026-02-05T03:00:00Z'::timestamptz` : null})
      returning id`);
    const regId = reg.rows[0]!.id;
    const depts = (
      await db.execute<{ id: string }>(sql`
        select id from organizations where parent_id = ${unit.id} and status = 'active' and type <> 'health_station'
         order by code limit 2`)
    ).rows;
    const staff = (
      await db.execute<{ id: string }>(sql`
        select p.id from people p join organizations o on o.id = p.current_org_id
         where o.path like ${`${unit.path}%`} and p.status = 'active' ${excluded ? sql`and o.id <> ${excluded.id}` : sql``}
         order by p.staff_code limit 12`)
    ).rows;
    const items = [
      { org: unit.id, code: i % 2 === 0 ? 'TTLDXS' : 'TTLDTT' },
      ...depts.map((d) => ({ org: d.id, code: 'TTLDTT' })),
      ...staff.map((p, k) => ({ person: p.id, code: k < 2 ? 'CSTDCS' : 'LDTT' })),
    ];
    await db.execute(sql`
      insert into registration_items (registration_id, person_id, org_id, award_code)
      select ${regId}, x.person_id, x.org_id, x.award_code
        from jsonb_to_recordset(${JSON.stringify(items.map((x) => ({ person_id: 'person' in x ? x.person : null, org_id: 'org' in x ? x.org : null, award_code: x.code })))}::jsonb)
          as x(person_id uuid, org_id uuid, award_code text)`);
    const events: [string, string | null, string, string | null, string, string][] = [
      ['create', null, 'draft', null, 'Trưởng khoa/phòng', '2026-01-15T02:00:00Z'],
    ];
    if (state !== 'draft')
      events.push(['submit', 'draft', 'submitted', null, 'Trưởng khoa/phòng', '2026-01-20T02:00:00Z']);
    if (state === 'approved')
      events.push(['approve', 'submitted', 'approved', null, tdktName, '2026-02-05T03:00:00Z']);
    if (state === 'returned')
      events.push([
        'return',
        'submitted',
        'returned',
        'Đề nghị rà soát lại số cá nhân đăng ký Chiến sĩ thi đua cơ sở.',
        tdktName,
        '2026-02-05T03:00:00Z',
      ]);
    for (const [action, from, to, reason, actor, at] of events) {
      await db.execute(sql`
        insert into registration_events (registration_id, action, from_status, to_status, reason, actor_name, at)
        values (${regId}, ${action}, ${from}, ${to}, ${reason}, ${actor}, ${at}::timestamptz)`);
    }
  }

  // ---------------------------------------------------------------- proposals in the 2026 round
  const peopleOf = async (key: string, n: number, offset = 0) => {
    const org = demo.orgs.get(key);
    if (!org) return [] as { id: string; org: string }[];
    const res = await db.execute<{ id: string }>(sql`
      select id from people where current_org_id = ${org.id} and status = 'active' order by staff_code limit ${n} offset ${offset}`);
    return res.rows.map((r) => ({ id: r.id, org: org.id }));
  };
  const plan: { key: string; offset: number; code: string; path: string[]; reason?: string }[] = [
    { key: 'KSBT-DB-TN', offset: 2, code: 'LDTT', path: [] },
    { key: 'KSBT-DB-TN', offset: 3, code: 'CSTDCS', path: ['submit'] },
    {
      key: 'TTYT-DBP-KKB',
      offset: 0,
      code: 'CSTDCS',
      path: ['submit', 'return'],
      reason: 'Bổ sung bản sao quyết định công nhận sáng kiến cấp cơ sở và biên bản bình xét của đơn vị.',
    },
    { key: 'TTYT-DBP-KKB', offset: 1, code: 'LDTT', path: ['submit', 'appraise'] },
    { key: 'TTYT-TG-NOI', offset: 0, code: 'LDTT', path: ['submit', 'appraise', 'send_to_council'] },
  ];
  for (const item of plan) {
    const [person] = await peopleOf(item.key, 1, item.offset);
    if (!person) continue;
    await proposalFor(db, system, {
      roundId: round2025,
      proposingOrgId: person.org,
      personId: person.id,
      code: item.code,
      path: item.path,
      reason: item.reason,
    });
  }
  const ttyt = demo.orgs.get('TTYT-DB');
  if (ttyt) {
    await proposalFor(db, system, {
      roundId: round2025,
      proposingOrgId: ttyt.id,
      orgId: ttyt.id,
      code: 'TTLDXS',
      path: ['submit'],
    });
  }
};

async function proposalFor(
  db: Queryable,
  ctx: Pick<Ctx, 'actor' | 'now' | 'requestId'>,
  input: {
    roundId: string;
    proposingOrgId: string;
    personId?: string;
    orgId?: string;
    code: string;
    path: string[];
    reason?: string;
  },
) {
  const report = input.personId
    ? await personAchievementReport(db, input.personId, input.code, 2025)
    : await orgAchievementReport(db, input.orgId!, input.code, 2025);
  const res = await db.execute<{ id: string }>(sql`
    insert into proposals (round_id, proposing_org_id, person_id, org_id, award_code, status, achievement_report)
    values (${input.roundId}, ${input.proposingOrgId}, ${input.personId ?? null}, ${input.orgId ?? null}, ${input.code}, 'draft', ${report})
    returning id`);
  const id = res.rows[0]!.id;
  await db.execute(sql`
    insert into proposal_events (proposal_id, action, from_status, to_status, actor_name, at)
    values (${id}, 'create', null, 'draft', 'Trưởng khoa/phòng', clock_timestamp())`);
  const audit = (entry: Parameters<typeof writeAudit>[2]) => writeAudit(db, ctx, entry);
  for (const action of input.path) {
    const row = (await findProposal(db, id, true))!;
    const patch = action === 'appraise' ? { eligibility: await appraisalRecord(db, row, 0, ctx.now()) } : {};
    await transitionProposal(
      db,
      ctx,
      row,
      action as never,
      { reason: action === 'return' ? input.reason : null, patch },
      audit,
    );
  }
}
