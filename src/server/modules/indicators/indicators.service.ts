/**
 * Use cases of targets and indicators (chỉ tiêu, chỉ số): definitions, targets per organisation
 * and year (set directly or taken from a plan), periodic values (entry and XLSX import), progress
 * of a subtree against its targets, time series, and the DTI ranking of units.
 */
import { sql } from 'drizzle-orm';
import type {
  CreateDefinitionBodyT,
  PutTargetBodyT,
  PutValuesBodyT,
  UpdateDefinitionBodyT,
} from '../../../contracts/indicators';
import {
  competitionRank,
  DIRECTION_NAMES,
  isPeriod,
  multiYearAverage,
  PROGRESS_STATUS_COLORS,
  PROGRESS_STATUS_NAMES,
  parsePeriod,
  periodEnd,
  periodLabel,
  progressOf,
  ROLLUP_NAMES,
} from '../../../domain/indicators';
import { UNIT_TYPES } from '../../../domain/org/types';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Queryable } from '../../db/client';
import { readTableXlsx } from '../../documents/xlsx/read';
import { writeTableXlsx } from '../../documents/xlsx/write';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, conflict, notFound } from '../../platform/http/errors';
import { scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';
import {
  loadBatch,
  MAX_IMPORT_ROWS,
  markCommitted,
  markDiscarded,
  parseNumberCell,
  type RowError,
  refuseWithErrors,
  saveBatch,
} from './imports';
import {
  computeSeries,
  computeYear,
  type DefinitionRow,
  dtiComponents,
  dtiOf,
  loadDefinitions,
  loadSubtree,
  loadTargets,
} from './indicators.compute';
import { elapsedFor } from './indicators.progress';

export { type IndicatorProgressItem, indicatorProgress } from './indicators.progress';

// ---------------------------------------------------------------- definitions

function presentDefinition(d: DefinitionRow) {
  return {
    id: d.id,
    code: d.code,
    name: d.name,
    unit: d.unit,
    description: d.description,
    direction: d.direction,
    directionName: DIRECTION_NAMES[d.direction],
    rollup: d.rollup,
    rollupName: ROLLUP_NAMES[d.rollup],
    weightIndicatorId: d.weight_indicator_id,
    yearAggregation: d.year_aggregation,
    periodicity: d.periodicity as 'month' | 'quarter' | 'year',
    source: d.source,
    dtiWeight: d.dti_weight === null ? null : Number(d.dti_weight),
    dtiMin: d.dti_min === null ? null : Number(d.dti_min),
    dtiMax: d.dti_max === null ? null : Number(d.dti_max),
    active: d.active,
    sort: d.sort,
    version: d.version,
  };
}

export async function listDefinitions(ctx: Ctx) {
  return (await loadDefinitions(ctx.db)).map(presentDefinition);
}

/** Definitions are shared by the whole tree: only a manager of a root organisation edits them. */
function requireTreeManager(ctx: Ctx) {
  const rootScope = scopeOf(ctx, 'indicator.manage').some((p) => p.split('/').filter(Boolean).length === 1);
  if (!rootScope)
    throw new AppError(
      'FORBIDDEN',
      null,
      'Chỉ cán bộ quản lý chỉ số của Sở Y tế được định nghĩa chỉ số dùng chung.',
    );
}

async function loadDefinition(db: Queryable, id: string): Promise<DefinitionRow> {
  const d = (await loadDefinitions(db)).find((x) => x.id === id);
  if (!d) throw notFound();
  return d;
}

async function checkDefinition(
  db: Queryable,
  id: string | null,
  d: { rollup: string; weightIndicatorId: string | null; dtiMin: number | null; dtiMax: number | null },
) {
  const errors: { field: string; message: string }[] = [];
  if (d.rollup === 'weighted' && !d.weightIndicatorId)
    errors.push({
      field: 'weightIndicatorId',
      message: 'Tổng hợp bình quân gia quyền cần chọn chỉ số làm trọng số.',
    });
  if (d.weightIndicatorId) {
    if (d.weightIndicatorId === id)
      errors.push({ field: 'weightIndicatorId', message: 'Chỉ số không thể là trọng số của chính nó.' });
    else {
      const w = await db.execute(sql`select 1 from indicator_definitions where id = ${d.weightIndicatorId}`);
      if (w.rows.length === 0)
        errors.push({ field: 'weightIndicatorId', message: 'Chỉ số làm trọng số không tồn tại.' });
    }
  }
  if (d.dtiMin !== null && d.dtiMax !== null && d.dtiMin >= d.dtiMax)
    errors.push({ field: 'dtiMax', message: 'Ngưỡng trên phải lớn hơn ngưỡng dưới.' });
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors);
}

