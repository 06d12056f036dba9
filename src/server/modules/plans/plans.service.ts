import { type SQL, sql } from 'drizzle-orm';
import type { PlanContentInputT } from '../../../contracts/plans';
import { ROLES, roleHasPermission } from '../../../domain/access/roles';
import { applyTransition } from '../../../domain/commendation/workflow';
import { UNIT_TYPES } from '../../../domain/org/types';
import {
  deriveContent,
  diffPlans,
  draftFromParsed,
  emptyPlanContent,
  PLAN_STATUS_NAMES,
  PLAN_WORKFLOW,
  type PlanAction,
  type PlanContent,
  planDocumentNumber,
} from '../../../domain/plans/model';
import { parsePlanText } from '../../../domain/plans/parse/index';
import { foldVi } from '../../../domain/text/vietnamese';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import { planReminders, plans } from '../../db/schema';
import { renderOfficialDocx } from '../../documents/docx/official';
import { upperVi } from '../../documents/format';
import { renderOfficialPdf } from '../../documents/pdf/official';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { indicatorProgress } from '../indicators/indicators.progress';
import { enqueueMail } from '../mail/mail.service';
import { notify } from '../notifications/notifications.service';
import { reserveDocumentNumber } from '../numbering/numbering.service';
import { loadOrgInScope } from '../organizations/organizations.service';
import { buildPlanDocument } from './plans.document';
import { extractPlanText } from './plans.files';
import {
  findPlan,
  iso,
  loadContent,
  type PlanRow,
  replaceLists,
  rowToPlan,
  scalarColumns,
} from './plans.repo';

// ---------------------------------------------------------------- scope

/**
 * Which plans a caller may read: every plan of the organisations under their `plan.read` grants,
 * and the ISSUED plans of the organisations above them (a superior's plan is addressed to its
 * subordinates: they read it to implement it). Anything else is a 404, like a missing plan.
 */
function readableWhere(ctx: Ctx): SQL {
  const paths = scopeOf(ctx, 'plan.read');
  if (paths.length === 0) return sql`false`;
  const above = sql.join(
    paths.map((p) => sql`${p} like o.path || '%'`),
    sql` or `,
  );
  return sql`(${pathInSubtrees(sql`o.path`, paths)} or (p.status = 'issued' and (${above})))`;
}

function canRead(ctx: Ctx, plan: PlanRow): boolean {
  const paths = scopeOf(ctx, 'plan.read');
  if (isInScope(paths, plan.orgPath)) return true;
  return plan.status === 'issued' && paths.some((p) => p.startsWith(plan.orgPath));
}

async function loadReadable(db: Queryable, ctx: Ctx, id: string): Promise<PlanRow> {
  const plan = await findPlan(db, id);
  if (!plan || !canRead(ctx, plan)) throw notFound();
  return plan;
}

/** A plan of the caller's own subtree for `permission` (write, issue, board); else 404. */
async function loadOwn(db: Queryable, ctx: Ctx, id: string, permission: string): Promise<PlanRow> {
  const plan = await findPlan(db, id);
  if (!plan || !isInScope(scopeOf(ctx, permission), plan.orgPath)) throw notFound();
  return plan;
}

function permissionsOn(ctx: Ctx, orgPath: string): string[] {
  return ['plan.read', 'plan.write', 'plan.issue'].filter((p) => canOn(ctx.actor, p, orgPath));
}

function transition(ctx: Ctx, plan: PlanRow, action: PlanAction) {
  const t = applyTransition(PLAN_WORKFLOW, plan.status, action, permissionsOn(ctx, plan.orgPath));
  if (!t.ok) {
    if (t.error === 'permission_denied') throw new AppError('FORBIDDEN');
    throw new AppError(
      'INVALID_STATE',
      null,
      plan.status === 'issued' ? 'Kế hoạch đã ban hành, không thể sửa, xóa hoặc ban hành lại.' : t.message,
    );
  }
  return t;
}

// ---------------------------------------------------------------- presenters

const documentNumberOf = (p: Pick<PlanRow, 'number' | 'symbol'>) => planDocumentNumber(p.number, p.symbol);

