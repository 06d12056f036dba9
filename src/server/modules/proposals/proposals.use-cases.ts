import { type SQL, sql } from 'drizzle-orm';
import type {
  CreateProposalBodyT,
  ProposalListQueryT,
  TransitionBodyT,
  UpdateProposalBodyT,
} from '../../../contracts/proposals';
import {
  AWARD_NAMES,
  type AwardCode,
  findRule,
  findTransition,
  PROPOSAL_WORKFLOW,
  type ProposalAction,
  type ProposalState,
  RULE_SET_2025_07,
  type Verdict,
} from '../../../domain/commendation';
import { foldVi } from '../../../domain/text/vietnamese';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import { renderOfficialDocx } from '../../documents/docx/official';
import type { OfficialDocument } from '../../documents/model';
import { MIME } from '../../documents/record';
import { writeTableXlsx } from '../../documents/xlsx/write';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { loadFile, storeFile, storeGenerated } from '../../platform/files/files.service';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { evaluateSubject } from '../eligibility/eligibility.service';
import { reserveDocumentNumber } from '../numbering/numbering.service';
import { loadOrgInScope } from '../organizations/organizations.service';
import { canProposeInto, findRound, loadRoundVisible } from '../rounds/rounds.service';
import {
  achievementReportDocument,
  DOCUMENT_PLACE,
  orgAchievementReport,
  personAchievementReport,
} from './achievement';
import {
  conflictChanged,
  findProposal,
  PROPOSAL_SELECT,
  type ProposalRow,
  proposalActions,
  proposalPermissions,
  transitionProposal,
} from './proposals.workflow';

/** Evidence files: PDF, JPEG, PNG, DOCX, at most this size (and the server's upload limit). */
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;

/** Titles and forms whose dossier needs evidence (recognised initiatives, research, proofs). */
const NEEDS_EVIDENCE = new Set<string>([
  'CSTDCS',
  'CSTD_TINH',
  'CSTD_TQ',
  'CO_THI_DUA_TINH',
  'CO_THI_DUA_CP',
  'BANG_KHEN_TINH',
  'BANG_KHEN_BO',
  'BANG_KHEN_TTG',
  'HCLD_3',
  'HCLD_2',
  'HCLD_1',
]);

const awardName = (code: string) => AWARD_NAMES[code as AwardCode] ?? code;

type TxCtx = Pick<Ctx, 'actor' | 'now' | 'requestId'>;
const auditWith = (tx: Queryable, ctx: TxCtx) => (entry: Parameters<typeof writeAudit>[2]) =>
  writeAudit(tx, ctx, entry);

type ListRow = ProposalRow & {
  nominee_name: string;
  unit_name: string | null;
  proposing_org_name: string;
};

const LIST_SELECT = sql`
  select x.*, coalesce(pp.full_name, no.name) as nominee_name,
         case when x.person_id is not null then pu.name else npar.name end as unit_name,
         prop.name as proposing_org_name
    from (${PROPOSAL_SELECT}) x
    left join people pp on pp.id = x.person_id
    left join organizations pu on pu.id = pp.current_org_id
    left join organizations no on no.id = x.org_id
    left join organizations npar on npar.id = no.parent_id
    join organizations prop on prop.id = x.proposing_org_id`;

