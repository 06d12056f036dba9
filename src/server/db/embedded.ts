import { Worker } from 'node:worker_threads';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite in a worker thread and returns a postgres:// URL served on 127.0.0.1.
 * `dataDir` null → in-memory database (tests). The caller holds the data-dir lock.
 */
export async function startEmbeddedDatabase(
  dataDir: string | null,
  maxConnections = 20,
): Promise<EmbeddedDatabase> {
  const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), {
    workerData: { dataDir, maxConnections },
  });
  const port = await new Promise<number>((resolve, reject) => {
    const onMessage = (msg: { type: string; port?: number; message?: string }) => {
      if (msg.type === 'ready' && msg.port) {
        worker.off('message', onMessage);
        resolve(msg.port);
      } else if (msg.type === 'error') {
        reject(new Error(`Không khởi động được cơ sở dữ liệu nhúng: ${msg.message}`));
      }
    };
    worker.on('message', onMessage);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`embedded database worker exited with code ${code}`)));
  });
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          void worker.terminate().then(() => resolve());
        }, 10_000);
        worker.on('message', (msg: { type: string }) => {
          if (msg.type === 'stopped') {
            clearTimeout(timer);
            void worker.terminate().then(() => resolve());
          }
        });
        worker.postMessage({ type: 'stop' });
      });
    },
  };
}
