/**
 * Commendation decisions: drafts (from a round's approved proposals or manual awardees), issue
 * (number reserved atomically in the issuing transaction, awards into the register, proposals
 * marked decided, evidence marked used), immutability and corrections, DOCX/PDF and certificates.
 */
import { sql } from 'drizzle-orm';
import type { CreateDecisionBodyT, UpdateDecisionBodyT } from '../../../contracts/decisions';
import { DECISION_STATUS_NAMES } from '../../../contracts/decisions';
import { AWARD_NAMES, type AwardCode, bonusForAward, type Subject } from '../../../domain/commendation';
import type { Db, Queryable } from '../../db/client';
import { renderOfficialDocx } from '../../documents/docx/official';
import { renderCertificates } from '../../documents/pdf/certificate';
import { renderOfficialPdf } from '../../documents/pdf/official';
import { MIME, sealDocument } from '../../documents/record';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { loadFile, storeGenerated } from '../../platform/files/files.service';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { markEvidenceUsed } from '../eligibility/eligibility.service';
import { reserveDocumentNumber } from '../numbering/numbering.service';
import { loadOrgInScope } from '../organizations/organizations.service';
import { markDecided } from '../proposals/proposals.service';
import {
  type AwardeeSnapshot,
  buildCertificates,
  buildDecisionDocument,
  type DecisionSnapshot,
  defaultLegalBases,
  defaultSubject,
  issuerHeader,
} from './decisions.documents';
import { baseSalaryTable, ruleSetOn } from './rules-on';

type Row = Record<string, unknown>;
const awardName = (code: string) => AWARD_NAMES[code as AwardCode] ?? code;
const IMMUTABLE = 'Quyết định đã ban hành không được sửa. Nếu có sai sót, hãy lập quyết định đính chính.';

interface DecisionRow extends Record<string, unknown> {
  id: string;
  org_id: string;
  org_path: string;
  org_name: string;
  org_short: string;
  parent_name: string | null;
  round_id: string | null;
  status: 'draft' | 'issued';
  achievement_year: number;
  award_kind: 'annual' | 'thematic' | 'adhoc' | 'career';
  decision_date: string;
  subject: string;
  achievement_text: string;
  legal_bases: string[];
  recipients: string[];
  place: string;
  issuer_parent_name: string | null;
  authority_title: string;
  signer_name: string;
  signer_title: string;
  signature_mode: 'KT.' | 'TM.' | 'Q.' | 'TL.' | null;
  on_behalf_of: string | null;
  corrects_decision_id: string | null;
  corrects_number: string | null;
  document_number: string | null;
  total_amount: number;
  issued_at: string | Date | null;
  docx_file_id: string | null;
  pdf_file_id: string | null;
  version: number;
}

async function loadDecision(
  db: Queryable,
  ctx: Ctx,
  id: string,
  permission: string,
  lock = false,
): Promise<DecisionRow> {
  const res = await db.execute<DecisionRow>(sql`
    select d.id, d.org_id, o.path as org_path, o.name as org_name, o.short_name as org_short,
           po.name as parent_name, d.round_id, d.status, d.achievement_year, d.award_kind,
           d.decision_date::text as decision_date, d.subject, d.achievement_text, d.legal_bases, d.recipients,
           d.place, d.issuer_parent_name, d.authority_title, d.signer_name, d.signer_title, d.signature_mode,
           d.on_behalf_of, d.corrects_decision_id, c.document_number as corrects_number, d.document_number,
           d.total_amount, d.issued_at, d.docx_file_id, d.pdf_file_id, d.version
      from decisions d join organizations o on o.id = d.org_id
      left join organizations po on po.id = o.parent_id
      left join decisions c on c.id = d.corrects_decision_id
     where d.id = ${id} ${lock ? sql`for update of d` : sql``}`);
  const d = res.rows[0];
  if (!d || !isInScope(scopeOf(ctx, permission), d.org_path)) throw notFound();
  return { ...d, total_amount: Number(d.total_amount), version: Number(d.version) };
}

interface AwardeeRow extends Record<string, unknown> {
  id: string;
  position: number;
  proposal_id: string | null;
  person_id: string | null;
  org_id: string | null;
  subject: Subject;
  award_code: string;
  name: string;
  position_title: string | null;
  unit_name: string | null;
  unit_org_id: string | null;
  coefficient: string | null;
  base_salary: number | null;
  amount: number;
  initiative_ids: string[] | string;
  gender: string | null;
}

