/**
 * The rules catalog as versioned data: read any version (rendered in Vietnamese), create a new
 * version from parameter changes (never editing in place), and the dated base-salary table.
 */
import { sql } from 'drizzle-orm';
import {
  AWARD_ABBREVIATIONS,
  AWARD_LEVEL_NAMES,
  BASE_SALARY_TABLE,
  type BaseSalaryEntry,
  type CapDefinition,
  type Condition,
  deriveRuleSet,
  describeRatio,
  listUnconfirmed,
  type Param,
  type RuleChange,
  type RuleSet,
  RuleSetError,
  renderDescription,
  ruleSetFor,
  SUBJECT_NAMES,
  SUBJECTS,
  type VoteRule,
  walkCondition,
} from '../../../domain/commendation';
import type { Queryable } from '../../db/client';
import { baseSalaries, ruleSets } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { hasPermissionAnywhere } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError } from '../../platform/http/errors';
import { todayIso } from '../eligibility/eligibility.service';
import { loadRuleSets, type StoredRuleSet } from './rulesets.repo';

const CAP_BASE_NAMES: Record<CapDefinition['base'], string> = {
  ldtt_holders: 'số cá nhân đạt danh hiệu “Lao động tiên tiến”',
  members: 'tổng số thành viên của đơn vị',
  eligible_collectives: 'số tập thể đủ tiêu chuẩn',
  candidates: 'số người được đề nghị',
};

function paramView<T>(p: Param<T>, text: string) {
  return { text, citation: p.citation ?? null, unconfirmed: p.unconfirmed === true, note: p.note ?? null };
}

export function capText(c: CapDefinition | null): string {
  if (!c || !c.enabled) return 'Không khống chế tỷ lệ';
  const min = c.minimum > 0 ? `, tối thiểu ${c.minimum}` : '';
  const rounding =
    c.rounding === 'floor' ? 'làm tròn xuống' : c.rounding === 'ceil' ? 'làm tròn lên' : 'làm tròn';
  return `Không quá ${describeRatio(c.ratio)
    .replace(/^từ /, '')
    .replace(/ trở lên$/, '')} ${CAP_BASE_NAMES[c.base]} (${rounding}${min})`;
}

export function voteText(v: VoteRule | null): string {
  if (!v) return 'Không quy định';
  const of = v.denominator === 'all_members' ? 'tổng số thành viên Hội đồng' : 'số thành viên có mặt';
  return `${v.secretBallot ? 'Bỏ phiếu kín; ' : ''}số phiếu đồng ý ${describeRatio(v.ratio, v.strict)} ${of}`;
}

function coefficientText(value: string | null): string {
  return value === null ? 'Không có tiền thưởng' : `${value.replace('.', ',')} lần mức lương cơ sở`;
}

const EDITABLE = ['count', 'years', 'windowYears', 'stride', 'atLeast', 'minScope', 'strict'] as const;

function conditionParams(n: Condition): Record<string, number | string> {
  const out: Record<string, number | string> = {};
  const rec = n as unknown as Record<string, unknown>;
  for (const k of EDITABLE) {
    const v = rec[k];
    if (typeof v === 'number' || typeof v === 'string') out[k] = v;
    else if (typeof v === 'boolean') out[k] = v ? 'true' : 'false';
    else if (v && typeof v === 'object' && 'num' in v && 'den' in v) {
      const r = v as { num: number; den: number };
      out[k] = `${r.num}/${r.den}`;
    }
  }
  return out;
}

function flattenConditions(root: Condition, year: number) {
  const out: {
    id: string;
    type: string;
    depth: number;
    description: string;
    citation: string;
    unconfirmed: boolean;
    note: string | null;
    params: Record<string, number | string>;
  }[] = [];
  const visit = (n: Condition, depth: number) => {
    out.push({
      id: n.id,
      type: n.type,
      depth,
      description: renderDescription(n, year),
      citation: n.citation,
      unconfirmed: n.unconfirmed === true,
      note: n.note ?? null,
      params: conditionParams(n),
    });
    const children =
      (n as { conditions?: Condition[]; condition?: Condition }).conditions ??
      ((n as { condition?: Condition }).condition ? [(n as { condition: Condition }).condition] : []);
    for (const c of children) visit(c, depth + 1);
  };
  if (root.type === 'allOf') for (const c of root.conditions) visit(c, 0);
  else visit(root, 0);
  return out;
}

function summary(s: StoredRuleSet, inForce: RuleSet | undefined) {
  const rs = s.ruleSet;
  return {
    id: rs.id,
    version: rs.version,
    effectiveFrom: rs.effectiveFrom,
    note: rs.note,
    basedOnVersion: rs.basedOn?.version ?? null,
    shipped: s.rowId === null,
    inForce: inForce?.version === rs.version,
    createdAt: s.createdAt ?? rs.createdAt,
    unconfirmedCount: listUnconfirmed(rs).length,
  };
}

