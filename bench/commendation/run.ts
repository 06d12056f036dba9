/**
 * Benchmark: eligibility of every title and form for 50,000 people with 10 years of history, and
 * the decision DOCX (and PDF) with 500 awardees.
 *
 *   npm run bench:commendation                     # both engines (PostgreSQL 15 started by the bench)
 *   npm run bench:commendation -- --mode embedded  # PGlite only
 *   options: --people 50000 --years 10 --batch 2000 --repeat 2 --out bench/results
 *
 * For each engine: a fresh database (migrations), a Sở with 50 units × 4 khoa, N people with
 * memberships, generated IN SQL (deterministic: hashtext of the staff code and year) so the
 * dataset is quick on both engines: 10 years of ratings per person and per collective, the awards
 * that follow from them (LĐTT, CSTĐCS, Giấy khen, Bằng khen, TTLĐTT/TTLĐXS), initiatives with an
 * author, research projects with members, a few disciplines.
 *
 * Measured:
 *  - eligibility: the production path of a batch run — `loadPersonHistories` (history.loader, the
 *    loader behind evaluateSubject and the batch runs) in batches of --batch people, then the pure
 *    `evaluateNominee` for every individual title and form of the rule set in force, for the
 *    last history year (its rating and awards are in the history); all N people, sequentially, --repeat times (best and median);
 *  - floor: ONE aggregate scan, per person, of the same history tables the loader reads (ratings,
 *    awards, initiative authors × initiatives, research members × projects, disciplines), in the
 *    same run on the same connection pool, median of 3 after one warm-up. Ratio = eligibility / floor;
 *  - decision documents: `buildDecisionDocument` with 500 awardees rendered by `renderOfficialDocx`
 *    (and `renderOfficialPdf`), median of 5 after one warm-up (no database).
 * Writes bench/results/<date>-commendation.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { AWARD_CODES, evaluateNominee } from '../../src/domain/commendation';
import { type Config, loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/open';
import { renderOfficialDocx } from '../../src/server/documents/docx/official';
import { renderOfficialPdf } from '../../src/server/documents/pdf/official';
import { buildDecisionDocument } from '../../src/server/modules/decisions/decisions.documents';
import { loadPersonHistories } from '../../src/server/modules/eligibility/history.loader';
import { insertOrg, type OrgRow } from '../../src/server/modules/organizations/organizations.repo';
import { activeRuleSet } from '../../src/server/modules/rules/rulesets.repo';
import { PostgresUnavailableError, startPostgres } from '../postgres';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const MODE = opt('mode', 'both') as 'embedded' | 'server' | 'both';
const PEOPLE = Number(opt('people', '50000'));
const YEARS = Number(opt('years', '10'));
const BATCH = Number(opt('batch', '2000'));
const REPEAT = Number(opt('repeat', '2'));
const OUT = opt('out', 'bench/results');
const LAST_YEAR = 2024;
const FIRST_YEAR = LAST_YEAR - YEARS + 1;
const EVAL_YEAR = LAST_YEAR;
const UNITS = 50;
const KHOA_PER_UNIT = 4;

const r2 = (x: number) => Math.round(x * 100) / 100;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
};
const log = (...a: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...a);

type Database = Awaited<ReturnType<typeof openDatabase>>['database'];

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Lò', 'Quàng', 'Lường'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Ngọc', 'Hữu', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Hà',
  'Hạnh',
  'Hùng',
  'Lan',
  'Linh',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Thảo',
  'Tuấn',
  'Yến',
];
/** An integer literal in SQL (parameters would leave generate_series and friends untyped). */
const n = (x: number) => sql.raw(String(Math.trunc(x)));
const arr = (xs: string[]) => sql.raw(`array[${xs.map((x) => `'${x}'`).join(',')}]`);

