/**
 * History inputs of the eligibility engine: annual quality ratings (entry and XLSX import), past
 * awards (entry and XLSX import, including those conferred by higher levels), the initiative
 * register (authors with shares, single use), accepted research projects and disciplines.
 * Every query is scoped to the caller's subtrees; every command is one audited transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  AWARD_NAMES,
  DISCIPLINE_FORM_NAMES,
  type DisciplineForm,
  isAwardCode,
  RATING_NAMES,
  type Rating,
} from '../../../domain/commendation';
import {
  AWARD_COLUMNS,
  type AwardImportRow,
  duplicateRatingRows,
  mapColumns,
  RATING_COLUMNS,
  type RatingImportRow,
  type RawCell,
  type RowError,
  validateAwardRow,
  validateRatingRow,
} from '../../../domain/history/import';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import {
  awards,
  disciplines,
  importBatches,
  initiativeAuthors,
  initiatives,
  researchProjectMembers,
  researchProjects,
} from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { hasPermissionAnywhere, isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { loadPersonInScope } from '../eligibility/eligibility.usecases';
import { loadOrgInScope } from '../organizations/organizations.service';
import { readFirstSheet, writeSheet } from '../staff/staff.xlsx';

const SCOPE_NAMES: Record<string, string> = { unit: 'Cơ sở', province: 'Cấp tỉnh', national: 'Toàn quốc' };

// ---------------------------------------------------------------------------------- ratings

export async function listRatings(ctx: Ctx, q: { orgId: string; year: number }) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'history.read');
  const [people, orgs] = await Promise.all([
    ctx.db.execute<{
      person_id: string;
      staff_code: string;
      full_name: string;
      org_id: string;
      org_name: string;
      rating: string | null;
      note: string | null;
    }>(sql`
      select p.id as person_id, p.staff_code::text as staff_code, p.full_name, o.id as org_id, o.name as org_name,
             r.rating, r.note
        from people p
        join organizations o on o.id = p.current_org_id
        left join ratings r on r.person_id = p.id and r.year = ${q.year}
       where o.path like ${`${org.path}%`} and p.status = 'active'
       order by vi_sort_key(o.name), p.name_sort, p.id
       limit 5000`),
    ctx.db.execute<{
      org_id: string;
      name: string;
      depth: number;
      rating: string | null;
      note: string | null;
    }>(sql`
      select o.id as org_id, o.name, o.depth, r.rating, r.note
        from organizations o left join ratings r on r.org_id = o.id and r.year = ${q.year}
       where o.path like ${`${org.path}%`} and o.status = 'active'
       order by o.depth, vi_sort_key(o.name)
       limit 1000`),
  ]);
  return {
    year: q.year,
    people: people.rows.map((r) => ({
      personId: r.person_id,
      staffCode: r.staff_code,
      fullName: r.full_name,
      orgId: r.org_id,
      orgName: r.org_name,
      rating: r.rating,
      note: r.note,
    })),
    orgs: orgs.rows.map((r) => ({
      orgId: r.org_id,
      name: r.name,
      depth: r.depth - org.depth,
      rating: r.rating,
      note: r.note,
    })),
    canWrite: isInScope(scopeOf(ctx, 'rating.write'), org.path),
    canImport: isInScope(scopeOf(ctx, 'history.import'), org.path),
  };
}

/** Sets (or removes, with rating null) the rating of a person or a collective for a year. */
export async function putRating(
  ctx: Ctx,
  input: {
    personId?: string | undefined;
    orgId?: string | undefined;
    year: number;
    rating: Rating | null;
    note?: string | null | undefined;
  },
) {
  return ctx.db.transaction(async (tx) => {
    let ratedBy: string | null;
    if (input.personId) {
      ratedBy = (await loadPersonInScope(tx, ctx, input.personId, 'rating.write')).orgId;
    } else {
      ratedBy = (await loadOrgInScope(tx, ctx, input.orgId!, 'rating.write')).parentId;
    }
    const subject = input.personId ? sql`person_id = ${input.personId}` : sql`org_id = ${input.orgId!}`;
    const before = await tx.execute<{ id: string; rating: string; note: string | null }>(
      sql`select id, rating, note from ratings where ${subject} and year = ${input.year} for update`,
    );
    const prev = before.rows[0] ?? null;
    if (input.rating === null) {
      if (prev) await tx.execute(sql`delete from ratings where id = ${prev.id}`);
    } else if (prev) {
      await tx.execute(sql`update ratings set rating = ${input.rating}, note = ${input.note ?? null}, entered_by = ${ctx.actor!.userId},
                             rated_by_org_id = coalesce(rated_by_org_id, ${ratedBy}), updated_at = now() where id = ${prev.id}`);
    } else {
      await tx.execute(sql`insert into ratings (person_id, org_id, year, rating, note, rated_by_org_id, entered_by)
                           values (${input.personId ?? null}, ${input.orgId ?? null}, ${input.year}, ${input.rating},
                                   ${input.note ?? null}, ${ratedBy}, ${ctx.actor!.userId})`);
    }
    await writeAudit(tx, ctx, {
      action: input.rating === null ? 'rating.delete' : 'rating.put',
      entityType: input.personId ? 'person' : 'organization',
      entityId: input.personId ?? input.orgId!,
      orgId: input.orgId ?? ratedBy,
      before: prev ? { year: input.year, rating: prev.rating, note: prev.note } : null,
      after:
        input.rating === null ? null : { year: input.year, rating: input.rating, note: input.note ?? null },
    });
    return { rating: input.rating, year: input.year };
  });
}