export function presentCatalog(rs: RuleSet, year: number) {
  return rs.rules.map((r) => {
    const subjects = SUBJECTS.filter((s) => r.subjects[s]).map((s) => {
      const sr = r.subjects[s]!;
      const conditions = flattenConditions(sr.conditions, year);
      return {
        subject: s,
        subjectName: SUBJECT_NAMES[s] === 'cá nhân' ? 'Cá nhân' : 'Tập thể',
        citation: sr.citation,
        unconfirmed: sr.unconfirmed === true,
        note: sr.note ?? null,
        conditions,
        judgementCriteria: sr.judgementCriteria.map((j) => ({
          id: j.id,
          description: j.description,
          citation: j.citation,
          unconfirmed: j.unconfirmed === true,
        })),
        coefficient: {
          ...paramView(sr.coefficient, coefficientText(sr.coefficient.value)),
          value: sr.coefficient.value,
        },
        cap: paramView(sr.cap, capText(sr.cap.value)),
        vote: paramView(sr.vote, voteText(sr.vote.value)),
      };
    });
    const unconfirmed =
      r.authority.unconfirmed === true ||
      subjects.some(
        (s) =>
          s.unconfirmed ||
          s.coefficient.unconfirmed ||
          s.cap.unconfirmed ||
          s.vote.unconfirmed ||
          s.conditions.some((c) => c.unconfirmed) ||
          s.judgementCriteria.some((j) => j.unconfirmed),
      );
    return {
      code: r.code,
      name: r.name,
      abbreviation: AWARD_ABBREVIATIONS[r.code],
      kind: r.kind,
      kindName: r.kind === 'title' ? 'Danh hiệu thi đua' : 'Hình thức khen thưởng',
      level: r.level,
      levelName: AWARD_LEVEL_NAMES[r.level],
      authority: paramView(r.authority, r.authority.value),
      citation: r.citation,
      validFrom: r.validFrom,
      validTo: r.validTo,
      ruleVersion: r.version,
      unconfirmed,
      subjects,
    };
  });
}

function policiesView(rs: RuleSet) {
  const d = rs.policies.achievementsCountAfterDiscipline;
  const q = rs.policies.councilQuorum;
  return [
    {
      key: 'achievementsCountAfterDiscipline',
      name: 'Thành tích sau kỷ luật',
      text: d.value
        ? 'Thành tích được tính từ sau khi hết thời hạn kỷ luật'
        : 'Không áp dụng mốc tính thành tích sau kỷ luật',
      citation: d.citation ?? null,
      unconfirmed: d.unconfirmed === true,
    },
    {
      key: 'councilQuorum',
      name: 'Số thành viên Hội đồng tối thiểu có mặt',
      text: `${describeRatio(q.value.ratio, q.value.strict)} tổng số thành viên Hội đồng`,
      citation: q.citation ?? null,
      unconfirmed: q.unconfirmed === true,
    },
  ];
}

/** The catalog of one version (default: the version in force today), rendered for a year. */
export async function getCatalog(ctx: Ctx, q: { version?: number | undefined; year?: number | undefined }) {
  const today = todayIso(ctx.now());
  const all = await loadRuleSets(ctx.db);
  const inForce = ruleSetFor(
    today,
    all.map((s) => s.ruleSet),
  );
  const chosen =
    q.version === undefined
      ? (all.find((s) => s.ruleSet.version === inForce?.version) ?? all[all.length - 1]!)
      : all.find((s) => s.ruleSet.version === q.version);
  if (!chosen) throw new AppError('NOT_FOUND', null, `Không có phiên bản bộ tiêu chuẩn số ${q.version}.`);
  const year = q.year ?? Number(today.slice(0, 4));
  return {
    ruleSet: summary(chosen, inForce),
    year,
    rules: presentCatalog(chosen.ruleSet, year),
    policies: policiesView(chosen.ruleSet),
    unconfirmed: listUnconfirmed(chosen.ruleSet),
    canManage: hasPermissionAnywhere(ctx.actor, 'rules.manage'),
  };
}

export async function listVersions(ctx: Ctx) {
  const all = await loadRuleSets(ctx.db);
  const inForce = ruleSetFor(
    todayIso(ctx.now()),
    all.map((s) => s.ruleSet),
  );
  return {
    items: all.map((s) => summary(s, inForce)).reverse(),
    canManage: hasPermissionAnywhere(ctx.actor, 'rules.manage'),
  };
}

/**
 * A new version N+1 (N = the highest existing version) from `changes` applied to the base
 * version. Nothing existing is modified; verdicts computed under older versions keep theirs.
 */
