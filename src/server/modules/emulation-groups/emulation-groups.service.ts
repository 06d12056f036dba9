/**
 * Emulation blocks and clusters (khối, cụm thi đua): members and their pledge, criteria sets,
 * score sheets (self-score with evidence by the unit → appraisal by the organiser → final),
 * ranking within the block with ties, and the leaders as candidates for the Cờ thi đua.
 * Visibility: the organiser's subtree (owner org) sees everything; a member unit sees the block,
 * its ranking and its own sheet. Anything else is 404.
 */
import { sql } from 'drizzle-orm';
import type {
  AppraisalBodyT,
  CreateCriteriaSetBodyT,
  CreateGroupBodyT,
  SelfScoreBodyT,
  UpdateGroupBodyT,
} from '../../../contracts/emulation-groups';
import { applyTransition, availableActions, findTransition } from '../../../domain/commendation/workflow';
import {
  type Criterion,
  GROUP_KIND_NAMES,
  type GroupKind,
  leavesOf,
  maxTotal,
  rankBlock,
  SCORE_SHEET_WORKFLOW,
  type SheetAction,
  type SheetState,
  scoreCriteria,
  validateCriteria,
  validateEntries,
} from '../../../domain/scoring';
import type { Queryable } from '../../db/client';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { loadFile, storeFile } from '../../platform/files/files.service';
import { AppError, conflict, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';

/** The award a block's leaders are proposed for. */
export const LEADER_AWARD_CODE = 'CO_THI_DUA_TINH';

type GroupRow = {
  id: string;
  owner_org_id: string;
  owner_path: string;
  owner_name: string;
  kind: GroupKind;
  name: string;
  year: number;
  pledge: string | null;
  criteria_set_id: string | null;
  criteria_set_name: string | null;
  leader_count: number;
  version: number;
};

type MemberRow = {
  org_id: string;
  org_name: string;
  org_code: string;
  path: string;
  pledge_signed_on: string | null;
  sheet_id: string | null;
  status: SheetState | null;
  self_total: number | null;
  appraised_total: number | null;
  final_total: number | null;
  sheet_version: number | null;
};

const groupSelect = sql`
  select g.id, g.owner_org_id, o.path as owner_path, o.name as owner_name, g.kind, g.name, g.year, g.pledge,
         g.criteria_set_id, cs.name as criteria_set_name, g.leader_count, g.version
    from emulation_groups g
    join organizations o on o.id = g.owner_org_id
    left join criteria_sets cs on cs.id = g.criteria_set_id`;

async function findGroup(db: Queryable, id: string, lock = false): Promise<GroupRow | undefined> {
  const r = await db.execute<GroupRow>(
    sql`${groupSelect} where g.id = ${id} ${lock ? sql`for update of g` : sql``}`,
  );
  return r.rows[0];
}

async function membersOf(db: Queryable, groupId: string): Promise<MemberRow[]> {
  const r = await db.execute<MemberRow>(sql`
    select m.org_id, o.name as org_name, o.code::text as org_code, o.path, m.pledge_signed_on,
           s.id as sheet_id, s.status, s.self_total, s.appraised_total, s.final_total, s.version as sheet_version
      from emulation_group_members m
      join organizations o on o.id = m.org_id
      left join score_sheets s on s.group_id = m.group_id and s.org_id = m.org_id
     where m.group_id = ${groupId}
     order by o.name`);
  return r.rows;
}

/** Loads a group the actor may see (organiser's subtree or a member's); else 404. */
async function loadVisibleGroup(db: Queryable, ctx: Ctx, id: string, lock = false) {
  const g = await findGroup(db, id, lock);
  if (!g) throw notFound();
  const members = await membersOf(db, id);
  const scope = scopeOf(ctx, 'emulationGroup.read');
  const owner = isInScope(scope, g.owner_path);
  const visibleMembers = new Set(
    members.filter((m) => owner || isInScope(scope, m.path)).map((m) => m.org_id),
  );
  if (!owner && visibleMembers.size === 0) throw notFound();
  return { g, members, owner, visibleMembers };
}

const n = (x: number | null) => (x === null ? null : Number(x));

function sheetSummary(m: MemberRow) {
  const status = m.status ?? 'draft';
  return {
    id: m.sheet_id,
    status,
    statusName: SCORE_SHEET_WORKFLOW.stateNames[status],
    selfTotal: n(m.self_total),
    appraisedTotal: n(m.appraised_total),
    finalTotal: n(m.final_total),
    version: m.sheet_version ?? 0,
  };
}

// ---------------------------------------------------------------- criteria sets

type CriterionRow = {
  id: string;
  parent_id: string | null;
  code: string;
  name: string;
  max_points: number;
  weight: number;
  evidence_required: boolean;
  sort: number;
};

async function criteriaOf(db: Queryable, setId: string): Promise<Criterion[]> {
  const r = await db.execute<CriterionRow>(sql`
    select id, parent_id, code, name, max_points, weight, evidence_required, sort from criteria where set_id = ${setId}`);
  return r.rows.map((c) => ({
    id: c.id,
    parentId: c.parent_id,
    code: c.code,
    name: c.name,
    maxPoints: Number(c.max_points),
    weight: Number(c.weight),
    evidenceRequired: c.evidence_required,
    sort: c.sort,
  }));
}

/** Criteria in tree order (depth-first by sort), with a leaf flag. */
function ordered(items: Criterion[]) {
  const leaves = new Set(leavesOf(items).map((c) => c.id));
  const byParent = new Map<string | null, Criterion[]>();
  for (const c of items) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const out: (Criterion & { leaf: boolean })[] = [];
  const walk = (parent: string | null) => {
    for (const c of (byParent.get(parent) ?? []).sort((a, b) => a.sort - b.sort)) {
      out.push({ ...c, leaf: leaves.has(c.id) });
      walk(c.id);
    }
  };
  walk(null);
  return out;
}

type SetRow = {
  id: string;
  owner_org_id: string;
  owner_name: string;
  owner_path: string;
  name: string;
  year: number;
  note: string | null;
};

async function findSet(db: Queryable, id: string) {
  const r = await db.execute<SetRow>(sql`
    select s.id, s.owner_org_id, o.name as owner_name, o.path as owner_path, s.name, s.year, s.note
      from criteria_sets s join organizations o on o.id = s.owner_org_id where s.id = ${id}`);
  return r.rows[0];
}

export async function listCriteriaSets(ctx: Ctx) {
  const r = await ctx.db.execute<SetRow & { criterion_count: number; max_total: number | null }>(sql`
    select s.id, s.owner_org_id, o.name as owner_name, o.path as owner_path, s.name, s.year, s.note,
           (select count(*)::int from criteria c where c.set_id = s.id) as criterion_count,
           (select coalesce(sum(c.max_points * c.weight), 0) from criteria c where c.set_id = s.id and c.parent_id is null) as max_total
      from criteria_sets s join organizations o on o.id = s.owner_org_id
     where ${pathInSubtrees(sql`o.path`, scopeOf(ctx, 'emulationGroup.read'))}
     order by s.year desc, s.name`);
  return r.rows.map((s) => ({
    id: s.id,
    ownerOrgId: s.owner_org_id,
    ownerOrgName: s.owner_name,
    name: s.name,
    year: Number(s.year),
    note: s.note,
    maxTotal: Number(s.max_total ?? 0),
    criterionCount: Number(s.criterion_count),
  }));
}

export async function getCriteriaSet(ctx: Ctx, id: string) {
  const s = await findSet(ctx.db, id);
  // a set is visible to its owner's subtree and to members of blocks that use it
  if (!s) throw notFound();
  const scope = scopeOf(ctx, 'emulationGroup.read');
  if (!isInScope(scope, s.owner_path)) {
    const used = await ctx.db.execute(sql`
      select 1 from emulation_groups g join emulation_group_members m on m.group_id = g.id
        join organizations o on o.id = m.org_id
       where g.criteria_set_id = ${id} and ${pathInSubtrees(sql`o.path`, scope)} limit 1`);
    if (used.rows.length === 0) throw notFound();
  }
  const items = await criteriaOf(ctx.db, id);
  return {
    id: s.id,
    ownerOrgId: s.owner_org_id,
    ownerOrgName: s.owner_name,
    name: s.name,
    year: Number(s.year),
    note: s.note,
    maxTotal: maxTotal(items),
    criteria: ordered(items),
  };
}

export async function createCriteriaSet(ctx: Ctx, body: CreateCriteriaSetBodyT) {
  const id = await ctx.db.transaction(async (tx) => {
    const owner = await loadOrgInScope(tx, ctx, body.ownerOrgId, 'emulationGroup.manage');
    const codes = new Map(body.criteria.map((c, i) => [c.code, i]));
    const errors: { field: string; message: string }[] = [];
    body.criteria.forEach((c, i) => {
      if (c.parentCode && !codes.has(c.parentCode))
        errors.push({
          field: `criteria[${i}].parentCode`,
          message: `Tiêu chí ${c.code}: không có tiêu chí cha mã ${c.parentCode}.`,
        });
    });
    const draft: Criterion[] = body.criteria.map((c, i) => ({
      id: c.code,
      parentId: c.parentCode ?? null,
      code: c.code,
      name: c.name,
      maxPoints: c.maxPoints,
      weight: c.weight ?? 1,
      evidenceRequired: c.evidenceRequired ?? false,
      sort: i,
    }));
    if (errors.length === 0) errors.push(...validateCriteria(draft));
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors);
    const r = await tx.execute<{ id: string }>(sql`
      insert into criteria_sets (owner_org_id, name, year, note, created_by)
      values (${owner.id}, ${body.name}, ${body.year}, ${body.note ?? null}, ${ctx.actor?.userId ?? null}) returning id`);
    const setId = r.rows[0]!.id;
    const idByCode = new Map<string, string>();
    // parents first: insert in an order where every parent precedes its children
    const remaining = [...draft];
    while (remaining.length > 0) {
      const next = remaining.findIndex((c) => c.parentId === null || idByCode.has(c.parentId));
      const c = remaining.splice(next, 1)[0]!;
      const ins = await tx.execute<{ id: string }>(sql`
        insert into criteria (set_id, parent_id, code, name, max_points, weight, evidence_required, sort)
        values (${setId}, ${c.parentId ? idByCode.get(c.parentId)! : null}, ${c.code}, ${c.name}, ${c.maxPoints}, ${c.weight},
                ${c.evidenceRequired}, ${c.sort}) returning id`);
      idByCode.set(c.code, ins.rows[0]!.id);
    }
    await writeAudit(tx, ctx, {
      action: 'criteria_set.create',
      entityType: 'criteria_set',
      entityId: setId,
      orgId: owner.id,
      after: { name: body.name, year: body.year, criteria: body.criteria.length, maxTotal: maxTotal(draft) },
    });
    return setId;
  });
  return getCriteriaSet(ctx, id);
}

