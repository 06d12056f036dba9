import { sql } from 'drizzle-orm';
import * as councils from '../../modules/councils/councils.service';
import * as decisions from '../../modules/decisions/decisions.service';
import * as fund from '../../modules/fund/fund.service';
import type { Actor } from '../../platform/auth/actor';
import { hashPassword } from '../../platform/auth/passwords';
import { loadGrants } from '../../platform/auth/sessions';
import type { Ctx } from '../../platform/context';
import { DEMO_PASSWORD, type SeedStep } from '../seed';

/**
 * Demo councils, ballots, a decision and the fund: accounts hoidong2..hoidong5 (council members of
 * the Sở), the Sở's Hội đồng Thi đua - Khen thưởng with 5 members (hoidong = Chủ tịch), a 2024 round
 * whose proposals went through a real secret ballot (through the services, so participation,
 * ballots, counts and audit rows are as in production), the issued decision 01/QĐ-SYT of
 * 20/01/2025 with its awards in the register, and the reward fund for 2025 and 2026.
 */
export const seedCouncils: SeedStep = async (ctx, demo) => {
  const db = ctx.db;
  const so = demo.orgs.get('SYT')!;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  // people of the Sở's offices to carry the new accounts
  const candidates = await db.execute<{ id: string; full_name: string; position: string | null }>(sql`
    select p.id, p.full_name, p.position from people p join organizations o on o.id = p.current_org_id
     where o.path like ${`${so.path}%`} and o.depth = ${so.depth + 1} and o.type = 'office'
       and p.id not in (select person_id from users where person_id is not null)
     order by p.staff_code limit 4`);
  const userIds: string[] = [demo.accounts.get('hoidong')!.id];
  for (const [i, p] of candidates.rows.entries()) {
    const username = `hoidong${i + 2}`;
    const res = await db.execute<{ id: string }>(sql`
      insert into users (username, display_name, password_hash, person_id)
      values (${username}, ${p.full_name}, ${passwordHash}, ${p.id}) returning id`);
    const id = res.rows[0]!.id;
    await db.execute(
      sql`insert into role_grants (user_id, role, org_id) values (${id}, 'council_member', ${so.id})`,
    );
    demo.accounts.set(username, { id, personId: p.id });
    userIds.push(id);
  }

  const actorFor = async (userId: string): Promise<Ctx> => {
    const u = await db.execute<{ username: string; display_name: string; person_id: string | null }>(
      sql`select username::text as username, display_name, person_id from users where id = ${userId}`,
    );
    const row = u.rows[0]!;
    const actor: Actor = {
      userId,
      username: row.username,
      displayName: row.display_name,
      personId: row.person_id,
      mustChangePassword: false,
      grants: await loadGrants(db, userId),
      sessionId: 'seed',
      csrfToken: 'seed',
    };
    return { ...ctx, actor };
  };

  // the council (created by the TĐKT officer)
  const { id: councilId } = await councils.createCouncil(ctx, {
    orgId: so.id,
    name: 'Hội đồng Thi đua - Khen thưởng Sở Y tế',
    establishedBy: 'Quyết định số 05/QĐ-SYT ngày 10/01/2024 của Giám đốc Sở Y tế',
  });
  const roles = ['chu_tich', 'pho_chu_tich', 'thuong_truc', 'uy_vien', 'uy_vien'] as const;
  for (const [i, userId] of userIds.entries()) {
    await councils.addMember(ctx, councilId, { userId, role: roles[i] ?? 'uy_vien' });
  }

  // a 2024 round of the Sở whose proposals reached the council
  const round = await db.execute<{ id: string }>(sql`
    insert into award_rounds (org_id, kind, year, title, deadline, status, created_by)
    values (${so.id}, 'annual', 2024, 'Khen thưởng tổng kết năm 2024', '2024-12-20', 'closed', ${ctx.actor?.userId ?? null})
    returning id`);
  const roundId = round.rows[0]!.id;
  const nominees: { personId?: string; orgId?: string; code: string; proposing: string }[] = [];
  const pick = (key: string, n: number) =>
    (demo.personIdsByOrg.get(demo.orgs.get(key)?.id ?? '') ?? []).slice(0, n);
  for (const id of pick('BVDK-DB-NOI', 3)) nominees.push({ personId: id, code: 'LDTT', proposing: 'BVDK' });
  for (const id of pick('BVDK-DB-HSCC', 2))
    nominees.push({ personId: id, code: 'CSTDCS', proposing: 'BVDK' });
  for (const id of pick('KSBT-DB-TN', 2)) nominees.push({ personId: id, code: 'LDTT', proposing: 'KSBT' });
  const khoa = demo.orgs.get('BVDK-DB-NOI');
  if (khoa) nominees.push({ orgId: khoa.id, code: 'TTLDTT', proposing: 'BVDK' });
  const proposalIds: string[] = [];
  for (const n of nominees) {
    const res = await db.execute<{ id: string }>(sql`
      insert into proposals (round_id, proposing_org_id, person_id, org_id, award_code, status, achievement_report, created_by)
      values (${roundId}, ${demo.orgs.get(n.proposing)!.id}, ${n.personId ?? null}, ${n.orgId ?? null}, ${n.code}, 'in_council',
              'Hoàn thành xuất sắc nhiệm vụ chuyên môn năm 2024; tích cực tham gia các phong trào thi đua của ngành.',
              ${ctx.actor?.userId ?? null})
      returning id`);
    proposalIds.push(res.rows[0]!.id);
  }

  // the session: every member present, a secret ballot per proposal (the chair opens and closes)
  const { id: sessionId } = await councils.createSession(ctx, councilId, {
    title: 'Xét khen thưởng tổng kết năm 2024',
    meetingDate: '2025-01-10',
    venue: 'Phòng họp tầng 2, Sở Y tế',
    startTime: '14:00',
    endTime: '16:30',
  });
  await councils.addItems(ctx, sessionId, { proposalIds });
  const memberCtx = await Promise.all(userIds.map(actorFor));
  const chair = memberCtx[0]!;
  const session = await councils.getSession(chair, sessionId);
  for (const [k, item] of session.items.entries()) {
    await councils.openBallot(chair, item.id);
    for (const [i, m] of memberCtx.entries()) {
      // one member disagrees on every third item; the last LĐTT nominee gets too few votes
      const disagree = (k % 3 === 2 && i === 4) || (k === 6 && i >= 2);
      await councils.castVote(m, item.id, disagree ? 'disagree' : 'agree');
    }
    await councils.closeBallot(chair, item.id);
  }

  // the director issues the decision for the approved proposals
  const director = await actorFor(demo.accounts.get('giamdoc')!.id);
  const draft = await decisions.createDecision(ctx, {
    orgId: so.id,
    roundId,
    achievementYear: 2024,
    decisionDate: '2025-01-20',
    signerName: director.actor!.displayName,
    signerTitle: 'GIÁM ĐỐC',
  });
  const d = await decisions.getDecision(ctx, draft.id);
  const issued = await decisions.issueDecision(director, draft.id, d.version);

  // the reward fund: allocations for 2025 and 2026, the payment of the 2025 decision
  await fund.addAllocation(ctx, {
    orgId: so.id,
    year: 2025,
    amount: 150_000_000,
    entryDate: '2025-01-05',
    description: 'Trích lập quỹ thi đua, khen thưởng năm 2025 (dự toán được giao)',
  });
  await fund.addAllocation(ctx, {
    orgId: so.id,
    year: 2026,
    amount: 180_000_000,
    entryDate: '2026-01-05',
    description: 'Trích lập quỹ thi đua, khen thưởng năm 2026 (dự toán được giao)',
  });
  await fund.payFromDecision(ctx, { decisionId: issued.id, entryDate: '2025-01-25' });
};
