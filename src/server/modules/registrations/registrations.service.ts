/**
 * Emulation registration (đăng ký thi đua): at the start of a year each unit registers its
 * collective titles and its staff's individual titles. Department heads fill in and submit; the
 * TĐKT officer approves or returns with a reason (REGISTRATION_WORKFLOW). A roll-up board shows
 * every unit's state; exports as XLSX and as an official-format DOCX list.
 */
import { type SQL, sql } from 'drizzle-orm';
import {
  BOARD_STATUS_NAMES,
  type BoardQueryT,
  type CreateRegistrationBodyT,
  type RegistrationListQueryT,
  type RegistrationTransitionBodyT,
  type SaveRegistrationItemsBodyT,
} from '../../../contracts/proposals';
import { PERMISSIONS } from '../../../domain/access/roles';
import {
  AWARD_NAMES,
  type AwardCode,
  applyTransition,
  availableActions,
  findRule,
  findTransition,
  REGISTRATION_WORKFLOW,
  type RegistrationAction,
  type RegistrationState,
  RULE_SET_2025_07,
} from '../../../domain/commendation';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import { renderOfficialDocx } from '../../documents/docx/official';
import type { OfficialDocument } from '../../documents/model';
import { writeTableXlsx } from '../../documents/xlsx/write';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope, scopePaths } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';
import { DOCUMENT_PLACE } from '../proposals/achievement';

const awardName = (code: string) => AWARD_NAMES[code as AwardCode] ?? code;

type RegRow = {
  id: string;
  org_id: string;
  org_name: string;
  org_path: string;
  parent_name: string | null;
  year: number;
  status: RegistrationState;
  return_reason: string | null;
  version: number;
  updated_at: string;
  collective_count: number;
  individual_count: number;
};

const REG_SELECT = sql`
  select g.id, g.org_id, o.name as org_name, o.path as org_path, par.name as parent_name, g.year, g.status,
         g.return_reason, g.version, g.updated_at,
         (select count(*) from registration_items i where i.registration_id = g.id and i.org_id is not null)::int as collective_count,
         (select count(*) from registration_items i where i.registration_id = g.id and i.person_id is not null)::int as individual_count
    from registrations g join organizations o on o.id = g.org_id left join organizations par on par.id = o.parent_id`;

