/**
 * Starts the real application in-process for browser tests: builds the web UI when it is
 * missing or older than its sources, opens a fresh embedded database in a temporary data
 * directory, seeds the demo data (THIDUA_DEMO) and listens on a free port of 127.0.0.1.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { openDatabase } from '../../src/server/db/open';
import { seedIfEmpty } from '../../src/server/seed/seed';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const webSrc = path.join(repoRoot, 'src/web');
const webIndex = path.join(repoRoot, 'dist/web/index.html');

/** Newest modification time under `dir` (recursively), in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
    else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `vite build` when dist/web is missing or older than src/web (or the shared code it uses). */
export function ensureWebBuilt(): void {
  const built = fs.existsSync(webIndex) ? fs.statSync(webIndex).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(webSrc),
    newestMtime(path.join(repoRoot, 'src/domain')),
    newestMtime(path.join(repoRoot, 'src/contracts')),
    fs.statSync(path.join(repoRoot, 'vite.config.ts')).mtimeMs,
  );
  if (built > sources) return;
  const vite = path.join(repoRoot, 'node_modules/.bin/vite');
  const result = spawnSync(vite, ['build', '--logLevel', 'warn'], {
    cwd: repoRoot,
    stdio: 'inherit',
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}

export interface RunningServer {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  ensureWebBuilt();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-e2e-'));
  const config = loadConfig({
    ...process.env,
    THIDUA_DEMO: 'true',
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    // the browser logs in several times from one address
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  const opened = await openDatabase(config);
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  try {
    app = await buildApp({ config, database: opened.database });
    await seedIfEmpty({ db: opened.database.db, config, now: () => new Date() }, app.log);
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (err) {
    await app?.close().catch(() => {});
    await opened.close().catch(() => {});
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  const running = app;
  return {
    url: `http://127.0.0.1:${address.port}`,
    dataDir,
    async close() {
      await running.close();
      await opened.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
