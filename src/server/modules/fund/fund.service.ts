/**
 * Reward fund ledger (quỹ thi đua, khen thưởng) per organisation and year: allocations (+) and
 * payments (−); a payment is created from an issued decision's total, once per decision.
 */
import { sql } from 'drizzle-orm';
import { FUND_KIND_NAMES } from '../../../contracts/fund';
import { formatVnd } from '../../../domain/commendation';
import { todayInVietnam } from '../../../domain/time/dates';
import { writeTableXlsx } from '../../documents/xlsx/write';
import { writeAudit } from '../../platform/audit/audit';
import { canOn, isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';

export async function getLedger(ctx: Ctx, orgId: string, year: number) {
  const org = await loadOrgInScope(ctx.db, ctx, orgId, 'fund.read');
  const entries = await ctx.db.execute<Record<string, unknown>>(sql`
    select f.id, f.kind, f.amount, f.entry_date::text as entry_date, f.description, f.decision_id, d.document_number
      from fund_entries f left join decisions d on d.id = f.decision_id
     where f.org_id = ${org.id} and f.year = ${year}
     order by f.entry_date, f.created_at`);
  const unpaid = await ctx.db.execute<Record<string, unknown>>(sql`
    select d.id, d.document_number, d.total_amount from decisions d
     where d.org_id = ${org.id} and d.status = 'issued' and d.year = ${year} and d.total_amount > 0
       and not exists (select 1 from fund_entries f where f.decision_id = d.id)
     order by d.sequence`);
  const list = entries.rows.map((r) => ({
    id: String(r.id),
    kind: r.kind as 'allocation' | 'payment',
    kindName: FUND_KIND_NAMES[r.kind as 'allocation' | 'payment'],
    amount: Number(r.amount),
    entryDate: String(r.entry_date),
    description: String(r.description),
    decisionId: (r.decision_id as string | null) ?? null,
    documentNumber: (r.document_number as string | null) ?? null,
  }));
  const allocated = list.filter((e) => e.kind === 'allocation').reduce((s, e) => s + e.amount, 0);
  const paid = list.filter((e) => e.kind === 'payment').reduce((s, e) => s + e.amount, 0);
  return {
    orgId: org.id,
    orgName: org.name,
    year,
    allocated,
    paid,
    balance: allocated - paid,
    entries: list,
    unpaidDecisions: unpaid.rows.map((r) => ({
      id: String(r.id),
      documentNumber: String(r.document_number),
      totalAmount: Number(r.total_amount),
    })),
    abilities: { manage: canOn(ctx.actor, 'fund.manage', org.path) },
  };
}

export async function addAllocation(
  ctx: Ctx,
  input: { orgId: string; year: number; amount: number; entryDate: string; description: string },
) {
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrgInScope(tx, ctx, input.orgId, 'fund.manage');
    const res = await tx.execute<{ id: string }>(sql`
      insert into fund_entries (org_id, year, kind, amount, entry_date, description, created_by)
      values (${org.id}, ${input.year}, 'allocation', ${input.amount}, ${input.entryDate}, ${input.description},
              ${ctx.actor?.userId ?? null}) returning id`);
    const id = res.rows[0]!.id;
    await writeAudit(tx, ctx, {
      action: 'fund.allocation',
      entityType: 'fund_entry',
      entityId: id,
      orgId: org.id,
      after: input,
    });
    return { id };
  });
}

export async function payFromDecision(ctx: Ctx, input: { decisionId: string; entryDate?: string }) {
  return ctx.db.transaction(async (tx) => {
    const res = await tx.execute<{
      id: string;
      org_id: string;
      path: string;
      status: string;
      year: number | null;
      document_number: string | null;
      total_amount: string | number;
      decision_date: string;
    }>(sql`
      select d.id, d.org_id, o.path, d.status, d.year, d.document_number, d.total_amount, d.decision_date::text as decision_date
        from decisions d join organizations o on o.id = d.org_id where d.id = ${input.decisionId} for update of d`);
    const d = res.rows[0];
    if (!d || !isInScope(scopeOf(ctx, 'fund.manage'), d.path)) throw notFound();
    if (d.status !== 'issued')
      throw new AppError('INVALID_STATE', null, 'Chỉ chi thưởng theo quyết định đã ban hành.');
    const total = Number(d.total_amount);
    if (total <= 0) throw new AppError('INVALID_STATE', null, 'Quyết định không có tiền thưởng.');
    const ins = await tx.execute<{ id: string }>(sql`
      insert into fund_entries (org_id, year, kind, amount, entry_date, description, decision_id, created_by)
      values (${d.org_id}, ${d.year ?? Number(d.decision_date.slice(0, 4))}, 'payment', ${total},
              ${input.entryDate ?? todayInVietnam(ctx.now())}, ${`Chi tiền thưởng theo Quyết định số ${d.document_number}`},
              ${d.id}, ${ctx.actor?.userId ?? null})
      on conflict do nothing returning id`);
    const id = ins.rows[0]?.id;
    if (!id)
      throw new AppError(
        'DUPLICATE',
        null,
        `Đã ghi chi tiền thưởng theo Quyết định số ${d.document_number}.`,
      );
    await writeAudit(tx, ctx, {
      action: 'fund.payment',
      entityType: 'fund_entry',
      entityId: id,
      orgId: d.org_id,
      after: { decisionId: d.id, documentNumber: d.document_number, amount: total },
    });
    return { id };
  });
}

export async function exportLedger(ctx: Ctx, orgId: string, year: number) {
  const ledger = await getLedger(ctx, orgId, year);
  let balance = 0;
  const rows = ledger.entries.map((e, i) => {
    balance += e.kind === 'allocation' ? e.amount : -e.amount;
    return {
      tt: i + 1,
      date: e.entryDate,
      kind: e.kindName,
      description: e.description,
      number: e.documentNumber ?? '',
      income: e.kind === 'allocation' ? e.amount : null,
      expense: e.kind === 'payment' ? e.amount : null,
      balance,
    };
  });
  const bytes = await writeTableXlsx({
    sheetName: `Quỹ ${year}`,
    title: `SỔ QUỸ THI ĐUA, KHEN THƯỞNG NĂM ${year} — ${ledger.orgName} (tồn cuối kỳ: ${formatVnd(ledger.balance)})`,
    columns: [
      { key: 'tt', header: 'TT', width: 6, format: 'integer' },
      { key: 'date', header: 'Ngày', width: 12, format: 'date' },
      { key: 'kind', header: 'Loại', width: 18, format: 'text' },
      { key: 'description', header: 'Nội dung', width: 50, format: 'text' },
      { key: 'number', header: 'Số quyết định', width: 18, format: 'text' },
      { key: 'income', header: 'Thu (đồng)', width: 16, format: 'money' },
      { key: 'expense', header: 'Chi (đồng)', width: 16, format: 'money' },
      { key: 'balance', header: 'Tồn (đồng)', width: 16, format: 'money' },
    ],
    rows,
  });
  return { bytes, fileName: `Sổ quỹ thi đua khen thưởng ${year}.xlsx`, orgId: ledger.orgId };
}
