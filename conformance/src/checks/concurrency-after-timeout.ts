import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import { intervalOf, postBatch } from './batch-call.js';
import type { NamedCheck } from './check-context.js';
import { maxOverlap } from './concurrency.js';
import type { Interval } from './delay-intervals.js';

/** Longest requestTimeoutMs probed: the timed-out request asks /delay for 200 ms more. */
const MAX_TIMEOUT_MS = 2500;

/** Shortest requestTimeoutMs probed: below it a chain link would time out itself. */
const MIN_TIMEOUT_MS = 500;

/** How long each fan-out request runs, so those started together overlap. */
const FAN_MS = 200;

/** One of the three chain links: together they end 150 ms after the timed-out request would have. */
export const linkMs = (t: number) => Math.round((t + 300) / 3 + 50);

/** What the check needs of the advertised limits, or why it is skipped. */
export function afterTimeoutSkip(limits: {
  readonly requestTimeoutMs: number;
  readonly batchTimeoutMs: number;
  readonly maxConcurrency: number;
  readonly maxRequests: number;
}): string | undefined {
  const { requestTimeoutMs: t, batchTimeoutMs, maxConcurrency, maxRequests } = limits;
  if (t > MAX_TIMEOUT_MS) return `requestTimeoutMs ${t} is too long to probe with /delay in this run`;
  if (t < MIN_TIMEOUT_MS) return `requestTimeoutMs ${t} is too short for the chain of three requests`;
  if (maxConcurrency > 32 || maxConcurrency + 6 > maxRequests)
    return `maxConcurrency ${maxConcurrency} is too large to probe in one batch of at most ${maxRequests}`;
  // The chain ends, then the fan-out runs in two rounds; the batch deadline must not cut them.
  const needed = 3 * linkMs(t) + 2 * FAN_MS + 400;
  if (batchTimeoutMs < needed) return `needs batchTimeoutMs >= ${needed} (advertised ${batchTimeoutMs})`;
  return undefined;
}

/** A request that timed out frees its slot once: afterwards no more than maxConcurrency run at once. */
export const concurrencyAfterTimeout: NamedCheck = {
  summary:
    'When requestTimeoutMs (T) is 500 to 2500, batchTimeoutMs at least T + 1250 and maxConcurrency at most 32, sends slow (/delay/(T + 200), which times out), a chain of three /delay/((T + 300) / 3 + 50) (ending after slow answered, aborted or not) and maxConcurrency + 2 /delay/200 that depend on the chain; passes when slow answers 504 and no more of the others overlap at one instant than maxConcurrency: a timed-out request frees its slot once (skipped otherwise).',
  async run(context): Promise<Verdict> {
    const limits = context.capabilities.limits;
    const skip = afterTimeoutSkip(limits);
    if (skip !== undefined) return { kind: 'skip', reason: skip };
    const t = limits.requestTimeoutMs;
    const delay = (ms: number) => `${context.fixtures}/delay/${Math.round(ms)}`;
    const fan = Array.from({ length: limits.maxConcurrency + 2 }, (_, i) => ({
      id: `f${i}`,
      method: 'GET',
      url: delay(FAN_MS),
      dependsOn: ['c2'],
    }));
    const call = await postBatch(context, {
      requests: [
        { id: 'slow', method: 'GET', url: delay(t + 200) },
        { id: 'c0', method: 'GET', url: delay(linkMs(t)) },
        { id: 'c1', method: 'GET', url: delay(linkMs(t)), dependsOn: ['c0'] },
        { id: 'c2', method: 'GET', url: delay(linkMs(t)), dependsOn: ['c1'] },
        ...fan,
      ],
    });
    if (!call.ok) return call.verdict;
    const slow = call.byId('slow')?.status;
    if (slow !== 504)
      return failVerdict(`slow (past requestTimeoutMs) answered ${slow}, not 504`, call.evidence);
    const intervals: Interval[] = [];
    for (const request of fan) {
      const interval = intervalOf(call.byId(request.id));
      if (interval === undefined)
        return failVerdict(`${request.id} did not answer the { start, end } of /delay`, call.evidence);
      intervals.push(interval);
    }
    const most = maxOverlap(intervals);
    if (most > limits.maxConcurrency) {
      return failVerdict(
        `after a request timed out, ${most} inner requests ran at once, above the advertised maxConcurrency ${limits.maxConcurrency}`,
        call.evidence,
      );
    }
    return PASS;
  },
};
