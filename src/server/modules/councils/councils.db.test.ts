import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProposal, createRound } from '../../../../test/councils-fixtures';
import {
  as,
  createOrgTree,
  createPerson,
  createTestApp,
  createUser,
  login,
  type OrgTree,
  type Session,
  type TestApp,
} from '../../../../test/helpers';
import { unzipText } from '../../documents/testing';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

interface Council {
  tree: OrgTree;
  tdkt: Session;
  members: { session: Session; userId: string; memberId: string }[];
  councilId: string;
  roundId: string;
  people: { id: string }[];
}

/** A Sở with a council of `size` members (the first is the chair), created through the API. */
async function setupCouncil(size = 5): Promise<Council> {
  const tree = await createOrgTree(t.database);
  const tdktUser = await createUser(t.database, [{ role: 'tdkt', org: tree.so }]);
  const tdkt = await login(t.app, tdktUser.username);
  const created = await as(t.app, tdkt).post('/api/councils', {
    orgId: tree.so.id,
    name: 'Hội đồng Thi đua - Khen thưởng Sở Y tế',
    establishedBy: 'Quyết định số 12/QĐ-SYT ngày 05/01/2025',
  });
  expect(created.statusCode, created.body).toBe(201);
  const councilId = created.json().id as string;
  const members: Council['members'] = [];
  for (let i = 0; i < size; i++) {
    const u = await createUser(t.database, [{ role: 'council_member', org: tree.so }]);
    const add = await as(t.app, tdkt).post(`/api/councils/${councilId}/members`, {
      userId: u.id,
      role: i === 0 ? 'chu_tich' : i === 1 ? 'pho_chu_tich' : i === 2 ? 'thuong_truc' : 'uy_vien',
    });
    expect(add.statusCode, add.body).toBe(201);
    members.push({ session: await login(t.app, u.username), userId: u.id, memberId: add.json().id });
  }
  const round = await createRound(t.database, tree.so);
  const people = [
    await createPerson(t.database, tree.khoaA, { fullName: 'Lò Thị Hằng' }),
    await createPerson(t.database, tree.khoaB, { fullName: 'Quàng Văn Dũng' }),
  ];
  return { tree, tdkt, members, councilId, roundId: round.id, people };
}

async function sessionWith(c: Council, awardCodes: string[]) {
  const s = await as(t.app, c.tdkt).post(`/api/councils/${c.councilId}/sessions`, {
    title: 'Xét khen thưởng tổng kết năm 2025',
    meetingDate: '2025-12-20',
    venue: 'Phòng họp tầng 2, Sở Y tế',
    startTime: '14:00',
    endTime: '16:30',
  });
  expect(s.statusCode, s.body).toBe(201);
  const sessionId = s.json().id as string;
  const proposalIds: string[] = [];
  for (const [i, code] of awardCodes.entries()) {
    const p = await createProposal(t.database, {
      roundId: c.roundId,
      proposingOrg: c.tree.unitA,
      personId: c.people[i % c.people.length]!.id,
      awardCode: code,
      status: 'in_council',
    });
    proposalIds.push(p.id);
  }
  const cand = await as(t.app, c.tdkt).get(`/api/councils/${c.councilId}/agenda-candidates`);
  expect(
    cand
      .json()
      .map((x: { proposalId: string }) => x.proposalId)
      .sort(),
  ).toEqual([...proposalIds].sort());
  const add = await as(t.app, c.tdkt).post(`/api/council-sessions/${sessionId}/items`, { proposalIds });
  expect(add.statusCode, add.body).toBe(200);
  const detail = (await as(t.app, c.tdkt).get(`/api/council-sessions/${sessionId}`)).json();
  return { sessionId, proposalIds, itemIds: detail.items.map((i: { id: string }) => i.id) as string[] };
}

const chairOf = (c: Council) => c.members[0]!.session;
const vote = (s: Session, itemId: string, choice: 'agree' | 'disagree') =>
  as(t.app, s).post(`/api/session-items/${itemId}/vote`, { choice });