// ---------------------------------------------------------------- groups

export async function listGroups(ctx: Ctx, q: { year?: number }) {
  const scope = scopeOf(ctx, 'emulationGroup.read');
  const r = await ctx.db.execute<GroupRow & { member_count: number; final_count: number }>(sql`
    select g.id, g.owner_org_id, o.path as owner_path, o.name as owner_name, g.kind, g.name, g.year, g.pledge,
           g.criteria_set_id, cs.name as criteria_set_name, g.leader_count, g.version,
           (select count(*)::int from emulation_group_members m where m.group_id = g.id) as member_count,
           (select count(*)::int from score_sheets s where s.group_id = g.id and s.status = 'final') as final_count
      from emulation_groups g
      join organizations o on o.id = g.owner_org_id
      left join criteria_sets cs on cs.id = g.criteria_set_id
     where (${pathInSubtrees(sql`o.path`, scope)}
            or exists (select 1 from emulation_group_members m join organizations mo on mo.id = m.org_id
                        where m.group_id = g.id and ${pathInSubtrees(sql`mo.path`, scope)}))
       ${q.year ? sql`and g.year = ${q.year}` : sql``}
     order by g.year desc, g.kind, g.name`);
  return r.rows.map((g) => ({
    id: g.id,
    kind: g.kind,
    kindName: GROUP_KIND_NAMES[g.kind],
    name: g.name,
    year: Number(g.year),
    ownerOrgId: g.owner_org_id,
    ownerOrgName: g.owner_name,
    memberCount: Number(g.member_count),
    finalCount: Number(g.final_count),
    criteriaSetName: g.criteria_set_name,
  }));
}