/** The dataset, generated inside the database. Returns the row counts. */
async function generate(db: Database['db']) {
  const t0 = performance.now();
  const so = await insertOrg(
    db,
    null,
    {
      type: 'department_of_health',
      code: 'SYT-BC',
      name: 'Sở Y tế tỉnh Thử nghiệm',
      shortName: 'SYT',
      validFrom: '2010-01-01',
    },
    null,
  );
  const orgs: OrgRow[] = [];
  for (let u = 1; u <= UNITS; u++) {
    const unit = await insertOrg(
      db,
      so,
      {
        type: 'medical_center',
        code: `TTYT-BC-${u}`,
        name: `Trung tâm Y tế khu vực số ${u}`,
        shortName: 'TTYT',
        validFrom: '2010-01-01',
      },
      null,
    );
    orgs.push(unit);
    for (let k = 1; k <= KHOA_PER_UNIT; k++) {
      orgs.push(
        await insertOrg(
          db,
          unit,
          {
            type: 'clinical_department',
            code: `KHOA-BC-${u}-${k}`,
            name: `Khoa ${k} – TTYT số ${u}`,
            shortName: 'K',
            validFrom: '2010-01-01',
          },
          null,
        ),
      );
    }
  }
  const khoa = orgs.filter((o) => o.depth === 2).map((o) => o.id);
  const khoaArr = sql.raw(`array[${khoa.map((id) => `'${id}'::uuid`).join(',')}]`);
  const h = (expr: string) => sql.raw(`(abs(hashtext(${expr})) % 1000)`);

  await db.execute(sql`
    insert into people (staff_code, full_name, current_org_id, birth_date, gender)
    select 'BC' || lpad(i::text, 6, '0'),
           (${arr(FAMILY)})[1 + i % ${n(FAMILY.length)}] || ' ' || (${arr(MIDDLE)})[1 + (i / 7) % ${n(MIDDLE.length)}] || ' ' || (${arr(GIVEN)})[1 + (i / 3) % ${n(GIVEN.length)}],
           (${khoaArr})[1 + i % ${n(khoa.length)}], date '1965-01-01' + (i % 12000), case when i % 3 = 0 then 'male' else 'female' end
      from generate_series(1, ${n(PEOPLE)}) i`);
  await db.execute(sql`insert into memberships (person_id, org_id, from_date)
    select id, current_org_id, '2010-01-01' from people where staff_code like 'BC%'`);
  // ratings: 12% HTXSNV, 68% HTTNV, 17% HTNV, 3% KHTNV per person-year
  await db.execute(sql`
    insert into ratings (person_id, year, rating, rated_by_org_id)
    select p.id, y, case when x.h < 120 then 'HTXSNV' when x.h < 800 then 'HTTNV' when x.h < 970 then 'HTNV' else 'KHTNV' end, p.current_org_id
      from people p cross join generate_series(${n(FIRST_YEAR)}, ${n(LAST_YEAR)}) y
      cross join lateral (select ${h(`p.staff_code || ':' || y`)} as h) x
     where p.staff_code like 'BC%'`);
  // awards following the ratings: LĐTT for HTTNV+, CSTĐCS for 2/3 of HTXSNV, Giấy khen, Bằng khen
  await db.execute(sql`
    insert into awards (person_id, award_code, year, unit_org_id, source, decision_number, decided_on, issuer)
    select r.person_id, 'LDTT', r.year, r.rated_by_org_id, 'import', r.year || '/QĐ-TTYT', make_date(r.year, 12, 20), 'Giám đốc Trung tâm Y tế'
      from ratings r join people p on p.id = r.person_id
     where p.staff_code like 'BC%' and r.rating in ('HTXSNV', 'HTTNV')`);
  await db.execute(sql`
    insert into awards (person_id, award_code, year, unit_org_id, source, decision_number, decided_on, issuer)
    select r.person_id, 'CSTDCS', r.year, r.rated_by_org_id, 'import', r.year || '/QĐ-SYT', make_date(r.year, 12, 25), 'Giám đốc Sở Y tế'
      from ratings r join people p on p.id = r.person_id
     where p.staff_code like 'BC%' and r.rating = 'HTXSNV' and ${h(`p.staff_code || ':c:' || r.year`)} < 660`);
  await db.execute(sql`
    insert into awards (person_id, award_code, year, unit_org_id, source)
    select r.person_id, case when ${h(`p.staff_code || ':b:' || r.year`)} < 60 then 'BANG_KHEN_TINH' else 'GIAY_KHEN' end, r.year, r.rated_by_org_id, 'import'
      from ratings r join people p on p.id = r.person_id
     where p.staff_code like 'BC%' and r.rating in ('HTXSNV', 'HTTNV') and ${h(`p.staff_code || ':g:' || r.year`)} < 50`);
  // initiatives: one per ~8 HTXSNV person-years, unit or province scope, single author
  await db.execute(sql`
    insert into initiatives (id, title, org_id, year, scope, recognised_on)
    select md5(r.person_id::text || r.year)::uuid, 'Sáng kiến ' || p.staff_code || ' năm ' || r.year, r.rated_by_org_id, r.year,
           case when ${h(`p.staff_code || ':s:' || r.year`)} < 100 then 'province' else 'unit' end, make_date(r.year, 11, 30)
      from ratings r join people p on p.id = r.person_id
     where p.staff_code like 'BC%' and r.rating = 'HTXSNV' and ${h(`p.staff_code || ':i:' || r.year`)} < 800`);
  await db.execute(sql`
    insert into initiative_authors (initiative_id, person_id, share)
    select md5(r.person_id::text || r.year)::uuid, r.person_id, 100
      from ratings r join people p on p.id = r.person_id
     where p.staff_code like 'BC%' and r.rating = 'HTXSNV' and ${h(`p.staff_code || ':i:' || r.year`)} < 800`);
  // research projects: 1% of people, accepted in a year of the window
  await db.execute(sql`
    insert into research_projects (id, title, org_id, year, scope, accepted_on)
    select md5('rp' || p.id::text)::uuid, 'Đề tài ' || p.staff_code, p.current_org_id, ${n(FIRST_YEAR)} + (${h('p.staff_code')} % ${n(YEARS)}), 'province',
           make_date(${n(FIRST_YEAR)} + (${h('p.staff_code')} % ${n(YEARS)}), 10, 1)
      from people p where p.staff_code like 'BC%' and ${h(`p.staff_code || ':r'`)} < 10`);
  await db.execute(sql`
    insert into research_project_members (project_id, person_id, role)
    select md5('rp' || p.id::text)::uuid, p.id, 'lead' from people p where p.staff_code like 'BC%' and ${h(`p.staff_code || ':r'`)} < 10`);
  // disciplines: 0.5% of people, one year inside the window
  await db.execute(sql`
    insert into disciplines (person_id, form, from_date, to_date)
    select p.id, 'khien_trach', make_date(${n(LAST_YEAR - 2)}, 3, 1), make_date(${n(LAST_YEAR - 1)}, 2, 28)
      from people p where p.staff_code like 'BC%' and ${h(`p.staff_code || ':d'`)} < 5`);
  // collectives: ratings and TTLĐTT / TTLĐXS for every unit and khoa
  const orgIdArr = sql.raw(`array[${orgs.map((o) => `'${o.id}'::uuid`).join(',')}]`);
  await db.execute(sql`
    insert into ratings (org_id, year, rating)
    select o, y, case when ${h(`o::text || y`)} < 300 then 'HTXSNV' else 'HTTNV' end
      from unnest(${orgIdArr}) o cross join generate_series(${n(FIRST_YEAR)}, ${n(LAST_YEAR)}) y`);
  await db.execute(sql`
    insert into awards (org_id, award_code, year, source)
    select r.org_id, case when r.rating = 'HTXSNV' then 'TTLDXS' else 'TTLDTT' end, r.year, 'import'
      from ratings r where r.org_id = any(${orgIdArr})`);
  await db.execute(sql`analyze`);
  const counts = await db.execute<Record<string, number>>(sql`
    select (select count(*) from people where staff_code like 'BC%')::int as people,
           (select count(*) from ratings)::int as ratings,
           (select count(*) from awards)::int as awards,
           (select count(*) from initiatives)::int as initiatives,
           (select count(*) from research_projects)::int as research_projects,
           (select count(*) from disciplines)::int as disciplines,
           (select count(*) from organizations)::int as organizations`);
  return { seconds: r2((performance.now() - t0) / 1000), counts: counts.rows[0]! };
}