export async function createVersion(
  ctx: Ctx,
  input: { baseVersion?: number | undefined; effectiveFrom: string; note: string; changes: RuleChange[] },
) {
  return ctx.db.transaction(async (tx) => {
    // one creator at a time: the next number is max + 1
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('thidua.rule_sets'))`);
    const all = await loadRuleSets(tx);
    const today = todayIso(ctx.now());
    const base =
      input.baseVersion === undefined
        ? (ruleSetFor(
            today,
            all.map((s) => s.ruleSet),
          ) ?? all[all.length - 1]!.ruleSet)
        : all.find((s) => s.ruleSet.version === input.baseVersion)?.ruleSet;
    if (!base) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'baseVersion', message: `Không có phiên bản bộ tiêu chuẩn số ${input.baseVersion}.` },
      ]);
    }
    const version = Math.max(...all.map((s) => s.ruleSet.version)) + 1;
    let next: RuleSet;
    try {
      next = deriveRuleSet(base, input.changes, {
        effectiveFrom: input.effectiveFrom,
        createdAt: today,
        note: input.note,
        version,
      });
    } catch (err) {
      if (err instanceof RuleSetError) {
        throw new AppError(
          'VALIDATION_FAILED',
          err.problems.map((p) => ({ field: 'changes', message: `Thay đổi không hợp lệ: ${p}` })),
          'Thay đổi tiêu chuẩn không hợp lệ.',
        );
      }
      throw err;
    }
    const [row] = await tx
      .insert(ruleSets)
      .values({
        version,
        effectiveFrom: input.effectiveFrom,
        basedOnVersion: base.version,
        note: input.note,
        data: next,
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning({ id: ruleSets.id });
    await writeAudit(tx, ctx, {
      action: 'rule_set.create',
      entityType: 'rule_set',
      entityId: row!.id,
      after: {
        version,
        basedOnVersion: base.version,
        effectiveFrom: input.effectiveFrom,
        note: input.note,
        changes: input.changes,
      },
    });
    return { id: row!.id, version, basedOnVersion: base.version, effectiveFrom: input.effectiveFrom };
  });
}

// ------------------------------------------------------------------------------- base salary

export async function baseSalaryTable(db: Queryable): Promise<(BaseSalaryEntry & { shipped: boolean })[]> {
  const rows = await db.select().from(baseSalaries).orderBy(baseSalaries.effectiveFrom);
  const byDate = new Map<string, BaseSalaryEntry & { shipped: boolean }>();
  for (const e of BASE_SALARY_TABLE) byDate.set(e.validFrom, { ...e, shipped: true });
  for (const r of rows) {
    byDate.set(r.effectiveFrom, {
      validFrom: r.effectiveFrom,
      amount: r.amount,
      citation: r.legalBasis ?? '',
      shipped: false,
    });
  }
  return [...byDate.values()].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}

/** The base salary in force on `date` (shipped table plus administrators' rows). */
export async function baseSalaryOnDate(db: Queryable, date: string): Promise<number> {
  const table = await baseSalaryTable(db);
  let best: BaseSalaryEntry | undefined;
  for (const e of table) if (e.validFrom <= date && (!best || e.validFrom > best.validFrom)) best = e;
  if (!best) throw new AppError('UNPROCESSABLE', null, `Chưa có mức lương cơ sở áp dụng cho ngày ${date}.`);
  return best.amount;
}

export async function listBaseSalaries(ctx: Ctx) {
  const table = await baseSalaryTable(ctx.db);
  const today = todayIso(ctx.now());
  let current: string | null = null;
  for (const e of table) if (e.validFrom <= today) current = e.validFrom;
  return {
    items: table
      .map((e) => ({
        effectiveFrom: e.validFrom,
        amount: e.amount,
        legalBasis: e.citation || null,
        unconfirmed: e.unconfirmed === true,
        shipped: e.shipped,
        inForce: e.validFrom === current,
      }))
      .reverse(),
    canManage: hasPermissionAnywhere(ctx.actor, 'rules.manage'),
  };
}

export async function createBaseSalary(
  ctx: Ctx,
  input: { effectiveFrom: string; amount: number; legalBasis?: string | null | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const table = await baseSalaryTable(tx);
    if (table.some((e) => e.validFrom === input.effectiveFrom)) {
      throw new AppError(
        'DUPLICATE',
        [
          {
            field: 'effectiveFrom',
            message: `Đã có mức lương cơ sở áp dụng từ ngày ${input.effectiveFrom}.`,
          },
        ],
        `Đã có mức lương cơ sở áp dụng từ ngày ${input.effectiveFrom}; mỗi mức chỉ ghi một lần, không sửa.`,
      );
    }
    const [row] = await tx
      .insert(baseSalaries)
      .values({
        effectiveFrom: input.effectiveFrom,
        amount: input.amount,
        legalBasis: input.legalBasis ?? null,
      })
      .onConflictDoNothing()
      .returning({ id: baseSalaries.id });
    if (!row)
      throw new AppError('DUPLICATE', null, `Đã có mức lương cơ sở áp dụng từ ngày ${input.effectiveFrom}.`);
    await writeAudit(tx, ctx, {
      action: 'base_salary.create',
      entityType: 'base_salary',
      entityId: row.id,
      after: input,
    });
    return { effectiveFrom: input.effectiveFrom, amount: input.amount };
  });
}
