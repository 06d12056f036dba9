/**
 * Loads nominee histories (the input of the pure eligibility engine) from the database, in bulk.
 *
 * - A person's history is theirs regardless of the unit they belong to: ratings, awards (not
 *   revoked), initiatives they co-authored, research projects they took part in, disciplines.
 * - A collective's history is merged across its lineage family (itself and every predecessor,
 *   through merge/split edges), so a merged unit keeps its predecessors' titles; member summaries
 *   are computed per organisation of the family and year over memberships in its subtree.
 *
 * Nothing is persisted here.
 */
import { sql } from 'drizzle-orm';
import {
  type AwardCode,
  type AwardRecord,
  type BlockLeadership,
  DISCIPLINE_FORMS,
  type DisciplineForm,
  type DisciplineRecord,
  type InitiativeRecord,
  type InitiativeScope,
  isAwardCode,
  isRating,
  type MemberSummary,
  mergeLineageHistories,
  type NomineeHistory,
  type Rating,
  type RatingRecord,
  type ResearchProjectRecord,
} from '../../../domain/commendation';
import type { Queryable } from '../../db/client';
import { blockLeadershipOf } from '../emulation-groups/emulation-groups.service';

/** How many years of member summaries a collective's history carries (before the evaluated year). */
export const MEMBER_YEARS_BACK = 12;

const WARNING_OR_ABOVE = DISCIPLINE_FORMS.slice(DISCIPLINE_FORMS.indexOf('canh_cao'));

function emptyHistory(subject: 'individual' | 'collective', id: string, displayName: string): NomineeHistory {
  return {
    subject,
    id,
    displayName,
    ratings: [],
    awards: [],
    initiatives: [],
    researchProjects: [],
    disciplines: [],
    ...(subject === 'collective' ? { members: [], emulationBlockLeadership: [] } : {}),
  };
}

type Mutable = {
  ratings: RatingRecord[];
  awards: AwardRecord[];
  initiatives: InitiativeRecord[];
  researchProjects: ResearchProjectRecord[];
  disciplines: DisciplineRecord[];
  members?: MemberSummary[];
  emulationBlockLeadership?: BlockLeadership[];
};

function mutable(h: NomineeHistory): Mutable {
  return h as unknown as Mutable;
}

function usedBy(code: string | null, year: number | null) {
  return code && isAwardCode(code) && year !== null ? { code, year } : undefined;
}

const isScope = (s: string): s is InitiativeScope => s === 'unit' || s === 'province' || s === 'national';