function presentSummary(p: PlanRow) {
  return {
    id: p.id,
    orgId: p.orgId,
    orgName: p.orgName,
    parentPlanId: p.parentPlanId,
    status: p.status as 'draft' | 'issued',
    statusName: PLAN_STATUS_NAMES[p.status as 'draft' | 'issued'] ?? p.status,
    documentNumber: documentNumberOf(p),
    issuedOn: p.status === 'issued' ? p.issuedOn : null,
    title: p.title,
    yearFrom: p.yearFrom,
    yearTo: p.yearTo,
    updatedAt: iso(p.updatedAt)!,
  };
}

interface ImportInfo {
  sourceDocumentNumber: string | null;
  fileName: string | null;
  recognised: string[];
  warnings: string[];
}

function abilities(ctx: Ctx, p: PlanRow) {
  const draft = p.status === 'draft';
  const write = canOn(ctx.actor, 'plan.write', p.orgPath);
  const writeBelow = scopeOf(ctx, 'plan.write').some(
    (s) => s.startsWith(p.orgPath) || p.orgPath.startsWith(s),
  );
  return {
    edit: draft && write,
    issue: draft && canOn(ctx.actor, 'plan.issue', p.orgPath),
    delete: draft && write,
    derive: !draft && writeBelow,
    board: canOn(ctx.actor, 'plan.read', p.orgPath),
    remind: !draft && write,
  };
}

export async function getPlan(ctx: Ctx, id: string) {
  const p = await loadReadable(ctx.db, ctx, id);
  const content = await loadContent(ctx.db, p);
  const parent = p.parentPlanId ? await findPlan(ctx.db, p.parentPlanId) : undefined;
  return {
    ...presentSummary(p),
    number: p.number,
    symbol: p.symbol,
    version: p.version,
    content,
    parent: parent
      ? {
          id: parent.id,
          documentNumber: documentNumberOf(parent),
          title: parent.title,
          orgName: parent.orgName,
        }
      : null,
    importInfo: (p.importInfo as ImportInfo | null) ?? null,
    issuedAt: iso(p.issuedAt),
    abilities: abilities(ctx, p),
  };
}

