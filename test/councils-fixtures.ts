/**
 * Fixtures for councils, ballots, decisions and the fund (direct SQL, so tests and the
 * authorization matrix can set up any state without walking the whole workflow).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../src/server/db/client';

type Org = { id: string };

async function one<T>(database: Database, q: ReturnType<typeof sql>): Promise<T> {
  const res = await database.db.execute<Record<string, unknown>>(q);
  return res.rows[0] as T;
}

export async function createCouncil(
  database: Database,
  org: Org,
  members: { userId: string; role: 'chu_tich' | 'pho_chu_tich' | 'thuong_truc' | 'uy_vien'; name?: string }[] = [],
) {
  const existing = await one<{ id: string } | undefined>(database, sql`select id from councils where org_id = ${org.id}`);
  const council =
    existing ??
    (await one<{ id: string }>(
      database,
      sql`insert into councils (org_id, name) values (${org.id}, 'Hội đồng Thi đua - Khen thưởng') returning id`,
    ));
  const memberIds: string[] = [];
  for (const [i, m] of members.entries()) {
    const row = await one<{ id: string }>(
      database,
      sql`insert into council_members (council_id, user_id, full_name, position, role)
          values (${council.id}, ${m.userId}, ${m.name ?? `Thành viên ${i + 1}`}, 'Chuyên viên', ${m.role}) returning id`,
    );
    memberIds.push(row.id);
  }
  return { councilId: council.id, memberIds };
}

export async function createRound(database: Database, org: Org, year = 2025) {
  return one<{ id: string }>(
    database,
    sql`insert into award_rounds (org_id, kind, year, title, deadline)
        values (${org.id}, 'annual', ${year}, ${`Khen thưởng tổng kết năm ${year}`}, ${`${year + 1}-01-15`}) returning id`,
  );
}

export async function createProposal(
  database: Database,
  input: { roundId: string; proposingOrg: Org; personId?: string; orgId?: string; awardCode: string; status: string; initiativeIds?: string[] },
) {
  return one<{ id: string }>(
    database,
    sql`insert into proposals (round_id, proposing_org_id, person_id, org_id, award_code, status, initiative_ids)
        values (${input.roundId}, ${input.proposingOrg.id}, ${input.personId ?? null}, ${input.orgId ?? null},
                ${input.awardCode}, ${input.status}, ${`{${(input.initiativeIds ?? []).join(',')}}`}::uuid[]) returning id`,
  );
}

export async function createSession(database: Database, councilId: string, presentMemberIds: string[], membersTotal: number, meetingDate = '2025-12-20') {
  return one<{ id: string }>(
    database,
    sql`insert into council_sessions (council_id, title, meeting_date, present_member_ids, members_total)
        values (${councilId}, 'Xét khen thưởng tổng kết năm 2025', ${meetingDate}, ${`{${presentMemberIds.join(',')}}`}::uuid[], ${membersTotal})
        returning id`,
  );
}

export async function createItem(database: Database, sessionId: string, proposalId: string, ballotStatus = 'draft') {
  return one<{ id: string }>(
    database,
    sql`insert into session_items (session_id, proposal_id, position, ballot_status)
        values (${sessionId}, ${proposalId}, 1, ${ballotStatus}) returning id`,
  );
}

/** A draft decision of `org` with one individual awardee (LĐTT, 710,000 đ). */
export async function createDraftDecision(database: Database, org: Org, personId: string, decisionDate = '2025-03-01') {
  const d = await one<{ id: string }>(
    database,
    sql`insert into decisions (org_id, achievement_year, decision_date, subject, achievement_text, legal_bases, recipients, place,
                               authority_title, signer_name, signer_title, total_amount)
        values (${org.id}, 2024, ${decisionDate}, 'Về việc tặng danh hiệu “Lao động tiên tiến” năm 2024',
                'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2024',
                '["Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;"]'::jsonb,
                '["Như Điều 3", "Lưu: VT, TĐKT"]'::jsonb, 'Điện Biên', 'GIÁM ĐỐC SỞ Y TẾ', 'Lò Văn Thẳng', 'GIÁM ĐỐC', 710000)
        returning id`,
  );
  const a = await one<{ id: string }>(
    database,
    sql`insert into decision_awardees (decision_id, position, person_id, subject, award_code, name, coefficient, base_salary, amount)
        values (${d.id}, 1, ${personId}, 'individual', 'LDTT', 'Nguyễn Thị Thử', '0.3', 2340000, 710000) returning id`,
  );
  return { id: d.id, awardeeId: a.id };
}