export async function createDefinition(ctx: Ctx, body: CreateDefinitionBodyT) {
  requireTreeManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const exists = await tx.execute(sql`select 1 from indicator_definitions where code = ${body.code}`);
    if (exists.rows.length > 0)
      throw new AppError('DUPLICATE', [{ field: 'code', message: `Mã chỉ số "${body.code}" đã tồn tại.` }]);
    await checkDefinition(tx, null, {
      rollup: body.rollup,
      weightIndicatorId: body.weightIndicatorId ?? null,
      dtiMin: body.dtiMin ?? null,
      dtiMax: body.dtiMax ?? null,
    });
    const r = await tx.execute<{ id: string }>(sql`
      insert into indicator_definitions (code, name, unit, description, direction, rollup, weight_indicator_id,
        year_aggregation, periodicity, source, dti_weight, dti_min, dti_max, active, sort)
      values (${body.code}, ${body.name}, ${body.unit}, ${body.description ?? null}, ${body.direction}, ${body.rollup},
        ${body.weightIndicatorId ?? null}, ${body.yearAggregation ?? 'last'}, ${body.periodicity ?? 'quarter'},
        ${body.source ?? 'manual'}, ${body.dtiWeight ?? null}, ${body.dtiMin ?? null}, ${body.dtiMax ?? null},
        ${body.active ?? true}, ${body.sort ?? 0})
      returning id`);
    const created = await loadDefinition(tx, r.rows[0]!.id);
    await writeAudit(tx, ctx, {
      action: 'indicator.define',
      entityType: 'indicator',
      entityId: created.id,
      after: presentDefinition(created),
    });
    return presentDefinition(created);
  });
}

export async function updateDefinition(ctx: Ctx, id: string, body: UpdateDefinitionBodyT) {
  requireTreeManager(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await loadDefinition(tx, id);
    const next = {
      name: body.name ?? before.name,
      unit: body.unit ?? before.unit,
      description: body.description !== undefined ? body.description : before.description,
      direction: body.direction ?? before.direction,
      rollup: body.rollup ?? before.rollup,
      weightIndicatorId:
        body.weightIndicatorId !== undefined ? body.weightIndicatorId : before.weight_indicator_id,
      yearAggregation: body.yearAggregation ?? before.year_aggregation,
      periodicity: body.periodicity ?? before.periodicity,
      dtiWeight: body.dtiWeight !== undefined ? body.dtiWeight : before.dti_weight,
      dtiMin: body.dtiMin !== undefined ? body.dtiMin : before.dti_min,
      dtiMax: body.dtiMax !== undefined ? body.dtiMax : before.dti_max,
      active: body.active ?? before.active,
      sort: body.sort ?? before.sort,
    };
    await checkDefinition(tx, id, next);
    const r = await tx.execute(sql`
      update indicator_definitions set name = ${next.name}, unit = ${next.unit}, description = ${next.description},
        direction = ${next.direction}, rollup = ${next.rollup}, weight_indicator_id = ${next.weightIndicatorId},
        year_aggregation = ${next.yearAggregation}, periodicity = ${next.periodicity}, dti_weight = ${next.dtiWeight},
        dti_min = ${next.dtiMin}, dti_max = ${next.dtiMax}, active = ${next.active}, sort = ${next.sort},
        version = version + 1, updated_at = now()
      where id = ${id} and version = ${body.version}`);
    if ((r.rowCount ?? 0) === 0) throw conflict();
    const after = await loadDefinition(tx, id);
    await writeAudit(tx, ctx, {
      action: 'indicator.update',
      entityType: 'indicator',
      entityId: id,
      before: presentDefinition(before),
      after: presentDefinition(after),
    });
    return presentDefinition(after);
  });
}

// ---------------------------------------------------------------- targets