/** Histories of people (id → history); ids that do not exist are absent from the map. */
export async function loadPersonHistories(
  db: Queryable,
  personIds: readonly string[],
): Promise<Map<string, NomineeHistory>> {
  const out = new Map<string, NomineeHistory>();
  if (personIds.length === 0) return out;
  const ids = sql.param([...new Set(personIds)]);
  const people = await db.execute<{ id: string; full_name: string }>(
    sql`select id, full_name from people where id = any(${ids}::uuid[])`,
  );
  for (const p of people.rows) out.set(p.id, emptyHistory('individual', p.id, p.full_name));
  if (out.size === 0) return out;

  const [ratings, awards, initiatives, research, disciplines] = await Promise.all([
    db.execute<{ person_id: string; year: number; rating: string; rated_by_org_id: string | null }>(
      sql`select person_id, year, rating, rated_by_org_id from ratings
           where person_id = any(${ids}::uuid[]) order by year`,
    ),
    db.execute<{
      person_id: string;
      award_code: string;
      year: number;
      decision_number: string | null;
      decided_on: string | null;
      unit_org_id: string | null;
    }>(
      sql`select person_id, award_code, year, decision_number, decided_on, unit_org_id from awards
           where person_id = any(${ids}::uuid[]) and revoked_at is null order by year, award_code`,
    ),
    db.execute<{
      person_id: string;
      id: string;
      title: string;
      year: number;
      scope: string;
      recognised_on: string;
      used_by_award_code: string | null;
      used_for_year: number | null;
    }>(
      sql`select a.person_id, i.id, i.title, i.year, i.scope, i.recognised_on, i.used_by_award_code, i.used_for_year
            from initiative_authors a join initiatives i on i.id = a.initiative_id
           where a.person_id = any(${ids}::uuid[]) order by i.year, i.id`,
    ),
    db.execute<{
      person_id: string;
      id: string;
      title: string;
      year: number;
      scope: string;
      accepted_on: string;
      used_by_award_code: string | null;
      used_for_year: number | null;
    }>(
      sql`select m.person_id, p.id, p.title, p.year, p.scope, p.accepted_on, p.used_by_award_code, p.used_for_year
            from research_project_members m join research_projects p on p.id = m.project_id
           where m.person_id = any(${ids}::uuid[]) order by p.year, p.id`,
    ),
    db.execute<{
      person_id: string;
      form: string;
      from_date: string;
      to_date: string | null;
      decision: string | null;
    }>(
      sql`select person_id, form, from_date, to_date, decision from disciplines
           where person_id = any(${ids}::uuid[]) order by from_date`,
    ),
  ]);
  for (const r of ratings.rows) {
    const h = out.get(r.person_id);
    if (!h || !isRating(r.rating)) continue;
    mutable(h).ratings.push({
      year: r.year,
      rating: r.rating,
      ...(r.rated_by_org_id ? { orgId: r.rated_by_org_id } : {}),
    });
  }
  for (const a of awards.rows) {
    const h = out.get(a.person_id);
    if (!h || !isAwardCode(a.award_code)) continue;
    mutable(h).awards.push(awardRecord(a));
  }
  for (const i of initiatives.rows) {
    const h = out.get(i.person_id);
    if (!h || !isScope(i.scope)) continue;
    const u = usedBy(i.used_by_award_code, i.used_for_year);
    mutable(h).initiatives.push({
      id: i.id,
      title: i.title,
      year: i.year,
      scope: i.scope,
      recognisedOn: i.recognised_on,
      ...(u ? { usedBy: u } : {}),
    });
  }
  for (const p of research.rows) {
    const h = out.get(p.person_id);
    if (!h || !isScope(p.scope)) continue;
    const u = usedBy(p.used_by_award_code, p.used_for_year);
    mutable(h).researchProjects.push({
      id: p.id,
      title: p.title,
      year: p.year,
      scope: p.scope,
      acceptedOn: p.accepted_on,
      ...(u ? { usedBy: u } : {}),
    });
  }
  for (const d of disciplines.rows) {
    const h = out.get(d.person_id);
    if (!h || !(DISCIPLINE_FORMS as readonly string[]).includes(d.form)) continue;
    mutable(h).disciplines.push({
      form: d.form as DisciplineForm,
      from: d.from_date,
      to: d.to_date,
      ...(d.decision ? { decisionNumber: d.decision } : {}),
    });
  }
  return out;
}

function awardRecord(a: {
  award_code: string;
  year: number;
  decision_number: string | null;
  decided_on: string | null;
  unit_org_id?: string | null;
  org_id?: string | null;
}): AwardRecord {
  const orgId = a.org_id ?? a.unit_org_id ?? null;
  return {
    code: a.award_code as AwardCode,
    year: a.year,
    ...(a.decision_number ? { decisionNumber: a.decision_number } : {}),
    ...(a.decided_on ? { decidedOn: a.decided_on } : {}),
    ...(orgId ? { orgId } : {}),
  };
}

/** The lineage family of an organisation: itself and every predecessor (transitively). */
export async function lineageFamilyIds(db: Queryable, orgId: string): Promise<string[]> {
  const res = await db.execute<{ id: string }>(sql`
    with recursive fam(id, depth) as (
      select ${orgId}::uuid, 0
      union
      select l.predecessor_id, f.depth + 1 from org_lineage l join fam f on l.successor_id = f.id
       where f.depth < 50
    )
    select distinct id from fam`);
  const ids = res.rows.map((r) => r.id);
  return [orgId, ...ids.filter((id) => id !== orgId).sort()];
}

