import { type SQL, sql } from 'drizzle-orm';
import type { AwardStatisticsT, RegisterQueryT, StatisticsQueryT } from '../../../contracts/register';
import {
  AWARD_CODES,
  AWARD_KIND,
  AWARD_NAMES,
  type AwardCode,
  isAwardCode,
} from '../../../domain/commendation/codes';
import { compareVi, foldVi } from '../../../domain/text/vietnamese';
import { todayInVietnam } from '../../../domain/time/dates';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';
import * as repo from './register.repo';
import { type RegisterRow, statistics } from './register.repo';
import { writeSheetsXlsx } from './register.xlsx';

const PERMISSION = 'register.read';

export const SOURCE_NAMES: Record<string, string> = {
  internal: 'Quyết định trên hệ thống',
  import: 'Nhập từ danh sách đã có',
  external: 'Cấp trên khen thưởng',
};

export function awardName(code: string): string {
  return isAwardCode(code) ? AWARD_NAMES[code] : code;
}

export function presentEntry(r: RegisterRow) {
  return {
    id: r.id,
    subject: r.person_id ? ('individual' as const) : ('collective' as const),
    person: r.person_id
      ? { id: r.person_id, fullName: r.full_name ?? '', staffCode: r.staff_code ?? '' }
      : null,
    collective: r.collective_id ? { id: r.collective_id, name: r.collective_name ?? '' } : null,
    unit: r.unit_id ? { id: r.unit_id, name: r.unit_name ?? '' } : null,
    awardCode: r.award_code,
    awardName: awardName(r.award_code),
    year: Number(r.year),
    kind: r.kind,
    decisionNumber: r.decision_number,
    decidedOn: r.decided_on,
    issuer: r.issuer,
    source: r.source,
    sourceName: SOURCE_NAMES[r.source] ?? r.source,
    amount: r.amount === null ? null : Number(r.amount),
  };
}

/** Award codes ordered from the highest form to the lowest title (for sorting in SQL). */
const AWARD_ORDER = sql.raw(
  `array_position(array[${[...AWARD_CODES]
    .reverse()
    .map((c) => `'${c}'`)
    .join(',')}]::text[], a.award_code)`,
);
const ORDER = sql`a.year desc, ${AWARD_ORDER} nulls last, coalesce(p.name_sort, vi_sort_key(so.name)) collate "C", a.id`;

function likeText(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * WHERE clause of the register: not revoked, scoped to the caller. With an organisation, its own
 * subtree and its predecessors' subtrees (a collective's history follows its lineage).
 */
async function registerWhere(
  ctx: Ctx,
  q: {
    q?: string;
    year?: number;
    yearFrom?: number;
    yearTo?: number;
    awardCode?: string;
    subject?: string;
    orgId?: string;
  },
): Promise<SQL> {
  const parts: SQL[] = [sql`a.revoked_at is null`];
  if (q.orgId) {
    const org = await loadOrgInScope(ctx.db, ctx, q.orgId, PERMISSION);
    const family = await repo.lineageFamily(ctx.db, org.id);
    parts.push(
      pathInSubtrees(
        sql`u.path`,
        family.map((f) => f.path),
      ),
    );
  } else {
    parts.push(pathInSubtrees(sql`u.path`, scopeOf(ctx, PERMISSION)));
  }
  if (q.year !== undefined) parts.push(sql`a.year = ${q.year}`);
  if (q.yearFrom !== undefined) parts.push(sql`a.year >= ${q.yearFrom}`);
  if (q.yearTo !== undefined) parts.push(sql`a.year <= ${q.yearTo}`);
  if (q.awardCode) parts.push(sql`a.award_code = ${q.awardCode}`);
  if (q.subject === 'individual') parts.push(sql`a.person_id is not null`);
  if (q.subject === 'collective') parts.push(sql`a.person_id is null`);
  const text = q.q ? foldVi(q.q) : '';
  if (text) {
    const like = likeText(text);
    parts.push(
      sql`(p.name_folded like ${like} or lower(f_unaccent(so.name)) like ${like} or lower(f_unaccent(coalesce(a.decision_number, ''))) like ${like})`,
    );
  }
  return sql.join(parts, sql` and `);
}

export async function listRegister(ctx: Ctx, q: RegisterQueryT) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const where = await registerWhere(ctx, q);
  const { rows, total } = await repo.listEntries(ctx.db, where, ORDER, pageSize, (page - 1) * pageSize);
  return { items: rows.map(presentEntry), total, page, pageSize };
}