// ---------------------------------------------------------------------------------- imports

export type HistoryImportKind = 'ratings' | 'awards';

export async function importTemplate(kind: HistoryImportKind): Promise<Buffer> {
  if (kind === 'ratings') {
    return writeSheet(
      'Xếp loại',
      RATING_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
      [{ staffCode: 'NV0001', name: 'Nguyễn Văn A', year: '2024', rating: 'Hoàn thành tốt nhiệm vụ' }],
    );
  }
  return writeSheet(
    'Khen thưởng',
    AWARD_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width })),
    [
      {
        staffCode: 'NV0001',
        name: 'Nguyễn Văn A',
        award: 'Chiến sĩ thi đua cơ sở',
        year: '2023',
        decisionNumber: '15/QĐ-SYT',
        decidedOn: '20/01/2024',
        issuer: 'Giám đốc Sở Y tế',
        kind: 'Hằng năm',
      },
    ],
  );
}

interface Resolved {
  personId: string | null;
  orgId: string | null;
  name: string;
}

/** People (by staff code) and organisations (by code) the caller may import for. */
async function resolveSubjects(db: Queryable, ctx: Ctx, staffCodes: string[], orgCodes: string[]) {
  const paths = scopeOf(ctx, 'history.import');
  const people = new Map<string, Resolved>();
  const orgs = new Map<string, Resolved>();
  const uniqStaff = [...new Set(staffCodes.map((c) => c.toUpperCase()))];
  const uniqOrg = [...new Set(orgCodes.map((c) => c.toUpperCase()))];
  for (let i = 0; i < uniqStaff.length; i += 5000) {
    const res = await db.execute<{ id: string; code: string; full_name: string; path: string | null }>(sql`
      select p.id, upper(p.staff_code::text) as code, p.full_name, o.path
        from people p left join organizations o on o.id = p.current_org_id
       where p.staff_code = any(${sql.param(uniqStaff.slice(i, i + 5000))}::citext[])`);
    for (const r of res.rows) {
      if (r.path && isInScope(paths, r.path))
        people.set(r.code, { personId: r.id, orgId: null, name: r.full_name });
    }
  }
  if (uniqOrg.length > 0) {
    const res = await db.execute<{ id: string; code: string; name: string; path: string }>(sql`
      select id, upper(code::text) as code, name, path from organizations where code = any(${sql.param(uniqOrg)}::citext[])`);
    for (const r of res.rows)
      if (isInScope(paths, r.path)) orgs.set(r.code, { personId: null, orgId: r.id, name: r.name });
  }
  return { people, orgs };
}

type StoredRow = (RatingImportRow | AwardImportRow) & {
  personId: string | null;
  orgId: string | null;
  name: string;
};

const MAX_ROWS = 100_000;

export async function previewImport(ctx: Ctx, kind: HistoryImportKind, fileName: string, buffer: Buffer) {
  const today = todayInVietnam(ctx.now());
  const maxYear = Number(today.slice(0, 4));
  const columns = kind === 'ratings' ? RATING_COLUMNS : AWARD_COLUMNS;
  const valid: (RatingImportRow | AwardImportRow)[] = [];
  const errors: RowError[] = [];
  let headerMap: Map<number, string> | null = null;
  let total = 0;
  for await (const { rowNumber, cells } of readFirstSheet(buffer)) {
    if (!headerMap) {
      const h = mapColumns<string>(columns, cells);
      if (h.missing.length > 0) {
        throw new AppError(
          'UNPROCESSABLE',
          [{ row: rowNumber, column: '', message: `Thiếu cột bắt buộc: ${h.missing.join(', ')}.` }],
          `Tệp thiếu cột bắt buộc: ${h.missing.join(', ')}. Hãy dùng tệp mẫu.`,
        );
      }
      headerMap = h.map;
      continue;
    }
    const record: Record<string, RawCell> = {};
    for (const [index, key] of headerMap) record[key] = cells[index];
    if (Object.values(record).every((v) => v === null || v === undefined || String(v).trim() === ''))
      continue;
    total++;
    if (total > MAX_ROWS)
      throw new AppError('PAYLOAD_TOO_LARGE', null, `Tệp có quá ${MAX_ROWS} dòng. Hãy chia nhỏ tệp.`);
    const out =
      kind === 'ratings'
        ? validateRatingRow(rowNumber, record, { maxYear })
        : validateAwardRow(rowNumber, record, { maxYear, today });
    if (out.value) valid.push(out.value);
    else errors.push(...out.errors);
  }
  if (!headerMap) throw new AppError('UNPROCESSABLE', null, 'Tệp không có dữ liệu.');
  if (total === 0) throw new AppError('UNPROCESSABLE', null, 'Tệp không có dòng dữ liệu nào.');

  if (kind === 'ratings') errors.push(...duplicateRatingRows(valid as RatingImportRow[]));
  const { people, orgs } = await resolveSubjects(
    ctx.db,
    ctx,
    valid.flatMap((r) => (r.staffCode ? [r.staffCode] : [])),
    valid.flatMap((r) => (r.orgCode ? [r.orgCode] : [])),
  );
  const stored: StoredRow[] = [];
  for (const r of valid) {
    const s = r.staffCode ? people.get(r.staffCode.toUpperCase()) : orgs.get((r.orgCode ?? '').toUpperCase());
    if (!s) {
      errors.push(
        r.staffCode
          ? {
              row: r.row,
              column: 'Mã nhân sự',
              message: `Mã nhân sự "${r.staffCode}" không tồn tại hoặc ngoài phạm vi quản lý của bạn.`,
            }
          : {
              row: r.row,
              column: 'Mã đơn vị',
              message: `Mã đơn vị "${r.orgCode}" không tồn tại hoặc ngoài phạm vi quản lý của bạn.`,
            },
      );
      continue;
    }
    stored.push({ ...r, ...s });
  }
  errors.sort((a, b) => a.row - b.row);
  const badRows = new Set(errors.map((e) => e.row));
  const good = stored.filter((r) => !badRows.has(r.row));
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(importBatches).values({
      id,
      kind: `history_${kind}`,
      fileName,
      rows: good,
      errors,
      summary: { totalRows: total, invalidRows: badRows.size },
      createdBy: ctx.actor!.userId,
    });
    await writeAudit(tx, ctx, {
      action: `${kind}_import.preview`,
      entityType: 'import_batch',
      entityId: id,
      after: { fileName, totalRows: total, validRows: good.length, invalidRows: badRows.size },
    });
  });
  return {
    id,
    fileName,
    totalRows: total,
    validRows: good.length,
    invalidRows: badRows.size,
    errors: errors.slice(0, 1000),
    sample: good.slice(0, 20).map((r) => ({
      row: r.row,
      subject: r.personId ? 'Cá nhân' : 'Tập thể',
      name: r.name,
      what: 'rating' in r ? RATING_NAMES[r.rating] : AWARD_NAMES[r.code],
      year: r.year,
    })),
  };
}

