import { type SQL, sql } from 'drizzle-orm';
import type { CreateTaskBodyT, TaskListQueryT, UpdateTaskBodyT } from '../../../contracts/reports';
import { isTaskOverdue, TASK_STATUS_NAMES, type TaskStatus } from '../../../domain/reports/reports';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import { tasks } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, conflict, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';

/**
 * Tasks (nhiệm vụ). A task belongs to the organisation that assigns it and may name an assignee
 * organisation (itself or one below it) and an office/department. It is visible to callers holding
 * task.read on either organisation; it can be changed by callers holding task.write on either.
 */

type TaskRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  assignee_org_id: string | null;
  assignee_name: string | null;
  assignee_path: string | null;
  assignee_department: string | null;
  content: string;
  due_on: string | null;
  recurrence: string | null;
  status: string;
  source_responsibility_id: string | null;
  plan_id: string | null;
  note: string | null;
  done_at: string | Date | null;
  version: number;
  total?: number;
};

const SELECT = sql`
  select t.id, t.org_id, o.name as org_name, o.path as org_path,
         t.assignee_org_id, a.name as assignee_name, a.path as assignee_path, t.assignee_department,
         t.content, t.due_on, t.recurrence, t.status, t.source_responsibility_id, t.plan_id, t.note,
         t.done_at, t.version`;
const FROM = sql`from tasks t join organizations o on o.id = t.org_id
                 left join organizations a on a.id = t.assignee_org_id`;

function visibleWhere(ctx: Ctx, permission: string): SQL {
  const scope = scopeOf(ctx, permission);
  return sql`(${pathInSubtrees(sql`o.path`, scope)} or ${pathInSubtrees(sql`a.path`, scope)})`;
}

function canEditTask(ctx: Ctx, r: TaskRow): boolean {
  return (
    canOn(ctx.actor, 'task.write', r.org_path) ||
    (!!r.assignee_path && canOn(ctx.actor, 'task.write', r.assignee_path))
  );
}

function present(ctx: Ctx, r: TaskRow, today: string) {
  const status = r.status as TaskStatus;
  return {
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    assigneeOrg: r.assignee_org_id ? { id: r.assignee_org_id, name: r.assignee_name ?? '' } : null,
    assigneeDepartment: r.assignee_department,
    content: r.content,
    dueOn: r.due_on,
    recurrence: r.recurrence,
    status,
    statusName: TASK_STATUS_NAMES[status],
    overdue: isTaskOverdue({ status, dueOn: r.due_on }, today),
    sourceResponsibilityId: r.source_responsibility_id,
    planId: r.plan_id,
    note: r.note,
    doneAt: r.done_at ? new Date(r.done_at).toISOString() : null,
    version: r.version,
    canEdit: canEditTask(ctx, r),
  };
}

export async function listTasks(ctx: Ctx, q: TaskListQueryT) {
  const today = todayInVietnam(ctx.now());
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const parts: SQL[] = [visibleWhere(ctx, 'task.read')];
  if (q.orgId) {
    const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'task.read');
    parts.push(sql`(o.path like ${`${org.path}%`} or a.path like ${`${org.path}%`})`);
  }
  if (q.status) parts.push(sql`t.status = ${q.status}`);
  if (q.planId) parts.push(sql`t.plan_id = ${q.planId}`);
  if (q.overdue === true) parts.push(sql`t.status = 'open' and t.due_on < ${today}`);
  if (q.overdue === false)
    parts.push(sql`not (t.status = 'open' and t.due_on is not null and t.due_on < ${today})`);
  const rows = await ctx.db.execute<TaskRow>(sql`
    ${SELECT}, count(*) over () as total ${FROM}
    where ${sql.join(parts, sql` and `)}
    order by t.status, t.due_on nulls last, t.created_at, t.id
    limit ${pageSize} offset ${(page - 1) * pageSize}`);
  return {
    items: rows.rows.map((r) => present(ctx, r, today)),
    total: rows.rows[0]?.total ?? 0,
    page,
    pageSize,
  };
}

async function loadTask(
  db: Queryable,
  ctx: Ctx,
  id: string,
  permission: string,
  lock = false,
): Promise<TaskRow> {
  const rows = await db.execute<TaskRow>(
    sql`${SELECT} ${FROM} where t.id = ${id} ${lock ? sql`for update of t` : sql``}`,
  );
  const r = rows.rows[0];
  const scope = scopeOf(ctx, permission);
  if (!r || !(isInScope(scope, r.org_path) || (r.assignee_path && isInScope(scope, r.assignee_path))))
    throw notFound();
  return r;
}

