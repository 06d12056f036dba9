/**
 * Demo history for the eligibility engine (deterministic, batch inserts): quality ratings
 * 2019–2025 for every demo staff member (mostly HTTNV, some HTXSNV, a few HTNV) and every unit,
 * LĐTT in most years up to 2024, chains of CSTĐCS for about 5 % of the staff (some 2022–2024, so
 * eligible for CSTĐ cấp tỉnh on the 2024 achievements), initiatives with authors (some already
 * used), a few research projects and disciplines, collective titles, and the awards of the unit
 * merged in 2025 (TTYT-ML → TTYT-MC) so that the merged unit keeps them through its lineage.
 *
 * In truongkhoa's khoa (BVDK-DB-NOI), two colleagues of `nhanvien` are set up for CSTĐCS 2025:
 * one eligible (HTXSNV in 2025, CSTĐCS 2022–2024 with a province-level initiative) and one not
 * eligible (HTTNV in 2025, no initiative or research that year).
 */
import { sql } from 'drizzle-orm';
import type { SeedStep } from '../seed';

const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];
const INITIATIVE_TOPICS = [
  'Cải tiến quy trình tiếp đón người bệnh',
  'Ứng dụng phần mềm nhắc lịch tái khám',
  'Giảm thời gian chờ xét nghiệm',
  'Chuẩn hóa bảng kiểm an toàn phẫu thuật',
  'Quản lý thuốc tủ trực bằng mã vạch',
  'Tư vấn dinh dưỡng cho người bệnh đái tháo đường',
  'Phòng ngừa té ngã cho người bệnh cao tuổi',
  'Sàng lọc sớm đột quỵ tại khoa Khám bệnh',
  'Nâng cao tỷ lệ tiêm chủng đầy đủ cho trẻ em',
  'Tiết kiệm vật tư tiêu hao trong điều dưỡng',
];

