/**
 * Councils (Hội đồng Thi đua - Khen thưởng), sessions, agendas and secret ballots.
 *
 * Secret ballot — anonymity by construction (see schema/councils.ts):
 *  - a vote inserts a `ballot_participation(item_id, member_user_id)` row (the primary key makes a
 *    second vote impossible, even with parallel requests) and a `ballots(item_id, choice, sort_key)`
 *    row with no voter, no time and a random key, in ONE transaction;
 *  - the audit row of a vote names the voter and the item, never the choice; nothing is logged;
 *  - counts are computed and returned only when the chair closes the item; the closing transaction
 *    deletes and re-inserts both the ballots and the participation rows in random order, so neither
 *    the physical order nor the system columns (ctid, xmin) pair a voter with a choice afterwards.
 */
import { sql } from 'drizzle-orm';
import { type BallotChoice, COUNCIL_ROLE_NAMES, type CouncilRole } from '../../../contracts/councils';
import {
  AWARD_NAMES,
  type AwardCode,
  applyTransition,
  BALLOT_WORKFLOW,
  type BallotState,
  ballotOutcome,
  DEFAULT_QUORUM,
  minimumCount,
  type QuorumRule,
  type VoteRule,
} from '../../../domain/commendation';
import type { Db, Queryable } from '../../db/client';
import { buildMinutes } from '../../documents/docx/minutes';
import { renderOfficialDocx } from '../../documents/docx/official';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, isInScope, permissionsOfActor } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { ruleSetOn } from '../decisions/rules-on';
import { reserveDocumentNumber } from '../numbering/numbering.service';
import { loadOrgInScope } from '../organizations/organizations.service';
import { recordCouncilResult } from '../proposals/proposals.service';

type Row = Record<string, unknown>;
const awardName = (code: string) => AWARD_NAMES[code as AwardCode] ?? code;

/** Default threshold when a rule defines none: more than half of the members present. */
const DEFAULT_VOTE: Pick<VoteRule, 'ratio' | 'strict' | 'denominator'> = {
  ratio: { num: 1, den: 2 },
  strict: true,
  denominator: 'present_members',
};

// ------------------------------------------------------------------ loading in scope

interface CouncilRow extends Record<string, unknown> {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  org_short: string;
  name: string;
  established_by: string | null;
  version: number;
}

async function loadCouncil(db: Queryable, ctx: Ctx, id: string, permission: string): Promise<CouncilRow> {
  const res = await db.execute<CouncilRow>(sql`
    select c.id, c.org_id, o.path as org_path, o.name as org_name, o.short_name as org_short, c.name,
           c.established_by, c.version
      from councils c join organizations o on o.id = c.org_id where c.id = ${id}`);
  const c = res.rows[0];
  if (!c || !isInScope(scopeOf(ctx, permission), c.org_path)) throw notFound();
  return c;
}

interface SessionRow extends Record<string, unknown> {
  id: string;
  council_id: string;
  title: string;
  meeting_date: string;
  venue: string | null;
  start_time: string;
  end_time: string;
  present_member_ids: string[];
  members_total: number;
  minutes_number: string | null;
  version: number;
}

async function loadSession(db: Queryable, ctx: Ctx, id: string, permission: string) {
  const res = await db.execute<SessionRow>(sql`
    select id, council_id, title, meeting_date::text as meeting_date, venue, start_time, end_time,
           present_member_ids, members_total, minutes_number, version
      from council_sessions where id = ${id}`);
  const s = res.rows[0];
  if (!s) throw notFound();
  const council = await loadCouncil(db, ctx, s.council_id, permission);
  return { session: { ...s, present_member_ids: pgUuidArray(s.present_member_ids) }, council };
}

/** `pg` returns uuid[] as a string "{a,b}" on some paths; normalise to string[]. */
function pgUuidArray(v: unknown): string[] {
  if (Array.isArray(v)) return v as string[];
  if (typeof v === 'string') {
    const inner = v.replace(/^\{|\}$/g, '');
    return inner ? inner.split(',') : [];
  }
  return [];
}

interface MemberRow extends Record<string, unknown> {
  id: string;
  user_id: string;
  full_name: string;
  position: string | null;
  role: CouncilRole;
}