async function loadAwardees(db: Queryable, decisionId: string): Promise<AwardeeRow[]> {
  const res = await db.execute<AwardeeRow>(sql`
    select a.id, a.position, a.proposal_id, a.person_id, a.org_id, a.subject, a.award_code, a.name,
           a.position_title, a.unit_name, a.unit_org_id, a.coefficient, a.base_salary, a.amount,
           a.initiative_ids, p.gender
      from decision_awardees a left join people p on p.id = a.person_id
     where a.decision_id = ${decisionId} order by a.position`);
  return res.rows.map((r) => ({
    ...r,
    position: Number(r.position),
    amount: Number(r.amount),
    base_salary: r.base_salary === null ? null : Number(r.base_salary),
  }));
}

const uuidArray = (v: string[] | string): string[] =>
  Array.isArray(v) ? v : v.replace(/^\{|\}$/g, '') ? v.replace(/^\{|\}$/g, '').split(',') : [];

/** coefficient × base salary on the decision date, rounded up to 10,000 đ (domain bonus). */
async function computeAmounts(
  db: Queryable,
  decisionDate: string,
  awardees: { awardCode: string; subject: Subject }[],
) {
  const [rs, salaries] = await Promise.all([ruleSetOn(db, decisionDate), baseSalaryTable(db)]);
  return awardees.map((a) => {
    try {
      const b = bonusForAward(rs, a.awardCode as AwardCode, a.subject, decisionDate, salaries);
      return b
        ? { coefficient: b.coefficient, baseSalary: b.baseSalary, amount: b.amount }
        : { coefficient: null, baseSalary: null, amount: 0 };
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      if (/lương cơ sở/u.test(msg)) {
        throw new AppError(
          'UNPROCESSABLE',
          null,
          `Không có mức lương cơ sở áp dụng cho ngày ${decisionDate}.`,
        );
      }
      throw new AppError(
        'VALIDATION_FAILED',
        [
          {
            field: 'awardees',
            message: `${awardName(a.awardCode)} không áp dụng cho ${a.subject === 'individual' ? 'cá nhân' : 'tập thể'}.`,
          },
        ],
        `${awardName(a.awardCode)} không áp dụng cho ${a.subject === 'individual' ? 'cá nhân' : 'tập thể'}.`,
      );
    }
  });
}

interface NewAwardee {
  proposalId: string | null;
  personId: string | null;
  orgId: string | null;
  subject: Subject;
  awardCode: string;
  name: string;
  positionTitle: string | null;
  unitName: string | null;
  unitOrgId: string | null;
  initiativeIds: string[];
}

async function personAwardee(db: Queryable, personId: string, scopePath: string) {
  const res = await db.execute<{
    id: string;
    full_name: string;
    position: string | null;
    org_id: string | null;
    org_name: string | null;
    path: string | null;
  }>(sql`
    select p.id, p.full_name, p.position, o.id as org_id, o.name as org_name, o.path
      from people p left join organizations o on o.id = p.current_org_id where p.id = ${personId}`);
  const p = res.rows[0];
  if (!p?.path?.startsWith(scopePath)) return null;
  return p;
}

async function orgAwardee(db: Queryable, orgId: string, scopePath: string) {
  const res = await db.execute<{
    id: string;
    name: string;
    path: string;
    parent_id: string | null;
    parent_name: string | null;
  }>(sql`
    select o.id, o.name, o.path, o.parent_id, po.name as parent_name
      from organizations o left join organizations po on po.id = o.parent_id where o.id = ${orgId}`);
  const o = res.rows[0];
  if (!o?.path.startsWith(scopePath)) return null;
  return o;
}

async function insertAwardees(db: Queryable, decisionId: string, decisionDate: string, list: NewAwardee[]) {
  const amounts = await computeAmounts(db, decisionDate, list);
  let total = 0;
  for (const [i, a] of list.entries()) {
    const m = amounts[i]!;
    total += m.amount;
    await db.execute(sql`
      insert into decision_awardees (decision_id, position, proposal_id, person_id, org_id, subject, award_code, name,
                                     position_title, unit_name, unit_org_id, coefficient, base_salary, amount, initiative_ids)
      values (${decisionId}, ${i + 1}, ${a.proposalId}, ${a.personId}, ${a.orgId}, ${a.subject}, ${a.awardCode}, ${a.name},
              ${a.positionTitle}, ${a.unitName}, ${a.unitOrgId}, ${m.coefficient}, ${m.baseSalary}, ${m.amount},
              ${`{${a.initiativeIds.join(',')}}`}::uuid[])`);
  }
  return total;
}

