/**
 * HTTP load generator, run by bench/run.ts as a SEPARATE process so that autocannon does not share
 * the app's event loop. Usage (internal):
 *   node --import tsx bench/load.ts '<json {baseUrl, cookie, connections, warmupSec, maxWarmupSec, durationSec, scenario}>'
 * One autocannon run; the measured window opens in steady state (SteadyStateWindow) and every
 * response time completed inside it is recorded (same percentile code as the raw-SQL floor).
 * Prints one JSON line.
 */
import autocannon from 'autocannon';
import {
  type LatencySummary,
  pageSequence,
  pathOf,
  type Scenario,
  SteadyStateWindow,
  summarize,
} from './stats';

interface LoadConfig {
  baseUrl: string;
  cookie: string;
  connections: number;
  warmupSec: number;
  maxWarmupSec: number;
  durationSec: number;
  scenario: Scenario;
}

export interface LoadResult extends LatencySummary {
  /** seconds until every connection had completed a request (the measured window then opened) */
  warmupSec: number;
  statusCodes: Record<string, number>;
  /** autocannon's own totals over the whole run, warm-up included, for reference */
  autocannon: { requestsTotal: number; non2xx: number; errors: number; timeouts: number; duration: number };
}

async function main() {
  const cfg = JSON.parse(process.argv[2] ?? '{}') as LoadConfig;
  const s = cfg.scenario;
  const pages = s.kind === 'pages' ? pageSequence(s) : null;
  let next = 0;
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  let errors = 0;
  let instance: autocannon.Instance | null = null;
  const window = new SteadyStateWindow(
    cfg.connections,
    cfg.warmupSec,
    cfg.maxWarmupSec,
    cfg.durationSec,
    (w) => {
      setTimeout(() => instance?.stop(), Math.max(0, w.end - performance.now()) + 5);
    },
  );
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(
      {
        url: cfg.baseUrl,
        connections: cfg.connections,
        // upper bound only: the run is stopped when the measured window closes
        duration: cfg.maxWarmupSec + cfg.durationSec + 30,
        headers: { cookie: cfg.cookie, accept: 'application/json' },
        timeout: 300,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({ ...req, path: pathOf(s, pages ? pages[next++ % pages.length]! : 1) }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
  });
  instance!.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (!window.completed(client)) return;
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    else errors++;
  });
  instance!.on('reqError', () => {
    if (window.measuring()) errors++;
  });
  const r = await finished;
  window.dispose();
  const result: LoadResult = {
    ...summarize(latencies, errors, cfg.durationSec),
    warmupSec: window.warmupTookSec,
    statusCodes,
    autocannon: {
      requestsTotal: r.requests.total,
      non2xx: r.non2xx,
      errors: r.errors,
      timeouts: r.timeouts,
      duration: r.duration,
    },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