const targetSelect = sql`
  select t.id, t.indicator_id, d.code::text as indicator_code, d.name as indicator_name, d.unit, t.org_id,
         o.name as org_name, t.year, t.target, t.due_on, t.source, t.plan_id, t.note
    from indicator_targets t
    join indicator_definitions d on d.id = t.indicator_id
    join organizations o on o.id = t.org_id`;

type TargetRow = {
  id: string;
  indicator_id: string;
  indicator_code: string;
  indicator_name: string;
  unit: string;
  org_id: string;
  org_name: string;
  year: number;
  target: number;
  due_on: string | null;
  source: 'plan' | 'direct';
  plan_id: string | null;
  note: string | null;
};

const presentTarget = (t: TargetRow) => ({
  id: t.id,
  indicatorId: t.indicator_id,
  indicatorCode: t.indicator_code,
  indicatorName: t.indicator_name,
  unit: t.unit,
  orgId: t.org_id,
  orgName: t.org_name,
  year: Number(t.year),
  target: Number(t.target),
  dueOn: t.due_on,
  source: t.source,
  planId: t.plan_id,
  note: t.note,
});

export async function listTargets(ctx: Ctx, q: { orgId: string; year?: number }) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'indicator.read');
  const r = await ctx.db.execute<TargetRow>(sql`${targetSelect}
    where t.org_id = ${org.id} ${q.year ? sql`and t.year = ${q.year}` : sql``}
    order by t.year, d.sort, d.code`);
  return r.rows.map(presentTarget);
}

async function upsertTarget(
  tx: Queryable,
  ctx: Ctx,
  t: {
    indicatorId: string;
    orgId: string;
    year: number;
    target: number;
    dueOn: string | null;
    note: string | null;
    source: 'plan' | 'direct';
    planId: string | null;
  },
) {
  const r = await tx.execute<{ id: string; inserted: boolean }>(sql`
    insert into indicator_targets (indicator_id, org_id, year, target, due_on, note, source, plan_id, created_by)
    values (${t.indicatorId}, ${t.orgId}, ${t.year}, ${t.target}, ${t.dueOn}, ${t.note}, ${t.source}, ${t.planId}, ${ctx.actor?.userId ?? null})
    on conflict (indicator_id, org_id, year) do update
      set target = excluded.target, due_on = excluded.due_on, note = excluded.note, source = excluded.source,
          plan_id = excluded.plan_id, updated_at = now()
    returning id, (xmax = 0) as inserted`);
  return r.rows[0]!;
}

export async function putTarget(ctx: Ctx, body: PutTargetBodyT) {
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, body.orgId, 'indicator.manage');
    const def = await loadDefinition(tx, body.indicatorId).catch(() => {
      throw new AppError('VALIDATION_FAILED', [{ field: 'indicatorId', message: 'Chỉ số không tồn tại.' }]);
    });
    const row = await upsertTarget(tx, ctx, {
      indicatorId: def.id,
      orgId: org.id,
      year: body.year,
      target: body.target,
      dueOn: body.dueOn ?? null,
      note: body.note ?? null,
      source: 'direct',
      planId: null,
    });
    await writeAudit(tx, ctx, {
      action: 'indicator.target_set',
      entityType: 'indicator_target',
      entityId: row.id,
      orgId: org.id,
      after: { indicator: def.code, year: body.year, target: body.target, dueOn: body.dueOn ?? null },
    });
    const r = await tx.execute<TargetRow>(sql`${targetSelect} where t.id = ${row.id}`);
    return presentTarget(r.rows[0]!);
  });
}

export async function deleteTarget(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const r = await tx.execute<TargetRow>(sql`${targetSelect} where t.id = ${id}`);
    const t = r.rows[0];
    if (!t) throw notFound();
    await loadOrgInScope(tx, ctx, t.org_id, 'indicator.manage');
    await tx.execute(sql`delete from indicator_targets where id = ${id}`);
    await writeAudit(tx, ctx, {
      action: 'indicator.target_delete',
      entityType: 'indicator_target',
      entityId: id,
      orgId: t.org_id,
      before: presentTarget(t),
    });
  });
}

/**
 * Takes the targets of a plan (those linked to an indicator code, with a value) as the plan
 * organisation's targets, for the year of the target's date, else the plan's last year.
 */