function present(r: RegRow) {
  return {
    id: r.id,
    org: { id: r.org_id, name: r.org_name },
    year: Number(r.year),
    status: r.status,
    statusName: REGISTRATION_WORKFLOW.stateNames[r.status] ?? r.status,
    returnReason: r.return_reason,
    version: Number(r.version),
    collectiveCount: Number(r.collective_count),
    individualCount: Number(r.individual_count),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

function permissionsOn(ctx: Pick<Ctx, 'actor'>, path: string): Set<string> {
  if (!ctx.actor) return new Set(PERMISSIONS);
  const perms = new Set<string>();
  for (const p of ['registration.submit', 'registration.review'])
    if (scopePaths(ctx.actor, p).some((s) => path.startsWith(s))) perms.add(p);
  return perms;
}

async function loadReg(db: Queryable, ctx: Ctx, id: string, forUpdate = false): Promise<RegRow> {
  const res = await db.execute<RegRow>(
    sql`${REG_SELECT} where g.id = ${id} ${forUpdate ? sql`for update of g` : sql``}`,
  );
  const row = res.rows[0];
  if (!row || !isInScope(scopeOf(ctx, 'registration.read'), row.org_path)) throw notFound();
  return row;
}

export async function listRegistrations(ctx: Ctx, q: RegistrationListQueryT) {
  const parts: SQL[] = [pathInSubtrees(sql`o.path`, scopeOf(ctx, 'registration.read'))];
  if (q.year) parts.push(sql`g.year = ${q.year}`);
  if (q.status) parts.push(sql`g.status = ${q.status}`);
  const res = await ctx.db.execute<RegRow>(
    sql`${REG_SELECT} where ${sql.join(parts, sql` and `)} order by g.year desc, o.path limit 1000`,
  );
  return { items: res.rows.map(present) };
}

type ItemRow = {
  id: string;
  person_id: string | null;
  org_id: string | null;
  name: string;
  position: string | null;
  award_code: string;
  note: string | null;
};

async function itemsOf(db: Queryable, id: string): Promise<ItemRow[]> {
  const res = await db.execute<ItemRow>(sql`
    select i.id, i.person_id, i.org_id, coalesce(p.full_name, o.name) as name, p.position, i.award_code, i.note
      from registration_items i left join people p on p.id = i.person_id left join organizations o on o.id = i.org_id
     where i.registration_id = ${id}
     order by (i.org_id is null), coalesce(p.name_sort, o.name) collate "C", i.award_code, i.id`);
  return res.rows;
}

export async function getRegistration(ctx: Ctx, id: string) {
  const row = await loadReg(ctx.db, ctx, id);
  const [items, events] = await Promise.all([
    itemsOf(ctx.db, id),
    ctx.db.execute<{
      id: string;
      action: string;
      from_status: string | null;
      to_status: string;
      reason: string | null;
      actor_name: string | null;
      at: string;
    }>(sql`select id, action, from_status, to_status, reason, actor_name, at from registration_events
            where registration_id = ${id} order by at, id`),
  ]);
  const perms = permissionsOn(ctx, row.org_path);
  return {
    ...present(row),
    items: items.map((i) => ({
      id: i.id,
      kind: (i.person_id ? 'person' : 'org') as 'person' | 'org',
      personId: i.person_id,
      orgId: i.org_id,
      name: i.name,
      position: i.position,
      awardCode: i.award_code,
      awardName: awardName(i.award_code),
      note: i.note,
    })),
    events: events.rows.map((e) => ({
      id: e.id,
      action: e.action,
      actionName:
        REGISTRATION_WORKFLOW.actionNames[e.action as RegistrationAction] ??
        (e.action === 'create' ? 'Lập đăng ký' : e.action),
      fromStatus: e.from_status,
      toStatus: e.to_status,
      reason: e.reason,
      actorName: e.actor_name,
      at: new Date(e.at).toISOString(),
    })),
    actions: availableActions(REGISTRATION_WORKFLOW, row.status, perms).map((a) => ({
      action: a,
      name: REGISTRATION_WORKFLOW.actionNames[a],
      requiresReason: findTransition(REGISTRATION_WORKFLOW, row.status, a)!.requiresReason,
    })),
    canEdit: (row.status === 'draft' || row.status === 'returned') && perms.has('registration.submit'),
  };
}

export async function createRegistration(ctx: Ctx, input: CreateRegistrationBodyT) {
  const id = await ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'registration.submit');
    if (org.status !== 'active')
      throw new AppError('VALIDATION_FAILED', [{ field: 'orgId', message: 'Đơn vị không còn hoạt động.' }]);
    const existing = await tx.execute<{ id: string }>(
      sql`select id from registrations where org_id = ${org.id} and year = ${input.year}`,
    );
    if (existing.rows[0])
      throw new AppError(
        'DUPLICATE',
        { id: existing.rows[0].id },
        `${org.name} đã có bản đăng ký thi đua năm ${input.year}.`,
      );
    const res = await tx.execute<{ id: string }>(sql`
      insert into registrations (org_id, year, created_by) values (${org.id}, ${input.year}, ${ctx.actor?.userId ?? null})
      returning id`);
    const id = res.rows[0]!.id;
    await tx.execute(sql`
      insert into registration_events (registration_id, action, from_status, to_status, actor_id, actor_name, at)
      values (${id}, 'create', null, 'draft', ${ctx.actor?.userId ?? null}, ${ctx.actor?.displayName ?? 'Hệ thống'}, clock_timestamp())`);
    await writeAudit(tx, ctx, {
      action: 'registration.create',
      entityType: 'registration',
      entityId: id,
      orgId: org.id,
      after: input,
    });
    return id;
  });
  return getRegistration(ctx, id);
}

const conflict = () =>
  new AppError(
    'CONFLICT',
    null,
    'Bản đăng ký đã được người khác thay đổi. Vui lòng tải lại trang và thử lại.',
  );