/** One aggregate scan of the history tables the loader reads, per person (the floor). */
const FLOOR_SQL = sql`
  select count(*)::int as people, sum(n)::bigint as facts from (
    select person_id, count(*) filter (where rating in ('HTXSNV', 'HTTNV')) + count(*) as n
      from ratings where person_id is not null group by person_id
    union all
    select person_id, count(*) + max(year) - min(year) from awards
     where person_id is not null and revoked_at is null group by person_id
    union all
    select a.person_id, count(*) + count(i.used_by_award_code) from initiative_authors a join initiatives i on i.id = a.initiative_id group by a.person_id
    union all
    select m.person_id, count(*) from research_project_members m join research_projects p on p.id = m.project_id group by m.person_id
    union all
    select person_id, count(*) from disciplines group by person_id
  ) t`;

async function runEngine(engine: 'embedded' | 'server') {
  const pg = engine === 'server' ? await startPostgres() : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-commendation-'));
  const config: Config = { ...loadConfig({}), databaseUrl: pg?.url ?? null, dataDir, demo: false };
  const opened = await openDatabase(config);
  try {
    const { db, pool } = opened.database;
    const version = (await pool.query<{ v: string }>('select version() as v')).rows[0]!.v;
    log(engine, 'generating', PEOPLE, 'people ×', YEARS, 'years');
    const dataset = await generate(db);
    log(engine, 'dataset', dataset);

    const ruleSet = await activeRuleSet(db, `${EVAL_YEAR}-06-30`);
    const ids = (
      await db.execute<{ id: string }>(
        sql`select id from people where staff_code like 'BC%' order by staff_code`,
      )
    ).rows.map((r) => r.id);

    // floor: one aggregate scan (warm-up + median of 3)
    await db.execute(FLOOR_SQL);
    const floorMs: number[] = [];
    let floorResult: Record<string, unknown> = {};
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      floorResult = (await db.execute(FLOOR_SQL)).rows[0] as Record<string, unknown>;
      floorMs.push(performance.now() - t0);
    }
    log(engine, 'floor ms', floorMs.map(r2), floorResult);

    // eligibility of every individual title and form for every person
    const runs: {
      totalMs: number;
      loadMs: number;
      evalMs: number;
      verdicts: number;
      byStatus: Record<string, number>;
    }[] = [];
    // warm-up: one batch
    {
      const h = await loadPersonHistories(db, ids.slice(0, BATCH));
      for (const hist of h.values())
        evaluateNominee(hist, EVAL_YEAR, ruleSet, { asOf: `${EVAL_YEAR}-06-30` });
    }
    for (let rep = 0; rep < REPEAT; rep++) {
      let loadMs = 0;
      let evalMs = 0;
      let verdicts = 0;
      const byStatus: Record<string, number> = {};
      const t0 = performance.now();
      for (let i = 0; i < ids.length; i += BATCH) {
        const l0 = performance.now();
        const histories = await loadPersonHistories(db, ids.slice(i, i + BATCH));
        const e0 = performance.now();
        loadMs += e0 - l0;
        for (const hist of histories.values()) {
          for (const v of evaluateNominee(hist, EVAL_YEAR, ruleSet, { asOf: `${EVAL_YEAR}-06-30` })) {
            verdicts++;
            byStatus[v.status] = (byStatus[v.status] ?? 0) + 1;
          }
        }
        evalMs += performance.now() - e0;
      }
      const totalMs = performance.now() - t0;
      runs.push({ totalMs: r2(totalMs), loadMs: r2(loadMs), evalMs: r2(evalMs), verdicts, byStatus });
      log(engine, `eligibility run ${rep + 1}`, runs[runs.length - 1]);
    }
    const best = Math.min(...runs.map((r) => r.totalMs));
    const floor = median(floorMs);
    const individualCodes = AWARD_CODES.length;
    return {
      engine,
      version,
      dataset,
      ruleSet: { id: ruleSet.id, version: ruleSet.version },
      eligibility: {
        people: ids.length,
        evaluatedYear: EVAL_YEAR,
        batch: BATCH,
        runs,
        bestMs: best,
        medianMs: r2(median(runs.map((r) => r.totalMs))),
        perPersonMs: r2(best / ids.length),
        peoplePerSecond: Math.round(ids.length / (best / 1000)),
        verdictsPerPerson: r2(runs[0]!.verdicts / ids.length),
        codesInCatalog: individualCodes,
      },
      floor: {
        sql: 'one aggregate scan per person of ratings, awards, initiative authors, research members, disciplines',
        ms: floorMs.map(r2),
        medianMs: r2(floor),
        result: floorResult,
      },
      ratio: r2(best / floor),
      loadAverage: os.loadavg().map(r2),
    };
  } finally {
    await opened.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    pg?.stop();
  }
}

