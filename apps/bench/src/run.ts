import { killAllChildren, type ServerProcess, startServerProcess } from './children.js';
import { CONTENDERS } from './contenders/index.js';
import type { Contender, ContenderId } from './contenders/types.js';
import type { ServerKind } from './ipc.js';
import { inWindow, latencySamples, settle } from './measure.js';
import { type BenchPlan, loadSecondsFor } from './plan.js';
import { type Runner, runnerFor } from './runners/index.js';
import { median, quantile } from './stats.js';
import { type StreamRunResult, streamRun } from './stream-run.js';
import type { Workload } from './workload.js';

/** One contender at one N and workload, aggregated over every round of the run. */
export interface CaseResult {
  readonly contender: ContenderId;
  readonly label: string;
  readonly n: number;
  readonly workload: Workload;
  readonly latencyMs: { readonly median: number; readonly p99: number; readonly samples: number };
  /** Server CPU per inner request over the single-batch runs (all processes of the contender). */
  readonly cpuUsPerSub: number;
  /** The same per server process, e.g. gateway and upstream apart. */
  readonly cpuUsPerSubByServer: Readonly<Record<string, number>>;
  /** Server CPU per inner request while under load (approximate: the load generator abandons its last batches). */
  readonly loadCpuUsPerSub: number | null;
  /** The same per server process. */
  readonly loadCpuUsPerSubByServer: Readonly<Record<string, number>>;
  /** Median over rounds of sub-requests answered per second under 10 connections; null when not measured. */
  readonly subRequestsPerSecond: number | null;
  readonly throughputRuns: readonly number[];
  readonly peakRssBytes: number;
  /** Wrong answers (count, order, bodies) and load-generator failures; empty when every answer was right. */
  readonly errors: readonly string[];
}

/** Everything one run measured. */
export interface BenchResult {
  readonly plan: BenchPlan;
  readonly cases: readonly CaseResult[];
  readonly streams: readonly StreamRunResult[];
}

interface Accumulator {
  contender: Contender;
  n: number;
  workload: Workload;
  samplesMs: number[];
  cpuUs: Record<string, number>;
  latencySubs: number;
  loadCpuUs: Record<string, number>;
  loadSubs: number;
  throughputRuns: number[];
  peakRssBytes: number;
  errors: string[];
}

type Log = (line: string) => void;