/** Approved proposals of the organisation's rounds that no decision covers yet. */
export async function approvedCandidates(ctx: Ctx, orgId: string) {
  const org = await loadOrgInScope(ctx.db, ctx, orgId, 'decision.draft');
  const res = await ctx.db.execute<Row>(sql`
    select p.id, p.round_id, r.title as round_title, r.year as round_year, p.award_code, coalesce(pe.full_name, og.name) as nominee_name
      from proposals p join award_rounds r on r.id = p.round_id
      left join people pe on pe.id = p.person_id left join organizations og on og.id = p.org_id
     where r.org_id = ${org.id} and p.status = 'approved'
       and not exists (select 1 from decision_awardees a join decisions d on d.id = a.decision_id
                        where a.proposal_id = p.id and d.status = 'draft')
     order by r.year desc, p.award_code, vi_sort_key(coalesce(pe.full_name, og.name, '')) collate "C"`);
  return res.rows.map((r) => ({
    proposalId: String(r.id),
    roundId: String(r.round_id),
    roundTitle: String(r.round_title),
    roundYear: Number(r.round_year),
    nomineeName: String(r.nominee_name ?? ''),
    awardCode: String(r.award_code),
    awardName: awardName(String(r.award_code)),
  }));
}

export async function createDecision(ctx: Ctx, input: CreateDecisionBodyT) {
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'decision.draft');
    const list: NewAwardee[] = [];
    let roundId: string | null = input.roundId ?? null;
    let awardKind = input.awardKind ?? 'annual';
    let roundYear: number | null = null;
    const proposalIds = input.proposalIds?.length ? input.proposalIds : null;
    if (input.roundId || proposalIds) {
      const res = await tx.execute<Row>(sql`
        select p.id, p.round_id, r.kind as round_kind, r.year as round_year, p.person_id, p.org_id, p.award_code, p.initiative_ids,
               pe.full_name, pe.position, po.id as p_org_id, po.name as p_org_name,
               og.name as c_name, ogp.id as c_parent_id, ogp.name as c_parent_name
          from proposals p join award_rounds r on r.id = p.round_id
          left join people pe on pe.id = p.person_id left join organizations po on po.id = pe.current_org_id
          left join organizations og on og.id = p.org_id left join organizations ogp on ogp.id = og.parent_id
         where r.org_id = ${org.id} and p.status = 'approved'
           ${input.roundId ? sql`and p.round_id = ${input.roundId}` : sql``}
           ${
             proposalIds
               ? sql`and p.id in (${sql.join(
                   proposalIds.map((i) => sql`${i}`),
                   sql`, `,
                 )})`
               : sql``
           }
           and not exists (select 1 from decision_awardees a join decisions d on d.id = a.decision_id
                            where a.proposal_id = p.id and d.status = 'draft')
         order by p.award_code, vi_sort_key(coalesce(pe.full_name, og.name, '')) collate "C"`);
      if (proposalIds && res.rows.length !== new Set(proposalIds).size) {
        throw new AppError(
          'VALIDATION_FAILED',
          [
            {
              field: 'proposalIds',
              message:
                'Có đề nghị chưa được Hội đồng thông qua, đã có trong dự thảo khác hoặc không thuộc đơn vị.',
            },
          ],
          'Chỉ lập quyết định cho các đề nghị đã được Hội đồng thông qua của đơn vị.',
        );
      }
      for (const r of res.rows) {
        roundId ??= String(r.round_id);
        roundYear ??= Number(r.round_year);
        awardKind = (input.awardKind ?? r.round_kind ?? 'annual') as typeof awardKind;
        const individual = r.person_id !== null;
        list.push({
          proposalId: String(r.id),
          personId: (r.person_id as string | null) ?? null,
          orgId: (r.org_id as string | null) ?? null,
          subject: individual ? 'individual' : 'collective',
          awardCode: String(r.award_code),
          name: String(individual ? r.full_name : r.c_name),
          positionTitle: individual ? ((r.position as string | null) ?? null) : null,
          unitName:
            (individual ? (r.p_org_name as string | null) : (r.c_parent_name as string | null)) ?? null,
          unitOrgId: (individual ? (r.p_org_id as string | null) : (r.org_id as string | null)) ?? null,
          initiativeIds: uuidArray((r.initiative_ids as string[] | string | null) ?? []),
        });
      }
    }
    for (const a of input.awardees ?? []) {
      if (a.personId) {
        const p = await personAwardee(tx, a.personId, org.path);
        if (!p)
          throw new AppError('VALIDATION_FAILED', [
            { field: 'awardees', message: 'Không tìm thấy cá nhân trong đơn vị.' },
          ]);
        list.push({
          proposalId: null,
          personId: p.id,
          orgId: null,
          subject: 'individual',
          awardCode: a.awardCode,
          name: p.full_name,
          positionTitle: p.position,
          unitName: p.org_name,
          unitOrgId: p.org_id,
          initiativeIds: [],
        });
      } else if (a.orgId) {
        const o = await orgAwardee(tx, a.orgId, org.path);
        if (!o)
          throw new AppError('VALIDATION_FAILED', [
            { field: 'awardees', message: 'Không tìm thấy tập thể trong đơn vị.' },
          ]);
        list.push({
          proposalId: null,
          personId: null,
          orgId: o.id,
          subject: 'collective',
          awardCode: a.awardCode,
          name: o.name,
          positionTitle: null,
          unitName: o.parent_name,
          unitOrgId: o.id,
          initiativeIds: [],
        });
      }
    }
    if (list.length === 0) {
      throw new AppError(
        'VALIDATION_FAILED',
        [
          {
            field: 'awardees',
            message: 'Quyết định phải có ít nhất một tập thể hoặc cá nhân được khen thưởng.',
          },
        ],
        'Không có đề nghị đã được Hội đồng thông qua hoặc người được khen thưởng để lập quyết định.',
      );
    }
    const achievementYear = input.achievementYear ?? roundYear;
    if (achievementYear === null) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'achievementYear', message: 'Chưa nhập năm thành tích.' },
      ]);
    }
    const header = issuerHeader(org.name, null);
    const res = await tx.execute<{ id: string }>(sql`
      insert into decisions (org_id, round_id, achievement_year, award_kind, decision_date, subject, achievement_text,
                             legal_bases, recipients, place, issuer_parent_name, authority_title, signer_name,
                             signer_title, signature_mode, on_behalf_of, created_by)
      values (${org.id}, ${roundId}, ${achievementYear}, ${awardKind}, ${input.decisionDate},
              ${
                input.subject ??
                defaultSubject(
                  list.map((a) => a.awardCode),
                  achievementYear,
                )
              },
              ${input.achievementText ?? `đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${achievementYear}`},
              ${JSON.stringify(input.legalBases ?? defaultLegalBases(input.decisionDate))}::jsonb,
              ${JSON.stringify(input.recipients ?? ['Như Điều 3', 'Lưu: VT, TĐKT'])}::jsonb,
              ${input.place ?? 'Điện Biên'}, ${input.issuerParentName ?? header.parent},
              ${input.authorityTitle ?? `GIÁM ĐỐC ${header.name}`}, ${input.signerName}, ${input.signerTitle},
              ${input.signatureMode ?? null}, ${input.onBehalfOf ?? null}, ${ctx.actor?.userId ?? null})
      returning id`);
    const id = res.rows[0]!.id;
    const total = await insertAwardees(tx, id, input.decisionDate, list);
    await tx.execute(sql`update decisions set total_amount = ${total} where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'decision.draft',
      entityType: 'decision',
      entityId: id,
      orgId: org.id,
      after: {
        roundId,
        awardees: list.length,
        total,
        proposalIds: list.map((a) => a.proposalId).filter(Boolean),
      },
    });
    return { id };
  });
}

export async function updateDecision(ctx: Ctx, id: string, input: UpdateDecisionBodyT) {
  await ctx.db.transaction(async (tx) => {
    const d = await loadDecision(tx, ctx, id, 'decision.draft', true);
    if (d.status !== 'draft') throw new AppError('INVALID_STATE', null, IMMUTABLE);
    if (d.version !== input.version) throw new AppError('CONFLICT');
    const set: ReturnType<typeof sql>[] = [];
    const put = (col: string, v: unknown, json = false) => {
      if (v === undefined) return;
      set.push(
        json ? sql`${sql.identifier(col)} = ${JSON.stringify(v)}::jsonb` : sql`${sql.identifier(col)} = ${v}`,
      );
    };
    put('decision_date', input.decisionDate);
    put('achievement_year', input.achievementYear);
    put('subject', input.subject);
    put('achievement_text', input.achievementText);
    put('legal_bases', input.legalBases, true);
    put('recipients', input.recipients, true);
    put('place', input.place);
    put('issuer_parent_name', input.issuerParentName);
    put('authority_title', input.authorityTitle);
    put('signer_name', input.signerName);
    put('signer_title', input.signerTitle);
    put('signature_mode', input.signatureMode);
    put('on_behalf_of', input.onBehalfOf);
    set.push(sql`version = version + 1`, sql`updated_at = now()`);
    await tx.execute(sql`update decisions set ${sql.join(set, sql`, `)} where id = ${id}`);
    if (input.decisionDate && input.decisionDate !== d.decision_date)
      await recomputeAmounts(tx, id, input.decisionDate);
    const { version: _v, ...changes } = input;
    await writeAudit(tx, ctx, {
      action: 'decision.update',
      entityType: 'decision',
      entityId: id,
      orgId: d.org_id,
      after: changes,
    });
  });
}

async function recomputeAmounts(tx: Queryable, id: string, decisionDate: string): Promise<number> {
  const awardees = await loadAwardees(tx, id);
  const amounts = await computeAmounts(
    tx,
    decisionDate,
    awardees.map((a) => ({ awardCode: a.award_code, subject: a.subject })),
  );
  let total = 0;
  for (const [i, a] of awardees.entries()) {
    const m = amounts[i]!;
    total += m.amount;
    await tx.execute(
      sql`update decision_awardees set coefficient = ${m.coefficient}, base_salary = ${m.baseSalary}, amount = ${m.amount} where id = ${a.id}`,
    );
  }
  await tx.execute(sql`update decisions set total_amount = ${total} where id = ${id}`);
  return total;
}

export async function deleteDraft(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const d = await loadDecision(tx, ctx, id, 'decision.draft', true);
    if (d.status !== 'draft') throw new AppError('INVALID_STATE', null, IMMUTABLE);
    await tx.execute(sql`delete from decision_awardees where decision_id = ${id}`);
    await tx.execute(sql`delete from decisions where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'decision.delete',
      entityType: 'decision',
      entityId: id,
      orgId: d.org_id,
      before: { subject: d.subject },
    });
  });
}