const REGISTER_COLUMNS = [
  { header: 'Năm', key: 'year', width: 8, format: 'integer' as const },
  { header: 'Đối tượng', key: 'subjectName', width: 12, format: 'text' as const },
  { header: 'Họ và tên / Tập thể', key: 'name', width: 32, format: 'text' as const },
  { header: 'Mã nhân sự', key: 'staffCode', width: 14, format: 'text' as const },
  { header: 'Đơn vị', key: 'unit', width: 36, format: 'text' as const },
  { header: 'Danh hiệu / Hình thức', key: 'awardName', width: 36, format: 'text' as const },
  { header: 'Số quyết định', key: 'decisionNumber', width: 18, format: 'text' as const },
  { header: 'Ngày quyết định', key: 'decidedOn', width: 14, format: 'date' as const },
  { header: 'Cấp khen', key: 'issuer', width: 28, format: 'text' as const },
  { header: 'Nguồn', key: 'sourceName', width: 22, format: 'text' as const },
  { header: 'Tiền thưởng (đồng)', key: 'amount', width: 16, format: 'money' as const },
];

/** The filtered register as XLSX (every matching row, streamed from the database in batches). */
export async function exportRegister(ctx: Ctx, q: RegisterQueryT): Promise<Buffer> {
  const where = await registerWhere(ctx, q);
  async function* rows() {
    for await (const r of repo.streamEntries(ctx.db, where, ORDER)) {
      const e = presentEntry(r);
      yield {
        year: e.year,
        subjectName: e.subject === 'individual' ? 'Cá nhân' : 'Tập thể',
        name: e.person?.fullName ?? e.collective?.name ?? '',
        staffCode: e.person?.staffCode ?? null,
        unit: e.unit?.name ?? null,
        awardName: e.awardName,
        decisionNumber: e.decisionNumber,
        decidedOn: e.decidedOn,
        issuer: e.issuer,
        sourceName: e.sourceName,
        amount: e.amount,
      };
    }
  }
  const bytes = await writeSheetsXlsx([
    { sheetName: 'Sổ khen thưởng', title: 'SỔ KHEN THƯỞNG', columns: REGISTER_COLUMNS, rows: rows() },
  ]);
  await ctx.db.transaction(async (tx) => {
    await writeAudit(tx, ctx, { action: 'register.export', entityType: 'award', after: { filters: q } });
  });
  return bytes;
}

/** A person's award history across all years (scoped by the person's current unit). */
export async function personHistory(ctx: Ctx, personId: string) {
  const res = await ctx.db.execute<{
    id: string;
    full_name: string;
    staff_code: string;
    org_id: string | null;
    org_name: string | null;
    org_path: string | null;
  }>(sql`
    select p.id, p.full_name, p.staff_code::text as staff_code, o.id as org_id, o.name as org_name, o.path as org_path
      from people p left join organizations o on o.id = p.current_org_id where p.id = ${personId}`);
  const person = res.rows[0];
  if (!person?.org_path || !isInScope(scopeOf(ctx, PERMISSION), person.org_path)) throw notFound();
  const { rows } = await repo.listEntries(
    ctx.db,
    sql`a.revoked_at is null and a.person_id = ${personId}`,
    ORDER,
    1000,
    0,
  );
  return {
    person: {
      id: person.id,
      fullName: person.full_name,
      staffCode: person.staff_code,
      unit: person.org_id ? { id: person.org_id, name: person.org_name ?? '' } : null,
    },
    awards: rows.map(presentEntry),
  };
}

/** A collective's award history, including the awards of its predecessors (lineage). */
export async function organizationHistory(ctx: Ctx, orgId: string) {
  const org = await loadOrgInScope(ctx.db, ctx, orgId, PERMISSION);
  const family = await repo.lineageFamily(ctx.db, org.id);
  const ids = family.map((f) => sql`${f.id}::uuid`);
  const { rows } = await repo.listEntries(
    ctx.db,
    sql`a.revoked_at is null and a.person_id is null and a.org_id in (${sql.join(ids, sql`, `)})`,
    ORDER,
    1000,
    0,
  );
  return {
    organization: { id: org.id, name: org.name, status: org.status },
    predecessors: family
      .filter((f) => f.id !== org.id)
      .map((f) => ({ id: f.id, name: f.name, effectiveOn: f.effective_on ?? '' })),
    awards: rows.map(presentEntry),
  };
}