export async function listPlans(
  ctx: Ctx,
  q: { orgId?: string; status?: 'draft' | 'issued'; year?: number; q?: string },
) {
  const parts: SQL[] = [readableWhere(ctx)];
  if (q.orgId) {
    // an organisation the caller can see plans of: in their subtree, or above it; else 404
    const org = await ctx.db.execute<{ path: string }>(
      sql`select path from organizations where id = ${q.orgId}`,
    );
    const orgPath = org.rows[0]?.path;
    const paths = scopeOf(ctx, 'plan.read');
    if (!orgPath || !(isInScope(paths, orgPath) || paths.some((p) => p.startsWith(orgPath))))
      throw notFound();
    parts.push(sql`p.org_id = ${q.orgId}`);
  }
  if (q.status) parts.push(sql`p.status = ${q.status}`);
  if (q.year)
    parts.push(
      sql`(p.year_from is null or p.year_from <= ${q.year}) and (p.year_to is null or p.year_to >= ${q.year})`,
    );
  if (q.q?.trim()) {
    const like = `%${foldVi(q.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      sql`lower(f_unaccent(p.title || ' ' || coalesce(p.number::text || '/' || p.symbol, ''))) like ${like}`,
    );
  }
  const res = await ctx.db.execute<Record<string, unknown>>(sql`
    select p.*, o.path as org_path, o.name as org_name, o.short_name as org_short_name, o.parent_id as org_parent_id, o.type as org_type
      from plans p join organizations o on o.id = p.org_id
     where ${sql.join(parts, sql` and `)}
     order by o.depth, p.issued_on desc nulls first, p.updated_at desc
     limit 500`);
  return res.rows.map((r) => presentSummary(rowToPlan(r)));
}

// ---------------------------------------------------------------- drafts

function snapshot(p: PlanRow, c: PlanContent) {
  return {
    status: p.status,
    documentNumber: documentNumberOf(p),
    orgId: p.orgId,
    parentPlanId: p.parentPlanId,
    ...c,
  };
}

const headerName = (name: string) => upperVi(name);

async function parentOrgName(db: Queryable, orgParentId: string | null): Promise<string | null> {
  if (!orgParentId) return null;
  const res = await db.execute<{ name: string }>(
    sql`select name from organizations where id = ${orgParentId}`,
  );
  return res.rows[0]?.name ?? null;
}

async function insertDraft(
  tx: Queryable,
  ctx: Ctx,
  orgId: string,
  content: PlanContent,
  extra: { parentPlanId?: string | null; importInfo?: ImportInfo | null } = {},
): Promise<string> {
  const [row] = await tx
    .insert(plans)
    .values({
      orgId,
      parentPlanId: extra.parentPlanId ?? null,
      status: 'draft',
      ...scalarColumns(content),
      importInfo: extra.importInfo ?? null,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning({ id: plans.id });
  await replaceLists(tx, row!.id, content);
  return row!.id;
}

function checkYears(c: Partial<PlanContent>) {
  if (c.yearFrom != null && c.yearTo != null && c.yearTo < c.yearFrom) {
    throw new AppError('VALIDATION_FAILED', [
      { field: 'content.yearTo', message: 'Năm kết thúc phải không trước năm bắt đầu.' },
    ]);
  }
}

/** Links "Thực hiện Kế hoạch số 234/KH-SYT" references to plans in the system the caller can read. */
async function linkReferences(tx: Queryable, ctx: Ctx, content: PlanContent): Promise<string | null> {
  let parentPlanId: string | null = null;
  for (const r of content.references) {
    if (r.kind !== 'implements' || r.referencedPlanId || !r.number) continue;
    const m = /^(\d+)\/(.+)$/.exec(r.number.trim());
    if (!m) continue;
    const res = await tx.execute<{ id: string }>(sql`
      select p.id from plans p join organizations o on o.id = p.org_id
       where ${readableWhere(ctx)} and p.status = 'issued' and p.number = ${Number(m[1])}
         and upper(p.symbol) = upper(${m[2]!})
         ${r.issuedOn ? sql`and p.issued_on = ${r.issuedOn}` : sql``}
       limit 2`);
    if (res.rows.length === 1) {
      r.referencedPlanId = res.rows[0]!.id;
      parentPlanId = r.referencedPlanId;
    }
  }
  return parentPlanId;
}

export async function createPlan(ctx: Ctx, input: { orgId: string; content?: Partial<PlanContentInputT> }) {
  checkYears(input.content ?? {});
  const id = await ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'plan.write');
    const content: PlanContent = {
      ...emptyPlanContent(),
      issuerName: headerName(org.name),
      parentIssuerName: (await parentOrgName(tx, org.parentId)) ?? null,
      ...(input.content as Partial<PlanContent>),
    };
    const parentPlanId = await linkReferences(tx, ctx, content);
    const id = await insertDraft(tx, ctx, org.id, content, { parentPlanId });
    await writeAudit(tx, ctx, {
      action: 'plan.create',
      entityType: 'plan',
      entityId: id,
      orgId: org.id,
      after: content,
    });
    return id;
  });
  return getPlan(ctx, id);
}

export async function updatePlan(
  ctx: Ctx,
  id: string,
  input: { version: number; content: Partial<PlanContentInputT> },
) {
  const content = input.content as Partial<PlanContent>;
  checkYears(content);
  await ctx.db.transaction(async (tx) => {
    const before = await loadOwn(tx, ctx, id, 'plan.write');
    transition(ctx, before, 'edit');
    const beforeContent = await loadContent(tx, before);
    const merged = { ...beforeContent, ...content };
    checkYears(merged);
    const set = scalarColumns(content);
    let parentPlanId = before.parentPlanId;
    if (content.references) {
      parentPlanId =
        (await linkReferences(tx, ctx, merged)) ??
        merged.references.find((r) => r.kind === 'implements' && r.referencedPlanId)?.referencedPlanId ??
        null;
    }
    const res = await tx
      .update(plans)
      .set({ ...set, parentPlanId, version: sql`${plans.version} + 1`, updatedAt: sql`now()` })
      .where(sql`${plans.id} = ${id} and ${plans.version} = ${input.version} and ${plans.status} = 'draft'`)
      .returning({ id: plans.id });
    if (res.length !== 1) throw new AppError('CONFLICT');
    // (linkReferences filled referencedPlanId in place: content.references is merged.references)
    await replaceLists(tx, id, content);
    await writeAudit(tx, ctx, {
      action: 'plan.update',
      entityType: 'plan',
      entityId: id,
      orgId: before.orgId,
      before: snapshot(before, beforeContent),
      after: merged,
    });
  });
  return getPlan(ctx, id);
}

export async function deletePlan(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadOwn(tx, ctx, id, 'plan.write');
    transition(ctx, before, 'delete');
    const beforeContent = await loadContent(tx, before);
    await replaceLists(tx, id, { phases: [], targets: [], responsibilities: [], references: [] });
    await tx.execute(sql`delete from plan_reminders where plan_id = ${id}`);
    await tx.execute(sql`update plans set parent_plan_id = null where parent_plan_id = ${id}`);
    await tx.delete(plans).where(sql`${plans.id} = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'plan.delete',
      entityType: 'plan',
      entityId: id,
      orgId: before.orgId,
      before: snapshot(before, beforeContent),
    });
  });
  return { ok: true as const };
}