export async function targetsFromPlan(ctx: Ctx, planId: string) {
  return ctx.db.transaction(async (tx) => {
    const p = (
      await tx.execute<{ id: string; org_id: string; year_to: number | null; title: string }>(
        sql`select id, org_id, year_to, title from plans where id = ${planId}`,
      )
    ).rows[0];
    if (!p) throw notFound();
    const org = await loadOrgInScope(tx, ctx, p.org_id, 'indicator.manage');
    const rows = await tx.execute<{
      content: string;
      indicator_code: string | null;
      target_value: string | null;
      due_on: string | null;
    }>(sql`
      select content, indicator_code, target_value::text as target_value, due_on from plan_targets where plan_id = ${planId} order by position`);
    const defs = new Map((await loadDefinitions(tx)).map((d) => [d.code.toLowerCase(), d]));
    let saved = 0;
    const skipped: { content: string; reason: string }[] = [];
    for (const t of rows.rows) {
      const def = t.indicator_code ? defs.get(t.indicator_code.toLowerCase()) : undefined;
      const year = t.due_on ? Number(t.due_on.slice(0, 4)) : p.year_to;
      if (!def) skipped.push({ content: t.content, reason: 'Chỉ tiêu chưa gắn với chỉ số nào.' });
      else if (t.target_value === null)
        skipped.push({ content: t.content, reason: 'Chỉ tiêu chưa có giá trị.' });
      else if (!year) skipped.push({ content: t.content, reason: 'Không xác định được năm của chỉ tiêu.' });
      else {
        await upsertTarget(tx, ctx, {
          indicatorId: def.id,
          orgId: org.id,
          year,
          target: Number(t.target_value),
          dueOn: t.due_on,
          note: t.content.slice(0, 500),
          source: 'plan',
          planId,
        });
        saved++;
      }
    }
    await writeAudit(tx, ctx, {
      action: 'indicator.targets_from_plan',
      entityType: 'plan',
      entityId: planId,
      orgId: org.id,
      after: { saved, skipped: skipped.length },
    });
    return { saved, skipped };
  });
}

// ---------------------------------------------------------------- values

export async function listValues(ctx: Ctx, q: { orgId: string; year: number }) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'indicator.read');
  const r = await ctx.db.execute<{
    indicator_id: string;
    code: string;
    year: number;
    period: string;
    value: number;
    note: string | null;
  }>(sql`
    select v.indicator_id, d.code::text as code, v.year, v.period, v.value, v.note
      from indicator_values v join indicator_definitions d on d.id = v.indicator_id
     where v.org_id = ${org.id} and v.year = ${q.year}
     order by d.sort, d.code, v.period_end, v.period`);
  return r.rows.map((v) => ({
    indicatorId: v.indicator_id,
    indicatorCode: v.code,
    year: Number(v.year),
    period: v.period,
    periodLabel: periodLabel(Number(v.year), v.period),
    value: Number(v.value),
    note: v.note,
  }));
}

async function writeValue(
  tx: Queryable,
  ctx: Ctx,
  v: {
    indicatorId: string;
    orgId: string;
    year: number;
    period: string;
    value: number;
    note: string | null;
    batchId: string | null;
  },
) {
  await tx.execute(sql`
    insert into indicator_values (indicator_id, org_id, year, period, period_end, value, note, import_batch_id, entered_by)
    values (${v.indicatorId}, ${v.orgId}, ${v.year}, ${v.period}, ${periodEnd(v.year, v.period)}, ${v.value}, ${v.note},
            ${v.batchId}, ${ctx.actor?.userId ?? null})
    on conflict (indicator_id, org_id, year, period) do update
      set value = excluded.value, note = excluded.note, import_batch_id = excluded.import_batch_id,
          entered_by = excluded.entered_by, updated_at = now()`);
}

