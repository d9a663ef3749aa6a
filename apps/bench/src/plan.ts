import type { ContenderId } from './contenders/types.js';
import type { LatencyPlan } from './measure.js';

/** Everything a run does, fixed before it starts. */
export interface BenchPlan {
  readonly quick: boolean;
  /** Whether the run writes results/latest.* and the README table (full runs of every contender only). */
  readonly record: boolean;
  /** Interleaved rounds: every contender is measured once per round at each N. */
  readonly rounds: number;
  readonly ns: readonly number[];
  /** N of the extra POST workload (small JSON bodies) for the contenders that can send POSTs. */
  readonly postN: number;
  readonly latency: LatencyPlan;
  /** Seconds of autocannon load per measurement (at least; see loadSecondsFor). */
  readonly loadSeconds: number;
  /** Upper bound of a load run that slow batches stretch. */
  readonly maxLoadSeconds: number;
  /** The Ns the load generator runs at (quick mode exercises it at one N only). */
  readonly loadNs: readonly number[];
  readonly warmup: boolean;
  readonly streamItems: number;
  /** Also run the huge batch without NDJSON, to show what streaming saves. */
  readonly bufferedContrast: boolean;
  readonly only?: readonly ContenderId[];
  /** Where to write --cpu-prof profiles of the Batchwire in-process server, when profiling. */
  readonly cpuProfileDir?: string;
}

/** The full run: three interleaved rounds at N = 10, 100, 1000 and the 100,000-item stream. */
export const FULL_PLAN: BenchPlan = {
  quick: false,
  record: true,
  rounds: 3,
  ns: [10, 100, 1000],
  postN: 100,
  latency: { minSamples: 3, maxSamples: 60, budgetMs: 1500 },
  loadSeconds: 4,
  maxLoadSeconds: 20,
  loadNs: [10, 100, 1000],
  warmup: true,
  streamItems: 100_000,
  bufferedContrast: true,
};

/** CI's quick mode: every contender once, every answer checked, no speed asserted (well under a minute). */
export const QUICK_PLAN: BenchPlan = {
  quick: true,
  record: false,
  rounds: 1,
  // N=1000 costs seconds per peer on a busy 2-core runner; the 2,000-item stream covers the raised limits.
  ns: [10, 100],
  postN: 100,
  latency: { minSamples: 1, maxSamples: 1, budgetMs: 0 },
  loadSeconds: 0.5,
  maxLoadSeconds: 0.5,
  loadNs: [10],
  warmup: false,
  streamItems: 2_000,
  bufferedContrast: false,
};

/** The plan for the environment: BENCH_QUICK=1 picks quick mode; BENCH_ROUNDS, BENCH_SECONDS, BENCH_N, BENCH_ONLY tune a run. */
export function planFromEnv(env: NodeJS.ProcessEnv): BenchPlan {
  const base = env.BENCH_QUICK === '1' ? QUICK_PLAN : FULL_PLAN;
  const rounds = Number(env.BENCH_ROUNDS);
  const seconds = Number(env.BENCH_SECONDS);
  const only = env.BENCH_ONLY?.split(',').filter(Boolean) as ContenderId[] | undefined;
  const ns = env.BENCH_N?.split(',')
    .map(Number)
    .filter((n) => Number.isInteger(n) && n > 0);
  const partial = Boolean(env.BENCH_ONLY || env.BENCH_N || rounds === 0);
  return {
    ...base,
    record: base.record && !partial,
    // BENCH_ROUNDS=0 runs only the huge streamed batch.
    ...(env.BENCH_ROUNDS !== undefined && Number.isInteger(rounds) && rounds >= 0 ? { rounds } : {}),
    ...(Number.isFinite(seconds) && seconds > 0 ? { loadSeconds: seconds } : {}),
    ...(only && only.length > 0 ? { only } : {}),
    // BENCH_N=100 (or 10,1000): only these batch sizes, e.g. to profile one of them.
    ...(ns && ns.length > 0 ? { ns, loadNs: ns } : {}),
    ...(env.BENCH_CPU_PROF ? { cpuProfileDir: env.BENCH_CPU_PROF } : {}),
  };
}

/**
 * Seconds of load for a batch whose single run took `medianLatencyMs`: 10 such batches at once must have
 * time to finish about one and a half times over, or a slow contender would score 0 instead of its rate.
 */
export function loadSecondsFor(plan: BenchPlan, medianLatencyMs: number): number {
  const needed = (medianLatencyMs / 1000) * 10 * 1.5;
  return Math.min(plan.maxLoadSeconds, Math.max(plan.loadSeconds, Number.isFinite(needed) ? needed : 0));
}
