/**
 * Route use cases of the eligibility engine: verdicts for one person or organisation (scoped to
 * the caller's subtrees), and batch runs over a unit subtree with caps, stored with the rule-set
 * version they used.
 */
import { sql } from 'drizzle-orm';
import {
  AWARD_NAMES,
  type AwardCode,
  applyCaps,
  type CapCandidate,
  findRule,
  type NomineeHistory,
  type Rating,
  type Subject,
  type Verdict,
} from '../../../domain/commendation';
import type { Queryable } from '../../db/client';
import { eligibilityRuns } from '../../db/schema';
import { writeAudit } from '../../platform/audit/audit';
import { isInScope } from '../../platform/auth/actor';
import type { Ctx } from '../../platform/context';
import { AppError, notFound } from '../../platform/http/errors';
import { pathInSubtrees, scopeOf } from '../../platform/scope';
import { loadOrgInScope } from '../organizations/organizations.service';
import { evaluateHistory, evaluateSubject, resolveRuleSet, todayIso } from './eligibility.service';
import { loadCollectiveHistories, loadPersonHistories } from './history.loader';

const PERMISSION = 'eligibility.read';

/** A person whose current unit lies in the caller's subtrees for `permission`; otherwise 404. */
export async function loadPersonInScope(db: Queryable, ctx: Ctx, personId: string, permission: string) {
  const res = await db.execute<{
    id: string;
    full_name: string;
    path: string | null;
    org_name: string | null;
    org_id: string | null;
  }>(sql`
    select p.id, p.full_name, o.path, o.name as org_name, o.id as org_id
      from people p left join organizations o on o.id = p.current_org_id
     where p.id = ${personId}`);
  const row = res.rows[0];
  if (!row || !row.path || !isInScope(scopeOf(ctx, permission), row.path)) throw notFound();
  return { id: row.id, fullName: row.full_name, orgId: row.org_id, orgName: row.org_name, path: row.path };
}

/** Verdicts as plain mutable JSON (the domain's are read-only). */
function plain<T extends { verdicts: Verdict[] }>(res: T) {
  return {
    ...res,
    verdicts: res.verdicts.map((v) => ({
      ...v,
      judgementCriteria: v.judgementCriteria.map((j) => ({ ...j })),
    })),
  };
}

export async function personEligibility(
  ctx: Ctx,
  personId: string,
  q: { year: number; codes?: AwardCode[] | undefined; version?: number | undefined },
) {
  const person = await loadPersonInScope(ctx.db, ctx, personId, PERMISSION);
  const asOf = todayIso(ctx.now());
  const res = await evaluateSubject(ctx.db, { personId }, q.year, {
    asOf,
    ...(q.codes ? { awardCodes: q.codes } : {}),
    ...(q.version !== undefined ? { ruleSetVersion: q.version } : {}),
  });
  return {
    nominee: {
      id: person.id,
      name: person.fullName,
      subject: 'individual' as const,
      orgName: person.orgName,
    },
    year: q.year,
    asOf,
    ...plain(res),
  };
}

export async function orgEligibility(
  ctx: Ctx,
  orgId: string,
  q: { year: number; codes?: AwardCode[] | undefined; version?: number | undefined },
) {
  const org = await loadOrgInScope(ctx.db, ctx, orgId, PERMISSION);
  const asOf = todayIso(ctx.now());
  const res = await evaluateSubject(ctx.db, { orgId }, q.year, {
    asOf,
    ...(q.codes ? { awardCodes: q.codes } : {}),
    ...(q.version !== undefined ? { ruleSetVersion: q.version } : {}),
  });
  return {
    nominee: { id: org.id, name: org.name, subject: 'collective' as const, orgName: null },
    year: q.year,
    asOf,
    ...plain(res),
  };
}

interface CodeCount {
  name: string;
  eligible: number;
  notEligible: number;
  missingData: number;
  capLimit: number | null;
  withinCap: number | null;
  overCap: number | null;
}