async function activeMembers(db: Queryable, councilId: string): Promise<MemberRow[]> {
  const res = await db.execute<MemberRow>(sql`
    select id, user_id, full_name, position, role from council_members
     where council_id = ${councilId} and removed_at is null
     order by case role when 'chu_tich' then 0 when 'pho_chu_tich' then 1 when 'thuong_truc' then 2 else 3 end,
              vi_sort_key(full_name) collate "C"`);
  return res.rows;
}

const presentMember = (m: MemberRow) => ({
  id: m.id,
  userId: m.user_id,
  fullName: m.full_name,
  position: m.position,
  role: m.role,
  roleName: COUNCIL_ROLE_NAMES[m.role],
});

async function quorumRuleOn(db: Queryable, date: string): Promise<QuorumRule> {
  const rs = await ruleSetOn(db, date);
  return rs.policies.councilQuorum.value ?? DEFAULT_QUORUM;
}

// ------------------------------------------------------------------ councils

export async function listCouncils(ctx: Ctx) {
  const res = await ctx.db.execute<Row>(sql`
    select c.id, c.org_id, o.name as org_name, c.name, c.established_by,
           (select count(*)::int from council_members m where m.council_id = c.id and m.removed_at is null) as member_count,
           (select count(*)::int from council_sessions s where s.council_id = c.id) as session_count
      from councils c join organizations o on o.id = c.org_id
     where ${pathInSubtrees(sql`o.path`, scopeOf(ctx, 'council.read'))}
     order by o.depth, vi_sort_key(o.name) collate "C"`);
  return res.rows.map((r) => ({
    id: String(r.id),
    orgId: String(r.org_id),
    orgName: String(r.org_name),
    name: String(r.name),
    establishedBy: (r.established_by as string | null) ?? null,
    memberCount: Number(r.member_count),
    sessionCount: Number(r.session_count),
  }));
}

export async function getCouncil(ctx: Ctx, id: string) {
  const c = await loadCouncil(ctx.db, ctx, id, 'council.read');
  const members = await activeMembers(ctx.db, id);
  const sessions = await ctx.db.execute<Row>(sql`
    select s.id, s.title, s.meeting_date::text as meeting_date, s.venue,
           (select count(*)::int from session_items i where i.session_id = s.id) as item_count,
           (select count(*)::int from session_items i where i.session_id = s.id and i.ballot_status = 'closed') as closed_count
      from council_sessions s where s.council_id = ${id} order by s.meeting_date desc, s.created_at desc`);
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    name: c.name,
    establishedBy: c.established_by,
    memberCount: members.length,
    sessionCount: sessions.rows.length,
    members: members.map(presentMember),
    sessions: sessions.rows.map((s) => ({
      id: String(s.id),
      title: String(s.title),
      meetingDate: String(s.meeting_date),
      venue: (s.venue as string | null) ?? null,
      itemCount: Number(s.item_count),
      closedCount: Number(s.closed_count),
    })),
    abilities: { manage: canOn(ctx.actor, 'council.manage', c.org_path) },
  };
}

export async function createCouncil(
  ctx: Ctx,
  input: { orgId: string; name: string; establishedBy?: string | null },
) {
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'council.manage');
    const existing = await tx.execute(sql`select 1 from councils where org_id = ${org.id}`);
    if (existing.rows.length > 0) {
      throw new AppError('DUPLICATE', null, `${org.name} đã có Hội đồng Thi đua - Khen thưởng.`);
    }
    const res = await tx.execute<{ id: string }>(sql`
      insert into councils (org_id, name, established_by, created_by)
      values (${org.id}, ${input.name}, ${input.establishedBy ?? null}, ${ctx.actor?.userId ?? null})
      on conflict do nothing returning id`);
    const id = res.rows[0]?.id;
    if (!id) throw new AppError('DUPLICATE', null, `${org.name} đã có Hội đồng Thi đua - Khen thưởng.`);
    await writeAudit(tx, ctx, {
      action: 'council.create',
      entityType: 'council',
      entityId: id,
      orgId: org.id,
      after: { name: input.name, establishedBy: input.establishedBy ?? null },
    });
    return { id };
  });
}

