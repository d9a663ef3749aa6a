import type { BenchResult, CaseResult } from './run.js';

/** One of the engine's performance targets from issue 7, with what the run measured. */
export interface GoalCheck {
  readonly goal: string;
  readonly measured: string;
  /** null when the run did not measure it (quick mode, or a contender left out). */
  readonly met: boolean | null;
}

const MIB = 2 ** 20;

/** Host comparisons of issue 11: a contender against a baseline on the same host, same run. */
export const HOST_PAIRS: readonly {
  readonly label: string;
  readonly contender: string;
  readonly baseline: string;
  readonly goal?: string;
}[] = [
  {
    label: 'Fastify plugin / N separate keep-alive requests to Fastify',
    contender: 'batchwire-fastify',
    baseline: 'fastify-separate',
    goal: 'Fastify plugin >= 5x N separate keep-alive requests to the same app (N=100)',
  },
  { label: 'Fastify plugin / N inject calls', contender: 'batchwire-fastify', baseline: 'fastify-inject' },
  {
    label: 'Hono fetch adapter / N separate keep-alive requests to Hono',
    contender: 'batchwire-hono',
    baseline: 'hono-separate',
    goal: 'Hono fetch adapter >= 5x N separate keep-alive requests to the same app (N=100)',
  },
  {
    label: 'Express 4 in-process / Express 5 in-process',
    contender: 'batchwire-express4',
    baseline: 'batchwire',
  },
];

/** Looks up one case of a run. */
export function findCase(
  result: BenchResult,
  contender: string,
  n: number,
  workload = 'get',
): CaseResult | undefined {
  return result.cases.find((c) => c.contender === contender && c.n === n && c.workload === workload);
}

/** Sub-requests/s of `a` over `b` at N (GET), or null when either was not measured. */
export function throughputRatio(
  result: BenchResult,
  a: string,
  b: string,
  n: number,
  workload = 'get',
): number | null {
  const x = findCase(result, a, n, workload)?.subRequestsPerSecond;
  const y = findCase(result, b, n, workload)?.subRequestsPerSecond;
  return x == null || y == null || y === 0 ? null : x / y;
}

function ratioGoal(
  result: BenchResult,
  goal: string,
  a: string,
  b: string,
  min: number,
  ns: readonly number[] = [100, 1000],
): GoalCheck {
  const ratios = ns.map((n) => ({ n, ratio: throughputRatio(result, a, b, n) }));
  const measured = ratios
    .map(({ n, ratio }) => `N=${n}: ${ratio === null ? 'n/a' : `${ratio.toFixed(2)}x`}`)
    .join(', ');
  const met = ratios.every((r) => r.ratio !== null) ? ratios.every((r) => (r.ratio ?? 0) >= min) : null;
  return { goal, measured, met: result.plan.quick ? null : met };
}

/** Checks the run against the targets of issue 7 (targets for the engine, never asserted by tests). */
export function checkGoals(result: BenchResult): GoalCheck[] {
  // Under load: steady state over many batches; the single-batch figure is shown beside it.
  const cpu = [100, 1000].map((n) => {
    const found = findCase(result, 'batchwire', n);
    return { n, us: found?.loadCpuUsPerSub ?? undefined, single: found?.cpuUsPerSub };
  });
  const stream = result.streams.find((s) => s.mode === 'ndjson');
  const quick = result.plan.quick;
  return [
    ratioGoal(
      result,
      'Batchwire in-process >= 1.25x express-batch sub-requests/s (N=100, N=1000)',
      'batchwire',
      'express-batch',
      1.25,
    ),
    ratioGoal(
      result,
      'Batchwire in-process >= 10x separate keep-alive requests (N=100, N=1000)',
      'batchwire',
      'separate-keepalive',
      10,
    ),
    {
      goal: 'Server CPU <= 20 µs per trivial inner request (Batchwire in-process, under load)',
      measured: cpu
        .map(({ n, us, single }) =>
          us === undefined
            ? `N=${n}: n/a`
            : `N=${n}: ${us.toFixed(1)} µs under load (${single?.toFixed(1) ?? 'n/a'} µs over single batches)`,
        )
        .join(', '),
      met: quick || cpu.some((c) => c.us === undefined) ? null : cpu.every((c) => (c.us ?? Infinity) <= 20),
    },
    {
      goal: `${result.plan.streamItems.toLocaleString('en-US')}-item NDJSON batch < 200 MiB peak server RSS`,
      measured: stream
        ? `${(stream.peakRssBytes / MIB).toFixed(1)} MiB${stream.error ? ` (WRONG: ${stream.error})` : ''}`
        : 'n/a',
      met: quick || !stream ? null : stream.error === undefined && stream.peakRssBytes < 200 * MIB,
    },
    ratioGoal(
      result,
      'Gateway >= 0.8x raw keep-alive throughput to the same upstream (N=100, N=1000)',
      'batchwire-gateway',
      'separate-keepalive',
      0.8,
    ),
    // Issue 11: every host's batch of N=100 at least 5x N separate keep-alive requests to the same app.
    ...HOST_PAIRS.filter((pair) => pair.goal !== undefined).map((pair) =>
      ratioGoal(result, pair.goal!, pair.contender, pair.baseline, 5, [100]),
    ),
  ];
}
