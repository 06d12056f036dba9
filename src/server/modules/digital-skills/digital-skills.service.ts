/**
 * Bình dân học vụ số: each staff member's completion of the basic digital-skills programme (date,
 * certificate number), recorded one by one or imported from Excel. The "% staff certified"
 * indicator (source 'digital_skills') is computed from these and the staff of the subtree.
 */
import { sql } from 'drizzle-orm';
import type { PutCompletionBodyT, SkillsListQueryT } from '../../../contracts/indicators';
import { foldVi } from '../../../domain/text/vietnamese';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import { readTableXlsx } from '../../documents/xlsx/read';
import { writeTableXlsx } from '../../documents/xlsx/write';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import {
  loadBatch,
  MAX_IMPORT_ROWS,
  markCommitted,
  markDiscarded,
  type RowError,
  refuseWithErrors,
  saveBatch,
} from '../indicators/imports';
import { loadOrgInScope } from '../organizations/organizations.service';

type ListRow = {
  person_id: string;
  staff_code: string;
  full_name: string;
  org_id: string | null;
  org_name: string | null;
  completed_on: string | null;
  certificate_number: string | null;
  note: string | null;
};

export async function listCompletions(ctx: Ctx, q: SkillsListQueryT) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'staff.read');
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const parts = [sql`o.path like ${`${org.path}%`}`, sql`p.status = 'active'`];
  if (q.status === 'certified') parts.push(sql`c.id is not null`);
  if (q.status === 'not_certified') parts.push(sql`c.id is null`);
  const text = q.q ? foldVi(q.q) : '';
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    parts.push(sql`(p.name_folded like ${like} or lower(p.staff_code::text) like ${like})`);
  }
  const where = sql.join(parts, sql` and `);
  const [rows, count] = await Promise.all([
    ctx.db.execute<ListRow>(sql`
      select p.id as person_id, p.staff_code::text as staff_code, p.full_name, o.id as org_id, o.name as org_name,
             c.completed_on, c.certificate_number, c.note
        from people p join organizations o on o.id = p.current_org_id
        left join digital_skill_completions c on c.person_id = p.id
       where ${where}
       order by p.name_sort collate "C", p.id
       limit ${pageSize} offset ${(page - 1) * pageSize}`),
    ctx.db.execute<{ n: number }>(sql`
      select count(*)::int as n from people p join organizations o on o.id = p.current_org_id
        left join digital_skill_completions c on c.person_id = p.id where ${where}`),
  ]);
  return {
    items: rows.rows.map((r) => ({
      personId: r.person_id,
      staffCode: r.staff_code,
      fullName: r.full_name,
      orgId: r.org_id,
      orgName: r.org_name,
      completedOn: r.completed_on,
      certificateNumber: r.certificate_number,
      note: r.note,
    })),
    total: Number(count.rows[0]?.n ?? 0),
    page,
    pageSize,
  };
}

/** Staff and certified staff of the subtree and of each direct subordinate unit, as of the year's end. */
export async function summary(ctx: Ctx, q: { orgId: string; year?: number }) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'indicator.read');
  const year = q.year ?? Number(todayInVietnam(ctx.now()).slice(0, 4));
  const r = await ctx.db.execute<{
    unit_id: string | null;
    unit_name: string | null;
    staff: number;
    certified: number;
  }>(sql`
    select u.id as unit_id, u.name as unit_name, count(p.id)::int as staff,
           count(c.id) filter (where c.completed_on <= ${`${year}-12-31`})::int as certified
      from people p
      join organizations o on o.id = p.current_org_id
      left join organizations u on u.parent_id = ${org.id} and o.path like u.path || '%'
      left join digital_skill_completions c on c.person_id = p.id
     where p.status = 'active' and o.path like ${`${org.path}%`}
     group by u.id, u.name
     order by u.name`);
  const pct = (c: number, s: number) => (s === 0 ? null : Math.round((10000 * c) / s) / 100);
  const staff = r.rows.reduce((s, x) => s + Number(x.staff), 0);
  const certified = r.rows.reduce((s, x) => s + Number(x.certified), 0);
  return {
    staff,
    certified,
    percent: pct(certified, staff),
    units: r.rows
      .filter((x) => x.unit_id)
      .map((x) => ({
        orgId: x.unit_id!,
        orgName: x.unit_name!,
        staff: Number(x.staff),
        certified: Number(x.certified),
        percent: pct(Number(x.certified), Number(x.staff)),
      })),
  };
}