/** Users with a role somewhere in the council's organisation subtree (to pick members from). */
export async function memberCandidates(ctx: Ctx, councilId: string) {
  const c = await loadCouncil(ctx.db, ctx, councilId, 'council.manage');
  const res = await ctx.db.execute<Row>(sql`
    select distinct u.id, u.display_name, u.username::text as username
      from users u join role_grants g on g.user_id = u.id join organizations o on o.id = g.org_id
     where o.path like ${`${c.org_path}%`} and u.disabled_at is null
       and u.id not in (select user_id from council_members where council_id = ${c.id} and removed_at is null)
     order by u.display_name limit 500`);
  return res.rows.map((r) => ({
    userId: String(r.id),
    displayName: String(r.display_name),
    username: String(r.username),
  }));
}

export async function addMember(
  ctx: Ctx,
  councilId: string,
  input: { userId: string; role: CouncilRole; position?: string | null },
) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadCouncil(tx, ctx, councilId, 'council.manage');
    await tx.execute(sql`select id from councils where id = ${c.id} for update`);
    const user = await tx.execute<{
      id: string;
      display_name: string;
      person_id: string | null;
      full_name: string | null;
      position: string | null;
    }>(sql`
      select u.id, u.display_name, u.person_id, p.full_name, p.position
        from users u left join people p on p.id = u.person_id
       where u.id = ${input.userId} and u.disabled_at is null
         and exists (select 1 from role_grants g join organizations o on o.id = g.org_id
                      where g.user_id = u.id and o.path like ${`${c.org_path}%`})`);
    const u = user.rows[0];
    if (!u) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'userId', message: 'Tài khoản không thuộc đơn vị của Hội đồng hoặc đã bị khóa.' },
      ]);
    }
    const members = await activeMembers(tx, c.id);
    if (members.some((m) => m.user_id === u.id)) {
      throw new AppError('DUPLICATE', null, 'Người này đã là thành viên Hội đồng.');
    }
    if (input.role === 'chu_tich' && members.some((m) => m.role === 'chu_tich')) {
      throw new AppError('DUPLICATE', null, 'Hội đồng đã có Chủ tịch. Hãy bỏ Chủ tịch hiện tại trước.');
    }
    const fullName = u.full_name ?? u.display_name;
    const position = input.position ?? u.position ?? null;
    const res = await tx.execute<{ id: string }>(sql`
      insert into council_members (council_id, user_id, person_id, full_name, position, role)
      values (${c.id}, ${u.id}, ${u.person_id}, ${fullName}, ${position}, ${input.role}) returning id`);
    const id = res.rows[0]!.id;
    await writeAudit(tx, ctx, {
      action: 'council.member.add',
      entityType: 'council',
      entityId: c.id,
      orgId: c.org_id,
      after: { memberId: id, userId: u.id, fullName, role: input.role },
    });
    return { id };
  });
}

export async function removeMember(ctx: Ctx, councilId: string, memberId: string) {
  await ctx.db.transaction(async (tx) => {
    const c = await loadCouncil(tx, ctx, councilId, 'council.manage');
    const res = await tx.execute<{ id: string; full_name: string; role: string }>(sql`
      update council_members set removed_at = now()
       where id = ${memberId} and council_id = ${c.id} and removed_at is null
       returning id, full_name, role`);
    const m = res.rows[0];
    if (!m) throw notFound();
    await writeAudit(tx, ctx, {
      action: 'council.member.remove',
      entityType: 'council',
      entityId: c.id,
      orgId: c.org_id,
      before: { memberId: m.id, fullName: m.full_name, role: m.role },
    });
  });
}

// ------------------------------------------------------------------ sessions and agenda

