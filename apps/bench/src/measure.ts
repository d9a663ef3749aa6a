import { setTimeout as sleep } from 'node:timers/promises';
import type { ServerProcess } from './children.js';
import type { Runner } from './runners/index.js';
import type { Workload } from './workload.js';

/** How many single batches a latency measurement sends, and for how long at most. */
export interface LatencyPlan {
  readonly minSamples: number;
  readonly maxSamples: number;
  readonly budgetMs: number;
}

/** What the servers measured inside their own processes during a window. */
export interface ServerWindow {
  /** CPU µs per server kind. */
  readonly cpuUs: Readonly<Record<string, number>>;
  readonly totalCpuUs: number;
  readonly peakRssBytes: number;
}

/** Runs `body` inside a measurement window on every server, returning its result and what they measured. */
export async function inWindow<T>(
  servers: readonly ServerProcess[],
  body: () => Promise<T>,
): Promise<{ value: T; window: ServerWindow }> {
  await Promise.all(servers.map((server) => server.windowStart()));
  const value = await body();
  const reports = await Promise.all(servers.map((server) => server.windowStop()));
  const cpuUs: Record<string, number> = {};
  let totalCpuUs = 0;
  let peakRssBytes = 0;
  reports.forEach((report, i) => {
    cpuUs[servers[i]!.kind] = report.cpuUs;
    totalCpuUs += report.cpuUs;
    peakRssBytes = Math.max(peakRssBytes, report.peakRssBytes);
  });
  return { value, window: { cpuUs, totalCpuUs, peakRssBytes } };
}

/** Sends one batch after another (never overlapping) and collects their latencies and any wrong answers. */
export async function latencySamples(
  runner: Runner,
  n: number,
  workload: Workload,
  plan: LatencyPlan,
): Promise<{ samplesMs: number[]; errors: string[] }> {
  const samplesMs: number[] = [];
  const errors: string[] = [];
  const started = Date.now();
  while (
    samplesMs.length < plan.maxSamples &&
    (samplesMs.length < plan.minSamples || Date.now() - started < plan.budgetMs)
  ) {
    const result = await runner.once(n, workload);
    samplesMs.push(result.elapsedMs);
    if (result.error !== undefined) errors.push(result.error);
  }
  return { samplesMs, errors };
}

const SETTLE_WINDOW_MS = 250;
const SETTLE_MAX_MS = 30_000;

/**
 * Waits until the servers are idle (under 10% of a core over 250 ms, at most 30 s): a load generator
 * stops mid-batch, and the abandoned batches must not run into the next contender's measurement.
 */
export async function settle(servers: readonly ServerProcess[]): Promise<void> {
  const deadline = Date.now() + SETTLE_MAX_MS;
  while (Date.now() < deadline) {
    const { window } = await inWindow(servers, () => sleep(SETTLE_WINDOW_MS));
    if (window.totalCpuUs < SETTLE_WINDOW_MS * 1000 * 0.1) return;
  }
}
