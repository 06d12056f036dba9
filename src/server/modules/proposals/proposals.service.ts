/**
 * Proposals (đề nghị khen thưởng) and their dossiers: creation by a unit, the achievement report,
 * evidence files, workflow transitions (PROPOSAL_WORKFLOW), appraisal with the eligibility verdict
 * and dossier completeness, forwarding to the superior organisation's round. Other modules (councils,
 * decisions) call `recordCouncilResult` and `markDecided` inside their own transactions.
 */
import type { Db, Queryable } from '../../db/client';
import { writeAudit } from '../../platform/audit/audit';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { findProposal, transitionProposal } from './proposals.workflow';

export * from './proposals.use-cases';

type TxCtx = Pick<Ctx, 'actor' | 'now' | 'requestId'>;

const auditWith = (tx: Queryable, ctx: TxCtx) => (entry: Parameters<typeof writeAudit>[2]) =>
  writeAudit(tx, ctx, entry);

/**
 * Records the council's result on a proposal that is `in_council`: approved → `approved`,
 * otherwise → `rejected` (with the given reason, or one stating the vote counts). Runs in the
 * caller's transaction, audited. The actor needs `council.record` on the round's organisation
 * (a system context — seed, jobs — may always record).
 */
export async function recordCouncilResult(
  tx: Db | Queryable,
  ctx: TxCtx,
  proposalId: string,
  result: {
    approved: boolean;
    reason?: string;
    counts: { agree: number; disagree: number; members: number };
  },
): Promise<void> {
  const row = await findProposal(tx, proposalId, true);
  if (!row) throw notFound();
  const { agree, disagree, members } = result.counts;
  const reason = result.approved
    ? (result.reason?.trim() ?? null)
    : result.reason?.trim() ||
      `Hội đồng không thông qua: ${agree}/${members} thành viên đồng ý, ${disagree} không đồng ý.`;
  await transitionProposal(
    tx,
    ctx,
    row,
    result.approved ? 'approve' : 'reject',
    {
      reason,
      patch: { councilResult: { approved: result.approved, reason, counts: { agree, disagree, members } } },
    },
    auditWith(tx, ctx),
  );
}

/**
 * Marks approved proposals as decided by an issued decision (`approved` → `decided`), in the
 * caller's transaction, audited. The actor needs `decision.sign` on each round's organisation.
 */
export async function markDecided(
  tx: Db | Queryable,
  ctx: TxCtx,
  proposalIds: string[],
  decisionId: string,
): Promise<void> {
  const ids = [...new Set(proposalIds)].sort();
  for (const id of ids) {
    const row = await findProposal(tx, id, true);
    if (!row) throw new AppError('NOT_FOUND', { proposalId: id }, 'Không tìm thấy đề nghị khen thưởng.');
    await transitionProposal(tx, ctx, row, 'decide', { patch: { decisionId } }, auditWith(tx, ctx));
  }
}
