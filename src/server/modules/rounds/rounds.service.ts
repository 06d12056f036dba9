/**
 * Award rounds (đợt khen thưởng): an organisation opens a round (annual, thematic — linked to a
 * movement plan —, ad-hoc, career) with a deadline and a public comment period; the units of its
 * subtree propose nominees into it. A unit sees its own rounds and the rounds of its ancestors.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  type CreateRoundBodyT,
  ROUND_KIND_NAMES,
  type RoundKind,
  type RoundListQueryT,
  type UpdateRoundBodyT,
} from '../../../contracts/proposals';
import type { Queryable } from '../../db/client';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, scopePaths } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';

export type RoundRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  kind: RoundKind;
  year: number;
  title: string;
  deadline: string;
  movement_plan_id: string | null;
  public_comment_from: string | null;
  public_comment_until: string | null;
  note: string | null;
  status: 'open' | 'closed';
  version: number;
  proposal_count: number;
};

const ROUND_SELECT = sql`
  select r.id, r.org_id, o.name as org_name, o.path as org_path, r.kind, r.year, r.title, r.deadline,
         r.movement_plan_id, r.public_comment_from, r.public_comment_until, r.note, r.status, r.version,
         (select count(*) from proposals p where p.round_id = r.id)::int as proposal_count
    from award_rounds r join organizations o on o.id = r.org_id`;

/** Rounds whose organisation is in one of the subtrees, or is an ancestor of one of them. */
function visibleRounds(paths: string[]): SQL {
  if (paths.length === 0) return sql`false`;
  return sql`(${pathInSubtrees(sql`o.path`, paths)} or ${sql.join(
    paths.map((p) => sql`${p} like o.path || '%'`),
    sql` or `,
  )})`;
}

function readPaths(ctx: Ctx): string[] {
  return [
    ...new Set([
      ...scopePaths(ctx.actor, 'proposal.read'),
      ...scopePaths(ctx.actor, 'proposal.submit'),
      ...scopePaths(ctx.actor, 'round.manage'),
    ]),
  ];
}

/** Whether the actor may propose into a round: proposal.submit somewhere in the round's subtree. */
export function canProposeInto(ctx: Pick<Ctx, 'actor'>, roundOrgPath: string): boolean {
  return scopePaths(ctx.actor, 'proposal.submit').some(
    (p) => p.startsWith(roundOrgPath) || roundOrgPath.startsWith(p),
  );
}

export function presentRound(ctx: Ctx, r: RoundRow) {
  return {
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    kind: r.kind,
    kindName: ROUND_KIND_NAMES[r.kind] ?? r.kind,
    year: Number(r.year),
    title: r.title,
    deadline: r.deadline,
    movementPlanId: r.movement_plan_id,
    publicCommentFrom: r.public_comment_from,
    publicCommentUntil: r.public_comment_until,
    note: r.note,
    status: r.status,
    version: Number(r.version),
    proposalCount: Number(r.proposal_count),
    canManage: canOn(ctx.actor, 'round.manage', r.org_path),
    canPropose: r.status === 'open' && canProposeInto(ctx, r.org_path),
  };
}

export async function findRound(db: Queryable, id: string): Promise<RoundRow | undefined> {
  const res = await db.execute<RoundRow>(sql`${ROUND_SELECT} where r.id = ${id}`);
  return res.rows[0];
}

/** A round the actor can see (own subtree or an ancestor's); otherwise 404. */
export async function loadRoundVisible(db: Queryable, ctx: Ctx, id: string): Promise<RoundRow> {
  const res = await db.execute<RoundRow>(
    sql`${ROUND_SELECT} where r.id = ${id} and ${visibleRounds(readPaths(ctx))}`,
  );
  if (!res.rows[0]) throw notFound();
  return res.rows[0];
}

export async function listRounds(ctx: Ctx, q: RoundListQueryT) {
  const parts: SQL[] = [visibleRounds(readPaths(ctx))];
  if (q.year) parts.push(sql`r.year = ${q.year}`);
  if (q.status) parts.push(sql`r.status = ${q.status}`);
  const res = await ctx.db.execute<RoundRow>(
    sql`${ROUND_SELECT} where ${sql.join(parts, sql` and `)} order by r.year desc, r.deadline desc, r.created_at desc limit 500`,
  );
  let items = res.rows.map((r) => presentRound(ctx, r));
  if (q.proposable === 'true') items = items.filter((r) => r.canPropose);
  return { items };
}

export async function getRound(ctx: Ctx, id: string) {
  return presentRound(ctx, await loadRoundVisible(ctx.db, ctx, id));
}

