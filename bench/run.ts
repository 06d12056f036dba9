/**
 * thidua benchmark: staff XLSX import and staff list/search under load, each against a floor.
 *
 *   npm run bench:data            # once: bench/data/ (100 units, 50,000 staff)
 *   npm run bench                 # both engines: embedded PGlite, then a throwaway PostgreSQL 15
 *   npm run bench -- --mode embedded|server|both --duration 15 --warmup 3 --connections 50
 *
 * Results: bench/results/<date>-<mode>.json and a table on stdout. See bench/README.md.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { drizzle } from 'drizzle-orm/node-postgres';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { type Config, loadConfig } from '../src/server/config';
import type { Db } from '../src/server/db/client';
import { openDatabase } from '../src/server/db/open';
import * as schema from '../src/server/db/schema';
import { roleGrants, users } from '../src/server/db/schema';
import { insertOrg, type OrgRow } from '../src/server/modules/organizations/organizations.repo';
import { commitImport, listStaff, previewImport } from '../src/server/modules/staff/staff.service';
import { readFirstSheet } from '../src/server/modules/staff/staff.xlsx';
import type { Actor } from '../src/server/platform/auth/actor';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { loadGrants, resolveSession } from '../src/server/platform/auth/sessions';
import type { Ctx } from '../src/server/platform/context';
import {
  type BenchManifest,
  type BenchOrg,
  DEFAULT_DATA_DIR,
  flattenTree,
  generateDataset,
} from './generate';
import type { LoadResult } from './load';
import { PGBIN, PostgresUnavailableError, startPostgres, type ThrowawayPostgres } from './postgres';
import { type LatencySummary, pageSequence, type Scenario, SteadyStateWindow, summarize } from './stats';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const USERNAME = 'bench_tdkt';
const PASSWORD = 'bench-mat-khau-2025';

type Mode = 'embedded' | 'server';

interface Options {
  modes: Mode[];
  durationSec: number;
  warmupSec: number;
  maxWarmupSec: number;
  connections: number;
  dataDir: string;
  outDir: string;
  importOnly: boolean;
}

// ------------------------------------------------------------------ per-statement profile (import)

/** Times every statement sent through `pg` while enabled: where the import spends its time. */
const profile = { enabled: false, byStatement: new Map<string, { calls: number; ms: number }>() };
{
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    if (!profile.enabled) return original.apply(this, args);
    const first = args[0] as string | { text?: string };
    const text = typeof first === 'string' ? first : (first?.text ?? '?');
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 90);
    const t0 = performance.now();
    const record = () => {
      const e = profile.byStatement.get(key) ?? { calls: 0, ms: 0 };
      e.calls++;
      e.ms += performance.now() - t0;
      profile.byStatement.set(key, e);
    };
    // pg.Pool#query passes a callback; a checked-out client (transactions) gets a promise
    const callback = args[args.length - 1];
    if (typeof callback === 'function') {
      args[args.length - 1] = function (this: unknown, ...cbArgs: unknown[]) {
        record();
        return (callback as (...a: unknown[]) => unknown).apply(this, cbArgs);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args);
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(record, () => {});
    return result;
  };
}

// ------------------------------------------------------------------ helpers

const sec = (ms: number) => Math.round(ms) / 1000;
const r1 = (v: number) => Math.round(v * 10) / 10;
const r2 = (v: number) => Math.round(v * 100) / 100;

function log(msg: string) {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const v = await fn();
  return [v, performance.now() - t0];
}

/** The floor of the import: exceljs streaming-reading the same file (same reader options), rows iterated. */
async function floorRead(buffer: Buffer): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let rows = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      if ((row.values as unknown[]).length > 0) rows++;
    }
    break;
  }
  return rows;
}