async function loadBatch(db: Queryable, ctx: Ctx, kind: HistoryImportKind, id: string) {
  const res = await db.execute<{
    id: string;
    status: string;
    created_by: string;
    rows: StoredRow[];
    errors: RowError[];
    file_name: string;
  }>(
    sql`select id, status, created_by, rows, errors, file_name from import_batches where id = ${id} and kind = ${`history_${kind}`} for update`,
  );
  const batch = res.rows[0];
  if (!batch || batch.created_by !== ctx.actor!.userId) throw notFound();
  if (batch.status !== 'preview') throw new AppError('INVALID_STATE', null, 'Tệp này đã được xử lý.');
  return batch;
}

/** Writes a previewed import in ONE transaction (all rows, or only the valid ones). */
export async function commitImport(ctx: Ctx, kind: HistoryImportKind, id: string, mode: 'all' | 'validOnly') {
  return ctx.db.transaction(async (tx) => {
    const batch = await loadBatch(tx, ctx, kind, id);
    if (mode === 'all' && batch.errors.length > 0) {
      throw new AppError(
        'UNPROCESSABLE',
        null,
        `Tệp còn ${new Set(batch.errors.map((e) => e.row)).size} dòng lỗi. Hãy sửa tệp và tải lên lại, hoặc chọn "Chỉ nhập các dòng hợp lệ".`,
      );
    }
    const rows = batch.rows;
    // scope may have changed since the preview
    const paths = scopeOf(ctx, 'history.import');
    const personIds = [...new Set(rows.flatMap((r) => (r.personId ? [r.personId] : [])))];
    const orgIds = [...new Set(rows.flatMap((r) => (r.orgId ? [r.orgId] : [])))];
    const check = await tx.execute<{ id: string; path: string | null }>(sql`
      select p.id, o.path from people p left join organizations o on o.id = p.current_org_id where p.id = any(${sql.param(personIds)}::uuid[])
      union all
      select id, path from organizations where id = any(${sql.param(orgIds)}::uuid[])`);
    const ok = new Set(check.rows.filter((r) => r.path && isInScope(paths, r.path)).map((r) => r.id));
    if (personIds.some((p) => !ok.has(p)) || orgIds.some((o) => !ok.has(o))) {
      throw new AppError(
        'UNPROCESSABLE',
        null,
        'Một số nhân sự hoặc đơn vị trong tệp không còn thuộc phạm vi quản lý. Hãy tải tệp lên lại.',
      );
    }
    let written = 0;
    for (let i = 0; i < rows.length; i += 5000) {
      const chunk = rows.slice(i, i + 5000);
      const col = (f: (r: StoredRow) => unknown) => sql.param(chunk.map((r) => f(r) ?? null));
      if (kind === 'ratings') {
        const r = chunk as (RatingImportRow & StoredRow)[];
        const people = r.filter((x) => x.personId);
        const orgs = r.filter((x) => x.orgId);
        if (people.length > 0) {
          const c = (f: (x: RatingImportRow & StoredRow) => unknown) =>
            sql.param(people.map((x) => f(x) ?? null));
          const res = await tx.execute(sql`
            insert into ratings as t (person_id, year, rating, note, rated_by_org_id, entered_by)
            select u.person_id, u.year, u.rating, u.note, p.current_org_id, ${ctx.actor!.userId}::uuid
              from unnest(${c((x) => x.personId)}::uuid[], ${c((x) => x.year)}::int[], ${c((x) => x.rating)}::text[], ${c((x) => x.note)}::text[])
                   as u(person_id, year, rating, note)
              join people p on p.id = u.person_id
            on conflict (person_id, year) where person_id is not null do update
              set rating = excluded.rating, note = coalesce(excluded.note, t.note), entered_by = excluded.entered_by, updated_at = now()
              where (t.rating, t.note) is distinct from (excluded.rating, coalesce(excluded.note, t.note))
            returning t.id`);
          written += res.rows.length;
        }
        if (orgs.length > 0) {
          const c = (f: (x: RatingImportRow & StoredRow) => unknown) =>
            sql.param(orgs.map((x) => f(x) ?? null));
          const res = await tx.execute(sql`
            insert into ratings as t (org_id, year, rating, note, entered_by)
            select u.org_id, u.year, u.rating, u.note, ${ctx.actor!.userId}::uuid
              from unnest(${c((x) => x.orgId)}::uuid[], ${c((x) => x.year)}::int[], ${c((x) => x.rating)}::text[], ${c((x) => x.note)}::text[])
                   as u(org_id, year, rating, note)
            on conflict (org_id, year) where org_id is not null do update
              set rating = excluded.rating, note = coalesce(excluded.note, t.note), entered_by = excluded.entered_by, updated_at = now()
              where (t.rating, t.note) is distinct from (excluded.rating, coalesce(excluded.note, t.note))
            returning t.id`);
          written += res.rows.length;
        }
      } else {
        const a = chunk as (AwardImportRow & StoredRow)[];
        const c = (f: (x: AwardImportRow & StoredRow) => unknown) => sql.param(a.map((x) => f(x) ?? null));
        void col;
        const res = await tx.execute(sql`
          insert into awards (person_id, org_id, award_code, year, decision_number, decided_on, issuer, source, kind, unit_org_id, created_by)
          select u.person_id, u.org_id, u.code, u.year, u.decision_number, u.decided_on, u.issuer,
                 case when u.issuer is not null and u.issuer !~* 'sở y tế|giám đốc|trung tâm|bệnh viện' then 'external' else 'import' end,
                 u.kind, coalesce(p.current_org_id, u.org_id), ${ctx.actor!.userId}::uuid
            from unnest(${c((x) => x.personId)}::uuid[], ${c((x) => x.orgId)}::uuid[], ${c((x) => x.code)}::text[], ${c((x) => x.year)}::int[],
                        ${c((x) => x.decisionNumber)}::text[], ${c((x) => x.decidedOn)}::date[], ${c((x) => x.issuer)}::text[], ${c((x) => x.kind)}::text[])
                 as u(person_id, org_id, code, year, decision_number, decided_on, issuer, kind)
            left join people p on p.id = u.person_id
           where not exists (
             select 1 from awards w
              where w.award_code = u.code and w.year = u.year and w.revoked_at is null
                and ((u.person_id is not null and w.person_id = u.person_id) or (u.org_id is not null and w.org_id = u.org_id)))
          returning id`);
        written += res.rows.length;
      }
    }
    const skipped = new Set(batch.errors.map((e) => e.row)).size;
    const unchanged = rows.length - written;
    await tx.execute(
      sql`update import_batches set status = 'committed', committed_at = now(), summary = ${JSON.stringify({ written, unchanged, skipped })}::jsonb where id = ${id}`,
    );
    await writeAudit(tx, ctx, {
      action: `${kind}_import.commit`,
      entityType: 'import_batch',
      entityId: id,
      after: { fileName: batch.file_name, mode, written, unchanged, skipped },
    });
    return { written, unchanged, skipped };
  });
}