function ratingOf(h: NomineeHistory, year: number): Rating | undefined {
  return h.ratings.find((r) => r.year === year)?.rating;
}

/**
 * Evaluates every person (current staff of the subtree) and/or every active organisation of the
 * subtree for `year`, applies the caps of the rule set per code with the domain ranking, and
 * stores the run and its verdicts (status and summary) with the rule-set version.
 */
export async function createRun(
  ctx: Ctx,
  input: {
    orgId: string;
    year: number;
    subjects?: 'individual' | 'collective' | 'both' | undefined;
    codes?: AwardCode[] | undefined;
    version?: number | undefined;
  },
) {
  const org = await loadOrgInScope(ctx.db, ctx, input.orgId, PERMISSION);
  const subjects = input.subjects ?? 'individual';
  const asOf = todayIso(ctx.now());
  const ruleSet = await resolveRuleSet(ctx.db, asOf, input.version);
  const histories: NomineeHistory[] = [];
  if (subjects !== 'collective') {
    const people = await ctx.db.execute<{ id: string }>(sql`
      select p.id from people p join organizations o on o.id = p.current_org_id
       where o.path like ${`${org.path}%`} and p.status = 'active'
       order by p.id`);
    const ids = people.rows.map((r) => r.id);
    if (ids.length > 20_000) {
      throw new AppError(
        'UNPROCESSABLE',
        null,
        'Đơn vị có quá 20.000 người; hãy xét theo từng đơn vị trực thuộc.',
      );
    }
    for (let i = 0; i < ids.length; i += 2000) {
      const chunk = await loadPersonHistories(ctx.db, ids.slice(i, i + 2000));
      histories.push(...chunk.values());
    }
  }
  if (subjects !== 'individual') {
    const orgs = await ctx.db.execute<{ id: string }>(sql`
      select id from organizations where path like ${`${org.path}%`} and status = 'active' order by depth, id limit 500`);
    const loaded = await loadCollectiveHistories(
      ctx.db,
      orgs.rows.map((o) => o.id),
      input.year,
    );
    for (const o of orgs.rows) {
      const h = loaded.get(o.id);
      if (h) histories.push(h);
    }
  }
  const verdicts: { history: NomineeHistory; verdict: Verdict }[] = [];
  for (const h of histories) {
    for (const v of evaluateHistory(h, input.year, ruleSet, {
      asOf,
      ...(input.codes ? { codes: input.codes } : {}),
    })) {
      verdicts.push({ history: h, verdict: v });
    }
  }
  // counts and caps per code and subject
  const counts: Record<string, CodeCount> = {};
  const withinCap = new Map<string, boolean>();
  const byCode = new Map<string, { history: NomineeHistory; verdict: Verdict }[]>();
  for (const x of verdicts) {
    const key = `${x.verdict.code}/${x.verdict.subject}`;
    if (!counts[x.verdict.code]) {
      counts[x.verdict.code] = {
        name: AWARD_NAMES[x.verdict.code],
        eligible: 0,
        notEligible: 0,
        missingData: 0,
        capLimit: null,
        withinCap: null,
        overCap: null,
      };
    }
    const c = counts[x.verdict.code]!;
    if (x.verdict.status === 'eligible') c.eligible++;
    else if (x.verdict.status === 'not_eligible') c.notEligible++;
    else c.missingData++;
    const list = byCode.get(key) ?? [];
    list.push(x);
    byCode.set(key, list);
  }
  const eligibleCount = (code: AwardCode, subject: Subject) =>
    (byCode.get(`${code}/${subject}`) ?? []).filter((x) => x.verdict.status === 'eligible').length;
  for (const [key, list] of byCode) {
    const [code, subject] = key.split('/') as [AwardCode, Subject];
    const cap = findRule(ruleSet, code)?.subjects[subject]?.cap.value;
    if (!cap || !cap.enabled) continue;
    const eligible = list.filter((x) => x.verdict.status === 'eligible');
    const members = histories.filter((h) => h.subject === subject).length;
    const baseCount =
      cap.base === 'ldtt_holders'
        ? eligibleCount('LDTT', 'individual')
        : cap.base === 'members'
          ? members
          : cap.base === 'eligible_collectives'
            ? eligible.length
            : eligible.length;
    const candidates: (CapCandidate & { key: string })[] = eligible.map((x) => {
      const rating = ratingOf(x.history, input.year);
      return {
        id: x.history.id,
        key: x.history.id,
        displayName: x.history.displayName,
        ...(rating ? { rating } : {}),
        initiatives: x.history.initiatives.filter((i) => i.year === input.year).length,
        researchProjects: x.history.researchProjects.filter((p) => p.year === input.year).length,
      };
    });
    const result = applyCaps(candidates, { definition: cap, baseCount });
    for (const a of result.accepted) withinCap.set(`${key}/${a.id}`, true);
    for (const r of result.rejectedByCap) withinCap.set(`${key}/${r.id}`, false);
    const c = counts[code]!;
    c.capLimit = result.limit;
    c.withinCap = result.accepted.length;
    c.overCap = result.rejectedByCap.length;
  }

  return ctx.db.transaction(async (tx) => {
    const [run] = await tx
      .insert(eligibilityRuns)
      .values({
        orgId: org.id,
        year: input.year,
        asOf,
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
        subjects,
        codes: input.codes ?? null,
        nominees: histories.length,
        counts,
        createdBy: ctx.actor?.userId ?? null,
      })
      .returning();
    // one statement per 10,000 verdicts (arrays, not one parameter per value)
    for (let i = 0; i < verdicts.length; i += 10_000) {
      const chunk = verdicts.slice(i, i + 10_000);
      const col = (f: (x: { history: NomineeHistory; verdict: Verdict }) => unknown) =>
        sql.param(chunk.map((x) => f(x) ?? null));
      await tx.execute(sql`
        insert into eligibility_run_results (run_id, person_id, org_id, award_code, status, within_cap, rule_version, summary)
        select ${run!.id}::uuid, u.person_id, u.org_id, u.award_code, u.status, u.within_cap, u.rule_version, u.summary
          from unnest(${col((x) => (x.history.subject === 'individual' ? x.history.id : null))}::uuid[],
                      ${col((x) => (x.history.subject === 'collective' ? x.history.id : null))}::uuid[],
                      ${col((x) => x.verdict.code)}::text[], ${col((x) => x.verdict.status)}::text[],
                      ${col((x) => {
                        const w = withinCap.get(`${x.verdict.code}/${x.verdict.subject}/${x.history.id}`);
                        return w === undefined ? null : w ? 1 : 0;
                      })}::int[],
                      ${col((x) => x.verdict.ruleVersion)}::int[], ${col((x) => x.verdict.summary)}::text[])
               as u(person_id, org_id, award_code, status, within_cap, rule_version, summary)`);
    }
    await writeAudit(tx, ctx, {
      action: 'eligibility_run.create',
      entityType: 'eligibility_run',
      entityId: run!.id,
      orgId: org.id,
      after: {
        orgId: org.id,
        year: input.year,
        subjects,
        ruleSetVersion: ruleSet.version,
        nominees: histories.length,
      },
    });
    return presentRun({ ...run!, org_name: org.name });
  });
}

