/**
 * A throwaway PostgreSQL 15 server for the benchmark, started and removed by the bench itself.
 * Same recipe as scripts/with-postgres.sh (initdb as the `postgres` system user when running as
 * root, trust auth on 127.0.0.1, a temp data directory) but with the server's DEFAULT durability
 * (fsync, synchronous_commit and full_page_writes on), so the figures are those of a real
 * installation, not of the test runner's fsync-off throwaway.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const PGBIN = process.env.PGBIN ?? '/usr/lib/postgresql/15/bin';

export class PostgresUnavailableError extends Error {}

export interface ThrowawayPostgres {
  url: string;
  version: string;
  settings: string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<ThrowawayPostgres> {
  const initdb = path.join(PGBIN, 'initdb');
  if (!fs.existsSync(initdb)) {
    throw new PostgresUnavailableError(
      `PostgreSQL 15 is not installed (${initdb} missing). Install it with: apt-get install -y postgresql-15 postgresql-contrib ` +
        '(bash .ci/run does it), or run only the embedded mode with: npm run bench -- --mode embedded',
    );
  }
  const root = process.getuid?.() === 0;
  const asPg = (cmd: string, args: string[]) =>
    root
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
      : execFileSync(cmd, args, { stdio: 'pipe' });
  if (root) {
    try {
      execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
    } catch {
      execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    }
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-pg-'));
  if (root) execFileSync('chown', ['postgres:postgres', dir]);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=100`;
  let started = false;
  const stop = () => {
    if (started) {
      try {
        asPg(path.join(PGBIN, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } catch {
        // already stopped
      }
      started = false;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPg(initdb, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    asPg(path.join(PGBIN, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      path.join(dir, 'server.log'),
      '-w',
      '-t',
      '30',
      '-o',
      settings,
      'start',
    ]);
    started = true;
  } catch (err) {
    const log = fs.existsSync(path.join(dir, 'server.log'))
      ? fs.readFileSync(path.join(dir, 'server.log'), 'utf8').slice(-2000)
      : '';
    stop();
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new PostgresUnavailableError(
      `PostgreSQL 15 could not be started: ${stderr || (err as Error).message}\n${log}`,
    );
  }
  const version = execFileSync(path.join(PGBIN, 'postgres'), ['--version']).toString().trim();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    version,
    settings: `${settings} (durability: server defaults)`,
    stop,
  };
}