export async function discardImport(ctx: Ctx, kind: HistoryImportKind, id: string) {
  await ctx.db.transaction(async (tx) => {
    await loadBatch(tx, ctx, kind, id);
    await tx.execute(
      sql`update import_batches set status = 'discarded', rows = '[]'::jsonb where id = ${id}`,
    );
    await writeAudit(tx, ctx, { action: `${kind}_import.discard`, entityType: 'import_batch', entityId: id });
  });
}

// ---------------------------------------------------------------------------------- awards

async function subjectInScope(
  db: Queryable,
  ctx: Ctx,
  input: { personId?: string | undefined; orgId?: string | undefined },
  permission: string,
) {
  if (input.personId) {
    const p = await loadPersonInScope(db, ctx, input.personId, permission);
    return { path: p.path, unitOrgId: p.orgId };
  }
  const o = await loadOrgInScope(db, ctx, input.orgId!, permission);
  return { path: o.path, unitOrgId: o.id };
}

/** Records a past award (historical or conferred by a higher level). */
export async function createAward(
  ctx: Ctx,
  input: {
    personId?: string | undefined;
    orgId?: string | undefined;
    awardCode: string;
    year: number;
    decisionNumber?: string | null | undefined;
    decidedOn?: string | null | undefined;
    issuer?: string | null | undefined;
    source?: 'import' | 'external' | undefined;
    kind?: 'annual' | 'thematic' | 'adhoc' | 'career' | undefined;
    achievement?: string | null | undefined;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const s = await subjectInScope(tx, ctx, input, 'history.write');
    const dup = await tx.execute(sql`
      select 1 from awards where award_code = ${input.awardCode} and year = ${input.year} and revoked_at is null
         and ${input.personId ? sql`person_id = ${input.personId}` : sql`org_id = ${input.orgId!}`}`);
    if (dup.rows.length > 0) {
      throw new AppError(
        'DUPLICATE',
        null,
        `Đã ghi nhận ${AWARD_NAMES[input.awardCode as 'LDTT']} năm ${input.year} cho đối tượng này.`,
      );
    }
    const [row] = await tx
      .insert(awards)
      .values({
        personId: input.personId ?? null,
        orgId: input.orgId ?? null,
        awardCode: input.awardCode,
        year: input.year,
        decisionNumber: input.decisionNumber ?? null,
        decidedOn: input.decidedOn ?? null,
        issuer: input.issuer ?? null,
        source: input.source ?? 'import',
        kind: input.kind ?? 'annual',
        unitOrgId: s.unitOrgId,
        achievement: input.achievement ?? null,
        createdBy: ctx.actor!.userId,
      })
      .returning();
    await writeAudit(tx, ctx, { action: 'award.create', entityType: 'award', entityId: row!.id, after: row });
    return presentAward({ ...row!, orgName: null });
  });
}