async function documentsBench() {
  const awardees = Array.from({ length: 500 }, (_, i) => ({
    subject: (i % 25 === 0 ? 'collective' : 'individual') as 'individual' | 'collective',
    awardCode: i % 25 === 0 ? 'TTLDXS' : i % 5 === 0 ? 'CSTDCS' : 'LDTT',
    name:
      i % 25 === 0
        ? `Khoa Nội tổng hợp số ${i}`
        : `${FAMILY[i % FAMILY.length]} ${MIDDLE[i % MIDDLE.length]} ${GIVEN[i % GIVEN.length]}`,
    positionTitle: i % 25 === 0 ? null : 'Bác sĩ',
    unitName: `Trung tâm Y tế khu vực số ${1 + (i % 50)}`,
    amount: i % 25 === 0 ? 3_510_000 : i % 5 === 0 ? 2_340_000 : 710_000,
    coefficient: null,
  }));
  const doc = buildDecisionDocument(
    {
      documentNumber: '05/QĐ-SYT',
      issuerShort: 'SYT',
      issuerName: 'SỞ Y TẾ',
      issuerParentName: 'UBND TỈNH ĐIỆN BIÊN',
      place: 'Điện Biên',
      decisionDate: '2026-01-20',
      subject: 'Về việc khen thưởng thành tích năm 2025',
      achievementText: 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025',
      achievementYear: 2025,
      legalBases: ['Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022;'],
      recipients: ['Như Điều 3;', 'Lưu: VT, TĐKT.'],
      authorityTitle: 'GIÁM ĐỐC SỞ Y TẾ',
      signerName: 'Nguyễn Văn Giám',
      signerTitle: 'GIÁM ĐỐC',
      signatureMode: null,
      onBehalfOf: null,
      status: 'issued',
      correctsNumber: null,
    },
    awardees,
  );
  const time = async (fn: () => Promise<Buffer | Uint8Array>) => {
    const first = await fn();
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      await fn();
      ms.push(performance.now() - t0);
    }
    return { bytes: first.length, ms: ms.map(r2), medianMs: r2(median(ms)) };
  };
  const docx = await time(() => renderOfficialDocx(doc));
  log('decision DOCX, 500 awardees', docx);
  const pdf = await time(() => renderOfficialPdf(doc));
  log('decision PDF, 500 awardees', pdf);
  return { awardees: 500, docx, pdf };
}

async function main() {
  const engines: ('embedded' | 'server')[] = MODE === 'both' ? ['embedded', 'server'] : [MODE];
  const results = [];
  const documents = await documentsBench();
  for (const engine of engines) {
    try {
      results.push(await runEngine(engine));
    } catch (err) {
      if (err instanceof PostgresUnavailableError) {
        console.error(err.message);
        process.exit(1);
      }
      throw err;
    }
  }
  const out = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memGiB: r2(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    options: { people: PEOPLE, years: YEARS, batch: BATCH, repeat: REPEAT },
    documents,
    engines: results,
  };
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${out.date.slice(0, 10)}-commendation.json`);
  fs.writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
  log('wrote', file);
  for (const r of results) {
    log(
      `${r.engine}: eligibility ${r.eligibility.bestMs} ms for ${r.eligibility.people} people (${r.eligibility.peoplePerSecond}/s), floor ${r.floor.medianMs} ms, ratio ${r.ratio}`,
    );
  }
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