/** Saves the values of one organisation and period (a null value deletes the period's value). */
export async function putValues(ctx: Ctx, body: PutValuesBodyT) {
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, body.orgId, 'indicator.write');
    const defs = new Map((await loadDefinitions(tx)).map((d) => [d.id, d]));
    const errors: { field: string; message: string }[] = [];
    body.entries.forEach((e, i) => {
      const d = defs.get(e.indicatorId);
      if (!d) errors.push({ field: `entries[${i}].indicatorId`, message: 'Chỉ số không tồn tại.' });
      else if (d.source !== 'manual')
        errors.push({
          field: `entries[${i}].indicatorId`,
          message: `Chỉ số "${d.name}" được tính tự động, không nhập tay.`,
        });
    });
    if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors);
    let saved = 0;
    let deleted = 0;
    for (const e of body.entries) {
      if (e.value === null) {
        const r = await tx.execute(sql`delete from indicator_values
          where indicator_id = ${e.indicatorId} and org_id = ${org.id} and year = ${body.year} and period = ${body.period}`);
        deleted += r.rowCount ?? 0;
      } else {
        await writeValue(tx, ctx, {
          indicatorId: e.indicatorId,
          orgId: org.id,
          year: body.year,
          period: body.period,
          value: e.value,
          note: e.note ?? null,
          batchId: null,
        });
        saved++;
      }
    }
    await writeAudit(tx, ctx, {
      action: 'indicator.values_entered',
      entityType: 'organization',
      entityId: org.id,
      orgId: org.id,
      after: {
        year: body.year,
        period: body.period,
        entries: body.entries.map((e) => ({ indicator: defs.get(e.indicatorId)!.code, value: e.value })),
      },
    });
    return { saved, deleted };
  });
}

// ---------------------------------------------------------------- XLSX import of values

const VALUE_COLUMNS = [
  { key: 'orgCode', aliases: ['Mã đơn vị'], header: 'Mã đơn vị', width: 18 },
  { key: 'indicatorCode', aliases: ['Mã chỉ số', 'Mã chỉ tiêu'], header: 'Mã chỉ số', width: 18 },
  { key: 'year', aliases: ['Năm'], header: 'Năm', width: 8 },
  { key: 'period', aliases: ['Kỳ', 'Kỳ báo cáo'], header: 'Kỳ', width: 10 },
  { key: 'value', aliases: ['Giá trị', 'Số liệu'], header: 'Giá trị', width: 12 },
  { key: 'note', aliases: ['Ghi chú'], header: 'Ghi chú', width: 30, required: false },
] as const;

interface ValueImportRow {
  row: number;
  orgId: string;
  orgCode: string;
  indicatorId: string;
  indicatorCode: string;
  year: number;
  period: string;
  value: number;
  note: string | null;
}

export async function valuesTemplate(ctx: Ctx) {
  const defs = (await loadDefinitions(ctx.db, { activeOnly: true })).filter((d) => d.source === 'manual');
  const orgs = await ctx.db.execute<{ code: string }>(sql`
    select code::text as code from organizations o
     where status = 'active' and ${sql.join(
       scopeOf(ctx, 'indicator.write').map((p) => sql`o.path like ${`${p}%`}`),
       sql` or `,
     )}
     order by path limit 1`);
  const year = Number(todayInVietnam(ctx.now()).slice(0, 4));
  return writeTableXlsx({
    sheetName: 'Số liệu chỉ số',
    columns: VALUE_COLUMNS.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width,
      format: 'text' as const,
    })),
    rows: defs.map((d) => ({
      orgCode: orgs.rows[0]?.code ?? '',
      indicatorCode: d.code,
      year: String(year),
      period: 'Q1',
      value: '',
      note: d.name,
    })),
  });
}

