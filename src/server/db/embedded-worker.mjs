// Embedded PostgreSQL: PGlite in a worker thread, served over the PostgreSQL wire protocol on
// 127.0.0.1 by pglite-socket. The app talks to it with `pg`, exactly as to a real server.
// Plain JavaScript so it runs in a worker without a TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { citext } from '@electric-sql/pglite/contrib/citext';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, maxConnections } = workerData;
let db;
let server;

async function start() {
  db = await PGlite.create(dataDir ?? 'memory://', { extensions: { citext, pg_trgm, unaccent } });
  server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: maxConnections ?? 20 });
  await server.start();
  const address = server.server.address();
  parentPort.postMessage({ type: 'ready', port: address.port });
}

parentPort.on('message', async (msg) => {
  if (msg?.type === 'stop') {
    try {
      await server?.stop();
      await db?.close();
    } catch (err) {
      parentPort.postMessage({ type: 'log', message: String(err?.message ?? err) });
    }
    parentPort.postMessage({ type: 'stopped' });
  }
});

start().catch((err) => {
  parentPort.postMessage({ type: 'error', message: String(err?.message ?? err) });
});