/** Revokes (never deletes) a past award entered by hand or imported; decisions' awards are not touched here. */
export async function revokeAward(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const res = await tx.execute<{
      id: string;
      person_id: string | null;
      org_id: string | null;
      source: string;
      revoked_at: string | null;
      award_code: string;
      year: number;
    }>(
      sql`select id, person_id, org_id, source, revoked_at, award_code, year from awards where id = ${id} for update`,
    );
    const a = res.rows[0];
    if (!a) throw notFound();
    await subjectInScope(
      tx,
      ctx,
      { personId: a.person_id ?? undefined, orgId: a.org_id ?? undefined },
      'history.write',
    );
    if (a.revoked_at) throw new AppError('INVALID_STATE', null, 'Khen thưởng này đã bị hủy trước đó.');
    if (a.source === 'internal') {
      throw new AppError(
        'INVALID_STATE',
        null,
        'Khen thưởng theo quyết định trên hệ thống chỉ được đính chính bằng quyết định mới.',
      );
    }
    await tx.execute(sql`update awards set revoked_at = now() where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'award.revoke',
      entityType: 'award',
      entityId: id,
      before: { awardCode: a.award_code, year: a.year },
    });
  });
}

function presentAward(r: {
  id: string;
  awardCode: string;
  year: number;
  decisionNumber: string | null;
  decidedOn: string | null;
  issuer: string | null;
  source: string;
  kind: string;
  orgName: string | null;
}) {
  return {
    id: r.id,
    awardCode: r.awardCode,
    awardName: isAwardCode(r.awardCode) ? AWARD_NAMES[r.awardCode] : r.awardCode,
    year: r.year,
    decisionNumber: r.decisionNumber,
    decidedOn: r.decidedOn,
    issuer: r.issuer,
    source: r.source,
    kind: r.kind,
    orgName: r.orgName,
  };
}

// ---------------------------------------------------------------------------------- initiatives

type InitiativeRow = {
  id: string;
  title: string;
  org_id: string;
  org_name: string;
  year: number;
  scope: string;
  recognised_on: string;
  recognition_decision: string | null;
  summary: string | null;
  used_by_award_code: string | null;
  used_for_year: number | null;
  used_by_name: string | null;
  version: number;
  authors: { personId: string; fullName: string; share: number }[] | null;
};

const INITIATIVE_SELECT = sql`
  select i.id, i.title, i.org_id, o.name as org_name, i.year, i.scope, i.recognised_on, i.recognition_decision, i.summary,
         i.used_by_award_code, i.used_for_year, u.full_name as used_by_name, i.version,
         (select coalesce(jsonb_agg(jsonb_build_object('personId', a.person_id, 'fullName', p.full_name, 'share', a.share::float8)
                                    order by a.share desc, p.name_sort), '[]'::jsonb)
            from initiative_authors a join people p on p.id = a.person_id where a.initiative_id = i.id) as authors
    from initiatives i
    join organizations o on o.id = i.org_id
    left join people u on u.id = i.used_by_person_id`;

function presentInitiative(r: InitiativeRow) {
  return {
    id: r.id,
    title: r.title,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    scope: r.scope,
    scopeName: SCOPE_NAMES[r.scope] ?? r.scope,
    recognisedOn: r.recognised_on,
    recognitionDecision: r.recognition_decision,
    summary: r.summary,
    authors: (r.authors ?? []).map((a) => ({
      personId: a.personId,
      fullName: a.fullName,
      share: Number(a.share),
    })),
    used: r.used_by_award_code !== null,
    usedBy:
      r.used_by_award_code !== null
        ? {
            awardCode: r.used_by_award_code,
            awardName: isAwardCode(r.used_by_award_code)
              ? AWARD_NAMES[r.used_by_award_code]
              : r.used_by_award_code,
            year: r.used_for_year ?? 0,
            personName: r.used_by_name,
          }
        : null,
    version: r.version,
  };
}

export async function listInitiatives(
  ctx: Ctx,
  q: { orgId: string; year?: number | undefined; used?: 'true' | 'false' | undefined },
) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'history.read');
  const res = await ctx.db.execute<InitiativeRow>(sql`${INITIATIVE_SELECT}
    where o.path like ${`${org.path}%`}
      ${q.year ? sql`and i.year = ${q.year}` : sql``}
      ${q.used === 'true' ? sql`and i.used_by_award_code is not null` : q.used === 'false' ? sql`and i.used_by_award_code is null` : sql``}
    order by i.year desc, vi_sort_key(i.title), i.id
    limit 2000`);
  return {
    items: res.rows.map(presentInitiative),
    canWrite: isInScope(scopeOf(ctx, 'history.write'), org.path),
  };
}

async function getInitiativeRow(db: Queryable, id: string) {
  const res = await db.execute<InitiativeRow>(sql`${INITIATIVE_SELECT} where i.id = ${id}`);
  return res.rows[0];
}

/** Authors must be people the caller may see (history.write scope). */
async function checkAuthors(db: Queryable, ctx: Ctx, personIds: string[], field: string) {
  const res = await db.execute<{ id: string; path: string | null }>(sql`
    select p.id, o.path from people p left join organizations o on o.id = p.current_org_id where p.id = any(${sql.param(personIds)}::uuid[])`);
  const paths = scopeOf(ctx, 'history.write');
  const ok = new Set(res.rows.filter((r) => r.path && isInScope(paths, r.path)).map((r) => r.id));
  const bad = personIds.findIndex((p) => !ok.has(p));
  if (bad >= 0) {
    throw new AppError('VALIDATION_FAILED', [
      { field: `${field}.${bad}.personId`, message: 'Không tìm thấy người này trong phạm vi quản lý.' },
    ]);
  }
}

export async function createInitiative(
  ctx: Ctx,
  input: {
    title: string;
    orgId: string;
    year: number;
    scope: 'unit' | 'province' | 'national';
    recognisedOn: string;
    recognitionDecision?: string | null | undefined;
    summary?: string | null | undefined;
    authors: { personId: string; share: number }[];
  },
) {
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'history.write');
    await checkAuthors(
      tx,
      ctx,
      input.authors.map((a) => a.personId),
      'authors',
    );
    const [row] = await tx
      .insert(initiatives)
      .values({
        title: input.title,
        orgId: org.id,
        year: input.year,
        scope: input.scope,
        recognisedOn: input.recognisedOn,
        recognitionDecision: input.recognitionDecision ?? null,
        summary: input.summary ?? null,
        createdBy: ctx.actor!.userId,
      })
      .returning({ id: initiatives.id });
    await tx.insert(initiativeAuthors).values(
      input.authors.map((a) => ({
        initiativeId: row!.id,
        personId: a.personId,
        share: a.share.toFixed(2),
      })),
    );
    await writeAudit(tx, ctx, {
      action: 'initiative.create',
      entityType: 'initiative',
      entityId: row!.id,
      orgId: org.id,
      after: input,
    });
    return presentInitiative((await getInitiativeRow(tx, row!.id))!);
  });
}

async function initiativeInScope(db: Queryable, ctx: Ctx, id: string, permission: string) {
  const row = await getInitiativeRow(db, id);
  if (!row) throw notFound();
  const org = await db.execute<{ path: string }>(
    sql`select path from organizations where id = ${row.org_id}`,
  );
  if (!isInScope(scopeOf(ctx, permission), org.rows[0]!.path)) throw notFound();
  return row;
}

export async function getInitiative(ctx: Ctx, id: string) {
  return presentInitiative(await initiativeInScope(ctx.db, ctx, id, 'history.read'));
}

export async function updateInitiative(
  ctx: Ctx,
  id: string,
  input: {
    version: number;
    title?: string | undefined;
    year?: number | undefined;
    scope?: 'unit' | 'province' | 'national' | undefined;
    recognisedOn?: string | undefined;
    recognitionDecision?: string | null | undefined;
    summary?: string | null | undefined;
    authors?: { personId: string; share: number }[] | undefined;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const before = await initiativeInScope(tx, ctx, id, 'history.write');
    if (before.used_by_award_code) {
      throw new AppError(
        'INVALID_STATE',
        null,
        'Sáng kiến đã được dùng để xét khen thưởng nên không sửa được.',
      );
    }
    if (input.authors)
      await checkAuthors(
        tx,
        ctx,
        input.authors.map((a) => a.personId),
        'authors',
      );
    const res = await tx.execute(sql`
      update initiatives set
        title = ${input.title ?? before.title}, year = ${input.year ?? before.year}, scope = ${input.scope ?? before.scope},
        recognised_on = ${input.recognisedOn ?? before.recognised_on},
        recognition_decision = ${input.recognitionDecision === undefined ? before.recognition_decision : input.recognitionDecision},
        summary = ${input.summary === undefined ? before.summary : input.summary},
        version = version + 1
      where id = ${id} and version = ${input.version} and used_by_award_code is null
      returning id`);
    if (res.rows.length === 0) throw new AppError('CONFLICT');
    if (input.authors) {
      await tx.execute(sql`delete from initiative_authors where initiative_id = ${id}`);
      await tx
        .insert(initiativeAuthors)
        .values(
          input.authors.map((a) => ({ initiativeId: id, personId: a.personId, share: a.share.toFixed(2) })),
        );
    }
    const after = (await getInitiativeRow(tx, id))!;
    await writeAudit(tx, ctx, {
      action: 'initiative.update',
      entityType: 'initiative',
      entityId: id,
      orgId: before.org_id,
      before,
      after,
    });
    return presentInitiative(after);
  });
}

export async function deleteInitiative(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const before = await initiativeInScope(tx, ctx, id, 'history.write');
    if (before.used_by_award_code)
      throw new AppError(
        'INVALID_STATE',
        null,
        'Sáng kiến đã được dùng để xét khen thưởng nên không xóa được.',
      );
    await tx.execute(sql`delete from initiative_authors where initiative_id = ${id}`);
    await tx.execute(sql`delete from initiatives where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'initiative.delete',
      entityType: 'initiative',
      entityId: id,
      orgId: before.org_id,
      before,
    });
  });
}