export async function getGroup(ctx: Ctx, id: string) {
  const { g, members, owner, visibleMembers } = await loadVisibleGroup(ctx.db, ctx, id);
  const items = g.criteria_set_id ? await criteriaOf(ctx.db, g.criteria_set_id) : [];
  return {
    id: g.id,
    kind: g.kind,
    kindName: GROUP_KIND_NAMES[g.kind],
    name: g.name,
    year: Number(g.year),
    ownerOrgId: g.owner_org_id,
    ownerOrgName: g.owner_name,
    memberCount: members.length,
    finalCount: members.filter((m) => m.status === 'final').length,
    criteriaSetName: g.criteria_set_name,
    pledge: g.pledge,
    criteriaSetId: g.criteria_set_id,
    leaderCount: g.leader_count,
    version: g.version,
    maxTotal: g.criteria_set_id ? maxTotal(items) : null,
    members: members.map((m) => ({
      orgId: m.org_id,
      orgName: m.org_name,
      orgCode: m.org_code,
      pledgeSignedOn: m.pledge_signed_on,
      sheet: sheetSummary(m),
      canSelfScore: canOn(ctx.actor, 'score.self', m.path),
      visible: visibleMembers.has(m.org_id),
    })),
    canManage: owner && canOn(ctx.actor, 'emulationGroup.manage', g.owner_path),
    canAppraise: owner && canOn(ctx.actor, 'score.appraise', g.owner_path),
  };
}

async function checkMembers(
  tx: Queryable,
  owner: { id: string; path: string },
  members: { orgId: string }[],
) {
  const errors: { field: string; message: string }[] = [];
  const seen = new Set<string>();
  for (const [i, m] of members.entries()) {
    const o = (
      await tx.execute<{ path: string; name: string; status: string }>(
        sql`select path, name, status from organizations where id = ${m.orgId}`,
      )
    ).rows[0];
    if (!o || !o.path.startsWith(owner.path) || m.orgId === owner.id)
      errors.push({
        field: `members[${i}].orgId`,
        message: 'Thành viên phải là đơn vị trực thuộc của đơn vị tổ chức khối, cụm.',
      });
    else if (o.status !== 'active')
      errors.push({ field: `members[${i}].orgId`, message: `${o.name} không còn hoạt động.` });
    if (seen.has(m.orgId))
      errors.push({ field: `members[${i}].orgId`, message: 'Đơn vị bị trùng trong danh sách thành viên.' });
    seen.add(m.orgId);
  }
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors);
}