function rotate<T>(items: readonly T[], by: number): T[] {
  const k = items.length === 0 ? 0 : by % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Starts the server processes the chosen contenders need; the gateway gets the upstream's URL. */
async function startServers(
  contenders: readonly Contender[],
  plan: BenchPlan,
): Promise<Map<ServerKind, ServerProcess>> {
  const kinds = new Set<ServerKind>(contenders.flatMap((c) => [c.server, ...c.cpuServers]));
  const maxBatch = Math.max(...plan.ns, plan.postN);
  const servers = new Map<ServerKind, ServerProcess>();
  const start = async (kind: ServerKind, upstream?: string) => {
    const profiled = kind === 'batchwire' || kind === 'batchwire-gateway';
    const profile = profiled && plan.cpuProfileDir ? { cpuProfileDir: plan.cpuProfileDir } : {};
    const config = upstream === undefined ? { kind, maxBatch } : { kind, maxBatch, upstream };
    servers.set(kind, await startServerProcess(config, profile));
  };
  // Everything starts at once but the gateway, which needs the upstream's port first.
  const upstreamThenGateway = (async () => {
    if (kinds.has('upstream')) await start('upstream');
    if (kinds.has('batchwire-gateway')) await start('batchwire-gateway', servers.get('upstream')?.url);
  })();
  const others = [...kinds].filter((kind) => kind !== 'upstream' && kind !== 'batchwire-gateway');
  await Promise.all([upstreamThenGateway, ...others.map((kind) => start(kind))]);
  return servers;
}

/** The measurements of one run: interleaved rounds, then the streaming runs. Kills every child it started. */
export async function runBench(plan: BenchPlan, log: Log = () => {}): Promise<BenchResult> {
  const contenders = CONTENDERS.filter((c) => !plan.only || plan.only.includes(c.id));
  const servers = await startServers(contenders, plan).catch((error: unknown) => {
    killAllChildren();
    throw error;
  });
  const serverOf = (kind: ServerKind) => servers.get(kind)!;
  const runners = new Map<ContenderId, Runner>(
    contenders.map((c) => [c.id, runnerFor(c, serverOf(c.server).url)]),
  );
  const cases = [
    ...plan.ns.map((n) => ({ n, workload: 'get' as Workload })),
    { n: plan.postN, workload: 'post' as Workload },
  ];
  const accumulators = new Map<string, Accumulator>();
  const accumulator = (c: Contender, n: number, workload: Workload) => {
    const key = `${c.id}/${n}/${workload}`;
    let acc = accumulators.get(key);
    if (!acc) {
      acc = {
        contender: c,
        n,
        workload,
        samplesMs: [],
        cpuUs: {},
        latencySubs: 0,
        loadCpuUs: {},
        loadSubs: 0,
        throughputRuns: [],
        peakRssBytes: 0,
        errors: [],
      };
      accumulators.set(key, acc);
    }
    return acc;
  };
  try {
    if (plan.warmup && plan.rounds > 0) {
      for (const c of contenders) {
        log(`warm-up ${c.label}`);
        const runner = runners.get(c.id)!;
        for (let i = 0; i < 5; i++) await runner.once(100, 'get');
        await runner.throughput(100, 'get', 1);
        await settle(c.cpuServers.map(serverOf));
      }
    }
    for (let round = 0; round < plan.rounds; round++) {
      for (const [caseIndex, { n, workload }] of cases.entries()) {
        for (const c of rotate(contenders, round + caseIndex)) {
          if (!c.workloads.includes(workload)) continue;
          const runner = runners.get(c.id)!;
          const measured = c.cpuServers.map(serverOf);
          const acc = accumulator(c, n, workload);
          const latency = await inWindow(measured, () => latencySamples(runner, n, workload, plan.latency));
          acc.samplesMs.push(...latency.value.samplesMs);
          acc.errors.push(...latency.value.errors);
          acc.latencySubs += latency.value.samplesMs.length * n;
          for (const [kind, us] of Object.entries(latency.window.cpuUs))
            acc.cpuUs[kind] = (acc.cpuUs[kind] ?? 0) + us;
          acc.peakRssBytes = Math.max(acc.peakRssBytes, latency.window.peakRssBytes);
          if (plan.loadNs.includes(n)) {
            const seconds =
              c.style === 'batch' ? loadSecondsFor(plan, median(latency.value.samplesMs)) : plan.loadSeconds;
            const load = await inWindow(measured, () => runner.throughput(n, workload, seconds));
            acc.throughputRuns.push(load.value.perSecond);
            for (const [kind, us] of Object.entries(load.window.cpuUs))
              acc.loadCpuUs[kind] = (acc.loadCpuUs[kind] ?? 0) + us;
            acc.loadSubs += load.value.subRequests;
            acc.peakRssBytes = Math.max(acc.peakRssBytes, load.window.peakRssBytes);
            if (load.value.failures > 0)
              acc.errors.push(`load generator saw ${load.value.failures} failures`);
            if (load.value.subRequests === 0) acc.errors.push('load generator got no answer at all');
            await settle(measured);
          }
          log(
            `round ${round + 1}/${plan.rounds} N=${n} ${workload} ${c.label}: median ${median(latency.value.samplesMs).toFixed(2)} ms` +
              (acc.throughputRuns.length > 0
                ? `, ${Math.round(acc.throughputRuns.at(-1)!)} sub-requests/s`
                : '') +
              (latency.value.errors.length > 0 ? `, WRONG: ${latency.value.errors[0]}` : ''),
          );
        }
      }
    }
    for (const runner of runners.values()) await runner.close();
    for (const server of servers.values()) await server.stop();
    const streams: StreamRunResult[] = [];
    if (contenders.some((c) => c.id === 'batchwire')) {
      const modes: ('ndjson' | 'buffered')[] = plan.bufferedContrast ? ['ndjson', 'buffered'] : ['ndjson'];
      for (const mode of modes) {
        log(`streaming run: one batch of ${plan.streamItems} items, ${mode}`);
        streams.push(await streamRun(plan.streamItems, mode, plan.cpuProfileDir));
      }
    }
    return { plan, cases: [...accumulators.values()].map(finish), streams };
  } finally {
    killAllChildren();
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function finish(acc: Accumulator): CaseResult {
  const perSub = (us: number) => (acc.latencySubs > 0 ? us / acc.latencySubs : Number.NaN);
  const byServer: Record<string, number> = {};
  let total = 0;
  for (const [kind, us] of Object.entries(acc.cpuUs)) {
    byServer[kind] = perSub(us);
    total += us;
  }
  return {
    contender: acc.contender.id,
    label: acc.contender.label,
    n: acc.n,
    workload: acc.workload,
    latencyMs: {
      median: median(acc.samplesMs),
      p99: quantile(acc.samplesMs, 0.99),
      samples: acc.samplesMs.length,
    },
    cpuUsPerSub: perSub(total),
    cpuUsPerSubByServer: byServer,
    loadCpuUsPerSub: acc.loadSubs > 0 ? sum(Object.values(acc.loadCpuUs)) / acc.loadSubs : null,
    loadCpuUsPerSubByServer: Object.fromEntries(
      Object.entries(acc.loadCpuUs).map(([kind, us]) => [
        kind,
        acc.loadSubs > 0 ? us / acc.loadSubs : Number.NaN,
      ]),
    ),
    subRequestsPerSecond: acc.throughputRuns.length > 0 ? median(acc.throughputRuns) : null,
    throughputRuns: acc.throughputRuns,
    peakRssBytes: acc.peakRssBytes,
    errors: acc.errors,
  };
}