export async function saveRegistrationItems(ctx: Ctx, id: string, input: SaveRegistrationItemsBodyT) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadReg(tx, ctx, id, true);
    if (!permissionsOn(ctx, row.org_path).has('registration.submit')) throw new AppError('FORBIDDEN');
    if (row.version !== input.version) throw conflict();
    if (row.status !== 'draft' && row.status !== 'returned')
      throw new AppError('INVALID_STATE', null, 'Chỉ sửa bản đăng ký khi đang soạn hoặc bị trả lại.');
    const problems: { field: string; message: string }[] = [];
    const seen = new Set<string>();
    const personIds = [...new Set(input.items.flatMap((i) => (i.personId ? [i.personId] : [])))];
    const orgIds = [...new Set(input.items.flatMap((i) => (i.orgId ? [i.orgId] : [])))];
    const people = personIds.length
      ? (
          await tx.execute<{ id: string; path: string }>(sql`
            select p.id, o.path from people p join organizations o on o.id = p.current_org_id
             where p.id = any(${sql.param(personIds)}::uuid[]) and p.status = 'active'`)
        ).rows
      : [];
    const orgs = orgIds.length
      ? (
          await tx.execute<{ id: string; path: string }>(
            sql`select id, path from organizations where id = any(${sql.param(orgIds)}::uuid[])`,
          )
        ).rows
      : [];
    const pathOf = new Map([...people, ...orgs].map((r) => [r.id, r.path]));
    input.items.forEach((item, i) => {
      const subjectId = (item.personId ?? item.orgId)!;
      const path = pathOf.get(subjectId);
      if (!path?.startsWith(row.org_path)) {
        problems.push({
          field: `items.${i}.${item.personId ? 'personId' : 'orgId'}`,
          message: item.personId
            ? 'Người này không thuộc đơn vị đăng ký.'
            : 'Tập thể này không thuộc đơn vị đăng ký.',
        });
        return;
      }
      const rule = findRule(RULE_SET_2025_07, item.awardCode as AwardCode);
      if (!rule?.subjects[item.personId ? 'individual' : 'collective']) {
        problems.push({
          field: `items.${i}.awardCode`,
          message: `${awardName(item.awardCode)} không xét tặng cho ${item.personId ? 'cá nhân' : 'tập thể'}.`,
        });
      }
      const key = `${subjectId}/${item.awardCode}`;
      if (seen.has(key)) problems.push({ field: `items.${i}`, message: 'Dòng đăng ký bị trùng.' });
      seen.add(key);
    });
    if (problems.length) throw new AppError('VALIDATION_FAILED', problems);
    await tx.execute(sql`delete from registration_items where registration_id = ${id}`);
    if (input.items.length) {
      await tx.execute(sql`
        insert into registration_items (registration_id, person_id, org_id, award_code, note)
        select ${id}, x.person_id, x.org_id, x.award_code, x.note
          from jsonb_to_recordset(${JSON.stringify(
            input.items.map((i) => ({
              person_id: i.personId ?? null,
              org_id: i.orgId ?? null,
              award_code: i.awardCode,
              note: i.note ?? null,
            })),
          )}::jsonb) as x(person_id uuid, org_id uuid, award_code text, note text)`);
    }
    const upd = await tx.execute(sql`
      update registrations set version = version + 1, updated_at = now() where id = ${id} and version = ${input.version} returning id`);
    if (upd.rows.length === 0) throw conflict();
    await writeAudit(tx, ctx, {
      action: 'registration.items_saved',
      entityType: 'registration',
      entityId: id,
      orgId: row.org_id,
      before: { collective: row.collective_count, individual: row.individual_count },
      after: { items: input.items },
    });
  });
  return getRegistration(ctx, id);
}

export async function transitionRegistration(ctx: Ctx, id: string, body: RegistrationTransitionBodyT) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadReg(tx, ctx, id, true);
    if (row.version !== body.version) throw conflict();
    const r = applyTransition(
      REGISTRATION_WORKFLOW,
      row.status,
      body.action,
      permissionsOn(ctx, row.org_path),
      {
        reason: body.reason ?? null,
      },
    );
    if (!r.ok) {
      if (r.error === 'permission_denied') throw new AppError('FORBIDDEN', null, `${r.message}.`);
      if (r.error === 'reason_required')
        throw new AppError(
          'VALIDATION_FAILED',
          [{ field: 'reason', message: 'Phải nêu lý do.' }],
          'Phải nêu lý do.',
        );
      throw new AppError(
        'INVALID_STATE',
        { status: row.status, action: body.action },
        `Không thể “${REGISTRATION_WORKFLOW.actionNames[body.action]}” khi bản đăng ký đang ở trạng thái “${REGISTRATION_WORKFLOW.stateNames[row.status]}”.`,
      );
    }
    if (body.action === 'submit' && row.collective_count + row.individual_count === 0)
      throw new AppError(
        'VALIDATION_FAILED',
        [{ field: 'items', message: 'Bản đăng ký chưa có danh hiệu nào.' }],
        'Bản đăng ký chưa có danh hiệu nào.',
      );
    const actor = ctx.actor?.userId ?? null;
    const upd = await tx.execute(sql`
      update registrations set status = ${r.to}, version = version + 1, updated_at = now(),
             return_reason = ${body.action === 'return' ? (r.reason ?? null) : body.action === 'approve' ? null : row.return_reason},
             ${body.action === 'submit' ? sql`submitted_at = now(), submitted_by = ${actor}` : sql`reviewed_at = now(), reviewed_by = ${actor}`}
       where id = ${id} and version = ${body.version} and status = ${row.status} returning id`);
    if (upd.rows.length === 0) throw conflict();
    await tx.execute(sql`
      insert into registration_events (registration_id, action, from_status, to_status, reason, actor_id, actor_name, at)
      values (${id}, ${body.action}, ${row.status}, ${r.to}, ${r.reason ?? null}, ${actor}, ${ctx.actor?.displayName ?? 'Hệ thống'}, clock_timestamp())`);
    await writeAudit(tx, ctx, {
      action: `registration.${body.action}`,
      entityType: 'registration',
      entityId: id,
      orgId: row.org_id,
      before: { status: row.status },
      after: { status: r.to, reason: r.reason ?? null },
    });
  });
  return getRegistration(ctx, id);
}