describe('secret ballot', () => {
  it('runs a session: the chair opens, 5 members vote 4 đồng ý, counts appear only after close, the proposal is approved, minutes carry the counts', async () => {
    const c = await setupCouncil(5);
    const { sessionId, proposalIds, itemIds } = await sessionWith(c, ['CSTDCS']);
    const itemId = itemIds[0]!;

    // a member who is not the chair cannot open
    const notChair = await as(t.app, c.members[1]!.session).post(`/api/session-items/${itemId}/open`);
    expect(notChair.statusCode).toBe(403);
    expect(notChair.json().error.message).toContain('Chủ tịch Hội đồng');
    // voting before the ballot opens
    expect((await vote(c.members[1]!.session, itemId, 'agree')).statusCode).toBe(409);

    expect((await as(t.app, chairOf(c)).post(`/api/session-items/${itemId}/open`)).statusCode).toBe(204);
    const choices = ['agree', 'agree', 'disagree', 'agree', 'agree'] as const;
    for (const [i, m] of c.members.entries()) {
      const r = await vote(m.session, itemId, choices[i]!);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toEqual({ voted: true });
    }

    // while open: who voted is visible as a number, choices are not
    const open = await as(t.app, chairOf(c)).get(`/api/council-sessions/${sessionId}`);
    const openItem = open.json().items[0];
    expect(openItem.votedCount).toBe(5);
    expect(openItem.result).toBeNull();
    expect(open.body).not.toMatch(/"agree"|"disagree"/);

    const closed = await as(t.app, chairOf(c)).post(`/api/session-items/${itemId}/close`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ agree: 4, disagree: 1, status: 'passed', required: 3 });

    const after = (await as(t.app, c.members[3]!.session).get(`/api/council-sessions/${sessionId}`)).json();
    expect(after.items[0].result).toMatchObject({ agree: 4, disagree: 1, status: 'passed' });
    expect(after.items[0].ballotStatusName).toBe('Đã kết thúc');

    const p = await t.database.db.execute<{ status: string; council_result: { counts: unknown } }>(
      sql`select status, council_result from proposals where id = ${proposalIds[0]}`,
    );
    expect(p.rows[0]!.status).toBe('approved');
    expect(p.rows[0]!.council_result.counts).toEqual({ agree: 4, disagree: 1, members: 5 });

    // no second close, no vote after close
    expect((await as(t.app, chairOf(c)).post(`/api/session-items/${itemId}/close`)).statusCode).toBe(409);

    const minutes = await as(t.app, c.tdkt).get(`/api/council-sessions/${sessionId}/minutes`);
    expect(minutes.statusCode, minutes.body).toBe(200);
    expect(minutes.headers['content-type']).toContain('officedocument.wordprocessingml');
    const xml = [...(await unzipText(minutes.rawPayload)).values()].join('\n').replace(/<[^>]+>/g, '');
    expect(xml).toContain('BIÊN BẢN');
    expect(xml).toContain('Đồng ý: 4/5 thành viên (80%)');
    expect(xml).toContain('không đồng ý: 1/5 thành viên (20%)');
    expect(xml).toMatch(/01\/BB-HĐTĐKT/);
  });

  it('20 parallel votes by one member: exactly one succeeds, one participation and one ballot row', async () => {
    const c = await setupCouncil(3);
    const { itemIds } = await sessionWith(c, ['LDTT']);
    const itemId = itemIds[0]!;
    expect((await as(t.app, chairOf(c)).post(`/api/session-items/${itemId}/open`)).statusCode).toBe(204);
    const voter = c.members[2]!.session;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => vote(voter, itemId, i % 2 === 0 ? 'agree' : 'disagree')),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((s) => s === 200)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(19);
    expect(results.find((r) => r.statusCode === 409)!.json().error.message).toContain('đã bỏ phiếu');
    const counts = await t.database.db.execute<{ p: number; b: number }>(sql`
      select (select count(*)::int from ballot_participation where item_id = ${itemId}) as p,
             (select count(*)::int from ballots where item_id = ${itemId}) as b`);
    expect(counts.rows[0]).toEqual({ p: 1, b: 1 });
  });

  it('after close, nothing in the database pairs a voter with a choice', async () => {
    const c = await setupCouncil(5);
    const { itemIds } = await sessionWith(c, ['CSTDCS']);
    const itemId = itemIds[0]!;
    await as(t.app, chairOf(c)).post(`/api/session-items/${itemId}/open`);
    const choices = ['disagree', 'agree', 'agree', 'disagree', 'agree'] as const;
    for (const [i, m] of c.members.entries())
      expect((await vote(m.session, itemId, choices[i]!)).statusCode).toBe(200);
    expect((await as(t.app, chairOf(c)).post(`/api/session-items/${itemId}/close`)).statusCode).toBe(200);
    const db = t.database.db;

    // 1. the tables hold no voter column next to a choice, and no time or serial column
    const cols = await db.execute<{ table_name: string; column_name: string }>(sql`
      select table_name, column_name from information_schema.columns
       where table_name in ('ballots', 'ballot_participation') order by table_name, column_name`);
    expect(cols.rows.map((r) => `${r.table_name}.${r.column_name}`)).toEqual([
      'ballot_participation.item_id',
      'ballot_participation.member_user_id',
      'ballots.choice',
      'ballots.item_id',
      'ballots.sort_key',
    ]);

    // 2. every column, system columns included
    const ballots = await db.execute<{
      ctid: string;
      xmin: string;
      item_id: string;
      choice: string;
      sort_key: string;
    }>(sql`select ctid::text, xmin::text, item_id, choice, sort_key from ballots where item_id = ${itemId}`);
    const parts = await db.execute<{ ctid: string; xmin: string; item_id: string; member_user_id: string }>(
      sql`select ctid::text, xmin::text, item_id, member_user_id from ballot_participation where item_id = ${itemId}`,
    );
    expect(ballots.rows).toHaveLength(5);
    expect(parts.rows).toHaveLength(5);
    expect(ballots.rows.map((b) => b.choice).sort()).toEqual([
      'agree',
      'agree',
      'agree',
      'disagree',
      'disagree',
    ]);
    // every ballot and every participation row was re-written by the one closing transaction:
    // no per-vote transaction id survives that could pair a participation row with a ballot
    expect(new Set(ballots.rows.map((b) => b.xmin)).size).toBe(1);
    expect(new Set(parts.rows.map((p) => p.xmin)).size).toBe(1);
    const closeXmin = ballots.rows[0]!.xmin;
    expect(parts.rows[0]!.xmin).toBe(closeXmin);
    // the only shared value between the two tables is the item id
    const ballotValues = new Set(ballots.rows.flatMap((b) => [b.sort_key, b.choice]));
    for (const p of parts.rows) expect(ballotValues.has(p.member_user_id)).toBe(false);
    const voterIds = new Set(c.members.map((m) => m.userId));
    for (const b of ballots.rows) expect(voterIds.has(b.sort_key)).toBe(false);

    // 3. the audit trail names voters but never a choice; the ballot rows have no time to join on
    const audit = await db.execute<Record<string, unknown>>(
      sql`select * from audit_log where entity_type = 'session_item' and entity_id = ${itemId} order by seq`,
    );
    const votes = audit.rows.filter((r) => r.action === 'council.ballot.vote');
    expect(votes).toHaveLength(5);
    for (const row of votes) {
      const text = JSON.stringify(row);
      expect(text).not.toMatch(/agree|disagree|đồng ý/i);
      for (const b of ballots.rows) expect(text).not.toContain(b.sort_key);
    }
    // nothing in the whole audit trail mentions a ballot's key
    const anyKey = await db.execute<{ n: number }>(sql`
      select count(*)::int as n from audit_log a, ballots b
       where b.item_id = ${itemId} and (a.after::text like '%' || b.sort_key::text || '%' or a.before::text like '%' || b.sort_key::text || '%')`);
    expect(anyKey.rows[0]!.n).toBe(0);
  });

  it('quorum: the chair cannot open with fewer members present than the rule set requires', async () => {
    const c = await setupCouncil(5);
    const { sessionId, itemIds } = await sessionWith(c, ['CSTDCS']);
    const detail = (await as(t.app, c.tdkt).get(`/api/council-sessions/${sessionId}`)).json();
    expect(detail.quorumRequired).toBe(3);
    const put = await as(t.app, c.tdkt).put(`/api/council-sessions/${sessionId}/attendance`, {
      presentMemberIds: [c.members[0]!.memberId, c.members[1]!.memberId],
      version: detail.version,
    });
    expect(put.statusCode, put.body).toBe(204);
    const open = await as(t.app, chairOf(c)).post(`/api/session-items/${itemIds[0]}/open`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.message).toBe('Không đủ số thành viên tham dự: có mặt 2/5, cần ít nhất 3.');
    // an absent member may not vote once the ballot is open with a quorum
    const again = (await as(t.app, c.tdkt).get(`/api/council-sessions/${sessionId}`)).json();
    await as(t.app, c.tdkt).put(`/api/council-sessions/${sessionId}/attendance`, {
      presentMemberIds: c.members.slice(0, 4).map((m) => m.memberId),
      version: again.version,
    });
    expect((await as(t.app, chairOf(c)).post(`/api/session-items/${itemIds[0]}/open`)).statusCode).toBe(204);
    const absent = await vote(c.members[4]!.session, itemIds[0]!, 'agree');
    expect(absent.statusCode).toBe(403);
    expect(absent.json().error.message).toContain('danh sách thành viên có mặt');
    // attendance is frozen once a ballot is open
    const frozen = (await as(t.app, c.tdkt).get(`/api/council-sessions/${sessionId}`)).json();
    const late = await as(t.app, c.tdkt).put(`/api/council-sessions/${sessionId}/attendance`, {
      presentMemberIds: c.members.map((m) => m.memberId),
      version: frozen.version,
    });
    expect(late.statusCode).toBe(409);
  });

  it('threshold comes from the rule of the award: 4/5 passes CSTĐCS (quá bán) but not CSTĐ cấp tỉnh (≥ 90 % of all members)', async () => {
    const c = await setupCouncil(5);
    const { proposalIds, itemIds } = await sessionWith(c, ['CSTDCS', 'CSTD_TINH']);
    for (const itemId of itemIds) {
      await as(t.app, chairOf(c)).post(`/api/session-items/${itemId}/open`);
      for (const [i, m] of c.members.entries()) await vote(m.session, itemId, i === 4 ? 'disagree' : 'agree');
    }
    const a = (await as(t.app, chairOf(c)).post(`/api/session-items/${itemIds[0]}/close`)).json();
    const b = (await as(t.app, chairOf(c)).post(`/api/session-items/${itemIds[1]}/close`)).json();
    expect(a).toMatchObject({ agree: 4, status: 'passed', required: 3 });
    expect(b).toMatchObject({ agree: 4, status: 'failed', required: 5 });
    expect(b.summary).toBe('4/5 tổng số thành viên Hội đồng đồng ý (cần ít nhất 5): không đạt.');
    const rows = await t.database.db.execute<{ id: string; status: string; return_reason: string | null }>(
      sql`select id, status, return_reason from proposals where id in (${proposalIds[0]}, ${proposalIds[1]})`,
    );
    const byId = new Map(rows.rows.map((r) => [r.id, r.status]));
    expect(byId.get(proposalIds[0]!)).toBe('approved');
    expect(byId.get(proposalIds[1]!)).toBe('rejected');
  });

  it('a non-member cannot vote, and a council outside the caller’s subtree is a 404', async () => {
    const c = await setupCouncil(3);
    const { itemIds } = await sessionWith(c, ['LDTT']);
    await as(t.app, chairOf(c)).post(`/api/session-items/${itemIds[0]}/open`);
    const outsider = await createUser(t.database, [{ role: 'council_member', org: c.tree.so }]);
    const r = await vote(await login(t.app, outsider.username), itemIds[0]!, 'agree');
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toBe('Bạn không phải thành viên Hội đồng.');
    const other = await createOrgTree(t.database);
    const foreign = await createUser(t.database, [{ role: 'council_member', org: other.so }]);
    const fs = await login(t.app, foreign.username);
    expect((await vote(fs, itemIds[0]!, 'agree')).statusCode).toBe(404);
    expect((await as(t.app, fs).get(`/api/councils/${c.councilId}`)).statusCode).toBe(404);
  });
});
