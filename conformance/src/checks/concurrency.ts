import { failVerdict, PASS } from '../run/verdict.js';
import type { NamedCheck } from './check-context.js';
import { delayIntervals, type Interval } from './delay-intervals.js';

/** Independent requests run concurrently: the `/delay` intervals of the server clock overlap. */
export const concurrency: NamedCheck = {
  summary:
    'Sends N independent GET {fixtures}/delay/{ms} requests (N = min(4, maxConcurrency)) and passes when all the [start, end) intervals the fixture reports overlap, so speed is judged by the server clock, not by wall time.',
  async run(context, params) {
    const count = Math.min(Number(params.count ?? 4), context.capabilities.limits.maxConcurrency);
    if (count < 2) return { kind: 'skip', reason: 'the server advertises maxConcurrency 1' };
    const ms = Number(params.ms ?? 200);
    const probe = await delayIntervals(context, count, ms);
    if (!probe.ok) return probe.verdict;
    const latestStart = Math.max(...probe.intervals.map((i) => i.start));
    const earliestEnd = Math.min(...probe.intervals.map((i) => i.end));
    if (latestStart >= earliestEnd) {
      return failVerdict(
        `the ${count} independent /delay/${ms} requests did not overlap (latest start ${latestStart} >= earliest end ${earliestEnd}): they ran one after another`,
        probe.evidence,
      );
    }
    return PASS;
  },
};

/** Counts the most intervals open at one instant. */
export function maxOverlap(intervals: readonly Interval[]): number {
  const events = intervals.flatMap((i) => [
    [i.start, 1],
    [i.end, -1],
  ]) as [number, number][];
  // Ends sort before starts at the same instant: touching intervals do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let open = 0;
  let most = 0;
  for (const [, delta] of events) {
    open += delta;
    most = Math.max(most, open);
  }
  return most;
}

/** No more inner requests of one batch run at once than the advertised `maxConcurrency`. */
export const concurrencyLimit: NamedCheck = {
  summary:
    'Sends maxConcurrency + 2 GET {fixtures}/delay/{ms} requests and fails when more of their intervals overlap at one instant than maxConcurrency (skipped above 32 or above maxRequests).',
  async run(context, params) {
    const { maxConcurrency, maxRequests } = context.capabilities.limits;
    const count = maxConcurrency + 2;
    if (maxConcurrency > 32 || count > maxRequests) {
      return { kind: 'skip', reason: `maxConcurrency ${maxConcurrency} is too large to probe in one batch` };
    }
    const probe = await delayIntervals(context, count, Number(params.ms ?? 100));
    if (!probe.ok) return probe.verdict;
    const most = maxOverlap(probe.intervals);
    if (most > maxConcurrency) {
      return failVerdict(
        `${most} inner requests ran at once, above the advertised maxConcurrency ${maxConcurrency}`,
        probe.evidence,
      );
    }
    return PASS;
  },
};
