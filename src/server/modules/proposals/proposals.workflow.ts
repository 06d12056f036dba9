import { sql } from 'drizzle-orm';
import { PERMISSIONS, type Permission } from '../../../domain/access/roles';
import {
  applyTransition,
  availableActions,
  PROPOSAL_PERMISSIONS,
  PROPOSAL_WORKFLOW,
  type ProposalAction,
  type ProposalState,
} from '../../../domain/commendation';
import type { Queryable } from '../../db/client';
import { scopePaths } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';

/** A proposal row with the paths needed to decide who may act on it. */
export type ProposalRow = {
  id: string;
  round_id: string;
  proposing_org_id: string;
  person_id: string | null;
  org_id: string | null;
  award_code: string;
  status: ProposalState;
  version: number;
  return_reason: string | null;
  achievement_report: string | null;
  eligibility: unknown;
  initiative_ids: string[];
  council_result: unknown;
  decision_id: string | null;
  forwarded_to_round_id: string | null;
  forwarded_proposal_id: string | null;
  forwarded_from_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  round_org_id: string;
  round_org_path: string;
  round_year: number;
  round_kind: string;
  round_title: string;
  round_status: string;
  proposing_org_path: string;
};

export const PROPOSAL_SELECT = sql`
  select p.id, p.round_id, p.proposing_org_id, p.person_id, p.org_id, p.award_code, p.status, p.version,
         p.return_reason, p.achievement_report, p.eligibility, p.initiative_ids, p.council_result,
         p.decision_id, p.forwarded_to_round_id, p.forwarded_proposal_id, p.forwarded_from_id, p.created_by,
         p.created_at, p.updated_at,
         r.org_id as round_org_id, ro.path as round_org_path, r.year as round_year, r.kind as round_kind,
         r.title as round_title, r.status as round_status, po.path as proposing_org_path
    from proposals p
    join award_rounds r on r.id = p.round_id
    join organizations ro on ro.id = r.org_id
    join organizations po on po.id = p.proposing_org_id`;

export async function findProposal(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<ProposalRow | undefined> {
  const res = await db.execute<ProposalRow>(
    sql`${PROPOSAL_SELECT} where p.id = ${id} ${forUpdate ? sql`for update of p` : sql``}`,
  );
  return res.rows[0];
}

/**
 * The permissions the actor holds for one proposal: `proposal.submit` counts on the proposing
 * organisation (the unit that proposes), every other workflow permission on the round's
 * organisation (the level that appraises, votes and decides). A system context (seed, jobs) holds all.
 */
export function proposalPermissions(
  ctx: Pick<Ctx, 'actor'>,
  row: Pick<ProposalRow, 'proposing_org_path' | 'round_org_path'>,
): Set<string> {
  if (!ctx.actor) return new Set(PERMISSIONS);
  const perms = new Set<string>();
  for (const p of Object.values(PROPOSAL_PERMISSIONS)) {
    const path = p === PROPOSAL_PERMISSIONS.submit ? row.proposing_org_path : row.round_org_path;
    if (scopePaths(ctx.actor, p as Permission).some((s) => path.startsWith(s))) perms.add(p);
  }
  return perms;
}

export function proposalActions(ctx: Pick<Ctx, 'actor'>, row: ProposalRow): ProposalAction[] {
  return availableActions(PROPOSAL_WORKFLOW, row.status, proposalPermissions(ctx, row));
}

export interface TransitionOptions {
  reason?: string | null;
  /** optimistic concurrency: the version the caller saw (409 when it changed) */
  expectedVersion?: number;
  /** extra column values written with the status change */
  patch?: {
    eligibility?: unknown;
    councilResult?: unknown;
    decisionId?: string;
    forwardedToRoundId?: string;
    forwardedProposalId?: string;
  };
}

/**
 * Applies one workflow action inside the caller's transaction: the transition table decides,
 * the row changes only if its version is still the expected one, the history gets an event and
 * the audit log a row. Returns the new version.
 */
export async function transitionProposal(
  tx: Queryable,
  ctx: Pick<Ctx, 'actor' | 'now' | 'requestId'>,
  row: ProposalRow,
  action: ProposalAction,
  opts: TransitionOptions,
  audit: (entry: {
    action: string;
    entityType: string;
    entityId: string;
    orgId: string;
    before: unknown;
    after: unknown;
  }) => Promise<unknown>,
): Promise<{ version: number; to: ProposalState }> {
  const result = applyTransition(PROPOSAL_WORKFLOW, row.status, action, proposalPermissions(ctx, row), {
    reason: opts.reason ?? null,
  });
  if (!result.ok) {
    if (result.error === 'permission_denied') throw new AppError('FORBIDDEN', null, `${result.message}.`);
    if (result.error === 'reason_required')
      throw new AppError(
        'VALIDATION_FAILED',
        [{ field: 'reason', message: 'Phải nêu lý do.' }],
        'Phải nêu lý do.',
      );
    throw new AppError(
      'INVALID_STATE',
      { status: row.status, action },
      `Không thể “${PROPOSAL_WORKFLOW.actionNames[action] ?? action}” khi đề nghị đang ở trạng thái “${PROPOSAL_WORKFLOW.stateNames[row.status]}”.`,
    );
  }
  const expected = opts.expectedVersion ?? row.version;
  const p = opts.patch ?? {};
  const returnReason = action === 'return' ? (result.reason ?? null) : row.return_reason;
  const updated = await tx.execute<{ version: number }>(sql`
    update proposals set status = ${result.to}, version = version + 1, updated_at = now(),
           return_reason = ${returnReason},
           eligibility = ${p.eligibility !== undefined ? sql`${JSON.stringify(p.eligibility)}::jsonb` : sql`eligibility`},
           council_result = ${p.councilResult !== undefined ? sql`${JSON.stringify(p.councilResult)}::jsonb` : sql`council_result`},
           decision_id = ${p.decisionId !== undefined ? sql`${p.decisionId}::uuid` : sql`decision_id`},
           forwarded_to_round_id = ${p.forwardedToRoundId !== undefined ? sql`${p.forwardedToRoundId}::uuid` : sql`forwarded_to_round_id`},
           forwarded_proposal_id = ${p.forwardedProposalId !== undefined ? sql`${p.forwardedProposalId}::uuid` : sql`forwarded_proposal_id`}
     where id = ${row.id} and version = ${expected} and status = ${row.status}
     returning version`);
  if (updated.rows.length === 0) throw conflictChanged();
  await tx.execute(sql`
    insert into proposal_events (proposal_id, action, from_status, to_status, reason, actor_id, actor_name, at)
    values (${row.id}, ${action}, ${row.status}, ${result.to}, ${result.reason ?? null},
            ${ctx.actor?.userId ?? null}, ${ctx.actor?.displayName ?? 'Hệ thống'}, clock_timestamp())`);
  await audit({
    action: `proposal.${action}`,
    entityType: 'proposal',
    entityId: row.id,
    orgId: row.proposing_org_id,
    before: { status: row.status, version: row.version },
    after: { status: result.to, version: updated.rows[0]!.version, reason: result.reason ?? null },
  });
  return { version: Number(updated.rows[0]!.version), to: result.to };
}

export const conflictChanged = () =>
  new AppError(
    'CONFLICT',
    null,
    'Đề nghị khen thưởng đã được người khác thay đổi. Vui lòng tải lại trang và thử lại.',
  );

export const proposalNotFound = () => notFound();
