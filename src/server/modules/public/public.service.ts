/**
 * Public pages (no login): the disclosure of a round's nominees during its public comment period,
 * and the honour board. Everything returned here is public by design — names, units, position
 * titles, awards, achievement summaries — and nothing else: no staff codes, CCCD numbers, birth
 * dates or ids of people. Achievement summaries are scrubbed of those values too.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { HonourBoardT } from '../../../contracts/public';
import { AWARD_CODES, AWARD_NAMES, isAwardCode } from '../../../domain/commendation/codes';
import { todayInVietnam } from '../../../domain/time/dates';
import type { Ctx } from '../../platform/context';
import { notFound } from '../../platform/http/errors';
import { withHashJoins } from '../register/register.repo';

export const ROUND_KIND_NAMES: Record<string, string> = {
  annual: 'Khen thưởng tổng kết năm',
  thematic: 'Khen thưởng theo chuyên đề',
  adhoc: 'Khen thưởng đột xuất',
  career: 'Khen thưởng quá trình cống hiến',
};

/** Proposals shown on the disclosure page: appraised by the TĐKT office, not yet rejected. */
export const DISCLOSED_STATES = ['appraised', 'in_council', 'approved', 'decided'] as const;

/** Mass titles left off the honour board (most of the staff receive them every year). */
export const HONOUR_BOARD_EXCLUDED = ['LDTT', 'TTLDTT'] as const;

const SUMMARY_MAX = 600;
const PERSONAL_LINE =
  /ngày sinh|năm sinh|sinh ngày|giới tính|cccd|căn cước|chứng minh|định danh|mã nhân sự|mã số|điện thoại|email|địa chỉ|quê quán/i;
const ACHIEVEMENTS_HEADING = /thành tích đạt được/i;

function awardName(code: string) {
  return isAwardCode(code) ? AWARD_NAMES[code] : code;
}

/** Renders a date the ways it can appear in a report: 1985-03-07, 07/03/1985, 7/3/1985, 07-03-1985. */
function dateForms(iso: string | null): string[] {
  if (!iso) return [];
  const [y, m, d] = iso.split('-');
  if (!y || !m || !d) return [iso];
  const dn = String(Number(d));
  const mn = String(Number(m));
  return [iso, `${d}/${m}/${y}`, `${dn}/${mn}/${y}`, `${d}-${m}-${y}`, `${d}.${m}.${y}`];
}

/**
 * A short public summary of an achievement report: lines about personal data are dropped, the
 * person's own identifiers and birth date are removed wherever they appear, and any other
 * 9–12-digit number (an identity card number) or full date of birth pattern is masked.
 */
export function publicSummary(
  report: string | null,
  personal: { staffCode: string | null; personalId: string | null; birthDate: string | null },
): string | null {
  if (!report) return null;
  const lines = report.normalize('NFC').split(/\r?\n/);
  // a generated report (báo cáo thành tích) starts with the CV: keep what follows "Thành tích đạt được"
  const start = lines.findIndex((line) => ACHIEVEMENTS_HEADING.test(line));
  let text = (start >= 0 ? lines.slice(start + 1) : lines)
    .filter((line) => !PERSONAL_LINE.test(line))
    .join(' ');
  const secrets = [personal.staffCode, personal.personalId, ...dateForms(personal.birthDate)].filter(
    (s): s is string => !!s && s.length >= 3,
  );
  for (const s of secrets) text = text.split(s).join('…');
  text = text
    .replace(/\b\d{9,12}\b/g, '…')
    .replace(/\s+/g, ' ')
    .trim();
  if (!text) return null;
  if (text.length <= SUMMARY_MAX) return text;
  const cut = text.slice(0, SUMMARY_MAX);
  const stop = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('; '));
  return `${stop > SUMMARY_MAX / 2 ? cut.slice(0, stop + 1) : cut.replace(/\s+\S*$/, '')} …`;
}

type RoundRow = {
  id: string;
  title: string;
  year: number;
  kind: string;
  org_name: string;
  public_comment_from: string | null;
  public_comment_until: string | null;
};

