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

/**
 * pglite-socket 0.2.17 serialises single protocol MESSAGES, so the Parse/Bind/Execute/Sync
 * messages of two connections can interleave on PGlite's one session ("unnamed prepared
 * statement does not exist"). This keeps the queue on one connection from its first
 * extended-protocol message until its Sync (and, as before, for a whole transaction).
 */
const EXTENDED = new Set([0x50, 0x42, 0x45, 0x44, 0x43, 0x48]); // P B E D C H
const SYNC = 0x53; // S
function patchQueue(queue) {
  let batchOwner = null;
  queue.processQueue = async function processQueue() {
    if (this.processing || this.queue.length === 0) return;
    this.processing = true;
    try {
      while (this.queue.length > 0) {
        const owner = batchOwner ?? (this.db.isInTransaction() ? this.lastHandlerId : null);
        let item;
        if (owner !== null && owner !== undefined) {
          const index = this.queue.findIndex((q) => q.handlerId === owner);
          if (index === -1) break; // wait for the owner's next message
          item = this.queue.splice(index, 1)[0];
        } else {
          item = this.queue.shift();
        }
        const type = item.message[0];
        if (EXTENDED.has(type)) batchOwner = item.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(item.message, {
              onRawData: (data) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (err) {
          if (batchOwner === item.handlerId) batchOwner = null;
          item.reject(err);
          continue;
        }
        if (type === SYNC && batchOwner === item.handlerId) batchOwner = null;
        this.lastHandlerId = item.handlerId;
        item.resolve(bytes);
      }
    } finally {
      this.processing = false;
    }
  };
  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    if (batchOwner === handlerId) {
      batchOwner = null;
      queueMicrotask(() => queue.processQueue());
    }
  };
}

async function start() {
  db = await PGlite.create(dataDir ?? 'memory://', { extensions: { citext, pg_trgm, unaccent } });
  server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: maxConnections ?? 20 });
  patchQueue(server.queryQueue);
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
