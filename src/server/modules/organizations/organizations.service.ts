import { sql } from 'drizzle-orm';
import type { OrgEventInputT } from '../../../contracts/organizations';
import {
  allowedChildTypes,
  isOrgType,
  ORG_EVENT_NAMES,
  ORG_STATUS_NAMES,
  ORG_TYPE_NAMES,
  type OrgEventType,
} from '../../../domain/org/types';
import { dayBefore, formatViDate, todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import { organizations, orgNames } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import type { OrgRow } from './organizations.repo';
import * as repo from './organizations.repo';

export function presentOrg(o: OrgRow) {
  return {
    id: o.id,
    parentId: o.parentId,
    path: o.path,
    depth: o.depth,
    type: o.type as never,
    typeName: isOrgType(o.type) ? ORG_TYPE_NAMES[o.type] : o.type,
    code: o.code,
    name: o.name,
    shortName: o.shortName,
    validFrom: o.validFrom,
    validTo: o.validTo,
    status: o.status,
    statusName: ORG_STATUS_NAMES[o.status] ?? o.status,
    version: o.version,
  };
}

/** Organisations the actor may read, ordered as a tree (parents before children, Vietnamese order). */
export async function listOrganizations(ctx: Ctx, opts: { includeInactive: boolean }) {
  const paths = scopeOf(ctx, 'org.read');
  const rows = await ctx.db
    .select()
    .from(organizations)
    .where(
      sql`${pathInSubtrees(organizations.path, paths)} ${opts.includeInactive ? sql`` : sql`and ${organizations.status} = 'active'`}`,
    )
    .orderBy(organizations.depth, sql`vi_sort_key(${organizations.name})`);
  return rows.map(presentOrg);
}

/** Loads an organisation if it lies in the actor's subtrees for `permission`; otherwise 404. */
export async function loadOrgInScope(
  db: Queryable,
  ctx: Ctx,
  id: string,
  permission: string,
): Promise<OrgRow> {
  const org = await repo.findOrg(db, id);
  if (!org || !isInScope(scopeOf(ctx, permission), org.path)) throw notFound();
  return org;
}

export async function getOrganization(ctx: Ctx, id: string) {
  const org = await loadOrgInScope(ctx.db, ctx, id, 'org.read');
  const db = ctx.db;
  const [names, events, predecessors, successors, counts, parent] = await Promise.all([
    db.select().from(orgNames).where(sql`${orgNames.orgId} = ${id}`).orderBy(orgNames.validFrom),
    db.execute<Record<string, string | null>>(sql`
      select e.id, e.type, e.effective_on, e.document_number, e.document_date, e.document_issuer, e.note,
             e.payload->>'description' as description, p.role
        from org_event_participants p join org_events e on e.id = p.event_id
       where p.org_id = ${id}
       order by e.effective_on, e.created_at`),
    repo.predecessorsOf(db, id),
    repo.directSuccessors(db, id),
    db.execute<{ staff: number; children: number }>(sql`
      select (select count(*)::int from memberships m join organizations o on o.id = m.org_id
               where m.to_date is null and o.path like ${`${org.path}%`}) as staff,
             (select count(*)::int from organizations where parent_id = ${id} and status = 'active') as children`),
    org.parentId ? repo.findOrg(db, org.parentId) : Promise.resolve(undefined),
  ]);
  const paths = scopeOf(ctx, 'org.read');
  return {
    ...presentOrg(org),
    parentName: parent && isInScope(paths, parent.path) ? parent.name : null,
    names: names.map((n) => ({
      name: n.name,
      shortName: n.shortName,
      validFrom: n.validFrom,
      validTo: n.validTo,
    })),
    events: events.rows.map((e) => ({
      id: e.id!,
      type: e.type!,
      typeName: ORG_EVENT_NAMES[e.type as OrgEventType] ?? e.type!,
      effectiveOn: e.effective_on!,
      documentNumber: e.document_number,
      documentDate: e.document_date,
      documentIssuer: e.document_issuer,
      note: e.note,
      description: e.description ?? '',
      role: e.role ?? undefined,
    })),
    predecessors,
    successors,
    staffCount: Number(counts.rows[0]?.staff ?? 0),
    childCount: Number(counts.rows[0]?.children ?? 0),
  };
}

export async function lineageOf(ctx: Ctx, id: string, on: string | null) {
  await loadOrgInScope(ctx.db, ctx, id, 'org.read');
  const date = on ?? todayInVietnam(ctx.now());
  return {
    predecessors: await repo.predecessorsOf(ctx.db, id),
    successorsOn: { date, organizations: await repo.successorsOn(ctx.db, id, date) },
  };
}

const fail = (field: string, message: string) =>
  new AppError('VALIDATION_FAILED', [{ field, message }], message);

function checkChildType(parent: OrgRow, type: string, field: string) {
  if (!isOrgType(parent.type) || !allowedChildTypes(parent.type).includes(type as never)) {
    throw fail(
      field,
      `${ORG_TYPE_NAMES[type as never] ?? type} không thể trực thuộc ${ORG_TYPE_NAMES[parent.type as never] ?? parent.type} "${parent.name}".`,
    );
  }
}

function requireActive(org: OrgRow, field: string) {
  if (org.status !== 'active') throw fail(field, `Đơn vị "${org.name}" không còn hoạt động.`);
}

/**
 * Applies one organisation event (create, rename, move, merge, split, dissolve) in one
 * transaction, with its lineage edges, staff transfers and audit row. Every organisation the
 * event touches must lie in the actor's subtrees for org.write.
 */
export async function applyOrgEvent(ctx: Ctx, input: OrgEventInputT) {
  const today = todayInVietnam(ctx.now());
  if (input.effectiveOn > today) throw fail('effectiveOn', 'Ngày hiệu lực không được sau ngày hôm nay.');
  const lastDay = dayBefore(input.effectiveOn);
  const doc = {
    effectiveOn: input.effectiveOn,
    documentNumber: input.documentNumber ?? null,
    documentDate: input.documentDate ?? null,
    documentIssuer: input.documentIssuer ?? null,
    note: input.note ?? null,
  };
  const docText = doc.documentNumber ? ` theo văn bản số ${doc.documentNumber}` : '';

  return ctx.db.transaction(async (tx) => {
    const load = (id: string, field = 'orgId') =>
      loadOrgInScope(tx, ctx, id, 'org.write').catch(() => {
        throw new AppError('NOT_FOUND', [{ field, message: 'Không tìm thấy đơn vị.' }]);
      });
    const ensureCodeFree = async (code: string, field: string) => {
      if (await repo.findOrgByCode(tx, code))
        throw new AppError('DUPLICATE', [{ field, message: `Mã đơn vị "${code}" đã tồn tại.` }]);
    };
    const createOrg = async (
      spec: NonNullable<Extract<OrgEventInputT, { type: 'create' }>['org']>,
      field: string,
    ) => {
      const parent = await load(spec.parentId, `${field}.parentId`);
      requireActive(parent, `${field}.parentId`);
      checkChildType(parent, spec.type, `${field}.type`);
      await ensureCodeFree(spec.code, `${field}.code`);
      return repo.insertOrg(tx, parent, { ...spec, validFrom: input.effectiveOn }, null);
    };
    const record = async (
      type: OrgEventType,
      description: string,
      participants: { orgId: string; role: string }[],
      payload: Record<string, unknown>,
      subject: OrgRow,
    ) => {
      const eventId = await repo.insertEvent(
        tx,
        { type, ...doc, payload: { ...payload, description }, createdBy: ctx.actor?.userId ?? null },
        participants,
      );
      await writeAudit(tx, ctx, {
        action: `organization.${type}`,
        entityType: 'organization',
        entityId: subject.id,
        orgId: subject.id,
        after: { eventId, ...doc, ...payload, description },
      });
      return eventId;
    };

    switch (input.type) {
      case 'create': {
        const org = await createOrg(input.org, 'org');
        const parent = (await repo.findOrg(tx, input.org.parentId))!;
        const eventId = await record(
          'create',
          `Thành lập ${org.name} trực thuộc ${parent.name}${docText}.`,
          [
            { orgId: org.id, role: 'created' },
            { orgId: parent.id, role: 'parent' },
          ],
          { orgId: org.id, code: org.code, name: org.name },
          org,
        );
        await tx.update(orgNames).set({ eventId }).where(sql`${orgNames.orgId} = ${org.id}`);
        return { eventId, organizationIds: [org.id] };
      }
      case 'rename': {
        const org = await load(input.orgId);
        requireActive(org, 'orgId');
        if (input.effectiveOn < org.validFrom)
          throw fail('effectiveOn', 'Ngày đổi tên phải sau ngày thành lập đơn vị.');
        const shortName = input.shortName ?? org.shortName;
        await tx.execute(
          sql`update org_names set valid_to = ${lastDay} where org_id = ${org.id} and valid_to is null`,
        );
        await tx.execute(sql`
          update organizations set name = ${input.name}, short_name = ${shortName}, version = version + 1, updated_at = now()
           where id = ${org.id}`);
        const eventId = await record(
          'rename',
          `Đổi tên "${org.name}" thành "${input.name}" từ ngày ${formatViDate(input.effectiveOn)}${docText}.`,
          [{ orgId: org.id, role: 'subject' }],
          { oldName: org.name, newName: input.name, oldShortName: org.shortName, newShortName: shortName },
          org,
        );
        await tx
          .insert(orgNames)
          .values({ orgId: org.id, name: input.name, shortName, validFrom: input.effectiveOn, eventId });
        return { eventId, organizationIds: [org.id] };
      }
      case 'move': {
        const org = await load(input.orgId);
        const newParent = await load(input.newParentId, 'newParentId');
        requireActive(org, 'orgId');
        requireActive(newParent, 'newParentId');
        if (newParent.path.startsWith(org.path))
          throw fail('newParentId', 'Không thể chuyển đơn vị vào chính nó hoặc đơn vị con của nó.');
        if (org.parentId === newParent.id) throw fail('newParentId', 'Đơn vị đã trực thuộc đơn vị này.');
        checkChildType(newParent, org.type, 'newParentId');
        const oldParent = org.parentId ? await repo.findOrg(tx, org.parentId) : undefined;
        await repo.moveSubtree(tx, org, newParent);
        const eventId = await record(
          'move',
          `Chuyển ${org.name} từ ${oldParent?.name ?? '—'} sang trực thuộc ${newParent.name}${docText}.`,
          [
            { orgId: org.id, role: 'subject' },
            ...(oldParent ? [{ orgId: oldParent.id, role: 'old_parent' }] : []),
            { orgId: newParent.id, role: 'new_parent' },
          ],
          { oldParentId: oldParent?.id ?? null, newParentId: newParent.id },
          org,
        );
        return { eventId, organizationIds: [org.id] };
      }
      case 'merge': {
        if ((input.targetId ? 1 : 0) + (input.newOrg ? 1 : 0) !== 1) {
          throw fail(
            'targetId',
            'Chọn đơn vị nhận sáp nhập hoặc khai báo đơn vị mới hợp nhất (chỉ một trong hai).',
          );
        }
        const sourceIds = [...new Set(input.sourceIds)];
        if (input.targetId && sourceIds.includes(input.targetId))
          throw fail('sourceIds', 'Đơn vị nhận sáp nhập không thể đồng thời là đơn vị bị sáp nhập.');
        const sources: OrgRow[] = [];
        for (const [i, id] of sourceIds.entries()) {
          const s = await load(id, `sourceIds.${i}`);
          requireActive(s, `sourceIds.${i}`);
          sources.push(s);
        }
        for (const s of sources) {
          if (sources.some((o) => o.id !== s.id && s.path.startsWith(o.path)))
            throw fail('sourceIds', `"${s.name}" là đơn vị con của một đơn vị khác trong danh sách.`);
        }
        const target = input.targetId
          ? await load(input.targetId, 'targetId')
          : await createOrg(input.newOrg!, 'newOrg');
        requireActive(target, 'targetId');
        if (sources.some((s) => target.path.startsWith(s.path)))
          throw fail('targetId', 'Đơn vị nhận không thể là đơn vị con của đơn vị bị sáp nhập.');
        let movedStaff = 0;
        for (const s of sources) {
          for (const child of await repo.activeChildren(tx, s.id)) {
            checkChildType(target, child.type, 'targetId');
            await repo.moveSubtree(tx, child, (await repo.findOrg(tx, target.id))!);
          }
          movedStaff += await repo.transferAllMembers(
            tx,
            s.id,
            target.id,
            input.effectiveOn,
            lastDay,
            `Sáp nhập vào ${target.name}`,
          );
          await repo.closeOrg(tx, s.id, 'merged', lastDay);
        }
        const names = sources.map((s) => s.name).join(', ');
        const description = input.newOrg
          ? `Hợp nhất ${names} thành ${target.name}${docText}.`
          : `Sáp nhập ${names} vào ${target.name}${docText}.`;
        const eventId = await record(
          'merge',
          description,
          [
            ...sources.map((s) => ({ orgId: s.id, role: 'source' })),
            { orgId: target.id, role: input.newOrg ? 'created' : 'target' },
          ],
          {
            sourceIds: sources.map((s) => s.id),
            sourceNames: sources.map((s) => s.name),
            targetId: target.id,
            targetName: target.name,
            movedStaff,
          },
          target,
        );
        for (const s of sources) await repo.addLineage(tx, eventId, s.id, target.id, input.effectiveOn);
        if (input.newOrg)
          await tx.update(orgNames).set({ eventId }).where(sql`${orgNames.orgId} = ${target.id}`);
        return { eventId, organizationIds: [target.id, ...sources.map((s) => s.id)] };
      }
      case 'split': {
        const source = await load(input.sourceId, 'sourceId');
        requireActive(source, 'sourceId');
        const created: OrgRow[] = [];
        for (const [i, spec] of input.newOrgs.entries()) created.push(await createOrg(spec, `newOrgs.${i}`));
        let movedStaff = 0;
        if (!input.keepSource) {
          const receiver = created[input.staffToIndex ?? 0];
          if (!receiver) throw fail('staffToIndex', 'Đơn vị nhận nhân sự không hợp lệ.');
          for (const child of await repo.activeChildren(tx, source.id)) {
            checkChildType(receiver, child.type, 'staffToIndex');
            await repo.moveSubtree(tx, child, (await repo.findOrg(tx, receiver.id))!);
          }
          movedStaff = await repo.transferAllMembers(
            tx,
            source.id,
            receiver.id,
            input.effectiveOn,
            lastDay,
            `Chia tách sang ${receiver.name}`,
          );
          await repo.closeOrg(tx, source.id, 'split', lastDay);
        }
        const eventId = await record(
          'split',
          `Chia tách ${source.name}${input.keepSource ? ', thành lập thêm' : ' thành'} ${created.map((c) => c.name).join(', ')}${docText}.`,
          [{ orgId: source.id, role: 'source' }, ...created.map((c) => ({ orgId: c.id, role: 'created' }))],
          {
            sourceId: source.id,
            newOrgIds: created.map((c) => c.id),
            keepSource: input.keepSource,
            movedStaff,
          },
          source,
        );
        for (const c of created) {
          await repo.addLineage(tx, eventId, source.id, c.id, input.effectiveOn);
          await tx.update(orgNames).set({ eventId }).where(sql`${orgNames.orgId} = ${c.id}`);
        }
        return { eventId, organizationIds: [source.id, ...created.map((c) => c.id)] };
      }
      case 'dissolve': {
        const org = await load(input.orgId);
        requireActive(org, 'orgId');
        if (org.depth === 0) throw fail('orgId', 'Không thể giải thể đơn vị gốc.');
        if ((await repo.activeChildren(tx, org.id)).length > 0)
          throw fail(
            'orgId',
            'Đơn vị còn đơn vị trực thuộc đang hoạt động; hãy chuyển hoặc giải thể chúng trước.',
          );
        const members = await repo.activeMemberCount(tx, org.id);
        if (members > 0)
          throw fail('orgId', `Đơn vị còn ${members} nhân sự; hãy điều chuyển nhân sự trước khi giải thể.`);
        await repo.closeOrg(tx, org.id, 'dissolved', lastDay);
        const eventId = await record(
          'dissolve',
          `Giải thể ${org.name}${docText}.`,
          [{ orgId: org.id, role: 'subject' }],
          {},
          org,
        );
        return { eventId, organizationIds: [org.id] };
      }
    }
  });
}