export async function getTask(ctx: Ctx, id: string) {
  return present(ctx, await loadTask(ctx.db, ctx, id, 'task.read'), todayInVietnam(ctx.now()));
}

/** The assignee must be the owner or an organisation below it. */
async function checkAssignee(db: Queryable, ownerPath: string, assigneeOrgId: string | null | undefined) {
  if (!assigneeOrgId) return;
  const r = await db.execute<{ path: string }>(
    sql`select path from organizations where id = ${assigneeOrgId}`,
  );
  const path = r.rows[0]?.path;
  if (!path?.startsWith(ownerPath))
    throw new AppError('VALIDATION_FAILED', [
      { field: 'assigneeOrgId', message: 'Đơn vị thực hiện phải là đơn vị giao hoặc đơn vị trực thuộc.' },
    ]);
}

export async function createTask(ctx: Ctx, input: CreateTaskBodyT) {
  const id = await ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'task.write');
    await checkAssignee(tx, org.path, input.assigneeOrgId);
    const [row] = await tx
      .insert(tasks)
      .values({
        orgId: org.id,
        assigneeOrgId: input.assigneeOrgId ?? null,
        assigneeDepartment: input.assigneeDepartment ?? null,
        content: input.content,
        dueOn: input.dueOn ?? null,
        recurrence: input.recurrence ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning({ id: tasks.id });
    await writeAudit(tx, ctx, {
      action: 'task.created',
      entityType: 'task',
      entityId: row!.id,
      orgId: org.id,
      after: input,
    });
    return row!.id;
  });
  return getTask(ctx, id);
}

export async function updateTask(ctx: Ctx, id: string, input: UpdateTaskBodyT) {
  await ctx.db.transaction(async (tx) => {
    const before = await loadTask(tx, ctx, id, 'task.write', true);
    if (before.version !== input.version) throw conflict();
    const sets: SQL[] = [sql`version = version + 1`, sql`updated_at = ${ctx.now().toISOString()}`];
    if (input.status !== undefined && input.status !== before.status) {
      sets.push(sql`status = ${input.status}`);
      sets.push(input.status === 'done' ? sql`done_at = ${ctx.now().toISOString()}` : sql`done_at = null`);
    }
    if (input.content !== undefined) sets.push(sql`content = ${input.content}`);
    if (input.assigneeDepartment !== undefined)
      sets.push(sql`assignee_department = ${input.assigneeDepartment}`);
    if (input.dueOn !== undefined) sets.push(sql`due_on = ${input.dueOn}`);
    if (input.note !== undefined) sets.push(sql`note = ${input.note}`);
    const r = await tx.execute(
      sql`update tasks set ${sql.join(sets, sql`, `)} where id = ${id} and version = ${input.version}`,
    );
    if ((r.rowCount ?? 0) === 0) throw conflict();
    await writeAudit(tx, ctx, {
      action: 'task.updated',
      entityType: 'task',
      entityId: id,
      orgId: before.org_id,
      before: { status: before.status, content: before.content, dueOn: before.due_on, note: before.note },
      after: input,
    });
  });
  return getTask(ctx, id);
}

/**
 * Turns the responsibilities of a plan into tasks (once each: a responsibility already turned into
 * a task is skipped). The plan's organisation must be in the caller's task.write scope.
 */
export async function createTasksFromPlan(ctx: Ctx, planId: string) {
  return ctx.db.transaction(async (tx) => {
    const plan = await tx.execute<{ id: string; org_id: string; title: string }>(
      sql`select id, org_id, title from plans where id = ${planId}`,
    );
    const p = plan.rows[0];
    if (!p) throw notFound();
    const org = await loadOrgInScope(tx, ctx, p.org_id, 'task.write');
    const inserted = await tx.execute<{ id: string }>(sql`
      insert into tasks (org_id, assignee_org_id, assignee_department, content, due_on, recurrence,
                         source_responsibility_id, plan_id, created_by)
      select ${org.id}, case when ro.path like ${`${org.path}%`} then r.org_id end, r.department, r.content,
             r.due_on, r.recurrence, r.id, r.plan_id, ${ctx.actor?.userId ?? null}
      from plan_responsibilities r left join organizations ro on ro.id = r.org_id
      where r.plan_id = ${planId}
        and not exists (select 1 from tasks t where t.source_responsibility_id = r.id)
      returning id`);
    await writeAudit(tx, ctx, {
      action: 'task.created_from_plan',
      entityType: 'plan',
      entityId: planId,
      orgId: org.id,
      after: { created: inserted.rows.length },
    });
    return { created: inserted.rows.length };
  });
}