export const seedHistory: SeedStep = async (ctx, demo) => {
  const db = ctx.db;
  const rnd = demo.random;
  const userId = ctx.actor?.userId ?? null;

  // people in a deterministic order (organisations by code, staff as generated)
  const orgRows = [...demo.orgs.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const people: { id: string; orgId: string; orgKey: string; index: number }[] = [];
  const keyOf = new Map([...demo.orgs].map(([k, o]) => [o.id, k]));
  for (const o of orgRows) {
    for (const [index, id] of (demo.personIdsByOrg.get(o.id) ?? []).entries()) {
      people.push({ id, orgId: o.id, orgKey: keyOf.get(o.id)!, index });
    }
  }
  // awards the councils step (decision 01/QĐ-SYT for 2024) writes itself: don't duplicate them
  const decided = new Set<string>();
  const firstOf = (key: string, n: number) =>
    (demo.personIdsByOrg.get(demo.orgs.get(key)?.id ?? '') ?? []).slice(0, n);
  for (const id of firstOf('BVDK-DB-NOI', 3)) decided.add(`${id}:LDTT:2024`);
  for (const id of firstOf('BVDK-DB-HSCC', 2)) decided.add(`${id}:CSTDCS:2024`);
  for (const id of firstOf('KSBT-DB-TN', 2)) decided.add(`${id}:LDTT:2024`);
  if (demo.orgs.get('BVDK-DB-NOI')) decided.add(`${demo.orgs.get('BVDK-DB-NOI')!.id}:TTLDTT:2024`);

  // the two colleagues of nhanvien in truongkhoa's khoa
  const khoa = demo.orgs.get('BVDK-DB-NOI');
  const excluded = new Set([
    demo.accounts.get('nhanvien')?.personId,
    demo.accounts.get('truongkhoa')?.personId,
  ]);
  const colleagues = khoa
    ? (demo.personIdsByOrg.get(khoa.id) ?? []).slice(3).filter((id) => !excluded.has(id))
    : [];
  const eligibleColleague = colleagues[0];
  const ineligibleColleague = colleagues[1];

  const ratings: { personId: string; year: number; rating: string; orgId: string; note: string | null }[] =
    [];
  const awards: {
    personId: string | null;
    orgId: string | null;
    code: string;
    year: number;
    number: string;
    decidedOn: string;
    issuer: string;
    unitOrgId: string;
  }[] = [];
  const initiatives: {
    key: number;
    title: string;
    orgId: string;
    year: number;
    scope: string;
    recognisedOn: string;
    decision: string;
    used: { code: string; year: number; personId: string } | null;
  }[] = [];
  const authors: { key: number; personId: string; share: number }[] = [];
  const disciplines: { personId: string; form: string; from: string; to: string; decision: string }[] = [];
  const decisionNo = (year: number, issuer: 'unit' | 'so') =>
    `${rnd.int(1, 240)}/QĐ-${issuer === 'so' ? 'SYT' : 'TTYT'}`;
  const add = (a: (typeof awards)[number]) => {
    if (!decided.has(`${a.personId ?? a.orgId}:${a.code}:${a.year}`)) awards.push(a);
  };
  /** A deterministic UUID (v4 layout) from the demo PRNG. */
  const uuid = () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(rnd.next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${'89ab'[Math.floor(rnd.next() * 4)]}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  };
  let initiativeKey = 0;
  const initiativeIds: string[] = [];
  const addInitiative = (
    authorIds: string[],
    orgId: string,
    year: number,
    scope: string,
    used: { code: string; year: number; personId: string } | null,
  ) => {
    const key = initiativeKey++;
    initiativeIds.push(uuid());
    initiatives.push({
      key,
      title: `${rnd.pick(INITIATIVE_TOPICS)} (${year})`,
      orgId,
      year,
      scope,
      recognisedOn: `${year}-${String(rnd.int(9, 11)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`,
      decision: `${rnd.int(10, 300)}/QĐ-${scope === 'unit' ? 'HĐSK' : 'UBND'}`,
      used,
    });
    const shares = authorIds.length === 1 ? [100] : authorIds.length === 2 ? [60, 40] : [50, 30, 20];
    authorIds.forEach((personId, i) => authors.push({ key, personId, share: shares[i]! }));
  };

  for (const p of people) {
    const chain = p.id === eligibleColleague || (p.id !== ineligibleColleague && rnd.chance(0.05));
    const chainYears = chain
      ? rnd.chance(0.6) || p.id === eligibleColleague
        ? [2022, 2023, 2024]
        : [2023, 2024]
      : [];
    for (const year of YEARS) {
      let rating = rnd.weighted([
        ['HTTNV', 74],
        ['HTXSNV', 18],
        ['HTNV', 7],
        ['KHTNV', 1],
      ] as const) as string;
      if (chainYears.includes(year)) rating = 'HTXSNV';
      let note: string | null = null;
      if (p.id === eligibleColleague && year === 2025) {
        rating = 'HTXSNV';
        note = 'Dữ liệu mẫu: đủ điều kiện xét Chiến sĩ thi đua cơ sở năm 2025';
      }
      if (p.id === ineligibleColleague && year === 2025) {
        rating = 'HTTNV';
        note = 'Dữ liệu mẫu: chưa đủ điều kiện xét Chiến sĩ thi đua cơ sở năm 2025';
      }
      ratings.push({ personId: p.id, year, rating, orgId: p.orgId, note });
      if (
        year <= 2024 &&
        (rating === 'HTTNV' || rating === 'HTXSNV') &&
        (chainYears.includes(year) || rnd.chance(0.85))
      ) {
        add({
          personId: p.id,
          orgId: null,
          code: 'LDTT',
          year,
          number: decisionNo(year, 'unit'),
          decidedOn: `${year + 1}-01-${String(rnd.int(10, 25))}`,
          issuer: 'Giám đốc Bệnh viện/Trung tâm',
          unitOrgId: p.orgId,
        });
      }
    }
    for (const year of chainYears) {
      add({
        personId: p.id,
        orgId: null,
        code: 'CSTDCS',
        year,
        number: decisionNo(year, 'so'),
        decidedOn: `${year + 1}-01-${String(rnd.int(10, 25))}`,
        issuer: 'Giám đốc Sở Y tế',
        unitOrgId: p.orgId,
      });
    }
    // most chains carry a province-level initiative in 2023 (CSTĐ cấp tỉnh evidence)
    if (chainYears.length === 3 && (p.id === eligibleColleague || rnd.chance(0.7))) {
      addInitiative([p.id], p.orgId, 2023, 'province', null);
    }
    // grassroots initiatives of ordinary staff, some already used for a CSTĐCS
    if (!chain && p.id !== ineligibleColleague && rnd.chance(0.04)) {
      const year = rnd.pick([2022, 2023, 2024, 2025]);
      const coAuthors = (demo.personIdsByOrg.get(p.orgId) ?? [])
        .filter((x) => x !== p.id && x !== ineligibleColleague)
        .slice(0, rnd.int(0, 2));
      const used = year < 2025 && rnd.chance(0.4) ? { code: 'CSTDCS', year, personId: p.id } : null;
      if (used)
        add({
          personId: p.id,
          orgId: null,
          code: 'CSTDCS',
          year,
          number: decisionNo(year, 'so'),
          decidedOn: `${year + 1}-01-15`,
          issuer: 'Giám đốc Sở Y tế',
          unitOrgId: p.orgId,
        });
      addInitiative([p.id, ...coAuthors], p.orgId, year, 'unit', used);
    }
    if (rnd.chance(0.003) && p.id !== eligibleColleague) {
      disciplines.push({
        personId: p.id,
        form: 'khien_trach',
        from: '2023-03-01',
        to: '2024-02-29',
        decision: `${rnd.int(1, 99)}/QĐ-KL`,
      });
    }
  }

  // collectives: ratings for every unit, TTLĐTT most years, TTLĐXS for a few
  const orgRatings: { orgId: string; year: number; rating: string }[] = [];
  for (const o of orgRows) {
    for (const year of YEARS) {
      const rating = rnd.weighted([
        ['HTTNV', 60],
        ['HTXSNV', 37],
        ['HTNV', 3],
      ] as const) as string;
      orgRatings.push({ orgId: o.id, year, rating });
      if (year <= 2024 && o.depth >= 2 && rnd.chance(0.8)) {
        add({
          personId: null,
          orgId: o.id,
          code: rating === 'HTXSNV' && rnd.chance(0.4) ? 'TTLDXS' : 'TTLDTT',
          year,
          number: decisionNo(year, 'so'),
          decidedOn: `${year + 1}-01-20`,
          issuer: 'Giám đốc Sở Y tế',
          unitOrgId: o.id,
        });
      }
    }
  }
  // the unit merged in 2025 keeps a record the merged unit inherits through its lineage
  const merged = demo.orgs.get('TTYT-ML');
  if (merged) {
    for (const year of [2022, 2023, 2024]) {
      const r = orgRatings.find((x) => x.orgId === merged.id && x.year === year);
      if (r) r.rating = 'HTXSNV';
      add({
        personId: null,
        orgId: merged.id,
        code: 'TTLDXS',
        year,
        number: `${10 + year - 2022}/QĐ-SYT`,
        decidedOn: `${year + 1}-01-18`,
        issuer: 'Giám đốc Sở Y tế',
        unitOrgId: merged.id,
      });
    }
    add({
      personId: null,
      orgId: merged.id,
      code: 'BANG_KHEN_TINH',
      year: 2023,
      number: '215/QĐ-UBND',
      decidedOn: '2024-02-05',
      issuer: 'Chủ tịch Ủy ban nhân dân tỉnh Điện Biên',
      unitOrgId: merged.id,
    });
  }

  const col = <T>(rows: T[], f: (r: T) => unknown) => sql.param(rows.map((r) => f(r) ?? null));
  for (let i = 0; i < ratings.length; i += 10_000) {
    const c = ratings.slice(i, i + 10_000);
    await db.execute(sql`
      insert into ratings (person_id, year, rating, rated_by_org_id, note, regime, entered_by)
      select u.person_id, u.year, u.rating, u.org_id, u.note, 'NĐ 90/2020/NĐ-CP', ${userId}::uuid
        from unnest(${col(c, (r) => r.personId)}::uuid[], ${col(c, (r) => r.year)}::int[], ${col(c, (r) => r.rating)}::text[],
                    ${col(c, (r) => r.orgId)}::uuid[], ${col(c, (r) => r.note)}::text[]) as u(person_id, year, rating, org_id, note)`);
  }
  await db.execute(sql`
    insert into ratings (org_id, year, rating, entered_by)
    select u.org_id, u.year, u.rating, ${userId}::uuid
      from unnest(${col(orgRatings, (r) => r.orgId)}::uuid[], ${col(orgRatings, (r) => r.year)}::int[], ${col(orgRatings, (r) => r.rating)}::text[])
           as u(org_id, year, rating)`);
  for (let i = 0; i < awards.length; i += 10_000) {
    const c = awards.slice(i, i + 10_000);
    await db.execute(sql`
      insert into awards (person_id, org_id, award_code, year, decision_number, decided_on, issuer, source, kind, unit_org_id, created_by)
      select u.person_id, u.org_id, u.code, u.year, u.number, u.decided_on, u.issuer,
             case when u.issuer like 'Chủ tịch%' then 'external' else 'import' end, 'annual', u.unit_org_id, ${userId}::uuid
        from unnest(${col(c, (r) => r.personId)}::uuid[], ${col(c, (r) => r.orgId)}::uuid[], ${col(c, (r) => r.code)}::text[],
                    ${col(c, (r) => r.year)}::int[], ${col(c, (r) => r.number)}::text[], ${col(c, (r) => r.decidedOn)}::date[],
                    ${col(c, (r) => r.issuer)}::text[], ${col(c, (r) => r.unitOrgId)}::uuid[])
             as u(person_id, org_id, code, year, number, decided_on, issuer, unit_org_id)`);
  }
  if (initiatives.length > 0) {
    await db.execute(sql`
      insert into initiatives (id, title, org_id, year, scope, recognised_on, recognition_decision, used_by_award_code, used_for_year,
                               used_by_person_id, used_at, created_by)
      select u.id, u.title, u.org_id, u.year, u.scope, u.recognised_on, u.decision, u.used_code, u.used_year, u.used_person,
             case when u.used_code is null then null else now() end, ${userId}::uuid
        from unnest(${col(initiatives, (r) => initiativeIds[r.key])}::uuid[], ${col(initiatives, (r) => r.title)}::text[],
                    ${col(initiatives, (r) => r.orgId)}::uuid[], ${col(initiatives, (r) => r.year)}::int[],
                    ${col(initiatives, (r) => r.scope)}::text[], ${col(initiatives, (r) => r.recognisedOn)}::date[], ${col(initiatives, (r) => r.decision)}::text[],
                    ${col(initiatives, (r) => r.used?.code)}::text[], ${col(initiatives, (r) => r.used?.year)}::int[], ${col(initiatives, (r) => r.used?.personId)}::uuid[])
             as u(id, title, org_id, year, scope, recognised_on, decision, used_code, used_year, used_person)`);
    const idByKey = initiativeIds;
    await db.execute(sql`
      insert into initiative_authors (initiative_id, person_id, share)
      select u.initiative_id, u.person_id, u.share
        from unnest(${col(authors, (a) => idByKey[a.key])}::uuid[], ${col(authors, (a) => a.personId)}::uuid[], ${col(authors, (a) => a.share)}::numeric[])
             as u(initiative_id, person_id, share)
      on conflict do nothing`);
  }
  // a few accepted research projects of the general hospital
  const bv = demo.orgs.get('BVDK-DB');
  const lead = bv ? firstOf('BVDK-DB-KHNV', 2) : [];
  if (bv && lead.length > 0) {
    const r = await db.execute<{ id: string }>(sql`
      insert into research_projects (title, org_id, year, scope, accepted_on, acceptance_decision)
      values ('Đánh giá hiệu quả phác đồ điều trị viêm phổi cộng đồng tại Bệnh viện đa khoa tỉnh', ${bv.id}, 2024, 'province', '2024-11-28', '356/QĐ-SKHCN')
      returning id`);
    await db.execute(sql`
      insert into research_project_members (project_id, person_id, role)
      select ${r.rows[0]!.id}::uuid, u.person_id, case when u.ord = 1 then 'lead' else 'member' end
        from unnest(${sql.param(lead)}::uuid[]) with ordinality as u(person_id, ord)`);
  }
  if (disciplines.length > 0) {
    await db.execute(sql`
      insert into disciplines (person_id, form, from_date, to_date, decision, created_by)
      select u.person_id, u.form, u.from_date, u.to_date, u.decision, ${userId}::uuid
        from unnest(${col(disciplines, (d) => d.personId)}::uuid[], ${col(disciplines, (d) => d.form)}::text[], ${col(disciplines, (d) => d.from)}::date[],
                    ${col(disciplines, (d) => d.to)}::date[], ${col(disciplines, (d) => d.decision)}::text[])
             as u(person_id, form, from_date, to_date, decision)`);
  }
};