/**
 * Issues (ký ban hành) a draft: the number is reserved in this transaction (a rollback gives it
 * back, so the yearly sequence has no gaps), amounts are fixed on the decision date, awards enter
 * the register, proposals become decided and their evidence is marked used.
 */
export async function issueDecision(ctx: Ctx, id: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const d = await loadDecision(tx, ctx, id, 'decision.sign', true);
    if (d.status !== 'draft')
      throw new AppError('INVALID_STATE', null, 'Quyết định đã được ban hành trước đó.');
    if (d.version !== version) throw new AppError('CONFLICT');
    const total = await recomputeAmounts(tx, id, d.decision_date);
    const awardees = await loadAwardees(tx, id);
    const year = Number(d.decision_date.slice(0, 4));
    const issuerShort = d.org_short.replace(/\s+/g, '');
    const n = await reserveDocumentNumber(tx, { issuerOrgId: d.org_id, kindAbbr: 'QĐ', issuerShort, year });
    await tx.execute(sql`
      update decisions set status = 'issued', year = ${year}, sequence = ${n.sequence}, document_number = ${n.documentNumber},
             total_amount = ${total}, issued_at = ${ctx.now().toISOString()}, issued_by = ${ctx.actor?.userId ?? null},
             version = version + 1, updated_at = now()
       where id = ${id}`);
    const issuer = d.authority_title
      .toLocaleLowerCase('vi-VN')
      .replace(/^./u, (c) => c.toLocaleUpperCase('vi-VN'));
    for (const a of awardees) {
      await tx.execute(sql`
        insert into awards (person_id, org_id, award_code, year, decision_id, decision_number, decided_on, issuer, source,
                            unit_org_id, achievement, amount, kind, created_by)
        values (${a.person_id}, ${a.org_id}, ${a.award_code}, ${d.achievement_year}, ${id}, ${n.documentNumber},
                ${d.decision_date}, ${issuer.replace(/ sở y tế/u, ' Sở Y tế')}, 'internal', ${a.unit_org_id},
                ${d.achievement_text}, ${a.amount}, ${d.award_kind}, ${ctx.actor?.userId ?? null})`);
    }
    if (d.corrects_decision_id) {
      await tx.execute(
        sql`update awards set revoked_at = now() where decision_id = ${d.corrects_decision_id} and revoked_at is null`,
      );
    }
    const proposalIds = awardees.map((a) => a.proposal_id).filter((p): p is string => !!p);
    if (proposalIds.length > 0) {
      const approved = await tx.execute<{ id: string }>(sql`
        select id from proposals where id in (${sql.join(
          proposalIds.map((p) => sql`${p}`),
          sql`, `,
        )}) and status = 'approved'`);
      const ids = approved.rows.map((r) => r.id);
      if (ids.length > 0) await markDecided(tx as unknown as Db, ctx, ids, id);
      for (const a of awardees) {
        const initiatives = uuidArray(a.initiative_ids);
        if (a.proposal_id && ids.includes(a.proposal_id) && initiatives.length > 0) {
          await markEvidenceUsed(tx as unknown as Db, {
            initiativeIds: initiatives,
            researchProjectIds: [],
            awardCode: a.award_code,
            year: d.achievement_year,
            ...(a.person_id ? { personId: a.person_id } : {}),
          });
        }
      }
    }
    await writeAudit(tx, ctx, {
      action: 'decision.issue',
      entityType: 'decision',
      entityId: id,
      orgId: d.org_id,
      after: { documentNumber: n.documentNumber, total, awardees: awardees.length },
    });
    return { id, documentNumber: n.documentNumber, sequence: n.sequence, totalAmount: total };
  });
}