// ---------------------------------------------------------------------------------- research

type ResearchRow = {
  id: string;
  title: string;
  org_id: string;
  org_name: string;
  year: number;
  scope: string;
  accepted_on: string;
  acceptance_decision: string | null;
  used_by_award_code: string | null;
  members: { personId: string; fullName: string; role: string }[] | null;
};

const RESEARCH_SELECT = sql`
  select r.id, r.title, r.org_id, o.name as org_name, r.year, r.scope, r.accepted_on, r.acceptance_decision, r.used_by_award_code,
         (select coalesce(jsonb_agg(jsonb_build_object('personId', m.person_id, 'fullName', p.full_name, 'role', m.role)
                                    order by m.role, p.name_sort), '[]'::jsonb)
            from research_project_members m join people p on p.id = m.person_id where m.project_id = r.id) as members
    from research_projects r join organizations o on o.id = r.org_id`;

function presentResearch(r: ResearchRow) {
  return {
    id: r.id,
    title: r.title,
    orgId: r.org_id,
    orgName: r.org_name,
    year: r.year,
    scope: r.scope,
    acceptedOn: r.accepted_on,
    acceptanceDecision: r.acceptance_decision,
    members: r.members ?? [],
    used: r.used_by_award_code !== null,
  };
}

export async function listResearch(ctx: Ctx, q: { orgId: string; year?: number | undefined }) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'history.read');
  const res = await ctx.db.execute<ResearchRow>(sql`${RESEARCH_SELECT}
    where o.path like ${`${org.path}%`} ${q.year ? sql`and r.year = ${q.year}` : sql``}
    order by r.year desc, vi_sort_key(r.title), r.id limit 2000`);
  return {
    items: res.rows.map(presentResearch),
    canWrite: isInScope(scopeOf(ctx, 'history.write'), org.path),
  };
}