type RunRow = typeof eligibilityRuns.$inferSelect & { org_name: string };

function presentRun(r: RunRow) {
  return {
    id: r.id,
    orgId: r.orgId,
    orgName: r.org_name,
    year: r.year,
    asOf: r.asOf,
    ruleSetId: r.ruleSetId,
    ruleSetVersion: r.ruleSetVersion,
    subjects: r.subjects,
    nominees: r.nominees,
    counts: r.counts as Record<string, CodeCount>,
    createdAt: r.createdAt instanceof Date ? r.createdAt.toISOString() : String(r.createdAt),
    createdBy: r.createdBy,
  };
}

async function runsWhere(ctx: Ctx, where: ReturnType<typeof sql>) {
  const res = await ctx.db.execute<{
    id: string;
    org_id: string;
    year: number;
    as_of: string;
    rule_set_id: string;
    rule_set_version: number;
    subjects: string;
    codes: unknown;
    nominees: number;
    counts: Record<string, CodeCount>;
    created_by: string | null;
    created_at: string | Date;
    org_name: string;
  }>(sql`
    select r.*, o.name as org_name from eligibility_runs r join organizations o on o.id = r.org_id
     where ${pathInSubtrees(sql`o.path`, scopeOf(ctx, PERMISSION))} and ${where}
     order by r.created_at desc limit 100`);
  return res.rows.map((r) =>
    presentRun({
      id: r.id,
      orgId: r.org_id,
      year: r.year,
      asOf: r.as_of,
      ruleSetId: r.rule_set_id,
      ruleSetVersion: r.rule_set_version,
      subjects: r.subjects,
      codes: r.codes,
      nominees: r.nominees,
      counts: r.counts,
      createdBy: r.created_by,
      createdAt: r.created_at instanceof Date ? r.created_at : new Date(r.created_at),
      org_name: r.org_name,
    }),
  );
}