export async function awardStatistics(ctx: Ctx, q: StatisticsQueryT): Promise<AwardStatisticsT> {
  const thisYear = Number(todayInVietnam(ctx.now()).slice(0, 4));
  const yearTo = q.yearTo ?? thisYear;
  const yearFrom = q.yearFrom ?? Math.min(yearTo, thisYear) - 9;
  let organization: { id: string; name: string } | null = null;
  let groupPart: number;
  let ownId: string;
  if (q.orgId) {
    const org = await loadOrgInScope(ctx.db, ctx, q.orgId, PERMISSION);
    organization = { id: org.id, name: org.name };
    // path "/root/…/org/child/…" of depth d: the child's id is split_part(path, '/', d + 3)
    groupPart = org.depth + 3;
    ownId = org.id;
  } else {
    // group by the children of the caller's widest subtree root ("/a/b/" → 4 parts → part 4)
    const scope = scopeOf(ctx, PERMISSION);
    const widest = [...scope].sort((a, b) => a.length - b.length)[0] ?? '/';
    groupPart = widest.split('/').length;
    ownId = widest.split('/').filter(Boolean).pop() ?? '';
  }
  const where = await registerWhere(ctx, { yearFrom, yearTo, orgId: q.orgId });
  const raw = await statistics(ctx.db, where, groupPart);

  const orgIds = [...new Set([ownId, ...raw.byOrg.map((r) => r.key)])].filter((k) =>
    /^[0-9a-f-]{36}$/.test(k),
  );
  const names = await repo.orgNames(ctx.db, orgIds);
  const byOrganization = raw.byOrg
    .map((r) => {
      const own = !r.key;
      const id = own ? ownId : r.key;
      return {
        orgId: id,
        name: own ? `${names.get(id) ?? ''} (trực tiếp)` : (names.get(id) ?? ''),
        individual: r.individual,
        collective: r.collective,
        total: r.individual + r.collective,
        amount: Number(r.amount),
      };
    })
    .sort((a, b) => b.total - a.total || compareVi(a.name, b.name));

  const byYearMap = new Map(raw.byYear.map((r) => [Number(r.year), r]));
  const byYear = [];
  for (let y = yearFrom; y <= yearTo; y++) {
    const r = byYearMap.get(y);
    byYear.push({
      year: y,
      individual: r?.individual ?? 0,
      collective: r?.collective ?? 0,
      total: (r?.individual ?? 0) + (r?.collective ?? 0),
      amount: Number(r?.amount ?? 0),
    });
  }
  const order = (code: string) => {
    const i = (AWARD_CODES as readonly string[]).indexOf(code);
    return i < 0 ? 999 : i;
  };
  const byForm = raw.byForm
    .map((r) => ({
      awardCode: r.award_code,
      awardName: awardName(r.award_code),
      kind: isAwardCode(r.award_code) ? AWARD_KIND[r.award_code as AwardCode] : 'form',
      count: r.individual + r.collective,
      amount: Number(r.amount),
    }))
    .sort((a, b) => order(a.awardCode) - order(b.awardCode));
  const totals = byYear.reduce(
    (t, r) => ({
      count: t.count + r.total,
      individual: t.individual + r.individual,
      collective: t.collective + r.collective,
      amount: t.amount + r.amount,
    }),
    { count: 0, individual: 0, collective: 0, amount: 0 },
  );
  return {
    yearFrom,
    yearTo,
    organization,
    totals,
    byYear,
    byForm,
    byOrganization,
    byYearForm: raw.byYearForm.map((r) => ({ year: Number(r.year), awardCode: r.award_code, count: r.n })),
  };
}

export async function exportStatistics(
  ctx: Ctx,
  q: StatisticsQueryT,
): Promise<{ bytes: Buffer; stats: AwardStatisticsT }> {
  const stats = await awardStatistics(ctx, q);
  const scopeName = stats.organization?.name ?? 'toàn ngành';
  const period = `${stats.yearFrom}–${stats.yearTo}`;
  const bytes = await writeSheetsXlsx([
    {
      sheetName: 'Theo năm',
      title: `THỐNG KÊ KHEN THƯỞNG THEO NĂM (${period}) – ${scopeName}`,
      columns: [
        { header: 'Năm', key: 'year', width: 10, format: 'integer' },
        { header: 'Cá nhân', key: 'individual', width: 12, format: 'integer' },
        { header: 'Tập thể', key: 'collective', width: 12, format: 'integer' },
        { header: 'Tổng số', key: 'total', width: 12, format: 'integer' },
        { header: 'Tiền thưởng (đồng)', key: 'amount', width: 20, format: 'money' },
      ],
      rows: stats.byYear,
    },
    {
      sheetName: 'Theo hình thức',
      title: `THỐNG KÊ THEO DANH HIỆU, HÌNH THỨC (${period}) – ${scopeName}`,
      columns: [
        { header: 'Danh hiệu / Hình thức', key: 'awardName', width: 44, format: 'text' },
        { header: 'Loại', key: 'kindName', width: 22, format: 'text' },
        { header: 'Số lượt', key: 'count', width: 12, format: 'integer' },
        { header: 'Tiền thưởng (đồng)', key: 'amount', width: 20, format: 'money' },
      ],
      rows: stats.byForm.map((r) => ({
        ...r,
        kindName: r.kind === 'title' ? 'Danh hiệu thi đua' : 'Hình thức khen thưởng',
      })),
    },
    {
      sheetName: 'Theo đơn vị',
      title: `THỐNG KÊ THEO ĐƠN VỊ (${period}) – ${scopeName}`,
      columns: [
        { header: 'Đơn vị', key: 'name', width: 48, format: 'text' },
        { header: 'Cá nhân', key: 'individual', width: 12, format: 'integer' },
        { header: 'Tập thể', key: 'collective', width: 12, format: 'integer' },
        { header: 'Tổng số', key: 'total', width: 12, format: 'integer' },
        { header: 'Tiền thưởng (đồng)', key: 'amount', width: 20, format: 'money' },
      ],
      rows: stats.byOrganization,
    },
  ]);
  return { bytes, stats };
}