async function loadPersonInScope(db: Queryable, ctx: Ctx, personId: string) {
  const r = await db.execute<{
    id: string;
    full_name: string;
    org_id: string | null;
    path: string | null;
    status: string;
  }>(sql`
    select p.id, p.full_name, p.current_org_id as org_id, o.path, p.status
      from people p left join organizations o on o.id = p.current_org_id where p.id = ${personId}`);
  const p = r.rows[0];
  if (!p?.path || !isInScope(scopeOf(ctx, 'digitalSkills.write'), p.path)) throw notFound();
  return p;
}

async function certificateTaken(db: Queryable, certificateNumber: string | null, personId: string) {
  if (!certificateNumber) return false;
  const r = await db.execute(
    sql`select 1 from digital_skill_completions where certificate_number = ${certificateNumber} and person_id <> ${personId}`,
  );
  return r.rows.length > 0;
}

async function upsertCompletion(
  tx: Queryable,
  ctx: Ctx,
  c: {
    personId: string;
    orgId: string;
    completedOn: string;
    certificateNumber: string | null;
    note: string | null;
  },
) {
  await tx.execute(sql`
    insert into digital_skill_completions (person_id, org_id, completed_on, certificate_number, note, created_by)
    values (${c.personId}, ${c.orgId}, ${c.completedOn}, ${c.certificateNumber}, ${c.note}, ${ctx.actor?.userId ?? null})
    on conflict (person_id) do update set org_id = excluded.org_id, completed_on = excluded.completed_on,
      certificate_number = excluded.certificate_number, note = excluded.note, updated_at = now()`);
}

export async function putCompletion(ctx: Ctx, personId: string, body: PutCompletionBodyT) {
  const today = todayInVietnam(ctx.now());
  if (body.completedOn > today)
    throw new AppError('VALIDATION_FAILED', [
      { field: 'completedOn', message: 'Ngày hoàn thành không được sau ngày hôm nay.' },
    ]);
  return ctx.db.transaction(async (tx) => {
    const p = await loadPersonInScope(tx, ctx, personId);
    const cert = body.certificateNumber ?? null;
    if (await certificateTaken(tx, cert, personId))
      throw new AppError('DUPLICATE', [
        { field: 'certificateNumber', message: `Số chứng nhận "${cert}" đã được ghi cho người khác.` },
      ]);
    await upsertCompletion(tx, ctx, {
      personId,
      orgId: p.org_id!,
      completedOn: body.completedOn,
      certificateNumber: cert,
      note: body.note ?? null,
    });
    await writeAudit(tx, ctx, {
      action: 'digital_skills.record',
      entityType: 'person',
      entityId: personId,
      orgId: p.org_id,
      after: { completedOn: body.completedOn, certificateNumber: cert },
    });
    return { personId, completedOn: body.completedOn, certificateNumber: cert, note: body.note ?? null };
  });
}

export async function deleteCompletion(ctx: Ctx, personId: string) {
  await ctx.db.transaction(async (tx) => {
    const p = await loadPersonInScope(tx, ctx, personId);
    const r = await tx.execute(sql`delete from digital_skill_completions where person_id = ${personId}`);
    if ((r.rowCount ?? 0) === 0) throw notFound();
    await writeAudit(tx, ctx, {
      action: 'digital_skills.delete',
      entityType: 'person',
      entityId: personId,
      orgId: p.org_id,
    });
  });
}

// ---------------------------------------------------------------- XLSX import