function runLoadProcess(cfg: object): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(BENCH_DIR, 'load.ts'), JSON.stringify(cfg)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`load process exited with code ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as LoadResult);
      } catch (err) {
        reject(err);
      }
    });
  });
}

/**
 * `connections` concurrent workers running `op` back to back. Like the HTTP side, only operations
 * completed inside the steady-state window count; when it closes the workers stop, and the
 * operations still running are awaited (drained) so the next phase starts on an idle database.
 */
async function rawLoad(op: (i: number) => Promise<unknown>, connections: number, opts: Options) {
  let next = 0;
  const latencies: number[] = [];
  let errors = 0;
  let firstError: unknown = null;
  const window = new SteadyStateWindow(connections, opts.warmupSec, opts.maxWarmupSec, opts.durationSec);
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      while (!window.closed) {
        const i = next++;
        const s = performance.now();
        try {
          await op(i);
          const end = performance.now();
          if (window.completed(worker, end)) latencies.push(end - s);
        } catch (err) {
          if (window.measuring()) errors++;
          firstError ??= err;
        }
      }
    }),
  );
  window.dispose();
  if (firstError) log(`raw floor: ${errors} errors, first: ${(firstError as Error).message}`);
  return { ...summarize(latencies, errors, opts.durationSec), warmupSec: window.warmupTookSec };
}

/** Waits until the app's pool has nothing running or queued (requests abandoned by the load generator finish). */
async function drain(pool: pg.Pool): Promise<number> {
  const t0 = performance.now();
  while (pool.waitingCount > 0 || pool.idleCount < pool.totalCount)
    await new Promise((r) => setTimeout(r, 50));
  return performance.now() - t0;
}

interface CapturedQuery {
  text: string;
  values: unknown[];
}

/** Runs `fn` with a drizzle handle that records the exact SQL text and parameters it sends. */
async function captureSql(pool: pg.Pool, fn: (db: Db) => Promise<unknown>): Promise<CapturedQuery[]> {
  const captured: CapturedQuery[] = [];
  const db = drizzle(pool, {
    schema,
    logger: { logQuery: (text, params) => captured.push({ text, values: [...params] }) },
  });
  await fn(db as unknown as Db);
  return captured;
}

// ------------------------------------------------------------------ one engine

interface ScenarioResult {
  path: string;
  /** rows matching (the `total` of the response) */
  total: number;
  app: LoadResult;
  raw: LatencySummary & { warmupSec: number };
  /** app / raw: latency ratios (> 1 = app slower), throughput ratio (< 1 = app slower) */
  ratio: { p50: number; p99: number; throughput: number };
  rawSql: string[];
}

async function benchMode(mode: Mode, opts: Options, manifest: BenchManifest, tree: BenchOrg, xlsx: Buffer) {
  log(`=== ${mode} ===`);
  let postgres: ThrowawayPostgres | null = null;
  let dataDir: string | null = null;
  if (mode === 'server') {
    const [p, ms] = await timed(() => startPostgres());
    postgres = p;
    // Ctrl-C must not leave a server running
    const onSignal = () => {
      p.stop();
      process.exit(130);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    log(`${p.version} started in ${sec(ms)} s (${p.url})`);
  } else {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-data-'));
  }
  const config: Config = {
    ...loadConfig({}),
    databaseUrl: postgres?.url ?? null,
    dataDir: dataDir ?? path.join(os.tmpdir(), 'unused'),
    demo: false,
    logLevel: 'info',
  };
  const cleanup: (() => Promise<void> | void)[] = [];
  try {
    const [opened, openMs] = await timed(() => openDatabase(config));
    cleanup.unshift(() => opened.close());
    const { db, pool } = opened.database;
    const poolMax = (pool as unknown as { options: { max: number } }).options.max;
    const version = (await pool.query<{ v: string }>('select version() as v')).rows[0]!.v;
    log(`database open + migrations in ${sec(openMs)} s: ${version}`);

    // organisation tree + TĐKT officer at the root
    const nodes = flattenTree(tree);
    const [root, treeMs] = await timed(() =>
      db.transaction(async (tx) => {
        const byCode = new Map<string, OrgRow>();
        for (const { org, parentCode } of nodes) {
          const parent = parentCode ? byCode.get(parentCode)! : null;
          byCode.set(
            org.code,
            await insertOrg(
              tx,
              parent,
              {
                type: org.type,
                code: org.code,
                name: org.name,
                shortName: org.shortName,
                validFrom: '2015-01-01',
              },
              null,
            ),
          );
        }
        return byCode.get(tree.code)!;
      }),
    );
    log(`organisation tree: ${nodes.length} organisations in ${sec(treeMs)} s`);
    const [user] = await db
      .insert(users)
      .values({
        username: USERNAME,
        displayName: 'Cán bộ TĐKT (bench)',
        passwordHash: await hashPassword(PASSWORD),
      })
      .returning();
    await db.insert(roleGrants).values({ userId: user!.id, role: 'tdkt', orgId: root.id });
    const actor: Actor = {
      userId: user!.id,
      username: USERNAME,
      displayName: user!.displayName,
      personId: null,
      mustChangePassword: false,
      grants: await loadGrants(db, user!.id),
      sessionId: 'bench',
      csrfToken: 'bench',
    };
    const ctx: Ctx = { actor, db, now: () => new Date(), requestId: 'bench', config };

    // ---------------------------------------------------------------- import
    await floorRead(xlsx); // JIT warm-up of exceljs, not measured
    const [floorRows, floorMs] = await timed(() => floorRead(xlsx));
    const [appReadRows, appReadMs] = await timed(async () => {
      let n = 0;
      for await (const _ of readFirstSheet(xlsx)) n++;
      return n;
    });
    log(
      `floor: exceljs streaming read ${floorRows} rows in ${sec(floorMs)} s; app reader (zip inspection + cell mapping) ${sec(appReadMs)} s`,
    );
    profile.byStatement.clear();
    profile.enabled = true;
    const [preview, previewMs] = await timed(() => previewImport(ctx, 'staff.xlsx', xlsx));
    const [commit, commitMs] = await timed(() => commitImport(ctx, preview.id, 'all'));
    profile.enabled = false;
    if (
      preview.validRows !== manifest.staff ||
      preview.invalidRows !== 0 ||
      commit.created !== manifest.staff
    ) {
      throw new Error(
        `import did not create every row: preview ${JSON.stringify({ valid: preview.validRows, invalid: preview.invalidRows, errors: preview.errors.slice(0, 3) })}, commit ${JSON.stringify(commit)}`,
      );
    }
    const importMs = previewMs + commitMs;
    const importRate = manifest.staff / (importMs / 1000);
    const floorRate = floorRows / (floorMs / 1000);
    const statements = [...profile.byStatement]
      .map(([sql, v]) => ({ sql, calls: v.calls, ms: Math.round(v.ms) }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, 12);
    log(
      `import: preview ${sec(previewMs)} s + commit ${sec(commitMs)} s = ${Math.round(importRate)} rows/s; floor ${Math.round(floorRate)} rows/s`,
    );
    const importResult = {
      via: 'services (previewImport + commitImport, the functions behind POST /api/staff/imports and /commit; no multipart upload)',
      rows: manifest.staff,
      previewSec: sec(previewMs),
      commitSec: sec(commitMs),
      totalSec: sec(importMs),
      rowsPerSec: Math.round(importRate),
      floor: {
        what: 'exceljs stream.xlsx.WorkbookReader over the same buffer, same options, rows iterated',
        rows: floorRows,
        sec: sec(floorMs),
        rowsPerSec: Math.round(floorRate),
      },
      appReaderSec: sec(appReadMs),
      appReaderRows: appReadRows,
      ratioImportToFloor: r2(importRate / floorRate),
      slowerThanFloor: r1(floorRate / importRate),
      rssMiB: Math.round(process.memoryUsage().rss / 1024 / 1024),
      topStatements: statements,
    };

    if (opts.importOnly) {
      return {
        mode,
        engine: { version },
        setup: { openAndMigrateSec: sec(openMs), organizations: nodes.length, orgTreeSec: sec(treeMs) },
        import: importResult,
        load: null,
      };
    }

    // ---------------------------------------------------------------- HTTP server
    const app = await buildApp({
      config,
      database: opened.database,
      logger: {
        level: 'info',
        file: '/dev/null',
        redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'],
      },
    });
    cleanup.unshift(() => app.close());
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${address}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: USERNAME, password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers
      .getSetCookie()
      .find((c) => c.startsWith('thidua_session='))!
      .split(';')[0]!;
    const cookieToken = decodeURIComponent(cookie.slice('thidua_session='.length));

    const rawPool = new pg.Pool({
      connectionString: (pool as unknown as { options: { connectionString: string } }).options
        .connectionString,
      max: poolMax,
    });
    rawPool.on('error', () => {});
    cleanup.unshift(() => rawPool.end());

    const pageCount = Math.ceil(manifest.staff / 20);
    const rareQ = manifest.rareName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase();
    const scenarios: Scenario[] = [
      { kind: 'pages', name: 'list, pages 1-10 (20 rows)', pageSize: 20, maxPage: 10, seed: 5 },
      {
        kind: 'pages',
        name: `list, any page 1-${pageCount.toLocaleString('en')} (20 rows)`,
        pageSize: 20,
        maxPage: pageCount,
        seed: 7,
      },
      { kind: 'fixed', name: 'search "nguyen thi"', path: '/api/staff?q=nguyen%20thi' },
      { kind: 'fixed', name: `search "${rareQ}" (rare)`, path: `/api/staff?q=${encodeURIComponent(rareQ)}` },
      { kind: 'fixed', name: 'GET /api/auth/me (session only)', path: '/api/auth/me' },
    ];

    const results: Record<string, ScenarioResult> = {};
    for (const s of scenarios) {
      // the exact SQL the app sends for this request, captured from the real code path
      let op: (i: number) => Promise<unknown>;
      let rawSql: CapturedQuery[];
      let total = 0;
      if (s.kind === 'fixed' && s.path === '/api/auth/me') {
        rawSql = await captureSql(pool, (cdb) =>
          resolveSession(cdb, cookieToken, new Date(), {
            idleMinutes: config.sessionIdleMinutes,
            absoluteHours: config.sessionAbsoluteHours,
          }),
        );
        // the once-a-minute "touch" (update sessions set last_seen_at) is not part of every request
        rawSql = rawSql.filter((q) => !/^update /i.test(q.text.trim()));
        if (rawSql.length !== 2) throw new Error(`expected 2 session statements, captured ${rawSql.length}`);
        // resolveSession runs them one after the other
        op = async () => {
          await rawPool.query(rawSql[0]!);
          await rawPool.query(rawSql[1]!);
        };
      } else {
        const query =
          s.kind === 'pages'
            ? { page: 1, pageSize: s.pageSize }
            : { q: new URL(s.path, 'http://x').searchParams.get('q')! };
        let appTotal = 0;
        let appIds: string[] = [];
        rawSql = await captureSql(pool, async (cdb) => {
          const res = await listStaff({ ...ctx, db: cdb }, query);
          appTotal = res.total;
          appIds = res.items.map((it) => it.id);
        });
        const pageQ = rawSql.find((q) => !/^select count\(\*\)/.test(q.text.trim()));
        const countQ = rawSql.find((q) => /^select count\(\*\)/.test(q.text.trim()));
        if (rawSql.length !== 2 || !pageQ || !countQ)
          throw new Error(`expected page + count statements, captured ${rawSql.length}`);
        // sanity: the raw statements return what the app returned
        const [rp, rc] = await Promise.all([rawPool.query(pageQ), rawPool.query(countQ)]);
        if (
          rp.rows.map((r: { id: string }) => r.id).join() !== appIds.join() ||
          Number(rc.rows[0].n) !== appTotal
        ) {
          throw new Error(`raw SQL does not reproduce the app's answer for ${s.name}`);
        }
        total = appTotal;
        if (s.kind === 'pages') {
          // limit and offset are the last two parameters; check by capturing page 2
          const page2 = await captureSql(pool, (cdb) =>
            listStaff({ ...ctx, db: cdb }, { page: 2, pageSize: s.pageSize }),
          );
          const p2 = page2.find((q) => !/^select count\(\*\)/.test(q.text.trim()))!;
          const offsetIndex = pageQ.values.length - 1;
          if (
            p2.text !== pageQ.text ||
            p2.values[offsetIndex] !== s.pageSize ||
            pageQ.values[offsetIndex] !== 0
          ) {
            throw new Error('could not locate the OFFSET parameter of the list statement');
          }
          const pages = pageSequence(s);
          op = (i) => {
            const values = [...pageQ.values];
            values[offsetIndex] = (pages[i % pages.length]! - 1) * s.pageSize;
            return Promise.all([rawPool.query({ text: pageQ.text, values }), rawPool.query(countQ)]);
          };
        } else {
          op = () => Promise.all([rawPool.query(pageQ), rawPool.query(countQ)]);
        }
      }

      const durationSec =
        s.kind === 'fixed' && s.path === '/api/auth/me' ? Math.min(opts.durationSec, 10) : opts.durationSec;
      log(`${s.name}: app via HTTP (${opts.connections} connections, steady state then ${durationSec} s)…`);
      const appRes = await runLoadProcess({
        baseUrl: address,
        cookie,
        connections: opts.connections,
        warmupSec: opts.warmupSec,
        maxWarmupSec: opts.maxWarmupSec,
        durationSec,
        scenario: s,
      });
      if (appRes.errors > 0)
        throw new Error(
          `${s.name}: ${appRes.errors} failed requests (${JSON.stringify(appRes.statusCodes)})`,
        );
      const drainedMs = await drain(pool);
      if (drainedMs > 1000)
        log(
          `${s.name}: ${sec(drainedMs)} s for the app to finish the requests abandoned by the load generator`,
        );
      log(`${s.name}: raw SQL floor (${opts.connections} workers, pg.Pool max ${poolMax})…`);
      const raw = await rawLoad(op, opts.connections, { ...opts, durationSec });
      results[s.name] = {
        path:
          s.kind === 'pages'
            ? `/api/staff?page=N&pageSize=${s.pageSize} (N uniform in 1..${s.maxPage}, seed ${s.seed})`
            : s.path,
        total,
        app: appRes,
        raw,
        ratio: {
          p50: r2(appRes.p50 / raw.p50),
          p99: r2(appRes.p99 / raw.p99),
          throughput: r2(appRes.throughput / raw.throughput),
        },
        rawSql: rawSql.map(
          (q) => `${q.text.replace(/\s+/g, ' ').trim()} -- params ${JSON.stringify(q.values)}`,
        ),
      };
      log(
        `${s.name}: app p50 ${appRes.p50} ms p99 ${appRes.p99} ms ${appRes.throughput}/s | raw p50 ${raw.p50} ms p99 ${raw.p99} ms ${raw.throughput}/s`,
      );
    }

    return {
      mode,
      engine: {
        version,
        ...(mode === 'embedded'
          ? {
              pglite:
                '@electric-sql/pglite 0.5.14 in a worker thread behind pglite-socket (openDatabase, fresh temp DATA_DIR)',
            }
          : { server: `throwaway PostgreSQL started by bench/postgres.ts: ${postgres!.settings}` }),
        appPoolMax: poolMax,
      },
      setup: { openAndMigrateSec: sec(openMs), organizations: nodes.length, orgTreeSec: sec(treeMs) },
      import: importResult,
      load: {
        connections: opts.connections,
        window: `measured for ${opts.durationSec} s (10 s for /api/auth/me) once every connection has completed a request and at least ${opts.warmupSec} s have passed (at most ${opts.maxWarmupSec} s of warm-up); only completions inside the window count`,
        generator: 'autocannon 9 in a separate Node process (bench/load.ts); every response time recorded',
        floor: `the app's exact SQL (captured from listStaff/resolveSession) through a raw pg.Pool (max ${poolMax}, like the app's pool), ${opts.connections} concurrent workers in the bench process; latency = performance.now() around the same statement group the app runs per request`,
        scenarios: results,
      },
    };
  } finally {
    for (const c of cleanup) {
      try {
        await c();
      } catch (err) {
        log(`cleanup: ${(err as Error).message}`);
      }
    }
    postgres?.stop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------ report

type ModeResult = Awaited<ReturnType<typeof benchMode>>;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  return [
    line(rows[0]!),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

function report(all: ModeResult[]): string {
  const imp = [['engine', 'import rows/s', 'preview s', 'commit s', 'floor rows/s', 'import/floor']];
  for (const m of all) {
    imp.push([
      m.mode,
      String(m.import.rowsPerSec),
      String(m.import.previewSec),
      String(m.import.commitSec),
      String(m.import.floor.rowsPerSec),
      `${m.import.ratioImportToFloor} (${m.import.slowerThanFloor}× slower)`,
    ]);
  }
  const load = [
    [
      'engine',
      'scenario',
      'rows',
      'app p50',
      'app p99',
      'app req/s',
      'raw p50',
      'raw p99',
      'raw ops/s',
      'p50 app/raw',
      'p99 app/raw',
      'thr app/raw',
    ],
  ];
  for (const m of all) {
    for (const [name, s] of Object.entries(m.load?.scenarios ?? {})) {
      load.push([
        m.mode,
        name,
        String(s.total || ''),
        `${s.app.p50} ms`,
        `${s.app.p99} ms`,
        String(s.app.throughput),
        `${s.raw.p50} ms`,
        `${s.raw.p99} ms`,
        String(s.raw.throughput),
        `${s.ratio.p50}×`,
        `${s.ratio.p99}×`,
        `${s.ratio.throughput}×`,
      ]);
    }
  }
  const loads = all[0]?.load
    ? `\nStaff list/search, ${all[0].load.connections} concurrent connections\n${table(load)}\n`
    : '';
  return `\nStaff XLSX import (${all[0]?.import.rows} rows)\n${table(imp)}\n${loads}`;
}

// ------------------------------------------------------------------ main

async function main() {
  const { values } = parseArgs({
    options: {
      mode: { type: 'string', default: 'both' },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      'max-warmup': { type: 'string', default: '60' },
      connections: { type: 'string', default: '50' },
      data: { type: 'string', default: DEFAULT_DATA_DIR },
      out: { type: 'string', default: path.join(BENCH_DIR, 'results') },
      'import-only': { type: 'boolean', default: false },
    },
  });
  if (!['both', 'embedded', 'server'].includes(values.mode!))
    throw new Error('--mode must be both, embedded or server');
  const opts: Options = {
    modes: values.mode === 'both' ? ['embedded', 'server'] : [values.mode as Mode],
    durationSec: Number(values.duration),
    warmupSec: Number(values.warmup),
    maxWarmupSec: Number(values['max-warmup']),
    connections: Number(values.connections),
    dataDir: path.resolve(values.data!),
    outDir: path.resolve(values.out!),
    importOnly: values['import-only']!,
  };

  if (opts.modes.includes('server') && !fs.existsSync(path.join(PGBIN, 'initdb'))) {
    console.error(
      `PostgreSQL 15 is not installed (${path.join(PGBIN, 'initdb')} missing): the server mode cannot run.\n` +
        'Install it (apt-get install -y postgresql-15 postgresql-contrib), or run only the embedded mode: npm run bench -- --mode embedded',
    );
    process.exit(1);
  }
  const manifestFile = path.join(opts.dataDir, 'manifest.json');
  if (!fs.existsSync(manifestFile)) {
    log(
      `no dataset in ${opts.dataDir}: generating the default one (npm run bench:data -- --units 100 --staff 50000)`,
    );
    await generateDataset({ units: 100, staff: 50_000, seed: 20251123, out: opts.dataDir });
  }
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BenchManifest;
  const tree = (
    JSON.parse(fs.readFileSync(path.join(opts.dataDir, manifest.files.orgs.name), 'utf8')) as {
      root: BenchOrg;
    }
  ).root;
  const xlsx = fs.readFileSync(path.join(opts.dataDir, manifest.files.staff.name));
  log(
    `dataset: ${manifest.organizations} organisations, ${manifest.staff} staff rows, ${(xlsx.length / 1024 / 1024).toFixed(1)} MiB XLSX`,
  );

  const cpus = os.cpus();
  const machine = {
    cores: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: r1(os.totalmem() / 1024 ** 3),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
  const date = new Date().toISOString().slice(0, 10);
  fs.mkdirSync(opts.outDir, { recursive: true });
  const all: ModeResult[] = [];
  for (const mode of opts.modes) {
    let result: ModeResult;
    // other processes on the machine skew every figure: record the load around the run
    const loadBefore = os.loadavg().map(r2);
    const started = Date.now();
    try {
      result = await benchMode(mode, opts, manifest, tree, xlsx);
    } catch (err) {
      if (err instanceof PostgresUnavailableError) {
        console.error(`\nSERVER MODE NOT RUN: ${err.message}\n`);
        process.exitCode = 1;
        continue;
      }
      throw err;
    }
    all.push(result);
    const file = path.join(opts.outDir, `${date}-${mode}${opts.importOnly ? '-import-only' : ''}.json`);
    const dataset = { ...manifest, generatedIn: undefined };
    fs.writeFileSync(
      file,
      `${JSON.stringify({ date: new Date().toISOString(), machine: { ...machine, loadAverage1_5_15: { before: loadBefore, after: os.loadavg().map(r2) } }, runSec: Math.round((Date.now() - started) / 1000), dataset, ...result }, null, 2)}\n`,
    );
    log(`wrote ${path.relative(process.cwd(), file)}`);
  }
  if (all.length > 0) console.log(report(all));
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