/** A correction: a new draft linked to the issued decision, with a copy of its awardees. */
export async function createCorrection(ctx: Ctx, id: string) {
  return ctx.db.transaction(async (tx) => {
    const d = await loadDecision(tx, ctx, id, 'decision.draft');
    if (d.status !== 'issued') {
      throw new AppError(
        'INVALID_STATE',
        null,
        'Chỉ đính chính quyết định đã ban hành; dự thảo thì sửa trực tiếp.',
      );
    }
    const res = await tx.execute<{ id: string }>(sql`
      insert into decisions (org_id, round_id, achievement_year, award_kind, decision_date, subject, achievement_text,
                             legal_bases, recipients, place, issuer_parent_name, authority_title, signer_name, signer_title,
                             signature_mode, on_behalf_of, corrects_decision_id, total_amount, created_by)
      select org_id, round_id, achievement_year, award_kind, ${d.decision_date}, ${`Về việc đính chính Quyết định số ${d.document_number}`},
             achievement_text, legal_bases, recipients, place, issuer_parent_name, authority_title, signer_name, signer_title,
             signature_mode, on_behalf_of, id, total_amount, ${ctx.actor?.userId ?? null}
        from decisions where id = ${id} returning id`);
    const newId = res.rows[0]!.id;
    await tx.execute(sql`
      insert into decision_awardees (decision_id, position, proposal_id, person_id, org_id, subject, award_code, name,
                                     position_title, unit_name, unit_org_id, coefficient, base_salary, amount, initiative_ids)
      select ${newId}, position, proposal_id, person_id, org_id, subject, award_code, name, position_title, unit_name,
             unit_org_id, coefficient, base_salary, amount, initiative_ids
        from decision_awardees where decision_id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'decision.correction',
      entityType: 'decision',
      entityId: newId,
      orgId: d.org_id,
      after: { correctsDecisionId: id, correctsNumber: d.document_number },
    });
    return { id: newId };
  });
}

export async function removeAwardee(ctx: Ctx, id: string, awardeeId: string) {
  await ctx.db.transaction(async (tx) => {
    const d = await loadDecision(tx, ctx, id, 'decision.draft', true);
    if (d.status !== 'draft') throw new AppError('INVALID_STATE', null, IMMUTABLE);
    const res = await tx.execute<{ name: string }>(
      sql`delete from decision_awardees where id = ${awardeeId} and decision_id = ${id} returning name`,
    );
    if (res.rows.length === 0) throw notFound();
    await recomputeAmounts(tx, id, d.decision_date);
    await tx.execute(sql`update decisions set version = version + 1, updated_at = now() where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'decision.awardee.remove',
      entityType: 'decision',
      entityId: id,
      orgId: d.org_id,
      before: { awardeeId, name: res.rows[0]!.name },
    });
  });
}