// ---------------------------------------------------------------- import

/** A draft prefilled from the text of a plan (pasted, or read from a .txt/.docx). */
export async function importPlanText(
  ctx: Ctx,
  input: { orgId: string; text: string; fileName?: string | null },
) {
  const parsed = parsePlanText(input.text);
  const draft = draftFromParsed(parsed);
  if (draft.recognised.length === 0) {
    throw new AppError(
      'UNPROCESSABLE',
      null,
      'Không nhận dạng được nội dung kế hoạch nào trong văn bản (số, ngày, trích yếu, giai đoạn…). Hãy kiểm tra lại văn bản.',
    );
  }
  const importInfo: ImportInfo = {
    sourceDocumentNumber: draft.sourceDocumentNumber,
    fileName: input.fileName ?? null,
    recognised: draft.recognised,
    warnings: draft.warnings,
  };
  const id = await ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'plan.write');
    const parentPlanId = await linkReferences(tx, ctx, draft.content);
    const id = await insertDraft(tx, ctx, org.id, draft.content, { parentPlanId, importInfo });
    await writeAudit(tx, ctx, {
      action: 'plan.import',
      entityType: 'plan',
      entityId: id,
      orgId: org.id,
      after: { importInfo, content: draft.content },
    });
    return id;
  });
  return getPlan(ctx, id);
}

export async function importPlanFile(ctx: Ctx, input: { orgId: string; fileName: string; bytes: Buffer }) {
  // check the scope before reading the file, so an out-of-scope caller learns nothing from errors
  await loadOrgInScope(ctx.db, ctx, input.orgId, 'plan.write');
  const text = await extractPlanText(input.fileName, input.bytes);
  return importPlanText(ctx, { orgId: input.orgId, text, fileName: input.fileName });
}

// ---------------------------------------------------------------- cascade

/** A subordinate's draft prefilled from an issued plan of its superior, linked to it. */
export async function derivePlan(ctx: Ctx, parentId: string, input: { orgId: string }) {
  const id = await ctx.db.transaction(async (tx) => {
    const parent = await loadReadable(tx, ctx, parentId);
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'plan.write');
    if (parent.status !== 'issued') {
      throw new AppError('INVALID_STATE', null, 'Chỉ xây dựng kế hoạch thực hiện từ kế hoạch đã ban hành.');
    }
    if (org.id === parent.orgId || !org.path.startsWith(parent.orgPath)) {
      throw new AppError('VALIDATION_FAILED', [
        {
          field: 'orgId',
          message:
            'Đơn vị xây dựng kế hoạch thực hiện phải là đơn vị cấp dưới của cơ quan ban hành kế hoạch.',
        },
      ]);
    }
    const existing = await tx.execute<{ id: string }>(
      sql`select id from plans where parent_plan_id = ${parent.id} and org_id = ${org.id} limit 1`,
    );
    if (existing.rows[0]) {
      throw new AppError(
        'DUPLICATE',
        { planId: existing.rows[0].id },
        'Đơn vị đã có kế hoạch thực hiện kế hoạch này. Hãy mở kế hoạch đó để sửa.',
      );
    }
    const parentContent = await loadContent(tx, parent);
    const content = deriveContent(
      parentContent,
      {
        id: parent.id,
        number: parent.number,
        symbol: parent.symbol,
        issuedOn: parent.issuedOn,
        issuerOrgName: parent.orgName,
      },
      { name: headerName(org.name), parentName: await parentOrgName(tx, org.parentId) },
    );
    const id = await insertDraft(tx, ctx, org.id, content, { parentPlanId: parent.id });
    await writeAudit(tx, ctx, {
      action: 'plan.derive',
      entityType: 'plan',
      entityId: id,
      orgId: org.id,
      after: { parentPlanId: parent.id },
    });
    return id;
  });
  return getPlan(ctx, id);
}