/**
 * Per-organisation (not merged) histories of collectives, with member summaries for the years
 * `fromYear`..`toYear` (members = people with a membership in the organisation's subtree that
 * overlaps the year).
 */
export async function loadOrgHistories(
  db: Queryable,
  orgIds: readonly string[],
  fromYear: number,
  toYear: number,
): Promise<Map<string, NomineeHistory>> {
  const out = new Map<string, NomineeHistory>();
  if (orgIds.length === 0) return out;
  const ids = sql.param([...new Set(orgIds)]);
  const orgs = await db.execute<{ id: string; name: string }>(
    sql`select id, name from organizations where id = any(${ids}::uuid[])`,
  );
  for (const o of orgs.rows) out.set(o.id, emptyHistory('collective', o.id, o.name));
  if (out.size === 0) return out;
  const forms = sql.param([...WARNING_OR_ABOVE]);
  const [ratings, awards, members] = await Promise.all([
    db.execute<{ org_id: string; year: number; rating: string }>(
      sql`select org_id, year, rating from ratings where org_id = any(${ids}::uuid[]) order by year`,
    ),
    db.execute<{
      org_id: string;
      award_code: string;
      year: number;
      decision_number: string | null;
      decided_on: string | null;
    }>(
      sql`select org_id, award_code, year, decision_number, decided_on from awards
           where org_id = any(${ids}::uuid[]) and revoked_at is null order by year, award_code`,
    ),
    db.execute<{
      org_id: string;
      year: number;
      total: number;
      htxsnv: number;
      httnv: number;
      htnv: number;
      khtnv: number;
      disciplined: number;
      titles: Record<string, number> | null;
    }>(sql`
      with fam as (select id, path from organizations where id = any(${ids}::uuid[])),
      mem as (
        select distinct f.id as org_id, m.person_id, y.year::int as year
          from fam f
          join organizations o on o.path like f.path || '%'
          join memberships m on m.org_id = o.id
          cross join lateral generate_series(
            greatest(extract(year from m.from_date)::int, ${fromYear}::int),
            least(coalesce(extract(year from m.to_date)::int, ${toYear}::int), ${toYear}::int)) as y(year)
      ),
      rated as (
        select mem.org_id, mem.year, mem.person_id, r.rating
          from mem left join ratings r on r.person_id = mem.person_id and r.year = mem.year
      ),
      titles as (
        select t.org_id, t.year, jsonb_object_agg(t.award_code, t.n) as titles
          from (select mem.org_id, mem.year, a.award_code, count(distinct a.person_id)::int as n
                  from mem join awards a on a.person_id = mem.person_id and a.year = mem.year
                                        and a.revoked_at is null
                 group by mem.org_id, mem.year, a.award_code) t
         group by t.org_id, t.year
      ),
      disc as (
        select mem.org_id, mem.year, count(distinct mem.person_id)::int as n
          from mem join disciplines d on d.person_id = mem.person_id
         where d.form = any(${forms}::text[])
           and d.from_date <= make_date(mem.year, 12, 31)
           and (d.to_date is null or d.to_date >= make_date(mem.year, 1, 1))
         group by mem.org_id, mem.year
      )
      select r.org_id, r.year, count(*)::int as total,
             count(*) filter (where r.rating = 'HTXSNV')::int as htxsnv,
             count(*) filter (where r.rating = 'HTTNV')::int as httnv,
             count(*) filter (where r.rating = 'HTNV')::int as htnv,
             count(*) filter (where r.rating = 'KHTNV')::int as khtnv,
             coalesce(max(d.n), 0)::int as disciplined,
             max(t.titles::text)::jsonb as titles
        from rated r
        left join titles t on t.org_id = r.org_id and t.year = r.year
        left join disc d on d.org_id = r.org_id and d.year = r.year
       group by r.org_id, r.year
       order by r.org_id, r.year`),
  ]);
  for (const r of ratings.rows) {
    const h = out.get(r.org_id);
    if (!h || !isRating(r.rating)) continue;
    mutable(h).ratings.push({ year: r.year, rating: r.rating, orgId: r.org_id });
  }
  for (const a of awards.rows) {
    const h = out.get(a.org_id);
    if (!h || !isAwardCode(a.award_code)) continue;
    mutable(h).awards.push(awardRecord(a));
  }
  for (const m of members.rows) {
    const h = out.get(m.org_id);
    if (!h) continue;
    const ratingCounts: Partial<Record<Rating, number>> = {};
    if (m.htxsnv) ratingCounts.HTXSNV = m.htxsnv;
    if (m.httnv) ratingCounts.HTTNV = m.httnv;
    if (m.htnv) ratingCounts.HTNV = m.htnv;
    if (m.khtnv) ratingCounts.KHTNV = m.khtnv;
    const titleCounts: Partial<Record<AwardCode, number>> = {};
    for (const [code, n] of Object.entries(m.titles ?? {})) if (isAwardCode(code)) titleCounts[code] = n;
    mutable(h).members!.push({
      year: m.year,
      orgId: m.org_id,
      total: m.total,
      ratingCounts,
      titleCounts,
      disciplinedAtLeastWarning: m.disciplined,
    });
  }
  // leading a khối/cụm thi đua (scored in the emulation-groups module) — Cờ thi đua needs it
  const leadership = await blockLeadershipOf(db, [...out.keys()], fromYear, toYear);
  for (const [orgId, list] of leadership) {
    const h = out.get(orgId);
    if (h) mutable(h).emulationBlockLeadership = list;
  }
  return out;
}