async function checkCriteriaSet(tx: Queryable, ctx: Ctx, setId: string | null | undefined) {
  if (!setId) return;
  const s = await findSet(tx, setId);
  if (!s || !isInScope(scopeOf(ctx, 'emulationGroup.manage'), s.owner_path))
    throw new AppError('VALIDATION_FAILED', [
      { field: 'criteriaSetId', message: 'Bộ tiêu chí không tồn tại hoặc ngoài phạm vi quản lý.' },
    ]);
}

export async function createGroup(ctx: Ctx, body: CreateGroupBodyT) {
  const id = await ctx.db.transaction(async (tx) => {
    const owner = await loadOrgInScope(tx, ctx, body.ownerOrgId, 'emulationGroup.manage');
    await checkMembers(tx, owner, body.members);
    await checkCriteriaSet(tx, ctx, body.criteriaSetId);
    const r = await tx.execute<{ id: string }>(sql`
      insert into emulation_groups (owner_org_id, kind, name, year, pledge, criteria_set_id, leader_count, created_by)
      values (${owner.id}, ${body.kind}, ${body.name}, ${body.year}, ${body.pledge ?? null}, ${body.criteriaSetId ?? null},
              ${body.leaderCount ?? 1}, ${ctx.actor?.userId ?? null}) returning id`);
    const groupId = r.rows[0]!.id;
    for (const m of body.members)
      await tx.execute(
        sql`insert into emulation_group_members (group_id, org_id, pledge_signed_on) values (${groupId}, ${m.orgId}, ${m.pledgeSignedOn ?? null})`,
      );
    await writeAudit(tx, ctx, {
      action: 'emulation_group.create',
      entityType: 'emulation_group',
      entityId: groupId,
      orgId: owner.id,
      after: { kind: body.kind, name: body.name, year: body.year, members: body.members.map((m) => m.orgId) },
    });
    return groupId;
  });
  return getGroup(ctx, id);
}

async function loadManagedGroup(tx: Queryable, ctx: Ctx, id: string) {
  const g = await findGroup(tx, id, true);
  if (!g || !isInScope(scopeOf(ctx, 'emulationGroup.read'), g.owner_path)) throw notFound();
  if (!canOn(ctx.actor, 'emulationGroup.manage', g.owner_path)) throw new AppError('FORBIDDEN');
  return g;
}