const COLUMNS = [
  { key: 'staffCode', aliases: ['Mã nhân sự', 'Mã cán bộ'], header: 'Mã nhân sự', width: 16 },
  { key: 'fullName', aliases: ['Họ và tên', 'Họ tên'], header: 'Họ và tên', width: 28, required: false },
  {
    key: 'completedOn',
    aliases: ['Ngày hoàn thành', 'Ngày cấp'],
    header: 'Ngày hoàn thành',
    width: 16,
    format: 'date' as const,
  },
  {
    key: 'certificateNumber',
    aliases: ['Số chứng nhận', 'Số giấy chứng nhận'],
    header: 'Số chứng nhận',
    width: 18,
    required: false,
  },
  { key: 'note', aliases: ['Ghi chú'], header: 'Ghi chú', width: 30, required: false },
];

/**
 * Whether a typed name is the person's: compared with diacritics ("Dũng" is not "Dung"), except
 * that a name typed entirely without diacritics is compared folded ("Pham Thi Dung").
 */
function sameName(typed: string, actual: string): boolean {
  const norm = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();
  const t = norm(typed);
  if (t === norm(actual)) return true;
  return foldVi(t) === t && t === foldVi(actual);
}

interface CompletionRow {
  row: number;
  personId: string;
  orgId: string;
  staffCode: string;
  fullName: string;
  completedOn: string;
  certificateNumber: string | null;
  note: string | null;
}

export async function importTemplate() {
  return writeTableXlsx({
    sheetName: 'Bình dân học vụ số',
    columns: COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      format: c.format ?? 'text',
    })),
    rows: [],
  });
}