function presentRound(r: RoundRow) {
  return {
    id: r.id,
    title: r.title,
    organization: r.org_name,
    year: Number(r.year),
    kindName: ROUND_KIND_NAMES[r.kind] ?? r.kind,
    publicCommentFrom: r.public_comment_from,
    publicCommentUntil: r.public_comment_until,
  };
}

const ROUND_SELECT = sql`
  select r.id, r.title, r.year, r.kind, o.name as org_name, r.public_comment_from, r.public_comment_until
    from award_rounds r join organizations o on o.id = r.org_id`;

/** Rounds whose public comment period includes today (Vietnam time). */
export async function listOpenRounds(ctx: Ctx) {
  const today = todayInVietnam(ctx.now());
  const res = await ctx.db.execute<RoundRow>(sql`${ROUND_SELECT}
    where r.public_comment_from <= ${today} and r.public_comment_until >= ${today}
    order by r.public_comment_until, r.title limit 100`);
  return res.rows.map(presentRound);
}

export async function publicNominees(ctx: Ctx, roundId: string) {
  const res = await ctx.db.execute<RoundRow>(sql`${ROUND_SELECT} where r.id = ${roundId}`);
  const round = res.rows[0];
  if (!round) throw notFound();
  const today = todayInVietnam(ctx.now());
  const open =
    !!round.public_comment_from &&
    !!round.public_comment_until &&
    round.public_comment_from <= today &&
    today <= round.public_comment_until;
  if (!open) {
    const message = !round.public_comment_from
      ? 'Đợt khen thưởng này không công khai danh sách đề nghị.'
      : today < round.public_comment_from
        ? 'Chưa đến thời gian công khai lấy ý kiến.'
        : 'Đã hết thời gian công khai lấy ý kiến.';
    return { round: presentRound(round), open: false, message, nominees: [] };
  }
  const states = sql.join(
    DISCLOSED_STATES.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = await ctx.db.execute<{
    person_id: string | null;
    full_name: string | null;
    staff_code: string | null;
    personal_id: string | null;
    birth_date: string | null;
    position: string | null;
    person_unit: string | null;
    collective_name: string | null;
    collective_parent: string | null;
    award_code: string;
    achievement_report: string | null;
  }>(sql`
    select pr.person_id, p.full_name, p.staff_code::text as staff_code, p.personal_id, p.birth_date, p.position,
           pu.name as person_unit, co.name as collective_name, cp.name as collective_parent,
           pr.award_code, pr.achievement_report
      from proposals pr
      left join people p on p.id = pr.person_id
      left join organizations pu on pu.id = coalesce(p.current_org_id, pr.proposing_org_id)
      left join organizations co on co.id = pr.org_id
      left join organizations cp on cp.id = co.parent_id
     where pr.round_id = ${roundId} and pr.status in (${states})
     order by array_position(array[${sql.raw(AWARD_CODES.map((c) => `'${c}'`).join(','))}]::text[], pr.award_code) desc,
              coalesce(p.name_sort, vi_sort_key(co.name)) collate "C"`);
  return {
    round: presentRound(round),
    open: true,
    message: null,
    nominees: rows.rows.map((r) => ({
      subject: r.person_id ? ('individual' as const) : ('collective' as const),
      name: (r.person_id ? r.full_name : r.collective_name) ?? '',
      unit: r.person_id ? r.person_unit : r.collective_parent,
      positionTitle: r.person_id ? r.position : null,
      awardName: awardName(r.award_code),
      achievementSummary: publicSummary(r.achievement_report, {
        staffCode: r.staff_code,
        personalId: r.personal_id,
        birthDate: r.birth_date,
      }),
    })),
  };
}

/** Organisations a visitor can pick on the honour board: the Sở and its units (two levels). */
export async function publicOrganizations(ctx: Ctx) {
  const res = await ctx.db.execute<{ id: string; name: string; depth: number }>(sql`
    select id, name, depth from organizations where status = 'active' and depth <= 1
     order by depth, vi_sort_key(name) collate "C" limit 500`);
  return res.rows.map((r) => ({ id: r.id, name: r.name, level: Number(r.depth) }));
}

export async function honourBoard(ctx: Ctx, q: { org?: string; year?: number }): Promise<HonourBoardT> {
  let organization: { id: string; name: string } | null = null;
  let awardScope: SQL = sql`true`;
  let storyScope: SQL = sql`true`;
  if (q.org) {
    const res = await ctx.db.execute<{ id: string; name: string; path: string }>(
      sql`select id, name, path from organizations where id = ${q.org}`,
    );
    const org = res.rows[0];
    if (!org) throw notFound();
    organization = { id: org.id, name: org.name };
    awardScope = sql`u.path like ${`${org.path}%`}`;
    storyScope = sql`o.path like ${`${org.path}%`}`;
  }
  const excluded = sql.join(
    HONOUR_BOARD_EXCLUDED.map((c) => sql`${c}`),
    sql`, `,
  );
  const awardFrom = sql`
    from awards a
    left join people p on p.id = a.person_id
    left join organizations so on so.id = a.org_id
    left join organizations sp on sp.id = so.parent_id
    left join organizations u on u.id = coalesce(a.org_id, a.unit_org_id, p.current_org_id)
   where a.revoked_at is null and a.award_code not in (${excluded}) and ${awardScope}`;
  const storyFrom = sql`from exemplars e join organizations o on o.id = e.org_id where e.published and ${storyScope}`;
  return withHashJoins(ctx.db, async (db) => {
    const yearsRes = await db.execute<{ year: number }>(sql`
    select year from (select distinct a.year ${awardFrom} union select distinct e.year ${storyFrom}) y
     order by year desc limit 30`);
    const years = yearsRes.rows.map((r) => Number(r.year));
    const year = q.year ?? years[0] ?? null;
    if (year === null) return { organization, year, years, awardees: [], stories: [] };

    const awardees = await db.execute<{
      person_id: string | null;
      full_name: string | null;
      position: string | null;
      unit_name: string | null;
      collective_name: string | null;
      collective_parent: string | null;
      award_code: string;
      decision_number: string | null;
      decided_on: string | null;
    }>(sql`
      select a.person_id, p.full_name, p.position, u.name as unit_name, so.name as collective_name,
             sp.name as collective_parent, a.award_code, a.decision_number, a.decided_on
        ${awardFrom} and a.year = ${year}
       order by array_position(array[${sql.raw(AWARD_CODES.map((c) => `'${c}'`).join(','))}]::text[], a.award_code) desc,
                coalesce(p.name_sort, vi_sort_key(so.name)) collate "C"
       limit 500`);
    const stories = await db.execute<{
      title: string;
      story: string;
      person_id: string | null;
      full_name: string | null;
      position: string | null;
      unit_name: string | null;
      subject_org_name: string | null;
      subject_parent: string | null;
      year: number;
    }>(sql`
      select e.title, e.story, e.person_id, p.full_name, p.position, pu.name as unit_name,
             so.name as subject_org_name, sp.name as subject_parent, e.year
        from exemplars e
        join organizations o on o.id = e.org_id
        left join people p on p.id = e.person_id
        left join organizations pu on pu.id = p.current_org_id
        left join organizations so on so.id = e.subject_org_id
        left join organizations sp on sp.id = so.parent_id
       where e.published and ${storyScope} and e.year = ${year}
       order by e.published_at desc nulls last, e.title
       limit 100`);
    return {
      organization,
      year,
      years,
      awardees: awardees.rows.map((r) => ({
        subject: r.person_id ? ('individual' as const) : ('collective' as const),
        name: (r.person_id ? r.full_name : r.collective_name) ?? '',
        unit: r.person_id ? r.unit_name : r.collective_parent,
        positionTitle: r.person_id ? r.position : null,
        awardName: awardName(r.award_code),
        decisionNumber: r.decision_number,
        decidedOn: r.decided_on,
      })),
      stories: stories.rows.map((r) => ({
        title: r.title,
        story: r.story,
        subject: r.person_id ? ('individual' as const) : ('collective' as const),
        name: (r.person_id ? r.full_name : r.subject_org_name) ?? '',
        unit: r.person_id ? r.unit_name : r.subject_parent,
        positionTitle: r.person_id ? r.position : null,
        year: Number(r.year),
      })),
    };
  });
}