function presentItem(r: ListRow) {
  return {
    id: r.id,
    round: { id: r.round_id, title: r.round_title, year: Number(r.round_year) },
    proposingOrg: { id: r.proposing_org_id, name: r.proposing_org_name },
    nominee: {
      kind: (r.person_id ? 'person' : 'org') as 'person' | 'org',
      id: (r.person_id ?? r.org_id)!,
      name: r.nominee_name,
      unitName: r.unit_name,
    },
    awardCode: r.award_code,
    awardName: awardName(r.award_code),
    status: r.status,
    statusName: PROPOSAL_WORKFLOW.stateNames[r.status] ?? r.status,
    returnReason: r.return_reason,
    version: Number(r.version),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

function readScope(ctx: Ctx): SQL {
  return pathInSubtrees(sql`x.proposing_org_path`, scopeOf(ctx, 'proposal.read'));
}

export async function listProposals(ctx: Ctx, q: ProposalListQueryT) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const parts: SQL[] = [readScope(ctx)];
  if (q.roundId) parts.push(sql`x.round_id = ${q.roundId}`);
  if (q.status) parts.push(sql`x.status = ${q.status}`);
  const text = q.q ? foldVi(q.q) : '';
  if (text)
    parts.push(
      sql`lower(f_unaccent(coalesce(pp.full_name, no.name))) like ${`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`,
    );
  const where = sql.join(parts, sql` and `);
  const res = await ctx.db.execute<ListRow & { total: number }>(sql`
    select y.*, count(*) over ()::int as total from (${LIST_SELECT} where ${where}) y
     order by y.updated_at desc, y.id limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return {
    items: res.rows.map(presentItem),
    total: Number(res.rows[0]?.total ?? 0),
    page,
    pageSize,
  };
}

async function loadListRow(db: Queryable, ctx: Ctx, id: string): Promise<ListRow> {
  const res = await db.execute<ListRow>(sql`${LIST_SELECT} where x.id = ${id} and ${readScope(ctx)}`);
  if (!res.rows[0]) throw notFound();
  return res.rows[0];
}

/** A proposal the actor may read, locked for update; 404 when missing or out of scope. */
async function loadForChange(tx: Queryable, ctx: Ctx, id: string): Promise<ProposalRow> {
  const row = await findProposal(tx, id, true);
  if (!row || !isInScope(scopeOf(ctx, 'proposal.read'), row.proposing_org_path)) throw notFound();
  return row;
}

function canEditDossier(
  ctx: Pick<Ctx, 'actor'>,
  row: Pick<ProposalRow, 'status' | 'proposing_org_path' | 'round_org_path'>,
) {
  return (
    (row.status === 'draft' || row.status === 'returned') &&
    proposalPermissions(ctx, row).has('proposal.submit')
  );
}

/** Dossier completeness: achievement report present; evidence for titles and forms that need it. */
export function dossierCheck(
  row: Pick<ProposalRow, 'achievement_report' | 'award_code' | 'initiative_ids'>,
  evidenceCount: number,
) {
  const items = [{ id: 'report', label: 'Có báo cáo thành tích', ok: !!row.achievement_report?.trim() }];
  if (NEEDS_EVIDENCE.has(row.award_code)) {
    items.push({
      id: 'evidence',
      label: 'Có minh chứng (sáng kiến được công nhận, đề tài, tài liệu kèm theo)',
      ok: evidenceCount > 0 || (row.initiative_ids ?? []).length > 0,
    });
  }
  return { complete: items.every((i) => i.ok), items };
}

export async function getProposal(ctx: Ctx, id: string) {
  const row = await loadListRow(ctx.db, ctx, id);
  const [events, files] = await Promise.all([
    ctx.db.execute<{
      id: string;
      action: string;
      from_status: string | null;
      to_status: string;
      reason: string | null;
      actor_name: string | null;
      at: string;
    }>(sql`select id, action, from_status, to_status, reason, actor_name, at from proposal_events
            where proposal_id = ${id} order by at, id`),
    ctx.db.execute<{
      id: string;
      kind: string;
      file_name: string;
      mime: string;
      size: number;
      created_at: string;
    }>(sql`
      select id, kind, file_name, mime, size, created_at from proposal_files where proposal_id = ${id} order by created_at, id`),
  ]);
  const evidence = files.rows.filter((f) => f.kind === 'evidence').length;
  const preview =
    !row.eligibility && canOn(ctx.actor, 'eligibility.read', row.proposing_org_path)
      ? await eligibilityPreview(ctx.db, row, ctx.now())
      : null;
  return {
    ...presentItem(row),
    achievementReport: row.achievement_report,
    eligibility: row.eligibility ?? null,
    eligibilityPreview: preview,
    initiativeIds: row.initiative_ids ?? [],
    councilResult: row.council_result ?? null,
    decisionId: row.decision_id,
    forwardedProposalId: row.forwarded_proposal_id,
    forwardedFromId: row.forwarded_from_id,
    events: events.rows.map((e) => ({
      id: e.id,
      action: e.action,
      actionName:
        PROPOSAL_WORKFLOW.actionNames[e.action as ProposalAction] ??
        ({ create: 'Lập đề nghị', receive: 'Nhận từ cấp dưới' } as Record<string, string>)[e.action] ??
        e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      actorName: e.actor_name,
      at: new Date(e.at).toISOString(),
    })),
    files: files.rows.map((f) => ({
      id: f.id,
      kind: f.kind,
      fileName: f.file_name,
      mime: f.mime,
      size: Number(f.size),
      createdAt: new Date(f.created_at).toISOString(),
    })),
    dossier: dossierCheck(row, evidence),
    actions: proposalActions(ctx, row).map((a) => {
      const t = findTransition(PROPOSAL_WORKFLOW, row.status, a)!;
      return { action: a, name: PROPOSAL_WORKFLOW.actionNames[a], requiresReason: t.requiresReason };
    }),
    canEdit: canEditDossier(ctx, row),
  };
}

function subjectOf(code: string): { individual: boolean; collective: boolean } {
  const rule = findRule(RULE_SET_2025_07, code as AwardCode);
  return { individual: !!rule?.subjects.individual, collective: !!rule?.subjects.collective };
}

async function insertProposal(
  tx: Queryable,
  ctx: TxCtx,
  input: {
    roundId: string;
    proposingOrgId: string;
    personId: string | null;
    orgId: string | null;
    awardCode: string;
    status: ProposalState;
    achievementReport: string | null;
    initiativeIds: string[];
    eligibility?: unknown;
    councilResult?: unknown;
    forwardedFromId?: string | null;
    eventAction: string;
    eventReason?: string | null;
  },
): Promise<string> {
  const dup = await tx.execute(sql`
    select 1 from proposals where round_id = ${input.roundId} and award_code = ${input.awardCode}
       and ${input.personId ? sql`person_id = ${input.personId}` : sql`org_id = ${input.orgId}`}`);
  if (dup.rows.length > 0) {
    throw new AppError(
      'DUPLICATE',
      [
        {
          field: input.personId ? 'personId' : 'orgId',
          message: 'Đối tượng này đã được đề nghị danh hiệu, hình thức này trong đợt.',
        },
      ],
      'Đối tượng này đã được đề nghị danh hiệu, hình thức khen thưởng này trong đợt khen thưởng.',
    );
  }
  const res = await tx.execute<{ id: string }>(sql`
    insert into proposals (round_id, proposing_org_id, person_id, org_id, award_code, status, achievement_report,
                           initiative_ids, eligibility, council_result, forwarded_from_id, created_by)
    values (${input.roundId}, ${input.proposingOrgId}, ${input.personId}, ${input.orgId}, ${input.awardCode},
            ${input.status}, ${input.achievementReport}, ${sql.param(input.initiativeIds)}::uuid[],
            ${input.eligibility !== undefined ? JSON.stringify(input.eligibility) : null}::jsonb,
            ${input.councilResult !== undefined ? JSON.stringify(input.councilResult) : null}::jsonb,
            ${input.forwardedFromId ?? null}, ${ctx.actor?.userId ?? null})
    returning id`);
  const id = res.rows[0]!.id;
  await tx.execute(sql`
    insert into proposal_events (proposal_id, action, from_status, to_status, reason, actor_id, actor_name, at)
    values (${id}, ${input.eventAction}, null, ${input.status}, ${input.eventReason ?? null}, ${ctx.actor?.userId ?? null},
            ${ctx.actor?.displayName ?? 'Hệ thống'}, clock_timestamp())`);
  return id;
}

async function checkInitiatives(
  db: Queryable,
  ids: string[],
  personId: string | null,
  nomineeOrgPath: string,
) {
  if (ids.length === 0) return;
  const res = await db.execute<{ id: string }>(sql`
    select i.id from initiatives i join organizations o on o.id = i.org_id
     where i.id = any(${sql.param(ids)}::uuid[])
       and (${personId ? sql`exists (select 1 from initiative_authors a where a.initiative_id = i.id and a.person_id = ${personId})` : sql`o.path like ${`${nomineeOrgPath}%`}`})`);
  if (res.rows.length !== new Set(ids).size) {
    throw new AppError('VALIDATION_FAILED', [
      {
        field: 'initiativeIds',
        message: 'Có sáng kiến không tồn tại hoặc không thuộc đối tượng được đề nghị.',
      },
    ]);
  }
}

export async function createProposal(ctx: Ctx, input: CreateProposalBodyT) {
  const id = await ctx.db.transaction(async (tx) => {
    const round = await loadRoundVisible(tx, ctx, input.roundId);
    if (round.status !== 'open')
      throw new AppError('INVALID_STATE', null, 'Đợt khen thưởng đã kết thúc, không nhận thêm đề nghị.');
    const subj = subjectOf(input.awardCode);
    let nomineePath: string;
    let defaultOrg: string;
    if (input.personId) {
      if (!subj.individual)
        throw new AppError('VALIDATION_FAILED', [
          { field: 'awardCode', message: `${awardName(input.awardCode)} không xét tặng cho cá nhân.` },
        ]);
      const p = (
        await tx.execute<{ org_id: string | null; path: string | null; status: string }>(sql`
          select p.current_org_id as org_id, o.path, p.status from people p left join organizations o on o.id = p.current_org_id
           where p.id = ${input.personId}`)
      ).rows[0];
      if (!p?.path || !isInScope(scopeOf(ctx, 'proposal.submit'), p.path)) throw notFound();
      nomineePath = p.path;
      defaultOrg = p.org_id!;
    } else {
      if (!subj.collective)
        throw new AppError('VALIDATION_FAILED', [
          { field: 'awardCode', message: `${awardName(input.awardCode)} không xét tặng cho tập thể.` },
        ]);
      const org = await loadOrgInScope(tx, ctx, input.orgId!, 'proposal.submit');
      nomineePath = org.path;
      defaultOrg = org.id;
    }
    const proposing = await loadOrgInScope(tx, ctx, input.proposingOrgId ?? defaultOrg, 'proposal.submit');
    if (!nomineePath.startsWith(proposing.path))
      throw new AppError('VALIDATION_FAILED', [
        { field: 'proposingOrgId', message: 'Đối tượng được đề nghị không thuộc đơn vị đề nghị.' },
      ]);
    if (!proposing.path.startsWith(round.org_path) || !canProposeInto(ctx, round.org_path))
      throw new AppError('VALIDATION_FAILED', [
        { field: 'roundId', message: 'Đơn vị đề nghị không thuộc phạm vi của đợt khen thưởng này.' },
      ]);
    const initiativeIds = [...new Set(input.initiativeIds ?? [])];
    await checkInitiatives(tx, initiativeIds, input.personId ?? null, nomineePath);
    const report = input.personId
      ? await personAchievementReport(tx, input.personId, input.awardCode, Number(round.year))
      : await orgAchievementReport(tx, input.orgId!, input.awardCode, Number(round.year));
    const id = await insertProposal(tx, ctx, {
      roundId: round.id,
      proposingOrgId: proposing.id,
      personId: input.personId ?? null,
      orgId: input.orgId ?? null,
      awardCode: input.awardCode,
      status: PROPOSAL_WORKFLOW.initial,
      achievementReport: report,
      initiativeIds,
      eventAction: 'create',
    });
    await writeAudit(tx, ctx, {
      action: 'proposal.create',
      entityType: 'proposal',
      entityId: id,
      orgId: proposing.id,
      after: { ...input, achievementReport: undefined },
    });
    return id;
  });
  return getProposal(ctx, id);
}

export async function updateProposal(ctx: Ctx, id: string, input: UpdateProposalBodyT) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, id);
    if (row.version !== input.version) throw conflictChanged();
    if (!canEditDossier(ctx, row)) {
      if (!proposalPermissions(ctx, row).has('proposal.submit')) throw new AppError('FORBIDDEN');
      throw new AppError(
        'INVALID_STATE',
        null,
        'Chỉ sửa hồ sơ khi đề nghị đang soạn hoặc bị trả lại để bổ sung.',
      );
    }
    const initiativeIds = input.initiativeIds ? [...new Set(input.initiativeIds)] : row.initiative_ids;
    if (input.initiativeIds) {
      const path = row.person_id
        ? ''
        : ((await tx.execute<{ path: string }>(sql`select path from organizations where id = ${row.org_id}`))
            .rows[0]?.path ?? '');
      await checkInitiatives(tx, initiativeIds, row.person_id, path);
    }
    const report = input.achievementReport !== undefined ? input.achievementReport : row.achievement_report;
    const res = await tx.execute(sql`
      update proposals set achievement_report = ${report}, initiative_ids = ${sql.param(initiativeIds)}::uuid[],
             version = version + 1, updated_at = now()
       where id = ${id} and version = ${input.version} returning id`);
    if (res.rows.length === 0) throw conflictChanged();
    await writeAudit(tx, ctx, {
      action: 'proposal.update',
      entityType: 'proposal',
      entityId: id,
      orgId: row.proposing_org_id,
      before: { achievementReport: row.achievement_report, initiativeIds: row.initiative_ids },
      after: { achievementReport: report, initiativeIds },
    });
  });
  return getProposal(ctx, id);
}