export async function previewValuesImport(ctx: Ctx, fileName: string, buffer: Buffer) {
  const defs = new Map((await loadDefinitions(ctx.db)).map((d) => [d.code.toLowerCase(), d]));
  const scope = scopeOf(ctx, 'indicator.write');
  const orgRows = await ctx.db.execute<{ id: string; code: string; path: string }>(sql`
    select id, code::text as code, path from organizations o where ${sql.join(
      scope.map((p) => sql`o.path like ${`${p}%`}`),
      sql` or `,
    )}`);
  const orgs = new Map(orgRows.rows.map((o) => [o.code.toLowerCase(), o]));
  const valid: ValueImportRow[] = [];
  const errors: RowError[] = [];
  const seen = new Map<string, number>();
  let total = 0;
  for await (const r of readTableXlsx(buffer, {
    columns: VALUE_COLUMNS.map((c) => ({
      key: c.key,
      aliases: [...c.aliases],
      required: !('required' in c),
    })),
  })) {
    // a row of the template left without a value is not reported: nothing to import
    if ((r.values.value === null || String(r.values.value).trim() === '') && r.errors.length === 0) continue;
    total++;
    if (total > MAX_IMPORT_ROWS)
      throw new AppError('PAYLOAD_TOO_LARGE', null, `Tệp có quá ${MAX_IMPORT_ROWS} dòng. Hãy chia nhỏ tệp.`);
    const rowErrors: RowError[] = r.errors.map((e) => ({
      row: r.rowNumber,
      column: e.header,
      message: e.message,
    }));
    const err = (column: string, message: string) => rowErrors.push({ row: r.rowNumber, column, message });
    const text = (k: string) => (r.values[k] === null ? '' : String(r.values[k]).trim());
    const org = orgs.get(text('orgCode').toLowerCase());
    if (!text('orgCode')) err('Mã đơn vị', 'Thiếu mã đơn vị.');
    else if (!org)
      err('Mã đơn vị', `Không có đơn vị mã "${text('orgCode')}" trong phạm vi được nhập số liệu.`);
    const def = defs.get(text('indicatorCode').toLowerCase());
    if (!text('indicatorCode')) err('Mã chỉ số', 'Thiếu mã chỉ số.');
    else if (!def) err('Mã chỉ số', `Không có chỉ số mã "${text('indicatorCode')}".`);
    else if (def.source !== 'manual')
      err('Mã chỉ số', `Chỉ số "${def.name}" được tính tự động, không nhập số liệu.`);
    const year = Number(text('year'));
    if (!/^\d{4}$/.test(text('year')) || year < 2000 || year > 2100)
      err('Năm', `Năm "${text('year')}" không hợp lệ.`);
    const period = parsePeriod(text('period'));
    if (!period || !isPeriod(period))
      err('Kỳ', `Kỳ "${text('period')}" không hợp lệ (ghi Năm, Quý 1–4 hoặc Tháng 1–12).`);
    const value = parseNumberCell(r.values.value as string | number | null);
    if (r.values.value === null || text('value') === '') err('Giá trị', 'Thiếu giá trị.');
    else if (value === null) err('Giá trị', `Giá trị "${text('value')}" không phải là số.`);
    if (rowErrors.length === 0) {
      const key = `${org!.id}|${def!.id}|${year}|${period}`;
      const first = seen.get(key);
      if (first !== undefined) err('Kỳ', `Trùng với dòng ${first} (cùng đơn vị, chỉ số và kỳ).`);
      else seen.set(key, r.rowNumber);
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else
      valid.push({
        row: r.rowNumber,
        orgId: org!.id,
        orgCode: org!.code,
        indicatorId: def!.id,
        indicatorCode: def!.code,
        year,
        period: period!,
        value: value!,
        note: text('note') || null,
      });
  }
  if (total === 0) throw new AppError('UNPROCESSABLE', null, 'Tệp không có dòng dữ liệu nào.');
  const invalidRows = new Set(errors.map((e) => e.row)).size;
  const id = await ctx.db.transaction(async (tx) => {
    const id = await saveBatch(tx, ctx, {
      kind: 'indicator_values',
      fileName,
      rows: valid,
      errors,
      summary: { total },
    });
    await writeAudit(tx, ctx, {
      action: 'indicator_import.preview',
      entityType: 'import_batch',
      entityId: id,
      after: { fileName, total, invalidRows },
    });
    return id;
  });
  return {
    id,
    fileName,
    totalRows: total,
    validRows: valid.length,
    invalidRows,
    errors: errors.slice(0, 500),
    sample: valid.slice(0, 20).map((v) => ({
      row: v.row,
      orgCode: v.orgCode,
      indicatorCode: v.indicatorCode,
      year: v.year,
      period: v.period,
      value: v.value,
    })),
  };
}

export async function commitValuesImport(ctx: Ctx, id: string, mode: 'all' | 'validOnly') {
  return ctx.db.transaction(async (tx) => {
    const batch = await loadBatch<ValueImportRow>(tx, ctx, 'indicator_values', id);
    if (mode === 'all' && batch.errors.length > 0) refuseWithErrors(batch.errors);
    // scope again at commit time (grants or the tree may have changed since the preview)
    const scope = scopeOf(ctx, 'indicator.write');
    const orgIds = [...new Set(batch.rows.map((v) => v.orgId))];
    const paths =
      orgIds.length === 0
        ? new Map<string, string>()
        : new Map(
            (
              await tx.execute<{ id: string; path: string }>(
                sql`select id, path from organizations where id in (${sql.join(
                  orgIds.map((o) => sql`${o}::uuid`),
                  sql`, `,
                )})`,
              )
            ).rows.map((o) => [o.id, o.path]),
          );
    let saved = 0;
    for (const v of batch.rows) {
      const path = paths.get(v.orgId);
      if (!path || !isInScope(scope, path)) continue;
      await writeValue(tx, ctx, { ...v, batchId: id });
      saved++;
    }
    const skipped = new Set(batch.errors.map((e) => e.row)).size + (batch.rows.length - saved);
    await markCommitted(tx, id, { saved, skipped });
    await writeAudit(tx, ctx, {
      action: 'indicator_import.commit',
      entityType: 'import_batch',
      entityId: id,
      after: { fileName: batch.file_name, saved, skipped },
    });
    return { saved, skipped };
  });
}

export async function discardValuesImport(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    await loadBatch(tx, ctx, 'indicator_values', id);
    await markDiscarded(tx, id);
    await writeAudit(tx, ctx, {
      action: 'indicator_import.discard',
      entityType: 'import_batch',
      entityId: id,
    });
  });
}