// ------------------------------------------------------------------ queries

export async function listDecisions(
  ctx: Ctx,
  q: { orgId?: string; status?: 'draft' | 'issued'; year?: number },
) {
  const parts = [pathInSubtrees(sql`o.path`, scopeOf(ctx, 'decision.read'))];
  if (q.orgId) {
    const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'decision.read');
    parts.push(sql`o.path like ${`${org.path}%`}`);
  }
  if (q.status) parts.push(sql`d.status = ${q.status}`);
  if (q.year) parts.push(sql`extract(year from d.decision_date)::int = ${q.year}`);
  const res = await ctx.db.execute<Row>(sql`
    select d.id, d.org_id, o.name as org_name, d.status, d.document_number, d.decision_date::text as decision_date,
           d.subject, d.total_amount, d.corrects_decision_id,
           (select count(*)::int from decision_awardees a where a.decision_id = d.id) as awardee_count
      from decisions d join organizations o on o.id = d.org_id
     where ${sql.join(parts, sql` and `)}
     order by d.decision_date desc, d.sequence desc nulls first, d.created_at desc limit 500`);
  return res.rows.map((r) => ({
    id: String(r.id),
    orgId: String(r.org_id),
    orgName: String(r.org_name),
    status: r.status as 'draft' | 'issued',
    statusName: DECISION_STATUS_NAMES[r.status as 'draft' | 'issued'],
    documentNumber: (r.document_number as string | null) ?? null,
    decisionDate: String(r.decision_date),
    subject: String(r.subject),
    awardeeCount: Number(r.awardee_count),
    totalAmount: Number(r.total_amount),
    correctsDecisionId: (r.corrects_decision_id as string | null) ?? null,
  }));
}