export async function createSession(
  ctx: Ctx,
  councilId: string,
  input: { title: string; meetingDate: string; venue?: string | null; startTime?: string; endTime?: string },
) {
  return ctx.db.transaction(async (tx) => {
    const c = await loadCouncil(tx, ctx, councilId, 'council.manage');
    const members = await activeMembers(tx, c.id);
    if (members.length === 0) {
      throw new AppError('INVALID_STATE', null, 'Hội đồng chưa có thành viên nào.');
    }
    const ids = members.map((m) => m.id);
    const res = await tx.execute<{ id: string }>(sql`
      insert into council_sessions (council_id, title, meeting_date, venue, start_time, end_time,
                                    present_member_ids, members_total, created_by)
      values (${c.id}, ${input.title}, ${input.meetingDate}, ${input.venue ?? null},
              ${input.startTime ?? '08:00'}, ${input.endTime ?? '11:00'},
              ${`{${ids.join(',')}}`}::uuid[], ${members.length}, ${ctx.actor?.userId ?? null})
      returning id`);
    const id = res.rows[0]!.id;
    await writeAudit(tx, ctx, {
      action: 'council.session.create',
      entityType: 'council_session',
      entityId: id,
      orgId: c.org_id,
      after: { ...input, membersTotal: members.length },
    });
    return { id };
  });
}

export async function setAttendance(
  ctx: Ctx,
  sessionId: string,
  input: { presentMemberIds: string[]; version: number },
) {
  await ctx.db.transaction(async (tx) => {
    const { session, council } = await loadSession(tx, ctx, sessionId, 'council.manage');
    const opened = await tx.execute(
      sql`select 1 from session_items where session_id = ${session.id} and ballot_status <> 'draft' limit 1`,
    );
    if (opened.rows.length > 0) {
      throw new AppError('INVALID_STATE', null, 'Đã mở bỏ phiếu: không thể sửa danh sách có mặt.');
    }
    const members = await activeMembers(tx, council.id);
    const known = new Set(members.map((m) => m.id));
    const present = [...new Set(input.presentMemberIds)];
    const unknown = present.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'presentMemberIds', message: 'Có người không phải thành viên Hội đồng.' },
      ]);
    }
    const res = await tx.execute(sql`
      update council_sessions set present_member_ids = ${`{${present.join(',')}}`}::uuid[], version = version + 1
       where id = ${session.id} and version = ${input.version} returning id`);
    if (res.rows.length === 0) throw new AppError('CONFLICT');
    await writeAudit(tx, ctx, {
      action: 'council.session.attendance',
      entityType: 'council_session',
      entityId: session.id,
      orgId: council.org_id,
      before: { present: session.present_member_ids.length },
      after: { presentMemberIds: present },
    });
  });
}

/** Proposals of the council organisation's rounds that await the council (state in_council). */
export async function agendaCandidates(ctx: Ctx, councilId: string) {
  const c = await loadCouncil(ctx.db, ctx, councilId, 'council.read');
  const res = await ctx.db.execute<Row>(sql`
    select p.id, p.award_code, coalesce(pe.full_name, og.name) as nominee_name, r.title as round_title
      from proposals p join award_rounds r on r.id = p.round_id
      left join people pe on pe.id = p.person_id
      left join organizations og on og.id = p.org_id
     where r.org_id = ${c.org_id} and p.status = 'in_council'
       and not exists (select 1 from session_items i where i.proposal_id = p.id and i.ballot_status <> 'closed')
     order by r.year desc, p.award_code, vi_sort_key(coalesce(pe.full_name, og.name, '')) collate "C"`);
  return res.rows.map((r) => ({
    proposalId: String(r.id),
    nomineeName: String(r.nominee_name ?? ''),
    awardCode: String(r.award_code),
    awardName: awardName(String(r.award_code)),
    roundTitle: String(r.round_title),
  }));
}