// ---------------------------------------------------------------- progress, series, ranking

function cell(value: number | null, target: number | null, direction: 'higher' | 'lower', elapsed: number) {
  const p = progressOf({ value, target, direction, elapsed });
  return {
    value: value === null ? null : Math.round(value * 100) / 100,
    target,
    status: p.status,
    statusName: PROGRESS_STATUS_NAMES[p.status],
    color: PROGRESS_STATUS_COLORS[p.status].tag,
    ratio: p.ratio,
  };
}

/** Progress of an organisation's subtree and of each of its direct subordinate units. */
export async function progress(ctx: Ctx, q: { orgId: string; year: number }) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'indicator.read');
  const table = await computeYear(ctx.db, org.path, q.year);
  const units = table.orgs.filter((o) => o.parent_id === org.id && o.status === 'active');
  const targets = await loadTargets(ctx.db, [table.orgs.find((o) => o.id === org.id)!, ...units], q.year);
  const elapsed = elapsedFor(q.year, todayInVietnam(ctx.now()));
  const cellOf = (d: DefinitionRow, orgId: string) =>
    cell(
      table.values.get(d.id)?.get(orgId) ?? null,
      targets.get(d.id)?.get(orgId) ?? null,
      d.direction,
      elapsed,
    );
  return {
    org: { id: org.id, name: org.name },
    year: q.year,
    indicators: table.definitions.map((d) => ({
      id: d.id,
      code: d.code,
      name: d.name,
      unit: d.unit,
      direction: d.direction,
      ...cellOf(d, org.id),
    })),
    units: units.map((u) => ({
      id: u.id,
      name: u.name,
      code: u.code,
      cells: Object.fromEntries(table.definitions.map((d) => [d.code, cellOf(d, u.id)])),
    })),
  };
}

export async function series(
  ctx: Ctx,
  q: { orgId: string; indicatorId: string; fromYear?: number; toYear?: number },
) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'indicator.read');
  const def = await loadDefinition(ctx.db, q.indicatorId);
  const thisYear = Number(todayInVietnam(ctx.now()).slice(0, 4));
  const toYear = q.toYear ?? thisYear;
  const fromYear = q.fromYear ?? toYear - 4;
  if (fromYear > toYear)
    throw new AppError('VALIDATION_FAILED', [
      { field: 'fromYear', message: 'Năm bắt đầu phải trước năm kết thúc.' },
    ]);
  let points: Array<{ year: number; period: string; periodEnd: string; value: number | null }>;
  if (def.source === 'digital_skills') {
    points = [];
    for (let y = fromYear; y <= toYear; y++) {
      const t = await computeYear(ctx.db, org.path, y, {
        orgs: await loadSubtree(ctx.db, org.path),
        definitions: [def],
      });
      points.push({
        year: y,
        period: 'Y',
        periodEnd: periodEnd(y, 'Y'),
        value: t.values.get(def.id)?.get(org.id) ?? null,
      });
    }
  } else points = await computeSeries(ctx.db, org.path, org.id, def, fromYear, toYear);
  const subtree = await loadSubtree(ctx.db, org.path);
  const self = subtree.find((o) => o.id === org.id)!;
  const targets: { year: number; target: number }[] = [];
  for (let y = fromYear; y <= toYear; y++) {
    const t = (await loadTargets(ctx.db, [self], y)).get(def.id)?.get(org.id);
    if (t !== undefined) targets.push({ year: y, target: t });
  }
  return {
    indicator: { id: def.id, code: def.code, name: def.name, unit: def.unit },
    points: points.map((p) => ({
      ...p,
      label: periodLabel(p.year, p.period),
      value: p.value === null ? null : Math.round(p.value * 100) / 100,
    })),
    targets,
  };
}

