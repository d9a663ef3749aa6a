import type { Evidence } from '../run/evidence.js';
import { failVerdict, type Verdict } from '../run/verdict.js';
import { intervalOf, postBatch } from './batch-call.js';
import type { CheckContext } from './check-context.js';

/** A `[start, end)` interval of the server clock, as the `/delay` fixture reports it. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Sends `count` independent `GET {fixtures}/delay/{ms}` in one batch; returns their intervals or a failing verdict. */
export async function delayIntervals(
  context: CheckContext,
  count: number,
  ms: number,
): Promise<
  | { readonly ok: true; readonly intervals: Interval[]; readonly evidence: Evidence }
  | { readonly ok: false; readonly verdict: Verdict }
> {
  const requests = Array.from({ length: count }, (_, i) => ({
    id: `d${i}`,
    method: 'GET',
    url: `${context.fixtures}/delay/${ms}`,
  }));
  const call = await postBatch(context, { requests });
  if (!call.ok) return call;
  const intervals: Interval[] = [];
  for (const request of requests) {
    const interval = intervalOf(call.byId(request.id));
    if (interval === undefined) {
      return {
        ok: false,
        verdict: failVerdict('a /delay request did not answer { start, end }', call.evidence),
      };
    }
    intervals.push(interval);
  }
  return { ok: true, intervals, evidence: call.evidence };
}