export async function addItems(ctx: Ctx, sessionId: string, input: { proposalIds: string[] }) {
  return ctx.db.transaction(async (tx) => {
    const { session, council } = await loadSession(tx, ctx, sessionId, 'council.manage');
    await tx.execute(sql`select id from council_sessions where id = ${session.id} for update`);
    const ids = [...new Set(input.proposalIds)];
    const found = await tx.execute<{ id: string }>(sql`
      select p.id from proposals p join award_rounds r on r.id = p.round_id
       where p.id in (${sql.join(
         ids.map((i) => sql`${i}`),
         sql`, `,
       )}) and r.org_id = ${council.org_id} and p.status = 'in_council'`);
    if (found.rows.length !== ids.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        [
          {
            field: 'proposalIds',
            message: 'Chỉ đưa vào chương trình các đề nghị đang chờ Hội đồng xét của đơn vị.',
          },
        ],
        'Có đề nghị không ở trạng thái "Đang xét tại Hội đồng" hoặc không thuộc đợt khen thưởng của đơn vị.',
      );
    }
    const pending = await tx.execute<{ proposal_id: string }>(sql`
      select proposal_id from session_items where proposal_id in (${sql.join(
        ids.map((i) => sql`${i}`),
        sql`, `,
      )}) and ballot_status <> 'closed'`);
    if (pending.rows.length > 0) {
      throw new AppError('DUPLICATE', null, 'Đề nghị đã có trong chương trình một phiên họp.');
    }
    const max = await tx.execute<{ m: number }>(
      sql`select coalesce(max(position), 0)::int as m from session_items where session_id = ${session.id}`,
    );
    let pos = Number(max.rows[0]!.m);
    for (const id of ids) {
      pos += 1;
      await tx.execute(
        sql`insert into session_items (session_id, proposal_id, position) values (${session.id}, ${id}, ${pos})`,
      );
    }
    await writeAudit(tx, ctx, {
      action: 'council.session.items',
      entityType: 'council_session',
      entityId: session.id,
      orgId: council.org_id,
      after: { proposalIds: ids },
    });
    return { added: ids.length };
  });
}

export async function getSession(ctx: Ctx, id: string) {
  const { session, council } = await loadSession(ctx.db, ctx, id, 'council.read');
  const members = await activeMembers(ctx.db, council.id);
  const present = new Set(session.present_member_ids);
  const quorum = await quorumRuleOn(ctx.db, session.meeting_date);
  const quorumRequired = minimumCount(quorum.ratio, session.members_total, quorum.strict);
  const me = members.find((m) => m.user_id === ctx.actor?.userId);
  const isChair =
    !!me && me.role === 'chu_tich' && canOn(ctx.actor, 'council.manageBallot', council.org_path);
  const canVote = !!me && present.has(me.id) && canOn(ctx.actor, 'council.vote', council.org_path);
  const items = await ctx.db.execute<Row>(sql`
    select i.id, i.position, i.proposal_id, i.ballot_status, i.agree, i.disagree, i.outcome,
           p.award_code, coalesce(pe.full_name, og.name) as nominee_name, u.name as unit_name,
           (select count(*)::int from ballot_participation bp where bp.item_id = i.id) as voted_count,
           exists (select 1 from ballot_participation bp where bp.item_id = i.id and bp.member_user_id = ${ctx.actor?.userId ?? null}) as i_voted
      from session_items i join proposals p on p.id = i.proposal_id
      left join people pe on pe.id = p.person_id
      left join organizations og on og.id = p.org_id
      left join organizations u on u.id = coalesce(pe.current_org_id, p.proposing_org_id)
     where i.session_id = ${session.id} order by i.position`);
  return {
    id: session.id,
    councilId: council.id,
    councilName: council.name,
    orgName: council.org_name,
    title: session.title,
    meetingDate: session.meeting_date,
    venue: session.venue,
    startTime: session.start_time,
    endTime: session.end_time,
    membersTotal: session.members_total,
    quorumRequired,
    quorumMet: present.size >= quorumRequired,
    members: members.map((m) => ({ ...presentMember(m), present: present.has(m.id) })),
    items: items.rows.map((r) => {
      const status = String(r.ballot_status) as BallotState;
      const outcome = r.outcome as {
        status: 'passed' | 'failed' | 'no_quorum';
        required: number;
        summary: string;
      } | null;
      return {
        id: String(r.id),
        position: Number(r.position),
        proposalId: String(r.proposal_id),
        nomineeName: String(r.nominee_name ?? ''),
        unitName: (r.unit_name as string | null) ?? null,
        awardCode: String(r.award_code),
        awardName: awardName(String(r.award_code)),
        ballotStatus: status,
        ballotStatusName: BALLOT_WORKFLOW.stateNames[status],
        votedCount: Number(r.voted_count),
        iVoted: r.i_voted === true,
        // counts exist only after close, and are returned only then
        result:
          status === 'closed' && outcome
            ? {
                agree: Number(r.agree),
                disagree: Number(r.disagree),
                status: outcome.status,
                required: outcome.required,
                summary: outcome.summary,
              }
            : null,
        abilities: {
          open: isChair && status === 'draft',
          close: isChair && status === 'open',
          vote: canVote && status === 'open' && r.i_voted !== true,
        },
      };
    }),
    minutesNumber: session.minutes_number,
    version: session.version,
    abilities: {
      manage: canOn(ctx.actor, 'council.manage', council.org_path),
      chair: isChair,
      member: !!me,
      minutes: items.rows.length > 0 && items.rows.every((r) => r.ballot_status === 'closed'),
    },
  };
}