export async function deleteProposal(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, id);
    if (!proposalPermissions(ctx, row).has('proposal.submit')) throw new AppError('FORBIDDEN');
    if (row.status !== 'draft') throw new AppError('INVALID_STATE', null, 'Chỉ xóa được đề nghị đang soạn.');
    await tx.execute(sql`delete from proposal_files where proposal_id = ${id}`);
    await tx.execute(sql`delete from proposal_events where proposal_id = ${id}`);
    await tx.execute(sql`delete from proposals where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'proposal.delete',
      entityType: 'proposal',
      entityId: id,
      orgId: row.proposing_org_id,
      before: row,
    });
  });
}

/** A fresh achievement report generated from the nominee's current data (not saved). */
export async function draftAchievementReport(ctx: Ctx, id: string) {
  const row = await loadListRow(ctx.db, ctx, id);
  const text = row.person_id
    ? await personAchievementReport(ctx.db, row.person_id, row.award_code, Number(row.round_year))
    : await orgAchievementReport(ctx.db, row.org_id!, row.award_code, Number(row.round_year));
  return { text };
}

export async function achievementReportDocx(ctx: Ctx, id: string) {
  const row = await loadListRow(ctx.db, ctx, id);
  const org = (
    await ctx.db.execute<{ name: string; parent_name: string | null }>(sql`
      select o.name, par.name as parent_name from organizations o left join organizations par on par.id = o.parent_id
       where o.id = ${row.proposing_org_id}`)
  ).rows[0]!;
  const doc = achievementReportDocument({
    text: row.achievement_report ?? '',
    issuerName: org.name,
    parentName: org.parent_name,
    nomineeName: row.nominee_name,
    awardCode: row.award_code,
    year: Number(row.round_year),
    date: todayInVietnam(ctx.now()),
    collective: !row.person_id,
  });
  return {
    bytes: await renderOfficialDocx(doc),
    fileName: `Báo cáo thành tích - ${row.nominee_name} - ${awardName(row.award_code)} ${row.round_year}.docx`,
  };
}

// ------------------------------------------------------------------ files

export async function uploadProposalFile(ctx: Ctx, id: string, file: { bytes: Buffer; fileName: string }) {
  const fileId = await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, id);
    if (!canEditDossier(ctx, row)) {
      if (!proposalPermissions(ctx, row).has('proposal.submit')) throw new AppError('FORBIDDEN');
      throw new AppError(
        'INVALID_STATE',
        null,
        'Chỉ bổ sung minh chứng khi đề nghị đang soạn hoặc bị trả lại.',
      );
    }
    const stored = await storeFile(tx, {
      bytes: file.bytes,
      originalName: file.fileName,
      ownerOrgId: row.proposing_org_id,
      uploadedBy: ctx.actor?.userId ?? null,
      allowed: ['pdf', 'jpg', 'png', 'docx'],
      maxBytes: Math.min(EVIDENCE_MAX_BYTES, ctx.config.uploadMaxBytes),
    });
    const res = await tx.execute<{ id: string }>(sql`
      insert into proposal_files (proposal_id, file_id, kind, file_name, mime, size, uploaded_by)
      values (${id}, ${stored.id}, 'evidence', ${stored.originalName}, ${stored.mime}, ${stored.size}, ${ctx.actor?.userId ?? null})
      returning id`);
    await writeAudit(tx, ctx, {
      action: 'proposal.file_added',
      entityType: 'proposal',
      entityId: id,
      orgId: row.proposing_org_id,
      after: {
        fileId: stored.id,
        name: stored.originalName,
        mime: stored.mime,
        size: stored.size,
        sha256: stored.sha256,
      },
    });
    return res.rows[0]!.id;
  });
  return (await getProposal(ctx, id)).files.find((f) => f.id === fileId)!;
}

export async function downloadProposalFile(ctx: Ctx, id: string, proposalFileId: string) {
  await loadListRow(ctx.db, ctx, id);
  const pf = (
    await ctx.db.execute<{ file_id: string; file_name: string; mime: string }>(sql`
      select file_id, file_name, mime from proposal_files where id = ${proposalFileId} and proposal_id = ${id}`)
  ).rows[0];
  if (!pf) throw notFound();
  const f = await loadFile(ctx.db, pf.file_id);
  if (!f) throw notFound();
  return { bytes: f.content, fileName: pf.file_name, mime: pf.mime };
}

export async function deleteProposalFile(ctx: Ctx, id: string, proposalFileId: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, id);
    const pf = (
      await tx.execute<{ id: string; kind: string; file_name: string }>(sql`
        select id, kind, file_name from proposal_files where id = ${proposalFileId} and proposal_id = ${id}`)
    ).rows[0];
    if (!pf) throw notFound();
    if (!canEditDossier(ctx, row) || pf.kind !== 'evidence') {
      if (!proposalPermissions(ctx, row).has('proposal.submit')) throw new AppError('FORBIDDEN');
      throw new AppError('INVALID_STATE', null, 'Chỉ gỡ minh chứng khi đề nghị đang soạn hoặc bị trả lại.');
    }
    await tx.execute(sql`delete from proposal_files where id = ${proposalFileId}`);
    await writeAudit(tx, ctx, {
      action: 'proposal.file_removed',
      entityType: 'proposal',
      entityId: id,
      orgId: row.proposing_org_id,
      before: { name: pf.file_name },
    });
  });
}

// ------------------------------------------------------------------ transitions

/** The verdict for the proposed title/form, with the rule-set version, recorded at appraisal. */
export async function appraisalRecord(tx: Queryable, row: ProposalRow, evidenceCount: number, now: Date) {
  const subject = row.person_id ? { personId: row.person_id } : { orgId: row.org_id! };
  const evaluation = await evaluateSubject(tx, subject, Number(row.round_year), {
    awardCodes: [row.award_code],
    asOf: todayInVietnam(now),
  });
  const verdict: Verdict | undefined = evaluation.verdicts.find((v) => v.code === row.award_code);
  return {
    ruleSetId: evaluation.ruleSetId,
    ruleSetVersion: evaluation.ruleSetVersion,
    appraisedAt: now.toISOString(),
    verdict: verdict ?? null,
    dossier: dossierCheck(row, evidenceCount),
  };
}

/** The verdict as it stands today (not recorded), shown to the proposer before appraisal. */
async function eligibilityPreview(db: Queryable, row: ProposalRow, now: Date) {
  try {
    const subject = row.person_id ? { personId: row.person_id } : { orgId: row.org_id! };
    const evaluation = await evaluateSubject(db, subject, Number(row.round_year), {
      awardCodes: [row.award_code],
      asOf: todayInVietnam(now),
    });
    const verdict = evaluation.verdicts.find((v) => v.code === row.award_code) ?? null;
    return { ruleSetId: evaluation.ruleSetId, ruleSetVersion: evaluation.ruleSetVersion, verdict };
  } catch {
    return null;
  }
}

async function superiorRound(tx: Queryable, ctx: Ctx, row: ProposalRow, targetRoundId?: string) {
  if (targetRoundId) {
    const target = await findRound(tx, targetRoundId);
    if (
      !target ||
      !(row.round_org_path.startsWith(target.org_path) && target.org_path !== row.round_org_path)
    )
      throw new AppError('VALIDATION_FAILED', [
        { field: 'targetRoundId', message: 'Đợt khen thưởng của cấp trên không hợp lệ.' },
      ]);
    if (target.status !== 'open')
      throw new AppError('INVALID_STATE', null, 'Đợt khen thưởng của cấp trên đã kết thúc.');
    return target;
  }
  // the nearest ancestor with an open round of the same year (same kind preferred)
  const res = await tx.execute<{ id: string }>(sql`
    select r.id from award_rounds r join organizations o on o.id = r.org_id
     where ${row.round_org_path} like o.path || '%' and o.path <> ${row.round_org_path}
       and r.status = 'open' and r.year = ${row.round_year}
     order by o.depth desc, (r.kind = ${row.round_kind}) desc, r.deadline, r.id limit 1`);
  if (!res.rows[0])
    throw new AppError(
      'INVALID_STATE',
      null,
      `Cấp trên chưa mở đợt khen thưởng năm ${row.round_year} để trình; hãy chọn đợt khen thưởng của cấp trên.`,
    );
  void ctx;
  return (await findRound(tx, res.rows[0].id))!;
}

function submissionDocument(input: {
  issuer: { name: string; parentName: string | null };
  number: string;
  date: string;
  to: string;
  row: ListRow;
  round: { title: string; year: number };
  council: { agree: number; disagree: number; members: number } | null;
}): OfficialDocument {
  const { row } = input;
  return {
    templateVersion: 'proposal-submission/1',
    issuer: {
      ...(input.issuer.parentName ? { parentName: input.issuer.parentName.toUpperCase() } : {}),
      name: input.issuer.name.toUpperCase(),
    },
    documentNumber: input.number,
    place: DOCUMENT_PLACE,
    date: input.date,
    kindTitle: 'TỜ TRÌNH',
    subject: `Về việc đề nghị tặng ${awardName(row.award_code)} năm ${input.round.year}`,
    preamble: [],
    body: [
      { kind: 'paragraph', text: `Kính gửi: ${input.to}.`, align: 'center', noIndent: true },
      {
        kind: 'paragraph',
        text: `Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022 và các văn bản hướng dẫn thi hành; căn cứ kết quả xét của Hội đồng Thi đua – Khen thưởng ${input.issuer.name}${input.council ? ` (${input.council.agree}/${input.council.members} thành viên đồng ý)` : ''}, ${input.issuer.name} kính trình xem xét, đề nghị tặng ${awardName(row.award_code)} năm ${input.round.year} cho ${row.person_id ? 'cá nhân' : 'tập thể'} có tên dưới đây:`,
      },
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'TT', width: 1, align: 'center' },
            { header: row.person_id ? 'Họ và tên' : 'Tên tập thể', width: 5 },
            { header: 'Đơn vị', width: 5 },
            { header: 'Danh hiệu, hình thức đề nghị', width: 5 },
          ],
          rows: [[1, row.nominee_name, row.unit_name ?? '', awardName(row.award_code)]],
        },
      },
      {
        kind: 'paragraph',
        text: 'Hồ sơ kèm theo gồm: báo cáo thành tích, biên bản và kết quả bỏ phiếu của Hội đồng, các minh chứng.',
      },
      { kind: 'paragraph', text: `${input.issuer.name} kính trình ${input.to} xem xét, quyết định./.` },
    ],
    annexes: [],
    recipients: ['Như trên', 'Lưu: VT, TĐKT'],
    signature: { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '(Ký, ghi rõ họ tên và đóng dấu)' },
  };
}

async function forwardProposal(tx: Queryable, ctx: Ctx, row: ProposalRow, body: TransitionBodyT) {
  const target = await superiorRound(tx, ctx, row, body.targetRoundId);
  const list = (await tx.execute<ListRow>(sql`${LIST_SELECT} where x.id = ${row.id}`)).rows[0]!;
  const issuer = (
    await tx.execute<{ id: string; name: string; short_name: string; parent_name: string | null }>(sql`
      select o.id, o.name, o.short_name, par.name as parent_name from organizations o
        left join organizations par on par.id = o.parent_id where o.id = ${row.round_org_id}`)
  ).rows[0]!;
  const today = todayInVietnam(ctx.now());
  const number = await reserveDocumentNumber(tx, {
    issuerOrgId: issuer.id,
    kindAbbr: 'TTr',
    issuerShort: issuer.short_name,
    year: Number(today.slice(0, 4)),
  });
  const council =
    (row.council_result as { counts?: { agree: number; disagree: number; members: number } } | null)
      ?.counts ?? null;
  const submission = submissionDocument({
    issuer: { name: issuer.name, parentName: issuer.parent_name },
    number: number.documentNumber,
    date: today,
    to: target.org_name,
    row: list,
    round: { title: target.title, year: Number(target.year) },
    council,
  });
  const submissionBytes = await renderOfficialDocx(submission);
  const reportBytes = await renderOfficialDocx(
    achievementReportDocument({
      text: row.achievement_report ?? '',
      issuerName: list.proposing_org_name,
      nomineeName: list.nominee_name,
      awardCode: row.award_code,
      year: Number(row.round_year),
      date: today,
      collective: !row.person_id,
    }),
  );
  const newId = await insertProposal(tx, ctx, {
    roundId: target.id,
    proposingOrgId: row.round_org_id,
    personId: row.person_id,
    orgId: row.org_id,
    awardCode: row.award_code,
    status: 'submitted',
    achievementReport: row.achievement_report,
    initiativeIds: row.initiative_ids ?? [],
    forwardedFromId: row.id,
    eventAction: 'receive',
    eventReason: `Tờ trình số ${number.documentNumber} của ${issuer.name}`,
  });
  const attach = async (bytes: Buffer, name: string, kind: string, mime: string = MIME.docx) => {
    const f = await storeGenerated(tx, {
      bytes,
      name,
      mime,
      ownerOrgId: issuer.id,
      createdBy: ctx.actor?.userId ?? null,
    });
    for (const pid of [row.id, newId]) {
      await tx.execute(sql`
        insert into proposal_files (proposal_id, file_id, kind, file_name, mime, size, uploaded_by)
        values (${pid}, ${f.id}, ${kind}, ${name}, ${mime}, ${f.size}, ${ctx.actor?.userId ?? null})`);
    }
  };
  // the list (danh sách đề nghị) as a spreadsheet the superior level can merge with others
  const listBytes = await writeTableXlsx({
    sheetName: 'Danh sách đề nghị',
    title: `DANH SÁCH ĐỀ NGHỊ TẶNG ${awardName(row.award_code).toUpperCase()} NĂM ${row.round_year}`,
    columns: [
      { header: 'STT', key: 'n', width: 6, format: 'integer' },
      { header: row.person_id ? 'Họ và tên' : 'Tên tập thể', key: 'name', width: 32, format: 'text' },
      { header: 'Đơn vị', key: 'unit', width: 36, format: 'text' },
      { header: 'Danh hiệu, hình thức đề nghị', key: 'award', width: 36, format: 'text' },
      { header: 'Kết quả Hội đồng', key: 'council', width: 24, format: 'text' },
      { header: 'Tờ trình', key: 'submission', width: 18, format: 'text' },
    ],
    rows: [
      {
        n: 1,
        name: list.nominee_name,
        unit: list.unit_name ?? '',
        award: awardName(row.award_code),
        council: council ? `${council.agree}/${council.members} đồng ý` : '',
        submission: number.documentNumber,
      },
    ],
  });
  await attach(submissionBytes, `Tờ trình ${number.documentNumber.replace(/\//g, '-')}.docx`, 'submission');
  await attach(listBytes, `Danh sách đề nghị - ${list.nominee_name}.xlsx`, 'list', MIME.xlsx);
  await attach(reportBytes, `Báo cáo thành tích - ${list.nominee_name}.docx`, 'achievement_report');
  // the dossier travels with it: evidence and earlier generated documents (minutes …) of the lower level
  await tx.execute(sql`
    insert into proposal_files (proposal_id, file_id, kind, file_name, mime, size, uploaded_by, created_at)
    select ${newId}, file_id, kind, file_name, mime, size, uploaded_by, created_at from proposal_files
     where proposal_id = ${row.id} and kind not in ('submission', 'achievement_report', 'list')`);
  return { target, newId, number: number.documentNumber };
}

export async function transitionProposalRequest(ctx: Ctx, id: string, body: TransitionBodyT) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadForChange(tx, ctx, id);
    if (row.version !== body.version) throw conflictChanged();
    const audit = auditWith(tx, ctx);
    const patch: NonNullable<Parameters<typeof transitionProposal>[4]['patch']> = {};
    // check the transition first so that a refused action does no work
    const perms = proposalPermissions(ctx, row);
    const t = findTransition(PROPOSAL_WORKFLOW, row.status, body.action);
    const allowed = t && perms.has(t.permission) && (!t.requiresReason || body.reason?.trim());
    if (allowed && body.action === 'submit' && !row.achievement_report?.trim()) {
      throw new AppError(
        'VALIDATION_FAILED',
        [{ field: 'achievementReport', message: 'Chưa có báo cáo thành tích.' }],
        'Hồ sơ chưa có báo cáo thành tích.',
      );
    }
    if (allowed && (body.action === 'submit' || body.action === 'resubmit')) {
      const open = (
        await tx.execute<{ status: string; deadline: string }>(
          sql`select status, deadline from award_rounds where id = ${row.round_id}`,
        )
      ).rows[0];
      if (open?.status !== 'open')
        throw new AppError('INVALID_STATE', null, 'Đợt khen thưởng đã kết thúc, không nhận thêm đề nghị.');
      // a first submission must arrive by the deadline; a returned dossier may come back after it
      if (body.action === 'submit' && todayInVietnam(ctx.now()) > open.deadline) {
        const [y, m, d] = open.deadline.split('-');
        throw new AppError(
          'INVALID_STATE',
          null,
          `Đã quá hạn nộp hồ sơ của đợt khen thưởng (${d}/${m}/${y}).`,
        );
      }
    }
    if (allowed && body.action === 'appraise') {
      const evidence = Number(
        (
          await tx.execute<{ n: number }>(
            sql`select count(*)::int as n from proposal_files where proposal_id = ${id} and kind = 'evidence'`,
          )
        ).rows[0]?.n ?? 0,
      );
      if (!row.achievement_report?.trim())
        throw new AppError(
          'INVALID_STATE',
          null,
          'Hồ sơ chưa có báo cáo thành tích; hãy trả lại để đơn vị bổ sung.',
        );
      patch.eligibility = await appraisalRecord(tx, row, evidence, ctx.now());
    }
    if (allowed && (body.action === 'approve' || body.action === 'reject')) {
      patch.councilResult = {
        approved: body.action === 'approve',
        reason: body.reason ?? null,
        recordedManually: true,
      };
    }
    let forwarded: Awaited<ReturnType<typeof forwardProposal>> | null = null;
    if (allowed && body.action === 'forward') {
      forwarded = await forwardProposal(tx, ctx, row, body);
      patch.forwardedToRoundId = forwarded.target.id;
      patch.forwardedProposalId = forwarded.newId;
    }
    const r = await transitionProposal(
      tx,
      ctx,
      row,
      body.action,
      { reason: body.reason ?? null, expectedVersion: body.version, patch },
      audit,
    );
    if (forwarded) {
      await writeAudit(tx, ctx, {
        action: 'proposal.received',
        entityType: 'proposal',
        entityId: forwarded.newId,
        orgId: row.round_org_id,
        after: { from: row.id, roundId: forwarded.target.id, submission: forwarded.number },
      });
    }
    return r;
  });
  return getProposal(ctx, id);
}