export async function getDecision(ctx: Ctx, id: string) {
  const d = await loadDecision(ctx.db, ctx, id, 'decision.read');
  const awardees = await loadAwardees(ctx.db, id);
  const corrections = await ctx.db.execute<{ id: string; document_number: string | null }>(
    sql`select id, document_number from decisions where corrects_decision_id = ${id} order by created_at`,
  );
  const draft = d.status === 'draft';
  return {
    id: d.id,
    orgId: d.org_id,
    orgName: d.org_name,
    status: d.status,
    statusName: DECISION_STATUS_NAMES[d.status],
    documentNumber: d.document_number,
    decisionDate: d.decision_date,
    subject: d.subject,
    awardeeCount: awardees.length,
    totalAmount: d.total_amount,
    correctsDecisionId: d.corrects_decision_id,
    roundId: d.round_id,
    achievementYear: Number(d.achievement_year),
    awardKind: d.award_kind,
    achievementText: d.achievement_text,
    legalBases: d.legal_bases,
    recipients: d.recipients,
    place: d.place,
    issuerParentName: d.issuer_parent_name,
    authorityTitle: d.authority_title,
    signerName: d.signer_name,
    signerTitle: d.signer_title,
    signatureMode: d.signature_mode,
    onBehalfOf: d.on_behalf_of,
    issuedAt: d.issued_at ? new Date(d.issued_at).toISOString() : null,
    correctedBy: corrections.rows.map((c) => ({ id: c.id, documentNumber: c.document_number })),
    awardees: awardees.map((a) => ({
      id: a.id,
      position: a.position,
      proposalId: a.proposal_id,
      personId: a.person_id,
      orgId: a.org_id,
      subject: a.subject,
      awardCode: a.award_code,
      awardName: awardName(a.award_code),
      name: a.name,
      positionTitle: a.position_title,
      unitName: a.unit_name,
      coefficient: a.coefficient,
      baseSalary: a.base_salary,
      amount: a.amount,
    })),
    version: d.version,
    abilities: {
      edit: draft && canOn(ctx.actor, 'decision.draft', d.org_path),
      issue: draft && canOn(ctx.actor, 'decision.sign', d.org_path),
      correct: !draft && canOn(ctx.actor, 'decision.draft', d.org_path),
    },
  };
}

// ------------------------------------------------------------------ documents