export async function listRuns(ctx: Ctx, q: { orgId?: string | undefined }) {
  if (q.orgId) await loadOrgInScope(ctx.db, ctx, q.orgId, PERMISSION);
  return { items: await runsWhere(ctx, q.orgId ? sql`r.org_id = ${q.orgId}` : sql`true`) };
}

export async function getRun(
  ctx: Ctx,
  id: string,
  q: {
    code?: AwardCode | undefined;
    status?: string | undefined;
    page?: number | undefined;
    pageSize?: number | undefined;
  },
) {
  const [run] = await runsWhere(ctx, sql`r.id = ${id}`);
  if (!run) throw notFound();
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 50;
  const filter = sql`x.run_id = ${id} ${q.code ? sql`and x.award_code = ${q.code}` : sql``} ${q.status ? sql`and x.status = ${q.status}` : sql``}`;
  const [rows, total] = await Promise.all([
    ctx.db.execute<{
      nominee_id: string;
      nominee_name: string;
      subject: 'individual' | 'collective';
      award_code: string;
      status: string;
      within_cap: number | null;
      rule_version: number;
      summary: string;
    }>(sql`
      select coalesce(x.person_id, x.org_id) as nominee_id, coalesce(p.full_name, o.name, '') as nominee_name,
             case when x.person_id is not null then 'individual' else 'collective' end as subject,
             x.award_code, x.status, x.within_cap, x.rule_version, x.summary
        from eligibility_run_results x
        left join people p on p.id = x.person_id
        left join organizations o on o.id = x.org_id
       where ${filter}
       order by x.award_code, case x.status when 'eligible' then 0 when 'missing_data' then 1 else 2 end,
                vi_sort_key(coalesce(p.full_name, o.name, '')), coalesce(x.person_id, x.org_id)
       limit ${pageSize} offset ${(page - 1) * pageSize}`),
    ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from eligibility_run_results x where ${filter}`,
    ),
  ]);
  return {
    ...run,
    results: {
      items: rows.rows.map((r) => ({
        nomineeId: r.nominee_id,
        nomineeName: r.nominee_name,
        subject: r.subject,
        awardCode: r.award_code,
        status: r.status,
        withinCap: r.within_cap === null ? null : r.within_cap === 1,
        ruleVersion: r.rule_version,
        summary: r.summary,
      })),
      total: Number(total.rows[0]?.n ?? 0),
      page,
      pageSize,
    },
  };
}
