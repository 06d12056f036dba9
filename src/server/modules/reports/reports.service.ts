import { type SQL, sql } from 'drizzle-orm';
import type {
  CreateReportRequestBodyT,
  ReportListQueryT,
  RollUpT,
  SaveSubmissionBodyT,
} from '../../../contracts/reports';
import { isRole, roleHasPermission } from '../../../domain/access/roles';
import { UNIT_TYPES } from '../../../domain/org/types';
import {
  canRemindManually,
  countStatuses,
  type Figures,
  missingParts,
  type Narrative,
  needsReminder,
  type PeriodKind,
  periodLabel,
  type ReportTemplate,
  rollUpFigures,
  SUBMISSION_STATUS_NAMES,
  type SubmissionStatus,
  submissionProblems,
  submissionStatus,
  templateProblems,
} from '../../../domain/reports/reports';
import { formatViDate, todayInVietnam } from '../../../domain/time/dates';
import type { Config } from '../../config';
import type { Db, Queryable } from '../../db/client';
import { reportRequests, reportSubmissions } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, conflict, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { enqueueMail } from '../mail/mail.service';
import { notify } from '../notifications/notifications.service';
import { loadOrgInScope } from '../organizations/organizations.service';
import { systemStatistics } from './reports.statistics';

/**
 * Periodic reports (báo cáo định kỳ): an organisation requests a report from its subordinates with
 * a template; each subordinate drafts and submits its report; the requester follows a status board
 * (submitted / late / missing / pending), sends reminders ("Nhắc hạn"; an automatic daily check
 * reminds the overdue ones once a day) and reads the roll-up.
 *
 * Visibility: the requester side holds report.read on the requesting organisation and sees every
 * requested organisation; a requested organisation's people see the request and their own report.
 */

const iso = (v: string | Date | null) => (v == null ? null : new Date(v).toISOString());
/** calendar date in Vietnam of a timestamp */
const vnDate = (v: string | Date | null) => (v == null ? null : todayInVietnam(new Date(v)));

type RequestRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  title: string;
  period_kind: PeriodKind;
  period_year: number;
  due_on: string;
  template: ReportTemplate;
  note: string | null;
  status: string;
  created_at: string | Date;
  total?: number;
};

type TargetRow = {
  submission_id: string;
  request_id: string;
  org_id: string;
  org_name: string;
  org_code: string;
  org_path: string;
  status: 'draft' | 'submitted';
  submitted_at: string | Date | null;
  figures: Figures;
  narrative: Narrative;
  version: number;
  reminders: number;
  last_reminder_on: string | null;
};

const REQUEST_SELECT = sql`
  select r.id, r.org_id, o.name as org_name, o.path as org_path, r.title, r.period_kind, r.period_year,
         r.due_on, r.template, r.note, r.status, r.created_at
  from report_requests r join organizations o on o.id = r.org_id`;