export async function updateGroup(ctx: Ctx, id: string, body: UpdateGroupBodyT) {
  await ctx.db.transaction(async (tx) => {
    const g = await loadManagedGroup(tx, ctx, id);
    if (g.version !== body.version) throw conflict();
    if (body.criteriaSetId !== undefined && body.criteriaSetId !== g.criteria_set_id) {
      const started = await tx.execute(
        sql`select 1 from score_sheets where group_id = ${id} and status <> 'draft' limit 1`,
      );
      if (started.rows.length > 0)
        throw new AppError(
          'INVALID_STATE',
          null,
          'Đã có đơn vị gửi kết quả tự chấm: không thể đổi bộ tiêu chí.',
        );
      await checkCriteriaSet(tx, ctx, body.criteriaSetId);
    }
    await tx.execute(sql`
      update emulation_groups set name = ${body.name ?? g.name},
        pledge = ${body.pledge !== undefined ? body.pledge : g.pledge},
        criteria_set_id = ${body.criteriaSetId !== undefined ? body.criteriaSetId : g.criteria_set_id},
        leader_count = ${body.leaderCount ?? g.leader_count}, version = version + 1, updated_at = now()
      where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'emulation_group.update',
      entityType: 'emulation_group',
      entityId: id,
      orgId: g.owner_org_id,
      before: g,
      after: body,
    });
  });
  return getGroup(ctx, id);
}

export async function putMembers(
  ctx: Ctx,
  id: string,
  body: { version: number; members: { orgId: string; pledgeSignedOn?: string | null }[] },
) {
  await ctx.db.transaction(async (tx) => {
    const g = await loadManagedGroup(tx, ctx, id);
    if (g.version !== body.version) throw conflict();
    await checkMembers(tx, { id: g.owner_org_id, path: g.owner_path }, body.members);
    const current = await membersOf(tx, id);
    const keep = new Set(body.members.map((m) => m.orgId));
    const scored = current.filter((m) => !keep.has(m.org_id) && m.status && m.status !== 'draft');
    if (scored.length > 0)
      throw new AppError(
        'INVALID_STATE',
        null,
        `${scored.map((m) => m.org_name).join(', ')} đã gửi kết quả chấm điểm: không thể rút khỏi khối, cụm.`,
      );
    await tx.execute(
      sql`delete from score_entries where sheet_id in (select id from score_sheets where group_id = ${id} and org_id <> all(${`{${[...keep].join(',')}}`}::uuid[]))`,
    );
    await tx.execute(
      sql`delete from score_sheets where group_id = ${id} and org_id <> all(${`{${[...keep].join(',')}}`}::uuid[])`,
    );
    await tx.execute(sql`delete from emulation_group_members where group_id = ${id}`);
    for (const m of body.members)
      await tx.execute(
        sql`insert into emulation_group_members (group_id, org_id, pledge_signed_on) values (${id}, ${m.orgId}, ${m.pledgeSignedOn ?? null})`,
      );
    await tx.execute(
      sql`update emulation_groups set version = version + 1, updated_at = now() where id = ${id}`,
    );
    await writeAudit(tx, ctx, {
      action: 'emulation_group.members',
      entityType: 'emulation_group',
      entityId: id,
      orgId: g.owner_org_id,
      before: current.map((m) => m.org_id),
      after: body.members,
    });
  });
  return getGroup(ctx, id);
}

// ---------------------------------------------------------------- score sheets

type EntryRow = {
  criterion_id: string;
  self_points: number | null;
  self_note: string | null;
  evidence_file_ids: string[];
  appraised_points: number | null;
  appraiser_note: string | null;
};

/** The group, the member and its sheet (created on first use), visible to the actor; else 404. */
async function loadSheetContext(db: Queryable, ctx: Ctx, groupId: string, orgId: string, lock = false) {
  const { g, members, owner, visibleMembers } = await loadVisibleGroup(db, ctx, groupId, lock);
  const m = members.find((x) => x.org_id === orgId);
  if (!m || !visibleMembers.has(orgId)) throw notFound();
  return { g, m, owner };
}

async function ensureSheet(tx: Queryable, groupId: string, orgId: string) {
  await tx.execute(
    sql`insert into score_sheets (group_id, org_id) values (${groupId}, ${orgId}) on conflict (group_id, org_id) do nothing`,
  );
  const r = await tx.execute<{ id: string; status: SheetState; version: number }>(
    sql`select id, status, version from score_sheets where group_id = ${groupId} and org_id = ${orgId} for update`,
  );
  return r.rows[0]!;
}

async function entriesOf(db: Queryable, sheetId: string | null): Promise<Map<string, EntryRow>> {
  if (!sheetId) return new Map();
  const r = await db.execute<EntryRow>(sql`
    select criterion_id, self_points, self_note, evidence_file_ids, appraised_points, appraiser_note
      from score_entries where sheet_id = ${sheetId}`);
  return new Map(r.rows.map((e) => [e.criterion_id, e]));
}

function permissionsFor(ctx: Ctx, g: GroupRow, m: MemberRow): Set<string> {
  const perms = new Set<string>();
  if (canOn(ctx.actor, 'score.self', m.path)) perms.add('score.self');
  if (canOn(ctx.actor, 'score.appraise', g.owner_path)) perms.add('score.appraise');
  if (canOn(ctx.actor, 'emulationGroup.manage', g.owner_path)) perms.add('emulationGroup.manage');
  return perms;
}

export async function getSheet(ctx: Ctx, groupId: string, orgId: string) {
  const { g, m } = await loadSheetContext(ctx.db, ctx, groupId, orgId);
  if (!g.criteria_set_id)
    throw new AppError('INVALID_STATE', null, 'Khối, cụm chưa có bộ tiêu chí chấm điểm.');
  const items = await criteriaOf(ctx.db, g.criteria_set_id);
  const entries = await entriesOf(ctx.db, m.sheet_id);
  const fileIds = [...new Set([...entries.values()].flatMap((e) => e.evidence_file_ids ?? []))];
  const names = new Map<string, string>();
  if (fileIds.length > 0) {
    const r = await ctx.db.execute<{ id: string; original_name: string }>(
      sql`select id, original_name from files where id = any(${`{${fileIds.join(',')}}`}::uuid[])`,
    );
    for (const f of r.rows) names.set(f.id, f.original_name);
  }
  const selfScore = scoreCriteria(items, new Map([...entries].map(([k, e]) => [k, n(e.self_points)])));
  const apprScore = scoreCriteria(items, new Map([...entries].map(([k, e]) => [k, n(e.appraised_points)])));
  const perms = permissionsFor(ctx, g, m);
  const status = m.status ?? 'draft';
  return {
    groupId: g.id,
    groupName: g.name,
    orgId: m.org_id,
    orgName: m.org_name,
    sheet: sheetSummary(m),
    maxTotal: maxTotal(items),
    criteria: ordered(items).map((c) => {
      const e = entries.get(c.id);
      return {
        ...c,
        selfPoints: n(e?.self_points ?? null),
        selfNote: e?.self_note ?? null,
        evidence: (e?.evidence_file_ids ?? []).map((id) => ({ id, name: names.get(id) ?? id })),
        appraisedPoints: n(e?.appraised_points ?? null),
        appraiserNote: e?.appraiser_note ?? null,
        selfNodePoints: selfScore.nodes.get(c.id)?.points ?? null,
        appraisedNodePoints: apprScore.nodes.get(c.id)?.points ?? null,
      };
    }),
    actions: availableActions(SCORE_SHEET_WORKFLOW, status, perms).map((action) => ({
      action,
      name: SCORE_SHEET_WORKFLOW.actionNames[action],
      requiresReason: !!findTransition(SCORE_SHEET_WORKFLOW, status, action)?.requiresReason,
    })),
    canSelfScore: status === 'draft' && perms.has('score.self'),
    canAppraise: status === 'self_submitted' && perms.has('score.appraise'),
  };
}

function checkVersion(sheet: { version: number }, expected: number, existed: boolean) {
  // a sheet not yet created has version 0 for the client
  if ((existed ? sheet.version : 0) !== expected) throw conflict();
}

export async function saveSelfScore(ctx: Ctx, groupId: string, orgId: string, body: SelfScoreBodyT) {
  await ctx.db.transaction(async (tx) => {
    const { g, m } = await loadSheetContext(tx, ctx, groupId, orgId, true);
    if (!canOn(ctx.actor, 'score.self', m.path)) throw new AppError('FORBIDDEN');
    if (!g.criteria_set_id)
      throw new AppError('INVALID_STATE', null, 'Khối, cụm chưa có bộ tiêu chí chấm điểm.');
    const sheet = await ensureSheet(tx, groupId, orgId);
    checkVersion(sheet, body.version, m.sheet_id !== null);
    if (sheet.status !== 'draft')
      throw new AppError('INVALID_STATE', null, 'Chỉ sửa điểm tự chấm khi chưa gửi.');
    const items = await criteriaOf(tx, g.criteria_set_id);
    const issues = validateEntries(
      items,
      body.entries.map((e) => ({
        criterionId: e.criterionId,
        points: e.points,
        evidenceFileIds: e.evidenceFileIds,
      })),
    );
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues);
    // evidence must be files uploaded for this unit
    const fileIds = [...new Set(body.entries.flatMap((e) => e.evidenceFileIds ?? []))];
    if (fileIds.length > 0) {
      const r = await tx.execute<{ id: string }>(
        sql`select id from files where id = any(${`{${fileIds.join(',')}}`}::uuid[]) and owner_org_id = ${orgId}`,
      );
      const known = new Set(r.rows.map((f) => f.id));
      const bad = body.entries.findIndex((e) => (e.evidenceFileIds ?? []).some((f) => !known.has(f)));
      if (bad >= 0)
        throw new AppError('VALIDATION_FAILED', [
          {
            field: `entries[${bad}].evidenceFileIds`,
            message: 'Tài liệu minh chứng không tồn tại hoặc không thuộc đơn vị.',
          },
        ]);
    }
    for (const e of body.entries) {
      await tx.execute(sql`
        insert into score_entries (sheet_id, criterion_id, self_points, self_note, evidence_file_ids)
        values (${sheet.id}, ${e.criterionId}, ${e.points}, ${e.note ?? null}, ${JSON.stringify(e.evidenceFileIds ?? [])}::jsonb)
        on conflict (sheet_id, criterion_id) do update set self_points = excluded.self_points, self_note = excluded.self_note,
          evidence_file_ids = excluded.evidence_file_ids`);
    }
    const entries = await entriesOf(tx, sheet.id);
    const total = scoreCriteria(items, new Map([...entries].map(([k, e]) => [k, n(e.self_points)]))).total;
    await tx.execute(
      sql`update score_sheets set self_total = ${total}, version = version + 1, updated_at = now() where id = ${sheet.id}`,
    );
    await writeAudit(tx, ctx, {
      action: 'score.self_saved',
      entityType: 'score_sheet',
      entityId: sheet.id,
      orgId,
      after: {
        total,
        entries: body.entries.map((e) => ({
          criterionId: e.criterionId,
          points: e.points,
          evidence: e.evidenceFileIds?.length ?? 0,
        })),
      },
    });
  });
  return getSheet(ctx, groupId, orgId);
}

export async function saveAppraisal(ctx: Ctx, groupId: string, orgId: string, body: AppraisalBodyT) {
  await ctx.db.transaction(async (tx) => {
    const { g, m, owner } = await loadSheetContext(tx, ctx, groupId, orgId, true);
    if (!owner || !canOn(ctx.actor, 'score.appraise', g.owner_path)) throw new AppError('FORBIDDEN');
    const sheet = await ensureSheet(tx, groupId, orgId);
    checkVersion(sheet, body.version, m.sheet_id !== null);
    if (sheet.status !== 'self_submitted')
      throw new AppError('INVALID_STATE', null, 'Chỉ thẩm định khi đơn vị đã gửi kết quả tự chấm.');
    const items = await criteriaOf(tx, g.criteria_set_id!);
    const issues = validateEntries(items, body.entries);
    if (issues.length > 0) throw new AppError('VALIDATION_FAILED', issues);
    for (const e of body.entries) {
      await tx.execute(sql`
        insert into score_entries (sheet_id, criterion_id, appraised_points, appraiser_note)
        values (${sheet.id}, ${e.criterionId}, ${e.points}, ${e.note ?? null})
        on conflict (sheet_id, criterion_id) do update set appraised_points = excluded.appraised_points,
          appraiser_note = excluded.appraiser_note`);
    }
    const entries = await entriesOf(tx, sheet.id);
    const total = scoreCriteria(
      items,
      new Map([...entries].map(([k, e]) => [k, n(e.appraised_points)])),
    ).total;
    await tx.execute(
      sql`update score_sheets set appraised_total = ${total}, version = version + 1, updated_at = now() where id = ${sheet.id}`,
    );
    await writeAudit(tx, ctx, {
      action: 'score.appraisal_saved',
      entityType: 'score_sheet',
      entityId: sheet.id,
      orgId,
      after: { total, entries: body.entries.map((e) => ({ criterionId: e.criterionId, points: e.points })) },
    });
  });
  return getSheet(ctx, groupId, orgId);
}

export async function transitionSheet(
  ctx: Ctx,
  groupId: string,
  orgId: string,
  body: { action: SheetAction; version: number; reason?: string | null },
) {
  await ctx.db.transaction(async (tx) => {
    const { g, m } = await loadSheetContext(tx, ctx, groupId, orgId, true);
    if (!g.criteria_set_id)
      throw new AppError('INVALID_STATE', null, 'Khối, cụm chưa có bộ tiêu chí chấm điểm.');
    const sheet = await ensureSheet(tx, groupId, orgId);
    checkVersion(sheet, body.version, m.sheet_id !== null);
    const result = applyTransition(
      SCORE_SHEET_WORKFLOW,
      sheet.status,
      body.action,
      permissionsFor(ctx, g, m),
      { reason: body.reason },
    );
    if (!result.ok) {
      if (result.error === 'permission_denied') throw new AppError('FORBIDDEN', null, result.message);
      if (result.error === 'reason_required')
        throw new AppError('VALIDATION_FAILED', [{ field: 'reason', message: 'Phải nêu lý do.' }]);
      throw new AppError('INVALID_STATE', null, result.message);
    }
    const items = await criteriaOf(tx, g.criteria_set_id);
    const entries = [...(await entriesOf(tx, sheet.id)).values()];
    if (body.action === 'submit') {
      const issues = validateEntries(
        items,
        entries.map((e) => ({
          criterionId: e.criterion_id,
          points: n(e.self_points),
          evidenceFileIds: e.evidence_file_ids,
        })),
        { requireAll: true, checkEvidence: true },
      );
      if (issues.length > 0)
        throw new AppError(
          'VALIDATION_FAILED',
          issues,
          'Chưa thể gửi: còn tiêu chí chưa chấm hoặc thiếu minh chứng.',
        );
    }
    if (body.action === 'appraise') {
      const issues = validateEntries(
        items,
        entries.map((e) => ({ criterionId: e.criterion_id, points: n(e.appraised_points) })),
        { requireAll: true },
      );
      if (issues.length > 0)
        throw new AppError(
          'VALIDATION_FAILED',
          issues,
          'Chưa thể hoàn thành thẩm định: còn tiêu chí chưa chấm.',
        );
    }
    const stamp =
      body.action === 'submit'
        ? sql`, submitted_at = now()`
        : body.action === 'appraise'
          ? sql`, appraised_at = now()`
          : body.action === 'finalize'
            ? sql`, finalized_at = now(), final_total = appraised_total`
            : body.action === 'reopen'
              ? sql`, final_total = null, finalized_at = null`
              : sql``;
    await tx.execute(
      sql`update score_sheets set status = ${result.to}, version = version + 1, updated_at = now() ${stamp} where id = ${sheet.id}`,
    );
    await writeAudit(tx, ctx, {
      action: `score.${body.action}`,
      entityType: 'score_sheet',
      entityId: sheet.id,
      orgId,
      before: { status: result.from },
      after: { status: result.to, reason: result.reason ?? null },
    });
  });
  return getSheet(ctx, groupId, orgId);
}

export async function uploadEvidence(
  ctx: Ctx,
  groupId: string,
  orgId: string,
  file: { bytes: Buffer; fileName: string },
) {
  return ctx.db.transaction(async (tx) => {
    const { m } = await loadSheetContext(tx, ctx, groupId, orgId);
    if (!canOn(ctx.actor, 'score.self', m.path)) throw new AppError('FORBIDDEN');
    const stored = await storeFile(tx, {
      bytes: file.bytes,
      originalName: file.fileName,
      ownerOrgId: orgId,
      uploadedBy: ctx.actor?.userId ?? null,
      allowed: ['pdf', 'jpg', 'png', 'docx'],
      maxBytes: ctx.config.uploadMaxBytes,
    });
    await writeAudit(tx, ctx, {
      action: 'score.evidence_uploaded',
      entityType: 'file',
      entityId: stored.id,
      orgId,
      after: { groupId, name: stored.originalName, sha256: stored.sha256, size: stored.size },
    });
    return { id: stored.id, name: stored.originalName, mime: stored.mime, size: stored.size };
  });
}

/** An evidence file of a sheet of this group the actor may see. */
export async function downloadEvidence(ctx: Ctx, groupId: string, fileId: string) {
  const { visibleMembers } = await loadVisibleGroup(ctx.db, ctx, groupId);
  const r = await ctx.db.execute<{ org_id: string }>(sql`
    select s.org_id from score_entries e join score_sheets s on s.id = e.sheet_id
     where s.group_id = ${groupId} and e.evidence_file_ids @> ${JSON.stringify([fileId])}::jsonb limit 1`);
  const f = await loadFile(ctx.db, fileId);
  const owner = r.rows[0]?.org_id ?? f?.ownerOrgId;
  if (!f || !owner || !visibleMembers.has(owner)) throw notFound();
  return f;
}

// ---------------------------------------------------------------- ranking and candidates

export async function ranking(ctx: Ctx, groupId: string) {
  const { g, members } = await loadVisibleGroup(ctx.db, ctx, groupId);
  const ranked = rankBlock(
    members.map((m) => ({ orgId: m.org_id, total: m.status === 'final' ? n(m.final_total) : null })),
    g.leader_count,
  );
  const byOrg = new Map(members.map((m) => [m.org_id, m]));
  return {
    groupId: g.id,
    leaderCount: g.leader_count,
    complete: members.length > 0 && members.every((m) => m.status === 'final'),
    items: ranked.map((r) => {
      const m = byOrg.get(r.orgId)!;
      const status = m.status ?? 'draft';
      return {
        orgId: r.orgId,
        orgName: m.org_name,
        status,
        statusName: SCORE_SHEET_WORKFLOW.stateNames[status],
        total: r.total,
        rank: r.rank,
        leader: r.leader,
      };
    }),
  };
}

/**
 * The leaders of every block and cluster of a year that the caller may see — candidates for the
 * Cờ thi đua in the commendation rounds (ranked on final scores; `complete` tells whether every
 * member's result is final). For the proposals feature: `emulationLeaders(db, { year, scopePaths })`.
 */
export async function emulationLeaders(db: Queryable, input: { year: number; scopePaths: string[] }) {
  const groups = await db.execute<GroupRow>(sql`${groupSelect}
    where g.year = ${input.year} and ${pathInSubtrees(sql`o.path`, input.scopePaths)} order by g.name`);
  const out = [];
  for (const g of groups.rows) {
    const members = await membersOf(db, g.id);
    const complete = members.length > 0 && members.every((m) => m.status === 'final');
    const ranked = rankBlock(
      members.map((m) => ({ orgId: m.org_id, total: m.status === 'final' ? n(m.final_total) : null })),
      g.leader_count,
    );
    for (const r of ranked.filter((x) => x.leader)) {
      const m = members.find((x) => x.org_id === r.orgId)!;
      out.push({
        groupId: g.id,
        groupName: g.name,
        kind: g.kind,
        year: Number(g.year),
        orgId: r.orgId,
        orgName: m.org_name,
        rank: r.rank!,
        total: r.total!,
        awardCode: LEADER_AWARD_CODE,
        complete,
      });
    }
  }
  return out;
}

export async function candidates(ctx: Ctx, q: { year: number }) {
  return emulationLeaders(ctx.db, { year: q.year, scopePaths: scopeOf(ctx, 'emulationGroup.read') });
}

/**
 * Which of `orgIds` led a khối/cụm thi đua in `fromYear`..`toYear`: blocks whose score sheets are
 * all final, ranked with ties (a tie at the boundary makes every tied unit a leader). Feeds the
 * eligibility history of collectives (Cờ thi đua: "dẫn đầu khối, cụm thi đua"). Blocks organised in
 * thidua are the Sở's or the province's, hence level 'province'.
 */
export async function blockLeadershipOf(
  db: Queryable,
  orgIds: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<Map<string, { year: number; level: 'province'; groupName: string }[]>> {
  const out = new Map<string, { year: number; level: 'province'; groupName: string }[]>();
  if (orgIds.length === 0) return out;
  const ids = sql.param([...new Set(orgIds)]);
  const groups = await db.execute<{ id: string; name: string; year: number; leader_count: number }>(sql`
    select distinct g.id, g.name, g.year, g.leader_count
      from emulation_groups g join emulation_group_members m on m.group_id = g.id
     where m.org_id = any(${ids}::uuid[]) and g.year between ${fromYear} and ${toYear}`);
  const wanted = new Set(orgIds);
  for (const g of groups.rows) {
    const members = await membersOf(db, g.id);
    if (members.length === 0 || !members.every((m) => m.status === 'final')) continue;
    const ranked = rankBlock(
      members.map((m) => ({ orgId: m.org_id, total: n(m.final_total) })),
      Number(g.leader_count),
    );
    for (const r of ranked) {
      if (!r.leader || !wanted.has(r.orgId)) continue;
      const list = out.get(r.orgId) ?? [];
      list.push({ year: Number(g.year), level: 'province', groupName: g.name });
      out.set(r.orgId, list);
    }
  }
  return out;
}