function snapshot(d: DecisionRow): DecisionSnapshot {
  const header = issuerHeader(d.org_name, null);
  return {
    documentNumber: d.document_number,
    issuerShort: d.org_short.replace(/\s+/g, ''),
    issuerName: header.name,
    issuerParentName: d.issuer_parent_name,
    place: d.place,
    decisionDate: d.decision_date,
    subject: d.subject,
    achievementText: d.achievement_text,
    achievementYear: Number(d.achievement_year),
    legalBases: d.legal_bases,
    recipients: d.recipients,
    authorityTitle: d.authority_title,
    signerName: d.signer_name,
    signerTitle: d.signer_title,
    signatureMode: d.signature_mode,
    onBehalfOf: d.on_behalf_of,
    status: d.status,
    correctsNumber: d.corrects_number,
  };
}

const toAwardeeSnapshots = (rows: AwardeeRow[]): AwardeeSnapshot[] =>
  rows.map((a) => ({
    subject: a.subject,
    awardCode: a.award_code,
    name: a.name,
    positionTitle: a.position_title,
    unitName: a.unit_name,
    amount: a.amount,
    coefficient: a.coefficient,
    gender: a.gender,
  }));

export function decisionFileName(
  d: { document_number: string | null; decision_date: string },
  ext: string,
  prefix = 'Quyết định',
) {
  return `${prefix} ${d.document_number ? d.document_number.replace(/\//g, '-') : `dự thảo ${d.decision_date}`}.${ext}`;
}

/**
 * The decision as DOCX or PDF. An issued decision's document is generated once, stored and sealed
 * (template version, input snapshot, sha256); later downloads return the same bytes.
 */
export async function decisionDocument(ctx: Ctx, id: string, format: 'docx' | 'pdf') {
  const d = await loadDecision(ctx.db, ctx, id, 'decision.read');
  const fileName = decisionFileName(d, format);
  const mime = format === 'docx' ? MIME.docx : MIME.pdf;
  const storedId = format === 'docx' ? d.docx_file_id : d.pdf_file_id;
  if (d.status === 'issued' && storedId) {
    const f = await loadFile(ctx.db, storedId);
    if (f) return { bytes: f.content, fileName, mime };
  }
  const doc = buildDecisionDocument(snapshot(d), toAwardeeSnapshots(await loadAwardees(ctx.db, id)));
  const bytes = format === 'docx' ? await renderOfficialDocx(doc) : await renderOfficialPdf(doc);
  if (d.status !== 'issued') return { bytes, fileName, mime };
  return ctx.db.transaction(async (tx) => {
    const col = format === 'docx' ? sql`docx_file_id` : sql`pdf_file_id`;
    const locked = await tx.execute<{ file_id: string | null }>(
      sql`select ${col} as file_id from decisions where id = ${id} for update`,
    );
    const existing = locked.rows[0]?.file_id;
    if (existing) {
      const f = await loadFile(tx, existing);
      if (f) return { bytes: f.content, fileName, mime };
    }
    const sealed = sealDocument({ templateVersion: doc.templateVersion, input: doc, bytes, mime });
    const file = await storeGenerated(tx, {
      bytes,
      name: fileName,
      mime,
      ownerOrgId: d.org_id,
      createdBy: ctx.actor?.userId ?? null,
    });
    await tx.execute(sql`
      update decisions set ${col} = ${file.id},
             document_seal = coalesce(document_seal, '{}'::jsonb) || jsonb_build_object(${format}::text, ${JSON.stringify(sealed)}::jsonb)
       where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'decision.document',
      entityType: 'decision',
      entityId: id,
      orgId: d.org_id,
      after: { format, fileId: file.id, sha256: sealed.sha256 },
    });
    return { bytes, fileName, mime };
  });
}

/** Certificates (PDF): all awardees, or one. Only for issued decisions. */
export async function decisionCertificates(ctx: Ctx, id: string, awardeeId?: string) {
  const d = await loadDecision(ctx.db, ctx, id, 'decision.read');
  if (d.status !== 'issued') {
    throw new AppError('INVALID_STATE', null, 'Chỉ in giấy chứng nhận khi quyết định đã ban hành.');
  }
  let rows = await loadAwardees(ctx.db, id);
  if (awardeeId) {
    rows = rows.filter((a) => a.id === awardeeId);
    if (rows.length === 0) throw notFound();
  }
  const bytes = await renderCertificates(buildCertificates(snapshot(d), toAwardeeSnapshots(rows)));
  const name = awardeeId ? `Bằng, giấy chứng nhận ${rows[0]!.name}` : 'Bằng, giấy chứng nhận';
  return { bytes, fileName: decisionFileName(d, 'pdf', name), mime: MIME.pdf };
}