/**
 * The history of a collective merged across its lineage family, under the organisation's own
 * identity. Undefined when the organisation does not exist.
 */
export async function loadCollectiveHistory(
  db: Queryable,
  orgId: string,
  year: number,
): Promise<NomineeHistory | undefined> {
  const family = await lineageFamilyIds(db, orgId);
  const histories = await loadOrgHistories(db, family, year - MEMBER_YEARS_BACK, year);
  const own = histories.get(orgId);
  if (!own) return undefined;
  return mergeLineageHistories([...histories.values()], { id: own.id, displayName: own.displayName });
}

/** Merged histories of many collectives at once (one query per table for all their lineage families). */
export async function loadCollectiveHistories(
  db: Queryable,
  orgIds: readonly string[],
  year: number,
): Promise<Map<string, NomineeHistory>> {
  const out = new Map<string, NomineeHistory>();
  if (orgIds.length === 0) return out;
  const fam = await db.execute<{ root: string; id: string }>(sql`
    with recursive fam(root, id, depth) as (
      select id, id, 0 from organizations where id = any(${sql.param([...new Set(orgIds)])}::uuid[])
      union
      select f.root, l.predecessor_id, f.depth + 1 from org_lineage l join fam f on l.successor_id = f.id
       where f.depth < 50
    )
    select distinct root, id from fam order by root, id`);
  const families = new Map<string, string[]>();
  for (const r of fam.rows) families.set(r.root, [...(families.get(r.root) ?? []), r.id]);
  const histories = await loadOrgHistories(
    db,
    fam.rows.map((r) => r.id),
    year - MEMBER_YEARS_BACK,
    year,
  );
  for (const [root, ids] of families) {
    const own = histories.get(root);
    if (!own) continue;
    const parts = ids.map((id) => histories.get(id)).filter((h): h is NomineeHistory => !!h);
    out.set(root, mergeLineageHistories(parts, { id: own.id, displayName: own.displayName }));
  }
  return out;
}