// ------------------------------------------------------------------ secret ballot

interface ItemRow extends Record<string, unknown> {
  id: string;
  session_id: string;
  proposal_id: string;
  ballot_status: string;
}

async function loadItem(
  db: Queryable,
  ctx: Ctx,
  itemId: string,
  permission: string,
  lock: 'update' | 'share',
) {
  const res = await db.execute<ItemRow>(
    lock === 'update'
      ? sql`select id, session_id, proposal_id, ballot_status from session_items where id = ${itemId} for update`
      : sql`select id, session_id, proposal_id, ballot_status from session_items where id = ${itemId} for share`,
  );
  const item = res.rows[0];
  if (!item) throw notFound();
  const { session, council } = await loadSession(db, ctx, item.session_id, permission);
  return { item, session, council };
}

async function requireChair(db: Queryable, ctx: Ctx, councilId: string) {
  const res = await db.execute(sql`
    select 1 from council_members where council_id = ${councilId} and user_id = ${ctx.actor?.userId ?? null}
       and role = 'chu_tich' and removed_at is null`);
  if (res.rows.length === 0) {
    throw new AppError('FORBIDDEN', null, 'Chỉ Chủ tịch Hội đồng được mở và kết thúc bỏ phiếu.');
  }
}

function transitionOrThrow(ctx: Ctx, from: string, action: 'open' | 'close') {
  const t = applyTransition(BALLOT_WORKFLOW, from, action, ctx.actor ? permissionsOfActor(ctx.actor) : []);
  if (!t.ok) {
    if (t.error === 'permission_denied') throw new AppError('FORBIDDEN');
    throw new AppError(
      'INVALID_STATE',
      null,
      action === 'open'
        ? 'Phiếu của nội dung này đã được mở trước đó.'
        : 'Phiếu của nội dung này chưa mở hoặc đã kết thúc.',
    );
  }
  return t.to;
}

export async function openBallot(ctx: Ctx, itemId: string) {
  await ctx.db.transaction(async (tx) => {
    const { item, session, council } = await loadItem(tx, ctx, itemId, 'council.manageBallot', 'update');
    await requireChair(tx, ctx, council.id);
    const to = transitionOrThrow(ctx, item.ballot_status, 'open');
    const quorum = await quorumRuleOn(tx, session.meeting_date);
    const required = minimumCount(quorum.ratio, session.members_total, quorum.strict);
    const present = session.present_member_ids.length;
    if (present < required) {
      throw new AppError(
        'INVALID_STATE',
        { present, required, membersTotal: session.members_total },
        `Không đủ số thành viên tham dự: có mặt ${present}/${session.members_total}, cần ít nhất ${required}.`,
      );
    }
    await tx.execute(
      sql`update session_items set ballot_status = ${to}, version = version + 1 where id = ${item.id}`,
    );
    await writeAudit(tx, ctx, {
      action: 'council.ballot.open',
      entityType: 'session_item',
      entityId: item.id,
      orgId: council.org_id,
      after: { proposalId: item.proposal_id, present, membersTotal: session.members_total },
    });
  });
}

/**
 * Casts the caller's secret vote. The participation row (who) and the ballot row (what) are
 * written in one transaction; the audit row names the voter and the item, never the choice.
 */
