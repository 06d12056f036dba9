/** Shared by bench/run.ts and bench/load.ts: the request mix and the latency statistics. */
import { createRandom } from '../src/server/seed/random';

/** What one load scenario requests: a fixed URL, or list pages drawn at random (seeded). */
export type Scenario =
  | { kind: 'fixed'; name: string; path: string }
  | { kind: 'pages'; name: string; pageSize: number; maxPage: number; seed: number };

/** The page sequence of a `pages` scenario: the HTTP load and the raw-SQL floor use the same one. */
export function pageSequence(s: Extract<Scenario, { kind: 'pages' }>, length = 100_000): Uint32Array {
  const rng = createRandom(s.seed);
  const out = new Uint32Array(length);
  for (let i = 0; i < length; i++) out[i] = rng.int(1, s.maxPage);
  return out;
}

export function pathOf(s: Scenario, page: number): string {
  return s.kind === 'fixed' ? s.path : `/api/staff?page=${page}&pageSize=${s.pageSize}`;
}

export interface LatencySummary {
  /** completed successful operations */
  count: number;
  errors: number;
  durationSec: number;
  /** operations per second */
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles over every recorded latency (ms), no histogram bucketing. */
export function summarize(latencies: number[], errors: number, durationSec: number): LatencySummary {
  const sorted = Float64Array.from(latencies).sort();
  const pct = (p: number) =>
    sorted.length === 0
      ? Number.NaN
      : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  const round = (v: number) => Math.round(v * 10) / 10;
  const sum = latencies.reduce((a, b) => a + b, 0);
  return {
    count: latencies.length,
    errors,
    durationSec: round(durationSec),
    throughput: round(latencies.length / durationSec),
    p50: round(pct(50)),
    p90: round(pct(90)),
    p99: round(pct(99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    mean: round(latencies.length ? sum / latencies.length : Number.NaN),
  };
}

/**
 * The measured window of a closed-loop load: it opens once every connection has completed at least
 * one request (the system is in steady state: the queues are as long as they will get) and at least
 * `warmupSec` have passed — or after `maxWarmupSec` whatever happens — and lasts `durationSec`.
 * On a saturated engine one request can take longer than a fixed warm-up: measuring from a fixed
 * time would then record nothing, or only the requests that queued behind an empty system.
 */
export class SteadyStateWindow {
  readonly t0 = performance.now();
  start = Number.POSITIVE_INFINITY;
  end = Number.POSITIVE_INFINITY;
  private readonly seen = new Set<unknown>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly workers: number,
    private readonly warmupSec: number,
    maxWarmupSec: number,
    private readonly durationSec: number,
    private readonly onOpen: (window: SteadyStateWindow) => void = () => {},
  ) {
    this.timer = setTimeout(() => this.open(performance.now()), maxWarmupSec * 1000);
  }

  private open(now: number) {
    if (this.start !== Number.POSITIVE_INFINITY) return;
    clearTimeout(this.timer);
    this.start = now;
    this.end = now + this.durationSec * 1000;
    this.onOpen(this);
  }

  /** Records that `worker` completed a request at `now`; true when that completion is measured. */
  completed(worker: unknown, now = performance.now()): boolean {
    if (this.start === Number.POSITIVE_INFINITY) {
      this.seen.add(worker);
      if (this.seen.size >= this.workers && now - this.t0 >= this.warmupSec * 1000) this.open(now);
      return false;
    }
    return now > this.start && now <= this.end;
  }

  /** Whether `now` lies inside the measured window. */
  measuring(now = performance.now()): boolean {
    return now > this.start && now <= this.end;
  }

  get warmupTookSec(): number {
    return Math.round((this.start - this.t0) / 100) / 10;
  }

  get closed(): boolean {
    return performance.now() > this.end;
  }

  dispose() {
    clearTimeout(this.timer);
  }
}