export async function createResearch(
  ctx: Ctx,
  input: {
    title: string;
    orgId: string;
    year: number;
    scope: 'unit' | 'province' | 'national';
    acceptedOn: string;
    acceptanceDecision?: string | null | undefined;
    members: { personId: string; role: 'lead' | 'member' }[];
  },
) {
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'history.write');
    if (new Set(input.members.map((m) => m.personId)).size !== input.members.length) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'members', message: 'Một người chỉ được khai một lần.' },
      ]);
    }
    await checkAuthors(
      tx,
      ctx,
      input.members.map((m) => m.personId),
      'members',
    );
    const [row] = await tx
      .insert(researchProjects)
      .values({
        title: input.title,
        orgId: org.id,
        year: input.year,
        scope: input.scope,
        acceptedOn: input.acceptedOn,
        acceptanceDecision: input.acceptanceDecision ?? null,
      })
      .returning({ id: researchProjects.id });
    await tx
      .insert(researchProjectMembers)
      .values(input.members.map((m) => ({ projectId: row!.id, personId: m.personId, role: m.role })));
    await writeAudit(tx, ctx, {
      action: 'research_project.create',
      entityType: 'research_project',
      entityId: row!.id,
      orgId: org.id,
      after: input,
    });
    const res = await tx.execute<ResearchRow>(sql`${RESEARCH_SELECT} where r.id = ${row!.id}`);
    return presentResearch(res.rows[0]!);
  });
}

