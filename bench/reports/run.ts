/**
 * Benchmark: the roll-up report of a periodic report request answered by 100 units.
 *
 *   npm run bench:reports                    # both engines (PostgreSQL 15 started by the bench)
 *   npm run bench:reports -- --mode embedded # PGlite only
 *   options: --units 100 --iterations 40 --warmup 5 --out bench/results
 *
 * For each engine: a fresh database (migrations), a Sở with N units, one yearly request with the
 * default template (5 figure fields, 3 narrative sections), N submitted reports with random
 * figures and narratives, plus award, initiative and registration-free history rows for the
 * statistics (20 awards and 5 initiatives per unit). Measured, sequentially, after warm-up:
 *  - `getRollUp` (the use case behind GET /api/reports/:id/rollup: scope check, every target with
 *    its status, the field sums/averages in JS, and the system statistics queries);
 *  - the XLSX and DOCX exports built from it (rendering included, HTTP not);
 *  - floor: ONE aggregate SQL over the same submissions computing every field's sum/average.
 * Writes bench/results/<date>-reports.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DEFAULT_YEARLY_TEMPLATE } from '../../src/domain/reports/reports';
import { type Config, loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/open';
import { insertOrg, type OrgRow } from '../../src/server/modules/organizations/organizations.repo';
import {
  buildRollUpDocument,
  rollUpDocx,
  rollUpXlsx,
} from '../../src/server/modules/reports/reports.documents';
import { getRollUp, rollUpNarratives } from '../../src/server/modules/reports/reports.service';
import { systemStatistics } from '../../src/server/modules/reports/reports.statistics';
import type { Ctx } from '../../src/server/platform/context';
import { createRandom } from '../../src/server/seed/random';
import { PostgresUnavailableError, startPostgres } from '../postgres';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const MODE = opt('mode', 'both') as 'embedded' | 'server' | 'both';
const UNITS = Number(opt('units', '100'));
const ITERATIONS = Number(opt('iterations', '40'));
const WARMUP = Number(opt('warmup', '5'));
const OUT = opt('out', 'bench/results');

interface Timing {
  iterations: number;
  p50: number;
  p90: number;
  mean: number;
  min: number;
  max: number;
}

function summarize(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    iterations: s.length,
    p50: r(at(50)),
    p90: r(at(90)),
    mean: r(s.reduce((a, b) => a + b, 0) / s.length),
    min: r(s[0]!),
    max: r(s[s.length - 1]!),
  };
}

async function measure(
  fn: () => Promise<unknown>,
  iterations = ITERATIONS,
  warmup = WARMUP,
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return summarize(ms);
}

async function runEngine(engine: 'embedded' | 'server') {
  const pg = engine === 'server' ? await startPostgres() : null;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-reports-'));
  const config: Config = { ...loadConfig({}), databaseUrl: pg?.url ?? null, dataDir, demo: false };
  const opened = await openDatabase(config);
  try {
    const { db, pool } = opened.database;
    const version = (await pool.query<{ v: string }>('select version() as v')).rows[0]!.v;
    const rng = createRandom(20261201);

    // the Sở, N units, a TĐKT officer's actor at the root
    const so = await insertOrg(
      db,
      null,
      {
        type: 'department_of_health',
        code: 'SYT-BENCH',
        name: 'Sở Y tế tỉnh Thử nghiệm',
        shortName: 'SYT',
        validFrom: '2020-01-01',
      },
      null,
    );
    const units: OrgRow[] = [];
    for (let i = 1; i <= UNITS; i++) {
      units.push(
        await insertOrg(
          db,
          so,
          {
            type: 'medical_center',
            code: `TTYT-${String(i).padStart(3, '0')}`,
            name: `Trung tâm Y tế khu vực số ${i}`,
            shortName: 'TTYT',
            validFrom: '2020-01-01',
          },
          null,
        ),
      );
    }
    const ctx: Ctx = {
      actor: {
        userId: '00000000-0000-4000-8000-000000000001',
        username: 'tdkt',
        displayName: 'Cán bộ thi đua',
        personId: null,
        mustChangePassword: false,
        grants: [{ role: 'tdkt', orgId: so.id, orgPath: so.path, orgName: so.name }],
        sessionId: 'bench',
        csrfToken: 'bench',
      },
      db,
      now: () => new Date('2026-12-01T03:00:00Z'),
      requestId: 'bench',
      config,
    };

    const req = (
      await pool.query<{ id: string }>(
        `insert into report_requests (org_id, title, period_kind, period_year, due_on, template)
         values ($1, 'Báo cáo kết quả thực hiện phong trào thi đua năm 2026', 'year', 2026, '2026-11-15', $2) returning id`,
        [so.id, JSON.stringify(DEFAULT_YEARLY_TEMPLATE)],
      )
    ).rows[0]!.id;
    const subValues: unknown[] = [];
    const rows: string[] = [];
    units.forEach((u, i) => {
      const figures = {
        registered_collectives: rng.int(5, 25),
        registered_individuals: rng.int(80, 400),
        initiatives: rng.int(0, 6),
        emr_rate: rng.int(600, 990) / 10,
        digital_skills_rate: rng.int(700, 1000) / 10,
      };
      const narrative = {
        results:
          `Đơn vị số ${i + 1} đã triển khai đầy đủ kế hoạch, phát động phong trào thi đua đến toàn thể viên chức. `.repeat(
            8,
          ),
        limitations: 'Hạ tầng công nghệ thông tin còn thiếu, đường truyền chưa ổn định. '.repeat(4),
        proposals: 'Đề nghị Sở Y tế quan tâm đầu tư hạ tầng và tổ chức tập huấn chuyển đổi số. '.repeat(4),
      };
      const day = rng.int(3, 28);
      const k = subValues.length;
      rows.push(`($${k + 1}, $${k + 2}, $${k + 3}::jsonb, $${k + 4}::jsonb, 'submitted', $${k + 5})`);
      subValues.push(
        req,
        u.id,
        JSON.stringify(figures),
        JSON.stringify(narrative),
        `2026-11-${String(day).padStart(2, '0')}T03:00:00Z`,
      );
    });
    await pool.query(
      `insert into report_submissions (request_id, org_id, figures, narrative, status, submitted_at) values ${rows.join(', ')}`,
      subValues,
    );
    // history for the system statistics: 20 awards and 5 initiatives per unit in the report's year
    const codes = ['LDTT', 'CSTDCS', 'GIAY_KHEN', 'TTLDTT', 'TTLDXS', 'BANG_KHEN_TINH'];
    for (const u of units) {
      const aw = Array.from(
        { length: 20 },
        (_, j) => `('${u.id}', '${codes[(j + rng.int(0, 5)) % codes.length]}', 2026, '${u.id}')`,
      );
      await pool.query(`insert into awards (org_id, award_code, year, unit_org_id) values ${aw.join(', ')}`);
      const ini = Array.from(
        { length: 5 },
        (_, j) => `('Sáng kiến ${j}', '${u.id}', 2026, '${j % 2 ? 'unit' : 'province'}', '2026-06-01')`,
      );
      await pool.query(
        `insert into initiatives (title, org_id, year, scope, recognised_on) values ${ini.join(', ')}`,
      );
    }
    await pool.query('analyze');

    // the floor: one aggregate statement over the same submissions
    const fieldSql = DEFAULT_YEARLY_TEMPLATE.fields
      .map((f) => `${f.aggregate}((figures->>'${f.code}')::numeric) as ${f.code}`)
      .join(', ');
    const floorSql = `select count(*) as n, ${fieldSql} from report_submissions where request_id = $1 and status = 'submitted'`;
    const floorRow = (await pool.query(floorSql, [req])).rows[0];

    // the app's roll-up, checked against the floor before timing
    const r = await getRollUp(ctx, req);
    for (const f of r.fields) {
      const want = Math.round(Number(floorRow[f.code]) * 100) / 100;
      if (f.value !== want) throw new Error(`roll-up ${f.code} = ${f.value}, floor says ${want}`);
    }
    if (r.targets !== UNITS) throw new Error(`expected ${UNITS} targets, got ${r.targets}`);

    const rollup = await measure(() => getRollUp(ctx, req));
    const floor = await measure(() => pool.query(floorSql, [req]));
    // the part of the roll-up that is the system's own statistics (awards, registrations, initiatives, indicators)
    const statistics = await measure(() =>
      systemStatistics(db, { orgId: so.id, orgPath: so.path, year: 2026 }),
    );
    const xlsx = await measure(
      async () => rollUpXlsx(await getRollUp(ctx, req)),
      Math.min(ITERATIONS, 20),
      2,
    );
    const docx = await measure(
      async () => {
        const x = await getRollUp(ctx, req);
        const narratives = await rollUpNarratives(ctx, req);
        return rollUpDocx(buildRollUpDocument(x, { today: '2026-12-01', rootName: so.name, narratives }));
      },
      Math.min(ITERATIONS, 10),
      2,
    );
    return {
      engine,
      version,
      units: UNITS,
      rollup,
      floor,
      ratio: Math.round((rollup.p50 / floor.p50) * 10) / 10,
      statistics,
      xlsx,
      docx,
      check: Object.fromEntries(r.fields.map((f) => [f.code, f.value])),
    };
  } finally {
    await opened.close();
    pg?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const engines: ('embedded' | 'server')[] = MODE === 'both' ? ['embedded', 'server'] : [MODE];
const results = [];
for (const e of engines) {
  try {
    console.log(`— ${e}: ${UNITS} units …`);
    const r = await runEngine(e);
    console.log(
      `${e}: roll-up p50 ${r.rollup.p50} ms (p90 ${r.rollup.p90}), floor p50 ${r.floor.p50} ms → ${r.ratio}× the floor (statistics part p50 ${r.statistics.p50} ms); XLSX ${r.xlsx.p50} ms, DOCX ${r.docx.p50} ms`,
    );
    results.push(r);
  } catch (err) {
    if (err instanceof PostgresUnavailableError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
fs.mkdirSync(OUT, { recursive: true });
const file = path.join(OUT, `${new Date().toISOString().slice(0, 10)}-reports.json`);
fs.writeFileSync(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version, results }, null, 2)}\n`,
);
console.log(`written ${file}`);
process.exit(0);