export async function castVote(ctx: Ctx, itemId: string, choice: BallotChoice) {
  await ctx.db.transaction(async (tx) => {
    const { item, session, council } = await loadItem(tx, ctx, itemId, 'council.vote', 'share');
    const me = (await activeMembers(tx, council.id)).find((m) => m.user_id === ctx.actor?.userId);
    if (!me) throw new AppError('FORBIDDEN', null, 'Bạn không phải thành viên Hội đồng.');
    if (!session.present_member_ids.includes(me.id)) {
      throw new AppError(
        'FORBIDDEN',
        null,
        'Bạn không có tên trong danh sách thành viên có mặt tại phiên họp.',
      );
    }
    if (item.ballot_status !== 'open') {
      throw new AppError('INVALID_STATE', null, 'Phiếu của nội dung này chưa mở hoặc đã kết thúc.');
    }
    const part = await tx.execute(sql`
      insert into ballot_participation (item_id, member_user_id) values (${item.id}, ${me.user_id})
      on conflict do nothing returning item_id`);
    if (part.rows.length === 0) {
      throw new AppError(
        'DUPLICATE',
        null,
        'Bạn đã bỏ phiếu cho nội dung này. Mỗi thành viên chỉ bỏ phiếu một lần.',
      );
    }
    await tx.execute(sql`insert into ballots (item_id, choice) values (${item.id}, ${choice})`);
    await writeAudit(tx, ctx, {
      action: 'council.ballot.vote',
      entityType: 'session_item',
      entityId: item.id,
      orgId: council.org_id,
      // never the choice
      after: { voted: true },
    });
  });
  return { voted: true as const };
}

/**
 * Closes the ballot: counts, re-writes ballots and participation in random order, applies the
 * threshold of the award's rule and the quorum of the rule set, records the council's result on
 * the proposal (H2's recordCouncilResult), all in one transaction.
 */
export async function closeBallot(ctx: Ctx, itemId: string) {
  return ctx.db.transaction(async (tx) => {
    const { item, session, council } = await loadItem(tx, ctx, itemId, 'council.manageBallot', 'update');
    await requireChair(tx, ctx, council.id);
    const to = transitionOrThrow(ctx, item.ballot_status, 'close');
    const counts = await tx.execute<{ choice: string; n: number }>(
      sql`select choice, count(*)::int as n from ballots where item_id = ${item.id} group by choice`,
    );
    const agree = Number(counts.rows.find((r) => r.choice === 'agree')?.n ?? 0);
    const disagree = Number(counts.rows.find((r) => r.choice === 'disagree')?.n ?? 0);
    // Re-write both tables in random order, in this transaction: new physical positions and one
    // shared xmin for every row, so neither order nor system columns pair a voter with a choice.
    await tx.execute(sql`
      with old as (delete from ballots where item_id = ${item.id} returning choice)
      insert into ballots (item_id, choice, sort_key)
      select ${item.id}, choice, gen_random_uuid() from old order by random()`);
    await tx.execute(sql`
      with old as (delete from ballot_participation where item_id = ${item.id} returning member_user_id)
      insert into ballot_participation (item_id, member_user_id)
      select ${item.id}, member_user_id from old order by random()`);

    const prop = await tx.execute<{ award_code: string; person_id: string | null }>(
      sql`select award_code, person_id from proposals where id = ${item.proposal_id}`,
    );
    const p = prop.rows[0];
    if (!p) throw notFound();
    const rs = await ruleSetOn(tx, session.meeting_date);
    const subject = p.person_id ? 'individual' : 'collective';
    const rule = rs.rules.find((r) => r.code === p.award_code)?.subjects[subject];
    const vote = rule?.vote.value ?? DEFAULT_VOTE;
    const quorum = rs.policies.councilQuorum.value ?? DEFAULT_QUORUM;
    const present = session.present_member_ids.length;
    const outcome = ballotOutcome({
      agree,
      disagree,
      councilSize: session.members_total,
      present: Math.max(present, vote.denominator === 'present_members' ? agree + disagree : 0),
      threshold: vote,
      quorum,
    });
    const stored = {
      ...outcome,
      threshold: { ratio: vote.ratio, strict: vote.strict, denominator: vote.denominator },
      ruleSetVersion: rs.version,
      citation: rule?.vote.citation ?? null,
    };
    await tx.execute(sql`
      update session_items set ballot_status = ${to}, agree = ${agree}, disagree = ${disagree},
             outcome = ${JSON.stringify(stored)}::jsonb, version = version + 1
       where id = ${item.id}`);
    const approved = outcome.status === 'passed';
    await recordCouncilResult(tx as unknown as Db, ctx, item.proposal_id, {
      approved,
      ...(approved ? {} : { reason: `Kết quả bỏ phiếu kín: ${outcome.summary}` }),
      counts: { agree, disagree, members: session.members_total },
    });
    await writeAudit(tx, ctx, {
      action: 'council.ballot.close',
      entityType: 'session_item',
      entityId: item.id,
      orgId: council.org_id,
      after: {
        proposalId: item.proposal_id,
        agree,
        disagree,
        status: outcome.status,
        required: outcome.required,
      },
    });
    return { agree, disagree, status: outcome.status, required: outcome.required, summary: outcome.summary };
  });
}