export async function deleteResearch(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const res = await tx.execute<ResearchRow & { path: string }>(sql`
      select r.id, r.org_id, r.used_by_award_code, r.title, o.path from research_projects r join organizations o on o.id = r.org_id where r.id = ${id}`);
    const r = res.rows[0];
    if (!r || !isInScope(scopeOf(ctx, 'history.write'), r.path)) throw notFound();
    if (r.used_by_award_code)
      throw new AppError('INVALID_STATE', null, 'Đề tài đã được dùng để xét khen thưởng nên không xóa được.');
    await tx.execute(sql`delete from research_project_members where project_id = ${id}`);
    await tx.execute(sql`delete from research_projects where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'research_project.delete',
      entityType: 'research_project',
      entityId: id,
      orgId: r.org_id,
      before: { title: r.title },
    });
  });
}

// ---------------------------------------------------------------------------------- disciplines

export async function createDiscipline(
  ctx: Ctx,
  input: {
    personId: string;
    form: DisciplineForm;
    fromDate: string;
    toDate?: string | null | undefined;
    decision?: string | null | undefined;
    note?: string | null | undefined;
  },
) {
  return ctx.db.transaction(async (tx) => {
    const p = await loadPersonInScope(tx, ctx, input.personId, 'history.write');
    const [row] = await tx
      .insert(disciplines)
      .values({
        personId: input.personId,
        form: input.form,
        fromDate: input.fromDate,
        toDate: input.toDate ?? null,
        decision: input.decision ?? null,
        note: input.note ?? null,
        createdBy: ctx.actor!.userId,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: 'discipline.create',
      entityType: 'discipline',
      entityId: row!.id,
      orgId: p.orgId,
      after: input,
    });
    return presentDiscipline(row!);
  });
}

export async function deleteDiscipline(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const res = await tx.execute<{ id: string; person_id: string; form: string; from_date: string }>(
      sql`select id, person_id, form, from_date from disciplines where id = ${id} for update`,
    );
    const d = res.rows[0];
    if (!d) throw notFound();
    await loadPersonInScope(tx, ctx, d.person_id, 'history.write');
    await tx.execute(sql`delete from disciplines where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'discipline.delete',
      entityType: 'discipline',
      entityId: id,
      before: d,
    });
  });
}

function presentDiscipline(d: {
  id: string;
  form: string;
  fromDate: string;
  toDate: string | null;
  decision: string | null;
  note: string | null;
}) {
  return {
    id: d.id,
    form: d.form,
    formName: DISCIPLINE_FORM_NAMES[d.form as DisciplineForm] ?? d.form,
    fromDate: d.fromDate,
    toDate: d.toDate,
    decision: d.decision,
    note: d.note,
  };
}

// ---------------------------------------------------------------------------------- person

/** Everything the history holds about a person. */
export async function personHistory(ctx: Ctx, personId: string) {
  const person = await loadPersonInScope(ctx.db, ctx, personId, 'history.read');
  const [code, ratingRows, awardRows, initiativeRows, researchRows, disciplineRows] = await Promise.all([
    ctx.db.execute<{ staff_code: string }>(
      sql`select staff_code::text as staff_code from people where id = ${personId}`,
    ),
    ctx.db.execute<{ year: number; rating: string; note: string | null }>(
      sql`select year, rating, note from ratings where person_id = ${personId} order by year desc`,
    ),
    ctx.db.execute<{
      id: string;
      award_code: string;
      year: number;
      decision_number: string | null;
      decided_on: string | null;
      issuer: string | null;
      source: string;
      kind: string;
      org_name: string | null;
    }>(sql`
      select a.id, a.award_code, a.year, a.decision_number, a.decided_on, a.issuer, a.source, a.kind, o.name as org_name
        from awards a left join organizations o on o.id = a.unit_org_id
       where a.person_id = ${personId} and a.revoked_at is null order by a.year desc, a.award_code`),
    ctx.db.execute<InitiativeRow>(sql`${INITIATIVE_SELECT}
      where exists (select 1 from initiative_authors x where x.initiative_id = i.id and x.person_id = ${personId})
      order by i.year desc, i.id`),
    ctx.db.execute<ResearchRow>(sql`${RESEARCH_SELECT}
      where exists (select 1 from research_project_members x where x.project_id = r.id and x.person_id = ${personId})
      order by r.year desc, r.id`),
    ctx.db.execute<{
      id: string;
      form: string;
      from_date: string;
      to_date: string | null;
      decision: string | null;
      note: string | null;
    }>(
      sql`select id, form, from_date, to_date, decision, note from disciplines where person_id = ${personId} order by from_date desc`,
    ),
  ]);
  return {
    person: {
      id: person.id,
      fullName: person.fullName,
      staffCode: code.rows[0]?.staff_code ?? '',
      orgName: person.orgName,
    },
    ratings: ratingRows.rows.map((r) => ({
      year: r.year,
      rating: r.rating,
      ratingName: RATING_NAMES[r.rating as Rating] ?? r.rating,
      note: r.note,
    })),
    awards: awardRows.rows.map((a) =>
      presentAward({
        id: a.id,
        awardCode: a.award_code,
        year: a.year,
        decisionNumber: a.decision_number,
        decidedOn: a.decided_on,
        issuer: a.issuer,
        source: a.source,
        kind: a.kind,
        orgName: a.org_name,
      }),
    ),
    initiatives: initiativeRows.rows.map(presentInitiative),
    research: researchRows.rows.map(presentResearch),
    disciplines: disciplineRows.rows.map((d) =>
      presentDiscipline({
        id: d.id,
        form: d.form,
        fromDate: d.from_date,
        toDate: d.to_date,
        decision: d.decision,
        note: d.note,
      }),
    ),
    canWrite: isInScope(scopeOf(ctx, 'history.write'), person.path),
    canRate: isInScope(scopeOf(ctx, 'rating.write'), person.path),
  };
}

export const canImportAnywhere = (ctx: Ctx) => hasPermissionAnywhere(ctx.actor, 'history.import');
export { pathInSubtrees };