export async function deleteRegistration(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const row = await loadReg(tx, ctx, id, true);
    if (!permissionsOn(ctx, row.org_path).has('registration.submit')) throw new AppError('FORBIDDEN');
    if (row.status !== 'draft')
      throw new AppError('INVALID_STATE', null, 'Chỉ xóa được bản đăng ký đang soạn.');
    await tx.execute(sql`delete from registration_items where registration_id = ${id}`);
    await tx.execute(sql`delete from registration_events where registration_id = ${id}`);
    await tx.execute(sql`delete from registrations where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'registration.delete',
      entityType: 'registration',
      entityId: id,
      orgId: row.org_id,
      before: present(row),
    });
  });
}

// ------------------------------------------------------------------ board and exports

/**
 * The roll-up board: the organisation `orgId` (default: each subtree where the caller may read
 * registrations) and its direct units, plus any deeper unit that has a registration for the year,
 * with the state of its registration.
 */
export async function registrationBoard(ctx: Ctx, q: BoardQueryT) {
  const roots = q.orgId
    ? [await loadOrgInScope(ctx.db, ctx, q.orgId, 'registration.read')]
    : (
        await ctx.db.execute<{ path: string; depth: number }>(sql`
          select path, depth from organizations where path = any(${sql.param(scopeOf(ctx, 'registration.read'))}::text[])`)
      ).rows;
  if (roots.length === 0)
    return {
      year: q.year,
      rows: [],
      counts: { not_submitted: 0, draft: 0, submitted: 0, returned: 0, approved: 0 },
    };
  const within = sql.join(
    roots.map(
      (r) => sql`(o.path like ${`${r.path}%`} and (o.depth <= ${Number(r.depth) + 1} or g.id is not null))`,
    ),
    sql` or `,
  );
  const res = await ctx.db.execute<{
    id: string;
    name: string;
    depth: number;
    reg_id: string | null;
    status: RegistrationState | null;
    return_reason: string | null;
    collective_count: number;
    individual_count: number;
  }>(sql`
    select o.id, o.name, o.depth, g.id as reg_id, g.status, g.return_reason,
           coalesce((select count(*) from registration_items i where i.registration_id = g.id and i.org_id is not null), 0)::int as collective_count,
           coalesce((select count(*) from registration_items i where i.registration_id = g.id and i.person_id is not null), 0)::int as individual_count
      from organizations o
      left join registrations g on g.org_id = o.id and g.year = ${q.year}
     where (o.status = 'active' or g.id is not null) and o.type <> 'health_station' and (${within})
     order by o.depth, vi_sort_key(o.name) collate "C", o.id
     limit 2000`);
  const rows = res.rows.map((r) => {
    const status = (r.status ?? 'not_submitted') as keyof typeof BOARD_STATUS_NAMES;
    return {
      org: { id: r.id, name: r.name, depth: Number(r.depth) },
      registrationId: r.reg_id,
      status,
      statusName: BOARD_STATUS_NAMES[status],
      collectiveCount: Number(r.collective_count),
      individualCount: Number(r.individual_count),
      returnReason: r.return_reason,
    };
  });
  const counts = { not_submitted: 0, draft: 0, submitted: 0, returned: 0, approved: 0 };
  for (const r of rows) counts[r.status] += 1;
  return { year: q.year, rows, counts };
}

/** Every registered title of the units on the board, as an XLSX table. */
export async function exportRegistrationsXlsx(ctx: Ctx, q: BoardQueryT) {
  const board = await registrationBoard(ctx, q);
  const regIds = board.rows.flatMap((r) => (r.registrationId ? [r.registrationId] : []));
  const orgName = new Map(board.rows.map((r) => [r.registrationId, r.org.name]));
  const status = new Map(board.rows.map((r) => [r.registrationId, r.statusName]));
  const items = regIds.length
    ? (
        await ctx.db.execute<ItemRow & { registration_id: string }>(sql`
          select i.id, i.registration_id, i.person_id, i.org_id, coalesce(p.full_name, o.name) as name, p.position, i.award_code, i.note
            from registration_items i left join people p on p.id = i.person_id left join organizations o on o.id = i.org_id
           where i.registration_id = any(${sql.param(regIds)}::uuid[])
           order by i.registration_id, (i.org_id is null), coalesce(p.name_sort, o.name) collate "C", i.award_code`)
      ).rows
    : [];
  const order = new Map(regIds.map((id, i) => [id, i]));
  items.sort((a, b) => order.get(a.registration_id)! - order.get(b.registration_id)!);
  return writeTableXlsx({
    sheetName: `Đăng ký ${q.year}`,
    title: `TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM ${q.year}`,
    columns: [
      { header: 'STT', key: 'n', width: 6, format: 'integer' },
      { header: 'Đơn vị', key: 'unit', width: 40, format: 'text' },
      { header: 'Cá nhân / Tập thể', key: 'kind', width: 14, format: 'text' },
      { header: 'Họ và tên / Tên tập thể', key: 'name', width: 36, format: 'text' },
      { header: 'Chức vụ', key: 'position', width: 24, format: 'text' },
      { header: 'Danh hiệu đăng ký', key: 'award', width: 36, format: 'text' },
      { header: 'Trạng thái', key: 'status', width: 18, format: 'text' },
      { header: 'Ghi chú', key: 'note', width: 30, format: 'text' },
    ],
    rows: items.map((i, n) => ({
      n: n + 1,
      unit: orgName.get(i.registration_id) ?? '',
      kind: i.person_id ? 'Cá nhân' : 'Tập thể',
      name: i.name,
      position: i.position ?? '',
      award: awardName(i.award_code),
      status: status.get(i.registration_id) ?? '',
      note: i.note ?? '',
    })),
  });
}

/** The official list (bản đăng ký thi đua) of one unit, NĐ 30 layout. */
export async function registrationDocx(ctx: Ctx, id: string) {
  const row = await loadReg(ctx.db, ctx, id);
  const items = await itemsOf(ctx.db, id);
  const collective = items.filter((i) => i.org_id);
  const individual = items.filter((i) => i.person_id);
  const doc: OfficialDocument = {
    templateVersion: 'registration-list/1',
    issuer: {
      ...(row.parent_name ? { parentName: row.parent_name.toUpperCase() } : {}),
      name: row.org_name.toUpperCase(),
    },
    documentNumber: '',
    place: DOCUMENT_PLACE,
    date: todayInVietnam(ctx.now()),
    kindTitle: 'BẢN ĐĂNG KÝ',
    subject: `Danh hiệu thi đua năm ${row.year}`,
    preamble: [],
    body: [
      {
        kind: 'paragraph',
        text: `Thực hiện Luật Thi đua, khen thưởng năm 2022 và các văn bản hướng dẫn, ${row.org_name} đăng ký danh hiệu thi đua năm ${row.year} như sau:`,
      },
      { kind: 'heading', level: 1, text: 'DANH HIỆU THI ĐUA TẬP THỂ' },
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'TT', width: 1, align: 'center' },
            { header: 'Tên tập thể', width: 6 },
            { header: 'Danh hiệu đăng ký', width: 5 },
            { header: 'Ghi chú', width: 3 },
          ],
          rows: collective.length
            ? collective.map((i, n) => [n + 1, i.name, awardName(i.award_code), i.note ?? ''])
            : [['', 'Không đăng ký', '', '']],
        },
      },
      { kind: 'heading', level: 1, text: 'DANH HIỆU THI ĐUA CÁ NHÂN' },
      {
        kind: 'table',
        table: {
          columns: [
            { header: 'TT', width: 1, align: 'center' },
            { header: 'Họ và tên', width: 5 },
            { header: 'Chức vụ', width: 4 },
            { header: 'Danh hiệu đăng ký', width: 4 },
            { header: 'Ghi chú', width: 2 },
          ],
          rows: individual.length
            ? individual.map((i, n) => [
                n + 1,
                i.name,
                i.position ?? '',
                awardName(i.award_code),
                i.note ?? '',
              ])
            : [['', 'Không đăng ký', '', '', '']],
          totals: ['', `Tổng số: ${individual.length} cá nhân`, '', '', ''],
        },
      },
    ],
    annexes: [],
    recipients: ['Hội đồng Thi đua – Khen thưởng', 'Lưu: VT'],
    signature: { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '(Ký, ghi rõ họ tên và đóng dấu)' },
  };
  return {
    bytes: await renderOfficialDocx(doc),
    fileName: `Đăng ký thi đua ${row.year} - ${row.org_name}.docx`,
  };
}