export async function previewImport(ctx: Ctx, fileName: string, buffer: Buffer) {
  const today = todayInVietnam(ctx.now());
  const scope = scopeOf(ctx, 'digitalSkills.write');
  const parsed: { rowNumber: number; values: Record<string, string | number | null>; errors: RowError[] }[] =
    [];
  for await (const r of readTableXlsx(buffer, {
    columns: COLUMNS.map((c) => ({
      key: c.key,
      aliases: c.aliases,
      format: c.format,
      required: c.required ?? true,
    })),
  })) {
    if (parsed.length >= MAX_IMPORT_ROWS)
      throw new AppError('PAYLOAD_TOO_LARGE', null, `Tệp có quá ${MAX_IMPORT_ROWS} dòng. Hãy chia nhỏ tệp.`);
    parsed.push({
      rowNumber: r.rowNumber,
      values: r.values,
      errors: r.errors.map((e) => ({ row: r.rowNumber, column: e.header, message: e.message })),
    });
  }
  if (parsed.length === 0) throw new AppError('UNPROCESSABLE', null, 'Tệp không có dòng dữ liệu nào.');
  const codes = [...new Set(parsed.map((p) => String(p.values.staffCode ?? '').trim()).filter(Boolean))];
  const people = new Map<
    string,
    { id: string; full_name: string; org_id: string | null; path: string | null }
  >();
  if (codes.length > 0) {
    const r = await ctx.db.execute<{
      id: string;
      staff_code: string;
      full_name: string;
      org_id: string | null;
      path: string | null;
    }>(sql`
      select p.id, p.staff_code::text as staff_code, p.full_name, p.current_org_id as org_id, o.path
        from people p left join organizations o on o.id = p.current_org_id
       where p.staff_code = any(${`{${codes.map((c) => `"${c.replace(/["\\]/g, '')}"`).join(',')}}`}::citext[])
         and p.status = 'active' and ${pathInSubtrees(sql`o.path`, scope)}`);
    for (const p of r.rows) people.set(p.staff_code.toLowerCase(), p);
  }
  const valid: CompletionRow[] = [];
  const errors: RowError[] = [];
  const seenPeople = new Map<string, number>();
  const seenCerts = new Map<string, number>();
  for (const r of parsed) {
    const rowErrors = [...r.errors];
    const err = (column: string, message: string) => rowErrors.push({ row: r.rowNumber, column, message });
    const code = String(r.values.staffCode ?? '').trim();
    const person = people.get(code.toLowerCase());
    if (!code) err('Mã nhân sự', 'Thiếu mã nhân sự.');
    else if (!person)
      err('Mã nhân sự', `Không có nhân sự đang làm việc mã "${code}" trong phạm vi được cập nhật.`);
    const name = r.values.fullName === null ? '' : String(r.values.fullName).trim();
    if (person && name && !sameName(name, person.full_name))
      err('Họ và tên', `Họ và tên "${name}" không khớp với hồ sơ (${person.full_name}).`);
    const completedOn = r.values.completedOn as string | null;
    if (!completedOn && !r.errors.some((e) => e.column === 'Ngày hoàn thành'))
      err('Ngày hoàn thành', 'Thiếu ngày hoàn thành.');
    else if (completedOn && completedOn > today)
      err('Ngày hoàn thành', 'Ngày hoàn thành không được sau ngày hôm nay.');
    const cert =
      r.values.certificateNumber === null ? null : String(r.values.certificateNumber).trim() || null;
    if (person) {
      const first = seenPeople.get(person.id);
      if (first !== undefined) err('Mã nhân sự', `Trùng với dòng ${first}.`);
      else seenPeople.set(person.id, r.rowNumber);
    }
    if (cert) {
      const first = seenCerts.get(cert);
      if (first !== undefined) err('Số chứng nhận', `Số chứng nhận trùng với dòng ${first}.`);
      else seenCerts.set(cert, r.rowNumber);
      if (person && (await certificateTaken(ctx.db, cert, person.id)))
        err('Số chứng nhận', `Số chứng nhận "${cert}" đã được ghi cho người khác.`);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else
      valid.push({
        row: r.rowNumber,
        personId: person!.id,
        orgId: person!.org_id!,
        staffCode: code,
        fullName: person!.full_name,
        completedOn: completedOn!,
        certificateNumber: cert,
        note: r.values.note === null ? null : String(r.values.note).trim() || null,
      });
  }
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const id = await ctx.db.transaction(async (tx) => {
    const id = await saveBatch(tx, ctx, {
      kind: 'digital_skills',
      fileName,
      rows: valid,
      errors,
      summary: { total: parsed.length },
    });
    await writeAudit(tx, ctx, {
      action: 'digital_skills_import.preview',
      entityType: 'import_batch',
      entityId: id,
      after: { fileName, total: parsed.length, invalidRows },
    });
    return id;
  });
  return {
    id,
    fileName,
    totalRows: parsed.length,
    validRows: valid.length,
    invalidRows,
    errors: errors.slice(0, 500),
    sample: valid.slice(0, 20).map((v) => ({
      row: v.row,
      staffCode: v.staffCode,
      fullName: v.fullName,
      completedOn: v.completedOn,
      certificateNumber: v.certificateNumber,
    })),
  };
}

export async function commitImport(ctx: Ctx, id: string, mode: 'all' | 'validOnly') {
  return ctx.db.transaction(async (tx) => {
    const batch = await loadBatch<CompletionRow>(tx, ctx, 'digital_skills', id);
    if (mode === 'all' && batch.errors.length > 0) refuseWithErrors(batch.errors);
    let saved = 0;
    for (const row of batch.rows) {
      // the person may have moved out of scope since the preview
      const p = await loadPersonInScope(tx, ctx, row.personId).catch(() => null);
      if (!p) continue;
      await upsertCompletion(tx, ctx, { ...row, orgId: p.org_id! });
      saved++;
    }
    const skipped = new Set(batch.errors.map((e) => e.row)).size + (batch.rows.length - saved);
    await markCommitted(tx, id, { saved, skipped });
    await writeAudit(tx, ctx, {
      action: 'digital_skills_import.commit',
      entityType: 'import_batch',
      entityId: id,
      after: { fileName: batch.file_name, saved, skipped },
    });
    return { saved, skipped };
  });
}

export async function discardImport(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    await loadBatch(tx, ctx, 'digital_skills', id);
    await markDiscarded(tx, id);
    await writeAudit(tx, ctx, {
      action: 'digital_skills_import.discard',
      entityType: 'import_batch',
      entityId: id,
    });
  });
}