// ------------------------------------------------------------------ minutes

/** Biên bản of the session (DOCX) with the counts; the BB number is reserved the first time. */
export async function sessionMinutes(
  ctx: Ctx,
  sessionId: string,
): Promise<{ bytes: Buffer; number: string }> {
  const detail = await getSession(ctx, sessionId);
  if (!detail.abilities.minutes) {
    throw new AppError('INVALID_STATE', null, 'Chỉ lập biên bản khi mọi nội dung đã kết thúc bỏ phiếu.');
  }
  const { council } = await loadSession(ctx.db, ctx, sessionId, 'council.read');
  let number = detail.minutesNumber;
  if (!number) {
    number = await ctx.db.transaction(async (tx) => {
      const locked = await tx.execute<{ minutes_number: string | null }>(
        sql`select minutes_number from council_sessions where id = ${sessionId} for update`,
      );
      const existing = locked.rows[0]?.minutes_number;
      if (existing) return existing;
      const year = Number(detail.meetingDate.slice(0, 4));
      const n = await reserveDocumentNumber(tx, {
        issuerOrgId: council.org_id,
        kindAbbr: 'BB',
        issuerShort: 'HĐTĐKT',
        year,
        series: 'HĐTĐKT',
      });
      await tx.execute(
        sql`update council_sessions set minutes_number = ${n.documentNumber} where id = ${sessionId}`,
      );
      await writeAudit(tx, ctx, {
        action: 'council.session.minutes',
        entityType: 'council_session',
        entityId: sessionId,
        orgId: council.org_id,
        after: { minutesNumber: n.documentNumber },
      });
      return n.documentNumber;
    });
  }
  const chair = detail.members.find((m) => m.role === 'chu_tich') ?? detail.members[0]!;
  const secretary =
    detail.members.find((m) => m.role === 'thuong_truc') ??
    detail.members.find((m) => m.role === 'uy_vien') ??
    chair;
  const present = detail.members.filter((m) => m.present).length;
  const doc = buildMinutes({
    issuer: { parentName: council.org_name.toUpperCase(), name: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG' },
    documentNumber: number,
    place: 'Điện Biên',
    date: detail.meetingDate,
    councilName: council.name,
    purpose: detail.title,
    startTime: detail.startTime,
    endTime: detail.endTime,
    venue: detail.venue ?? council.org_name,
    chair: { name: chair.fullName, position: chair.position ?? chair.roleName },
    secretary: { name: secretary.fullName, position: secretary.position ?? secretary.roleName },
    membersTotal: detail.membersTotal,
    membersPresent: present,
    absentees: detail.members.filter((m) => !m.present).map((m) => ({ name: m.fullName })),
    agenda: detail.items.map((i) => ({
      title: `Xét đề nghị tặng ${i.awardName} cho ${i.nomineeName}${i.unitName ? `, ${i.unitName}` : ''}`,
      method: 'secret-ballot' as const,
      votes: {
        agree: i.result?.agree ?? 0,
        disagree: i.result?.disagree ?? 0,
        abstain: Math.max(0, present - (i.result?.agree ?? 0) - (i.result?.disagree ?? 0)),
      },
      result:
        i.result?.status === 'passed'
          ? `Hội đồng thống nhất đề nghị tặng ${i.awardName} (${i.result.summary})`
          : `Không đề nghị tặng ${i.awardName} (${i.result?.summary ?? ''})`,
    })),
    conclusion: [
      `Hội đồng đã xét ${detail.items.length} nội dung bằng hình thức bỏ phiếu kín; kết quả kiểm phiếu như trên.`,
      'Biên bản được thông qua tại phiên họp.',
    ],
  });
  return { bytes: await renderOfficialDocx(doc), number };
}