/**
 * DTI of the direct subordinate units of an organisation for a year, ranked (1, 2, 2, 4), with the
 * averages over the window ending that year: mean rank, mean index and the rank by mean index
 * (the Hà Nội plan's "điểm trung bình 5 năm … xếp từ thứ 01 đến 05").
 */
export async function ranking(ctx: Ctx, q: { orgId: string; year: number; window?: number }) {
  const org = await loadOrgInScope(ctx.db, ctx, q.orgId, 'indicator.read');
  const window = q.window ?? 5;
  const fromYear = q.year - window + 1;
  const orgs = await loadSubtree(ctx.db, org.path);
  const definitions = await loadDefinitions(ctx.db, { activeOnly: true });
  // the units directly under the organisation (a Sở's own offices are not ranked with its units);
  // an organisation without subordinate units ranks its departments
  const children = orgs.filter((o) => o.parent_id === org.id && o.status === 'active');
  const unitChildren = children.filter((o) => (UNIT_TYPES as readonly string[]).includes(o.type));
  const units = unitChildren.length > 0 ? unitChildren : children;
  const comps = dtiComponents(definitions);
  const perYear = new Map<
    number,
    Map<
      string,
      {
        index: number | null;
        rank: number | null;
        missing: string[];
        components: { code: string; value: number | null; score: number }[];
      }
    >
  >();
  for (let y = fromYear; y <= q.year; y++) {
    const table = await computeYear(ctx.db, org.path, y, { orgs, definitions });
    const dti = dtiOf(
      table,
      units.map((u) => u.id),
    );
    const ranked = competitionRank(units, (u) => dti.get(u.id)?.index ?? null);
    perYear.set(
      y,
      new Map(
        ranked.map((r) => {
          const d = dti.get(r.item.id)!;
          return [
            r.item.id,
            {
              index: d.index,
              rank: r.rank,
              missing: d.missing,
              components: d.components.map((c) => ({
                code: c.code,
                value: c.value,
                score: Math.round(c.score * 100) / 100,
              })),
            },
          ];
        }),
      ),
    );
  }
  const averages = new Map(
    units.map((u) => {
      const byYear = new Map(
        [...perYear.entries()].map(([y, m]) => [
          y,
          { score: m.get(u.id)?.index ?? null, rank: m.get(u.id)?.rank ?? null },
        ]),
      );
      return [u.id, multiYearAverage(byYear, fromYear, q.year)];
    }),
  );
  const byAverage = new Map(
    competitionRank(units, (u) => averages.get(u.id)!.averageScore).map((r) => [r.item.id, r.rank]),
  );
  const round = (x: number | null) => (x === null ? null : Math.round(x * 100) / 100);
  const current = perYear.get(q.year)!;
  const items = units.map((u) => {
    const c = current.get(u.id)!;
    const a = averages.get(u.id)!;
    return {
      orgId: u.id,
      orgName: u.name,
      orgCode: u.code,
      index: round(c.index),
      rank: c.rank,
      missing: c.missing,
      components: c.components,
      averageScore: round(a.averageScore),
      averageRank: round(a.averageRank),
      rankByAverageScore: byAverage.get(u.id) ?? null,
      years: a.years,
      yearly: [...perYear.entries()].map(([y, m]) => ({
        year: y,
        index: round(m.get(u.id)?.index ?? null),
        rank: m.get(u.id)?.rank ?? null,
      })),
    };
  });
  items.sort(
    (a, b) =>
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.orgName.localeCompare(b.orgName, 'vi'),
  );
  const names = new Map(definitions.map((d) => [d.code, d.name]));
  return {
    year: q.year,
    fromYear,
    components: comps.map((c) => ({ code: c.code, name: names.get(c.code) ?? c.code, weight: c.weight })),
    items,
  };
}