async function targetsOf(db: Queryable, requestIds: string[], withNarrative = false): Promise<TargetRow[]> {
  if (requestIds.length === 0) return [];
  const ids = sql.join(
    requestIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  // reminders are aggregated once per (request, organisation), not looked up row by row
  const rows = await db.execute<TargetRow>(sql`
    select s.id as submission_id, s.request_id, s.org_id, o.name as org_name, o.code::text as org_code,
           o.path as org_path, s.status, s.submitted_at, s.figures,
           ${withNarrative ? sql`s.narrative` : sql`'{}'::jsonb as narrative`}, s.version,
           coalesce(m.n, 0)::int as reminders, m.last_on::text as last_reminder_on
    from report_submissions s join organizations o on o.id = s.org_id
    left join (
      select request_id, org_id, count(*) as n, max(sent_on) as last_on from report_reminders
      where request_id in (${ids}) group by request_id, org_id
    ) m on m.request_id = s.request_id and m.org_id = s.org_id
    where s.request_id in (${ids})
    order by vi_sort_key(o.name) collate "C", o.id`);
  return rows.rows;
}

function statusOf(req: { due_on: string }, t: TargetRow, today: string): SubmissionStatus {
  return submissionStatus(req.due_on, t.status === 'submitted' ? vnDate(t.submitted_at) : null, today);
}

function presentRequest(ctx: Ctx, r: RequestRow, targets: TargetRow[], today: string) {
  const isRequester = canOn(ctx.actor, 'report.read', r.org_path);
  const scope = scopeOf(ctx, 'report.read');
  const visible = isRequester ? targets : targets.filter((t) => isInScope(scope, t.org_path));
  return {
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    title: r.title,
    periodKind: r.period_kind,
    periodYear: r.period_year,
    periodLabel: periodLabel(r.period_kind, r.period_year),
    dueOn: r.due_on,
    status: r.status,
    targets: visible.length,
    counts: countStatuses(visible.map((t) => statusOf(r, t, today))),
    isRequester,
  };
}

/** Requests the caller sees: as requester, or as one of the requested organisations. */
function visibleRequestWhere(ctx: Ctx): SQL {
  const scope = scopeOf(ctx, 'report.read');
  return sql`(${pathInSubtrees(sql`o.path`, scope)} or exists (
    select 1 from report_submissions s2 join organizations so on so.id = s2.org_id
    where s2.request_id = r.id and ${pathInSubtrees(sql`so.path`, scope)}))`;
}

export async function listReportRequests(ctx: Ctx, q: ReportListQueryT) {
  const today = todayInVietnam(ctx.now());
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const rows = await ctx.db.execute<RequestRow>(sql`
    ${REQUEST_SELECT}
    where ${visibleRequestWhere(ctx)} ${q.year ? sql`and r.period_year = ${q.year}` : sql``}
    order by r.due_on desc, r.created_at desc, r.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  const targets = await targetsOf(
    ctx.db,
    rows.rows.map((r) => r.id),
  );
  return {
    items: rows.rows.map((r) =>
      presentRequest(
        ctx,
        r,
        targets.filter((t) => t.request_id === r.id),
        today,
      ),
    ),
    total: await countVisible(ctx, q),
    page,
    pageSize,
  };
}

async function countVisible(ctx: Ctx, q: ReportListQueryT): Promise<number> {
  const r = await ctx.db.execute<{ n: number }>(sql`
    select count(*)::int as n from report_requests r join organizations o on o.id = r.org_id
    where ${visibleRequestWhere(ctx)} ${q.year ? sql`and r.period_year = ${q.year}` : sql``}`);
  return r.rows[0]?.n ?? 0;
}

/** Loads a request the caller sees (requester or requested side); 404 otherwise. */
async function loadRequest(db: Queryable, ctx: Ctx, id: string, lock = false): Promise<RequestRow> {
  const rows = await db.execute<RequestRow>(
    sql`${REQUEST_SELECT} where r.id = ${id} and ${visibleRequestWhere(ctx)} ${lock ? sql`for update of r` : sql``}`,
  );
  const r = rows.rows[0];
  if (!r) throw notFound();
  return r;
}

/** Loads a request whose requesting organisation is in the caller's `permission` scope; 404 otherwise. */
async function loadRequestAsRequester(
  db: Queryable,
  ctx: Ctx,
  id: string,
  permission: string,
): Promise<RequestRow> {
  const rows = await db.execute<RequestRow>(sql`${REQUEST_SELECT} where r.id = ${id}`);
  const r = rows.rows[0];
  if (!r || !canOn(ctx.actor, permission, r.org_path)) throw notFound();
  return r;
}

export async function getReportRequest(ctx: Ctx, id: string) {
  const r = await loadRequest(ctx.db, ctx, id);
  const targets = await targetsOf(ctx.db, [r.id]);
  const today = todayInVietnam(ctx.now());
  return {
    ...presentRequest(ctx, r, targets, today),
    template: r.template,
    note: r.note,
    createdAt: iso(r.created_at)!,
    canRemind: canOn(ctx.actor, 'report.request', r.org_path),
  };
}

export async function getBoard(ctx: Ctx, id: string) {
  const r = await loadRequest(ctx.db, ctx, id);
  const today = todayInVietnam(ctx.now());
  const isRequester = canOn(ctx.actor, 'report.read', r.org_path);
  const scope = scopeOf(ctx, 'report.read');
  const targets = (await targetsOf(ctx.db, [r.id])).filter(
    (t) => isRequester || isInScope(scope, t.org_path),
  );
  const rows = targets.map((t) => {
    const status = statusOf(r, t, today);
    return {
      org: { id: t.org_id, name: t.org_name, code: t.org_code },
      submissionId: t.submission_id,
      status,
      statusName: SUBMISSION_STATUS_NAMES[status],
      submittedAt: t.status === 'submitted' ? iso(t.submitted_at) : null,
      lastReminderOn: t.last_reminder_on,
      reminders: t.reminders,
      canSubmit: t.status === 'draft' && r.status === 'open' && canOn(ctx.actor, 'report.submit', t.org_path),
    };
  });
  return { today, dueOn: r.due_on, counts: countStatuses(rows.map((x) => x.status)), rows };
}

/** Default recipients: the active units directly below; below a unit (no units), its departments. */
async function defaultTargets(db: Queryable, orgId: string): Promise<{ id: string; name: string }[]> {
  const rows = await db.execute<{ id: string; name: string; type: string }>(sql`
    select id, name, type from organizations where parent_id = ${orgId} and status = 'active'`);
  const units = rows.rows.filter((r) => (UNIT_TYPES as readonly string[]).includes(r.type));
  return units.length > 0 ? units : rows.rows;
}

export async function createReportRequest(ctx: Ctx, input: CreateReportRequestBodyT) {
  const id = await ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'report.request');
    const problems = templateProblems(input.template);
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
    let targets: { id: string; name: string }[];
    if (input.targetOrgIds) {
      const ids = [...new Set(input.targetOrgIds)];
      const rows = ids.length
        ? await tx.execute<{ id: string; name: string; path: string; status: string }>(sql`
            select id, name, path, status from organizations where id in (${sql.join(
              ids.map((x) => sql`${x}::uuid`),
              sql`, `,
            )})`)
        : { rows: [] };
      const bad = ids.filter((x) => {
        const o = rows.rows.find((r) => r.id === x);
        return !o || o.id === org.id || !o.path.startsWith(org.path) || o.status !== 'active';
      });
      if (bad.length)
        throw new AppError('VALIDATION_FAILED', [
          {
            field: 'targetOrgIds',
            message: 'Đơn vị được yêu cầu báo cáo phải là đơn vị trực thuộc đang hoạt động.',
          },
        ]);
      targets = rows.rows;
    } else {
      targets = await defaultTargets(tx, org.id);
    }
    if (targets.length === 0)
      throw new AppError('VALIDATION_FAILED', [
        { field: 'targetOrgIds', message: 'Chưa có đơn vị nào được yêu cầu báo cáo.' },
      ]);
    const [req] = await tx
      .insert(reportRequests)
      .values({
        orgId: org.id,
        title: input.title,
        periodKind: input.periodKind,
        periodYear: input.periodYear,
        dueOn: input.dueOn,
        template: input.template,
        note: input.note ?? null,
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning({ id: reportRequests.id });
    await tx.insert(reportSubmissions).values(targets.map((t) => ({ requestId: req!.id, orgId: t.id })));
    for (const t of targets) {
      await notify(tx, {
        orgId: t.id,
        permission: 'report.submit',
        title: `Yêu cầu báo cáo: ${input.title}`,
        body: `${org.name} đề nghị đơn vị gửi báo cáo trước hạn ${formatViDate(input.dueOn)}.`,
        link: `/reports/${req!.id}`,
      });
    }
    await writeAudit(tx, ctx, {
      action: 'report_request.created',
      entityType: 'report_request',
      entityId: req!.id,
      orgId: org.id,
      after: { ...input, targetOrgIds: targets.map((t) => t.id) },
    });
    return req!.id;
  });
  return getReportRequest(ctx, id);
}

/** Closes a request: no more submissions, edits or reminders; the board and roll-up stay. */
export async function closeReportRequest(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const req = await loadRequestAsRequester(tx, ctx, id, 'report.request');
    if (req.status !== 'open') throw new AppError('INVALID_STATE', null, 'Yêu cầu báo cáo đã đóng.');
    await tx.execute(sql`
      update report_requests set status = 'closed', version = version + 1, updated_at = ${ctx.now().toISOString()}
      where id = ${id} and status = 'open'`);
    await writeAudit(tx, ctx, {
      action: 'report_request.closed',
      entityType: 'report_request',
      entityId: id,
      orgId: req.org_id,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
  });
  return getReportRequest(ctx, id);
}

// ---------------------------------------------------------------- submissions

async function loadSubmission(
  db: Queryable,
  ctx: Ctx,
  requestId: string,
  orgId: string,
  permission: string,
  lock = false,
) {
  const req = await loadRequest(db, ctx, requestId);
  const rows = await db.execute<TargetRow>(sql`
    select s.id as submission_id, s.request_id, s.org_id, o.name as org_name, o.code::text as org_code, o.path as org_path,
           s.status, s.submitted_at, s.figures, s.narrative, s.version, 0 as reminders, null as last_reminder_on
    from report_submissions s join organizations o on o.id = s.org_id
    where s.request_id = ${requestId} and s.org_id = ${orgId} ${lock ? sql`for update of s` : sql``}`);
  const s = rows.rows[0];
  if (!s || !isInScope(scopeOf(ctx, permission), s.org_path)) throw notFound();
  return { req, s };
}

function presentSubmission(ctx: Ctx, req: RequestRow, s: TargetRow) {
  const today = todayInVietnam(ctx.now());
  return {
    id: s.submission_id,
    requestId: req.id,
    org: { id: s.org_id, name: s.org_name },
    figures: s.figures,
    narrative: s.narrative,
    status: s.status,
    boardStatus: statusOf(req, s, today),
    submittedAt: s.status === 'submitted' ? iso(s.submitted_at) : null,
    version: s.version,
    canEdit: s.status === 'draft' && req.status === 'open' && canOn(ctx.actor, 'report.submit', s.org_path),
    missing: missingParts(req.template, s.figures, s.narrative),
  };
}

export async function getSubmission(ctx: Ctx, requestId: string, orgId: string) {
  const { req, s } = await loadSubmission(ctx.db, ctx, requestId, orgId, 'report.read');
  return presentSubmission(ctx, req, s);
}

function assertEditable(req: RequestRow, s: TargetRow, version: number) {
  if (s.status !== 'draft') throw new AppError('INVALID_STATE', null, 'Báo cáo đã nộp, không thể sửa.');
  if (req.status !== 'open') throw new AppError('INVALID_STATE', null, 'Yêu cầu báo cáo đã đóng.');
  if (s.version !== version) throw conflict();
}

export async function saveSubmission(ctx: Ctx, requestId: string, orgId: string, input: SaveSubmissionBodyT) {
  await ctx.db.transaction(async (tx) => {
    const { req, s } = await loadSubmission(tx, ctx, requestId, orgId, 'report.submit', true);
    assertEditable(req, s, input.version);
    const problems = submissionProblems(req.template, input.figures, input.narrative);
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
    await tx.execute(sql`
      update report_submissions set figures = ${JSON.stringify(input.figures)}::jsonb,
             narrative = ${JSON.stringify(input.narrative)}::jsonb, version = version + 1,
             updated_at = ${ctx.now().toISOString()}
      where id = ${s.submission_id}`);
    await writeAudit(tx, ctx, {
      action: 'report_submission.saved',
      entityType: 'report_submission',
      entityId: s.submission_id,
      orgId,
      before: { figures: s.figures },
      after: { figures: input.figures },
    });
  });
  return getSubmission(ctx, requestId, orgId);
}

export async function submitSubmission(ctx: Ctx, requestId: string, orgId: string, version: number) {
  await ctx.db.transaction(async (tx) => {
    const { req, s } = await loadSubmission(tx, ctx, requestId, orgId, 'report.submit', true);
    assertEditable(req, s, version);
    const now = ctx.now().toISOString();
    await tx.execute(sql`
      update report_submissions set status = 'submitted', submitted_at = ${now},
             submitted_by = ${ctx.actor?.userId ?? null}, version = version + 1, updated_at = ${now}
      where id = ${s.submission_id}`);
    const status = submissionStatus(req.due_on, todayInVietnam(ctx.now()), todayInVietnam(ctx.now()));
    await notify(tx, {
      orgId: req.org_id,
      permission: 'report.request',
      title: `${s.org_name} đã nộp báo cáo`,
      body: `${req.title}${status === 'late' ? ' (nộp muộn)' : ''}.`,
      link: `/reports/${req.id}`,
    });
    await writeAudit(tx, ctx, {
      action: 'report_submission.submitted',
      entityType: 'report_submission',
      entityId: s.submission_id,
      orgId,
      after: { status, figures: s.figures },
    });
  });
  return getSubmission(ctx, requestId, orgId);
}

// ---------------------------------------------------------------- reminders

async function recipientEmails(db: Queryable, orgId: string): Promise<string[]> {
  const rows = await db.execute<{ email: string; role: string }>(sql`
    select distinct u.email, g.role from role_grants g join users u on u.id = g.user_id
    where g.org_id = ${orgId} and u.disabled_at is null and u.email is not null and u.email <> ''`);
  return [
    ...new Set(
      rows.rows
        .filter((r) => isRole(r.role) && roleHasPermission(r.role, 'report.submit'))
        .map((r) => r.email),
    ),
  ];
}

/** E-mail + in-app notification of one reminder, in the caller's transaction. */
async function sendReminder(
  tx: Queryable,
  req: RequestRow,
  target: { org_id: string; org_name: string },
  status: SubmissionStatus,
  today: string,
  publicUrl: string,
) {
  const overdue = status === 'missing';
  const subject = `Nhắc hạn nộp báo cáo: ${req.title}`;
  const link = `/reports/${req.id}`;
  const text = [
    `Kính gửi: ${target.org_name}`,
    '',
    `${req.org_name} đề nghị đơn vị gửi "${req.title}" (${periodLabel(req.period_kind, req.period_year)}) trước ngày ${formatViDate(req.due_on)}.`,
    overdue
      ? `Đến ngày ${formatViDate(today)}, đơn vị chưa nộp báo cáo và đã quá hạn.`
      : `Đến ngày ${formatViDate(today)}, đơn vị chưa nộp báo cáo.`,
    '',
    `Đề nghị đơn vị đăng nhập hệ thống thi đua, khen thưởng để hoàn thành báo cáo: ${publicUrl}${link}`,
    '',
    'Trân trọng.',
  ].join('\n');
  await enqueueMail(tx, {
    to: await recipientEmails(tx, target.org_id),
    subject,
    text,
    kind: 'report.reminder',
    refId: req.id,
    orgId: target.org_id,
  });
  await notify(tx, {
    orgId: target.org_id,
    permission: 'report.submit',
    title: subject,
    body: overdue
      ? `Báo cáo đã quá hạn ${formatViDate(req.due_on)}.`
      : `Hạn nộp: ${formatViDate(req.due_on)}.`,
    link,
  });
}

/** For the demo seed: a reminder (mail + notification + reminder row) for one organisation. */
export async function recordReminder(
  tx: Queryable,
  input: {
    requestId: string;
    orgId: string;
    orgName: string;
    kind: 'manual' | 'auto';
    today: string;
    publicUrl: string;
  },
) {
  const req = (await tx.execute<RequestRow>(sql`${REQUEST_SELECT} where r.id = ${input.requestId}`)).rows[0]!;
  await tx.execute(sql`
    insert into report_reminders (request_id, org_id, sent_on, kind, reason)
    values (${req.id}, ${input.orgId}, ${input.today}, ${input.kind}, 'missing')`);
  await sendReminder(
    tx,
    req,
    { org_id: input.orgId, org_name: input.orgName },
    'missing',
    input.today,
    input.publicUrl,
  );
}

/** "Nhắc hạn": reminds the chosen (default: all) organisations that have not submitted yet. */
export async function remindReport(ctx: Ctx, id: string, orgIds: string[] | undefined) {
  return ctx.db.transaction(async (tx) => {
    const req = await loadRequestAsRequester(tx, ctx, id, 'report.request');
    if (req.status !== 'open') throw new AppError('INVALID_STATE', null, 'Yêu cầu báo cáo đã đóng.');
    const today = todayInVietnam(ctx.now());
    const targets = (await targetsOf(tx, [req.id])).filter((t) => !orgIds || orgIds.includes(t.org_id));
    let reminded = 0;
    for (const t of targets) {
      const status = statusOf(req, t, today);
      if (!canRemindManually(status)) continue;
      await tx.execute(sql`
        insert into report_reminders (request_id, org_id, sent_on, kind, reason, sent_by)
        values (${req.id}, ${t.org_id}, ${today}, 'manual', ${status}, ${ctx.actor?.userId ?? null})`);
      await sendReminder(tx, req, t, status, today, ctx.config.publicUrl);
      reminded++;
    }
    await writeAudit(tx, ctx, {
      action: 'report_request.reminded',
      entityType: 'report_request',
      entityId: req.id,
      orgId: req.org_id,
      after: { reminded, orgIds: orgIds ?? null },
    });
    return { reminded, mails: reminded };
  });
}

/**
 * The automatic daily check: for every open request past its due date, reminds each requested
 * organisation whose report is still missing — at most once per request, organisation and day
 * (a partial unique index makes a second run the same day a no-op, even from two processes).
 */
export async function runDailyReminders(services: {
  db: Db;
  config: Config;
  now: () => Date;
}): Promise<{ reminded: number }> {
  const today = todayInVietnam(services.now());
  const ctx = { actor: null, now: services.now, requestId: `system-reminders-${today}` };
  const due = await services.db.execute<RequestRow>(
    sql`${REQUEST_SELECT} where r.status = 'open' and r.due_on < ${today}`,
  );
  let reminded = 0;
  for (const req of due.rows) {
    await services.db.transaction(async (tx) => {
      const targets = await targetsOf(tx, [req.id]);
      let n = 0;
      for (const t of targets) {
        const status = statusOf(req, t, today);
        if (!needsReminder(status)) continue;
        const ins = await tx.execute(sql`
          insert into report_reminders (request_id, org_id, sent_on, kind, reason)
          values (${req.id}, ${t.org_id}, ${today}, 'auto', ${status})
          on conflict (request_id, org_id, sent_on) where kind = 'auto' do nothing`);
        if ((ins.rowCount ?? 0) === 0) continue;
        await sendReminder(tx, req, t, status, today, services.config.publicUrl);
        n++;
      }
      if (n > 0) {
        await writeAudit(tx, ctx, {
          action: 'report_request.auto_reminded',
          entityType: 'report_request',
          entityId: req.id,
          orgId: req.org_id,
          after: { reminded: n, on: today },
        });
      }
      reminded += n;
    });
  }
  return { reminded };
}

// ---------------------------------------------------------------- roll-up

export async function getRollUp(ctx: Ctx, id: string): Promise<RollUpT> {
  const req = await loadRequestAsRequester(ctx.db, ctx, id, 'report.read');
  const today = todayInVietnam(ctx.now());
  // the targets and the system's statistics are independent: ask for both at once
  const [targets, statistics] = await Promise.all([
    targetsOf(ctx.db, [req.id]),
    systemStatistics(ctx.db, { orgId: req.org_id, orgPath: req.org_path, year: req.period_year }),
  ]);
  const statuses = targets.map((t) => statusOf(req, t, today));
  const submitted = targets.filter((t) => t.status === 'submitted');
  return {
    request: {
      id: req.id,
      title: req.title,
      periodLabel: periodLabel(req.period_kind, req.period_year),
      dueOn: req.due_on,
      org: { id: req.org_id, name: req.org_name },
    },
    counts: countStatuses(statuses),
    targets: targets.length,
    fields: rollUpFigures(req.template.fields, submitted),
    byOrg: targets.map((t, i) => ({
      org: { id: t.org_id, name: t.org_name },
      status: statuses[i]!,
      figures: t.status === 'submitted' ? t.figures : {},
    })),
    statistics,
  };
}

/** The submitted narrative of every organisation, section by section (for the DOCX). */
export async function rollUpNarratives(ctx: Ctx, id: string) {
  const req = await loadRequestAsRequester(ctx.db, ctx, id, 'report.read');
  const targets = (await targetsOf(ctx.db, [req.id], true)).filter((t) => t.status === 'submitted');
  return req.template.sections.map((s) => ({
    title: s.title,
    items: targets
      .map((t) => ({ org: t.org_name, text: (t.narrative[s.code] ?? '').trim() }))
      .filter((x) => x.text.length > 0),
  }));
}