export async function diffPlan(ctx: Ctx, id: string) {
  const plan = await loadReadable(ctx.db, ctx, id);
  if (!plan.parentPlanId)
    throw new AppError('INVALID_STATE', null, 'Kế hoạch này không thực hiện kế hoạch nào trong hệ thống.');
  const parent = await findPlan(ctx.db, plan.parentPlanId);
  if (!parent) throw new AppError('INVALID_STATE', null, 'Kế hoạch cấp trên không còn trong hệ thống.');
  const [a, b] = await Promise.all([loadContent(ctx.db, parent), loadContent(ctx.db, plan)]);
  return {
    parent: { id: parent.id, documentNumber: documentNumberOf(parent), title: parent.title },
    ...diffPlans(a, b),
  };
}

// ---------------------------------------------------------------- issue

export async function issuePlan(ctx: Ctx, id: string, input: { version: number; issuedOn?: string }) {
  await ctx.db.transaction(async (tx) => {
    const plan = await loadOwn(tx, ctx, id, 'plan.issue');
    transition(ctx, plan, 'issue');
    if (plan.version !== input.version) throw new AppError('CONFLICT');
    const content = await loadContent(tx, plan);
    const missing: { field: string; message: string }[] = [];
    if (!content.title.trim())
      missing.push({ field: 'content.title', message: 'Chưa có trích yếu (tên kế hoạch).' });
    if (!content.place) missing.push({ field: 'content.place', message: 'Chưa có địa danh.' });
    if (!content.signerTitle)
      missing.push({ field: 'content.signerTitle', message: 'Chưa có chức vụ người ký.' });
    if (!content.signerName)
      missing.push({ field: 'content.signerName', message: 'Chưa có họ tên người ký.' });
    if (missing.length > 0)
      throw new AppError('VALIDATION_FAILED', missing, 'Kế hoạch chưa đủ thông tin để ban hành.');
    const issuedOn = input.issuedOn ?? todayInVietnam(ctx.now());
    const reserved = await reserveDocumentNumber(tx, {
      issuerOrgId: plan.orgId,
      kindAbbr: 'KH',
      issuerShort: plan.orgShortName,
      year: Number(issuedOn.slice(0, 4)),
    });
    const symbol = reserved.documentNumber.slice(reserved.documentNumber.indexOf('/') + 1);
    const res = await tx
      .update(plans)
      .set({
        status: 'issued',
        number: reserved.sequence,
        symbol,
        issuedOn,
        issuedAt: ctx.now(),
        issuedBy: ctx.actor?.userId ?? null,
        version: sql`${plans.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(sql`${plans.id} = ${id} and ${plans.version} = ${input.version} and ${plans.status} = 'draft'`)
      .returning({ id: plans.id });
    if (res.length !== 1) throw new AppError('CONFLICT');
    // responsibilities with a due date become tasks of the issuer (H7's tasks table)
    const tasks = await tx.execute(sql`
      insert into tasks (org_id, assignee_org_id, assignee_department, content, due_on, recurrence,
                         source_responsibility_id, plan_id, created_by)
      select ${plan.orgId}, coalesce(r.org_id, ${plan.orgId}), r.department,
             left(r.department || ': ' || r.content, 4000), r.due_on, r.recurrence, r.id, ${id}, ${ctx.actor?.userId ?? null}
        from plan_responsibilities r
       where r.plan_id = ${id} and r.due_on is not null
      on conflict do nothing`);
    await writeAudit(tx, ctx, {
      action: 'plan.issue',
      entityType: 'plan',
      entityId: id,
      orgId: plan.orgId,
      before: { status: 'draft' },
      after: {
        status: 'issued',
        documentNumber: reserved.documentNumber,
        issuedOn,
        tasks: tasks.rowCount ?? 0,
      },
    });
    if (plan.orgParentId) {
      await notify(tx, {
        orgId: plan.orgParentId,
        permission: 'plan.read',
        title: `${plan.orgName} ban hành Kế hoạch số ${reserved.documentNumber}`,
        body: content.title,
        link: `/plans/${id}`,
      });
    }
  });
  return getPlan(ctx, id);
}

// ---------------------------------------------------------------- documents

export async function planDocument(ctx: Ctx, id: string, format: 'docx' | 'pdf') {
  const plan = await loadReadable(ctx.db, ctx, id);
  const content = await loadContent(ctx.db, plan);
  const doc = buildPlanDocument({
    content,
    documentNumber: documentNumberOf(plan),
    symbol: plan.symbol ?? `KH-${plan.orgShortName}`,
    draft: plan.status !== 'issued',
    orgHeaderName: plan.orgName,
    orgParentHeaderName: await parentOrgName(ctx.db, plan.orgParentId),
    today: todayInVietnam(ctx.now()),
  });
  const bytes = format === 'docx' ? await renderOfficialDocx(doc) : await renderOfficialPdf(doc);
  const number = documentNumberOf(plan);
  const name = number ? `Kế hoạch ${number.replace('/', '-')}` : `Dự thảo kế hoạch ${plan.orgShortName}`;
  return { bytes, fileName: `${name}.${format}` };
}

// ---------------------------------------------------------------- status board and reminders

/** Who receives a reminder mail: the people of the unit who may write its plan. */
const PLANNER_ROLES = ROLES.filter((r) => roleHasPermission(r, 'plan.write'));

const BOARD_STATE_NAMES = { none: 'Chưa có kế hoạch', draft: 'Đang dự thảo', issued: 'Đã ban hành' } as const;

/**
 * Every direct subordinate of the plan's issuer (for a Sở: its units, not its own offices) and
 * whether it has issued a plan implementing it.
 */
export async function planBoard(ctx: Ctx, id: string) {
  const plan = await loadOwn(ctx.db, ctx, id, 'plan.read');
  return boardOf(ctx.db, plan);
}

async function boardOf(db: Queryable, plan: PlanRow) {
  const res = await db.execute<{
    org_id: string;
    org_name: string;
    org_code: string;
    plan_id: string | null;
    status: string | null;
    number: number | null;
    symbol: string | null;
    issued_on: string | null;
    last_reminded_at: Date | string | null;
    reminders: number;
  }>(sql`
    select o.id as org_id, o.name as org_name, o.code::text as org_code,
           c.id as plan_id, c.status, c.number, c.symbol, c.issued_on,
           r.last_at as last_reminded_at, coalesce(r.n, 0)::int as reminders
      from organizations o
      left join lateral (
        select p.id, p.status, p.number, p.symbol, p.issued_on from plans p
         where p.parent_plan_id = ${plan.id} and p.org_id = o.id
         order by (p.status = 'issued') desc, p.updated_at desc limit 1) c on true
      left join lateral (
        select max(sent_at) as last_at, count(*) as n from plan_reminders pr
         where pr.plan_id = ${plan.id} and pr.org_id = o.id) r on true
     where o.parent_id = ${plan.orgId} and o.status = 'active'
       ${
         // the Sở's offices (phòng thuộc Sở) are its own apparatus: its subordinates are the units
         plan.orgType === 'department_of_health'
           ? sql`and o.type in (${sql.join(
               UNIT_TYPES.map((t) => sql`${t}`),
               sql`, `,
             )})`
           : sql``
       }
     order by vi_sort_key(o.name)`);
  const rows = res.rows.map((r) => {
    const state = (r.status ?? 'none') as 'none' | 'draft' | 'issued';
    return {
      orgId: r.org_id,
      orgName: r.org_name,
      orgCode: r.org_code,
      state,
      stateName: BOARD_STATE_NAMES[state],
      planId: r.plan_id,
      documentNumber: planDocumentNumber(r.number == null ? null : Number(r.number), r.symbol),
      issuedOn: state === 'issued' ? r.issued_on : null,
      lastRemindedAt: iso(r.last_reminded_at),
      reminders: Number(r.reminders),
    };
  });
  const counts = { none: 0, draft: 0, issued: 0 };
  for (const r of rows) counts[r.state] += 1;
  return {
    plan: { id: plan.id, documentNumber: documentNumberOf(plan), title: plan.title, orgName: plan.orgName },
    rows,
    counts,
  };
}

/** "Nhắc nhở": an e-mail (outbox) and an in-app notification to subordinates without an issued plan. */
export async function remindSubordinates(
  ctx: Ctx,
  id: string,
  input: { orgIds?: string[]; message?: string },
) {
  return ctx.db.transaction(async (tx) => {
    const plan = await loadOwn(tx, ctx, id, 'plan.write');
    if (plan.status !== 'issued')
      throw new AppError('INVALID_STATE', null, 'Chỉ nhắc nhở khi kế hoạch đã ban hành.');
    const board = await boardOf(tx, plan);
    const pending = board.rows.filter((r) => r.state !== 'issued');
    let targets = pending;
    if (input.orgIds) {
      const wanted = new Set(input.orgIds);
      const known = new Set(board.rows.map((r) => r.orgId));
      const unknown = input.orgIds.filter((o) => !known.has(o));
      if (unknown.length > 0) {
        throw new AppError('VALIDATION_FAILED', [
          { field: 'orgIds', message: 'Chỉ nhắc nhở các đơn vị trực thuộc cơ quan ban hành kế hoạch.' },
        ]);
      }
      targets = pending.filter((r) => wanted.has(r.orgId));
    }
    const number = documentNumberOf(plan) ?? '';
    const subject = `Nhắc nhở xây dựng kế hoạch thực hiện Kế hoạch số ${number}`;
    let mails = 0;
    for (const t of targets) {
      const text = [
        `Kính gửi: ${t.orgName}.`,
        '',
        `${plan.orgName} ban hành Kế hoạch số ${number}${plan.issuedOn ? ` ngày ${plan.issuedOn.split('-').reverse().join('/')}` : ''} về ${plan.title}.`,
        t.state === 'draft'
          ? 'Đơn vị đã có dự thảo kế hoạch thực hiện nhưng chưa ban hành. Đề nghị đơn vị hoàn thiện và ban hành.'
          : 'Đến nay đơn vị chưa xây dựng kế hoạch thực hiện. Đề nghị đơn vị xây dựng và ban hành kế hoạch thực hiện.',
        ...(input.message ? ['', input.message] : []),
      ].join('\n');
      const emails = await tx.execute<{ email: string }>(sql`
        select distinct u.email from users u join role_grants g on g.user_id = u.id
         where g.org_id = ${t.orgId} and u.disabled_at is null and u.email is not null and u.email <> ''
           and g.role in (${sql.join(
             PLANNER_ROLES.map((r) => sql`${r}`),
             sql`, `,
           )})`);
      let mailId: string | null = null;
      if (emails.rows.length > 0) {
        mailId = await enqueueMail(tx, {
          to: emails.rows.map((e) => e.email),
          subject,
          text,
          kind: 'plan.reminder',
          refId: plan.id,
          orgId: t.orgId,
        });
        mails += 1;
      }
      await notify(tx, {
        orgId: t.orgId,
        permission: 'plan.write',
        title: subject,
        body: text,
        link: `/plans/${plan.id}`,
      });
      await tx
        .insert(planReminders)
        .values({ planId: plan.id, orgId: t.orgId, sentBy: ctx.actor?.userId ?? null, mailId });
    }
    await writeAudit(tx, ctx, {
      action: 'plan.remind',
      entityType: 'plan',
      entityId: plan.id,
      orgId: plan.orgId,
      after: { orgIds: targets.map((t) => t.orgId), mails },
    });
    return { reminded: targets.length, mails };
  });
}

// ---------------------------------------------------------------- tree

/**
 * The plan tree the caller can see: external documents (the national movement, the province's plan)
 * as nodes above the plans that implement them, then each plan under its parent plan. The
 * "Thực hiện" references of a plan are read top-down (the last one is its direct parent).
 */
export async function planTree(ctx: Ctx) {
  const res = await ctx.db.execute<Record<string, unknown>>(sql`
    select p.*, o.path as org_path, o.name as org_name, o.short_name as org_short_name, o.parent_id as org_parent_id, o.type as org_type
      from plans p join organizations o on o.id = p.org_id
     where ${readableWhere(ctx)}
     order by o.depth, p.issued_on nulls last, p.created_at`);
  const rows = res.rows.map(rowToPlan);
  const ids = new Set(rows.map((r) => r.id));
  const refs = rows.length
    ? await ctx.db.execute<{
        plan_id: string;
        number: string | null;
        issued_on: string | null;
        issuer: string | null;
        title: string | null;
        referenced_plan_id: string | null;
      }>(sql`
        select plan_id, number, issued_on, issuer, title, referenced_plan_id from plan_references
         where kind = 'implements' and plan_id in (${sql.join(
           rows.map((r) => sql`${r.id}`),
           sql`, `,
         )})
         order by plan_id, position`)
    : { rows: [] };
  type Node = {
    key: string;
    kind: 'external' | 'plan';
    planId: string | null;
    parentKey: string | null;
    documentNumber: string | null;
    issuedOn: string | null;
    title: string;
    orgName: string | null;
    status: 'draft' | 'issued' | null;
  };
  const externals = new Map<string, Node>();
  const byPlan = new Map<string, typeof refs.rows>();
  for (const r of refs.rows) byPlan.set(r.plan_id, [...(byPlan.get(r.plan_id) ?? []), r]);
  const nodes: Node[] = [];
  for (const p of rows) {
    let parentKey: string | null =
      p.parentPlanId && ids.has(p.parentPlanId) ? `plan:${p.parentPlanId}` : null;
    if (!parentKey) {
      const ext = (byPlan.get(p.id) ?? []).filter((r) => !r.referenced_plan_id && r.number);
      let above: string | null = null;
      for (const r of ext) {
        const key = `ext:${foldVi(r.number!)}`;
        if (!externals.has(key)) {
          externals.set(key, {
            key,
            kind: 'external',
            planId: null,
            parentKey: above,
            documentNumber: r.number,
            issuedOn: r.issued_on,
            title: r.title ?? '',
            orgName: r.issuer,
            status: null,
          });
        }
        above = key;
      }
      parentKey = above;
    }
    nodes.push({
      key: `plan:${p.id}`,
      kind: 'plan',
      planId: p.id,
      parentKey,
      documentNumber: documentNumberOf(p),
      issuedOn: p.status === 'issued' ? p.issuedOn : null,
      title: p.title,
      orgName: p.orgName,
      status: p.status as 'draft' | 'issued',
    });
  }
  return { nodes: [...externals.values(), ...nodes] };
}

// ---------------------------------------------------------------- targets and indicators

const PROGRESS_STATUS_NAMES = {
  met: 'Đạt',
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  no_data: 'Chưa có số liệu',
} as const;

/**
 * The plan's targets with the current value of their indicator, rolled up over the issuer's subtree
 * for `year` (indicators module), compared with the plan's own target value. Only for plans of the
 * caller's own subtree (the roll-up covers the issuer's units).
 */
export async function planProgress(ctx: Ctx, id: string, year?: number) {
  const plan = await loadOwn(ctx.db, ctx, id, 'plan.read');
  const content = await loadContent(ctx.db, plan);
  const y = year ?? Number(todayInVietnam(ctx.now()).slice(0, 4));
  const items = content.targets.some((t) => t.indicatorCode)
    ? await indicatorProgress(ctx.db, { orgId: plan.orgId, year: y })
    : [];
  const byCode = new Map(items.map((i) => [i.code, i]));
  return {
    year: y,
    targets: content.targets.map((t) => {
      const p = t.indicatorCode ? byCode.get(t.indicatorCode) : undefined;
      const value = p?.value ?? null;
      // the plan's own target value decides; the indicators module's status (pace within the year,
      // the target in force there) only when the plan gives no value
      const moduleStatus = (p?.status ?? 'no_data') as keyof typeof PROGRESS_STATUS_NAMES;
      const status: keyof typeof PROGRESS_STATUS_NAMES | null = !t.indicatorCode
        ? null
        : value == null
          ? 'no_data'
          : t.targetValue == null
            ? moduleStatus
            : value >= t.targetValue
              ? 'met'
              : moduleStatus === 'on_track'
                ? 'on_track'
                : 'behind';
      return {
        content: t.content,
        indicatorCode: t.indicatorCode,
        indicatorName: p?.name ?? null,
        targetValue: t.targetValue,
        unit: t.unit ?? p?.unit ?? null,
        dueOn: t.dueOn,
        value,
        status,
        statusName: status ? PROGRESS_STATUS_NAMES[status] : null,
      };
    }),
  };
}