function checkDates(input: { publicCommentFrom?: string | null; publicCommentUntil?: string | null }) {
  const { publicCommentFrom: from, publicCommentUntil: until } = input;
  if ((from && !until) || (!from && until)) {
    throw new AppError('VALIDATION_FAILED', [
      {
        field: 'publicCommentUntil',
        message: 'Thời gian lấy ý kiến công khai phải có cả ngày bắt đầu và ngày kết thúc.',
      },
    ]);
  }
  if (from && until && until < from) {
    throw new AppError('VALIDATION_FAILED', [
      { field: 'publicCommentUntil', message: 'Ngày kết thúc lấy ý kiến phải sau ngày bắt đầu.' },
    ]);
  }
}

async function checkPlan(db: Queryable, planId: string | null | undefined) {
  if (!planId) return;
  // plans belong to issue 4; accept the link only when the table and the plan exist
  const exists = await db.execute<{ ok: boolean }>(sql`select to_regclass('public.plans') is not null as ok`);
  if (!exists.rows[0]?.ok) return;
  const found = await db.execute(sql`select 1 from plans where id = ${planId}`);
  if (found.rows.length === 0)
    throw new AppError('VALIDATION_FAILED', [
      { field: 'movementPlanId', message: 'Không tìm thấy kế hoạch, phong trào thi đua.' },
    ]);
}

export async function createRound(ctx: Ctx, input: CreateRoundBodyT) {
  checkDates(input);
  const id = await ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'round.manage');
    await checkPlan(tx, input.movementPlanId);
    const res = await tx.execute<{ id: string }>(sql`
      insert into award_rounds (org_id, kind, year, title, deadline, movement_plan_id, public_comment_from,
                                public_comment_until, note, created_by)
      values (${org.id}, ${input.kind}, ${input.year}, ${input.title}, ${input.deadline}, ${input.movementPlanId ?? null},
              ${input.publicCommentFrom ?? null}, ${input.publicCommentUntil ?? null}, ${input.note ?? null},
              ${ctx.actor?.userId ?? null})
      returning id`);
    const id = res.rows[0]!.id;
    await writeAudit(tx, ctx, {
      action: 'round.create',
      entityType: 'award_round',
      entityId: id,
      orgId: org.id,
      after: input,
    });
    return id;
  });
  return getRound(ctx, id);
}

async function loadRoundForManage(db: Queryable, ctx: Ctx, id: string): Promise<RoundRow> {
  const res = await db.execute<RoundRow>(sql`${ROUND_SELECT} where r.id = ${id} for update of r`);
  const row = res.rows[0];
  if (!row || !canOn(ctx.actor, 'round.manage', row.org_path)) throw notFound();
  return row;
}

export async function updateRound(ctx: Ctx, id: string, input: UpdateRoundBodyT) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadRoundForManage(tx, ctx, id);
    if (row.version !== input.version)
      throw new AppError(
        'CONFLICT',
        null,
        'Đợt khen thưởng đã được người khác thay đổi. Vui lòng tải lại trang.',
      );
    const next = {
      kind: input.kind ?? row.kind,
      year: input.year ?? row.year,
      title: input.title ?? row.title,
      deadline: input.deadline ?? row.deadline,
      movementPlanId: input.movementPlanId !== undefined ? input.movementPlanId : row.movement_plan_id,
      publicCommentFrom:
        input.publicCommentFrom !== undefined ? input.publicCommentFrom : row.public_comment_from,
      publicCommentUntil:
        input.publicCommentUntil !== undefined ? input.publicCommentUntil : row.public_comment_until,
      note: input.note !== undefined ? input.note : row.note,
      status: input.status ?? row.status,
    };
    checkDates(next);
    if (input.movementPlanId) await checkPlan(tx, input.movementPlanId);
    if (next.year !== row.year && row.proposal_count > 0)
      throw new AppError('INVALID_STATE', null, 'Không thể đổi năm của đợt khen thưởng đã có đề nghị.');
    await tx.execute(sql`
      update award_rounds set kind = ${next.kind}, year = ${next.year}, title = ${next.title}, deadline = ${next.deadline},
             movement_plan_id = ${next.movementPlanId}, public_comment_from = ${next.publicCommentFrom},
             public_comment_until = ${next.publicCommentUntil}, note = ${next.note}, status = ${next.status},
             version = version + 1, updated_at = now()
       where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'round.update',
      entityType: 'award_round',
      entityId: id,
      orgId: row.org_id,
      before: { ...row, proposal_count: undefined },
      after: next,
    });
  });
  return getRound(ctx, id);
}

export async function deleteRound(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadRoundForManage(tx, ctx, id);
    if (row.proposal_count > 0)
      throw new AppError('INVALID_STATE', null, 'Không thể xóa đợt khen thưởng đã có đề nghị; hãy đóng đợt.');
    await tx.execute(sql`delete from award_rounds where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'round.delete',
      entityType: 'award_round',
      entityId: id,
      orgId: row.org_id,
      before: row,
    });
  });
}
