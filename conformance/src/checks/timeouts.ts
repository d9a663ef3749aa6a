import { type InnerResponse, PROBLEM_TYPES } from '@batchwire/schema';
import { isObject } from '../match/json.js';
import { failVerdict, PASS, type Verdict } from '../run/verdict.js';
import { type BatchCall, postBatch } from './batch-call.js';
import type { NamedCheck } from './check-context.js';
import { probeLimit } from './limit-probe.js';

/** The longest wait the checks ask of `/delay` (the fixture's own bound is 5000 ms). */
const MAX_PROBE_MS = 3000;

/** Why a timeout too long for `/delay` is skipped. */
const TOO_LONG = 'is too long to probe with /delay in this run';

/** A request-timeout probe: skipped when `/delay/(requestTimeoutMs + 500)` would be too slow. */
const probeRequestTimeout = (probe: Parameters<typeof probeLimit>[3]) =>
  probeLimit('requestTimeoutMs', (limit) => limit + 500 > MAX_PROBE_MS, TOO_LONG, probe);

function problemType(response: InnerResponse | undefined): unknown {
  return isObject(response?.body) ? response.body.type : undefined;
}

/** An inner request slower than `requestTimeoutMs` answers 504, and only that request. */
export const requestTimeout: NamedCheck = {
  summary:
    'When requestTimeoutMs is at most 2500, sends /delay/(requestTimeoutMs + 500) beside an echo and passes when the slow one answers 504, the echo 200, and the summary counts the timeout as failed (skipped otherwise).',
  run: probeRequestTimeout(async (context, limit) => {
    const call = await postBatch(context, {
      requests: [
        { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/${limit + 500}` },
        { id: 'fast', method: 'GET', url: `${context.fixtures}/echo` },
      ],
    });
    if (!call.ok) return call.verdict;
    const slow = call.byId('slow')?.status;
    const fast = call.byId('fast')?.status;
    if (slow !== 504)
      return failVerdict(`the request past requestTimeoutMs answered ${slow}, not 504`, call.evidence);
    if (problemType(call.byId('slow')) !== PROBLEM_TYPES.timeout)
      return failVerdict('the 504 is not a problem of type timeout', call.evidence);
    if (fast !== 200)
      return failVerdict(`the fast request beside it answered ${fast}, not 200`, call.evidence);
    if (call.body.summary.failed !== 1)
      return failVerdict('the summary does not count the timeout as failed', call.evidence);
    return PASS;
  }),
};

/** When the batch deadline passes, unfinished requests answer 504 and unstarted ones 424. */
export const batchTimeout: NamedCheck = {
  summary:
    'When batchTimeoutMs is at most 2500, sends slow (/delay/(batchTimeoutMs + 300)) and then (dependsOn slow) and passes when slow answers 504 and then answers 424 without running (skipped otherwise).',
  run: probeLimit(
    'batchTimeoutMs',
    (limit) => limit + 300 > MAX_PROBE_MS,
    TOO_LONG,
    async (context, limit) => {
      const call = await postBatch(context, {
        requests: [
          { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/${limit + 300}` },
          { id: 'then', method: 'GET', url: `${context.fixtures}/echo`, dependsOn: ['slow'] },
        ],
      });
      if (!call.ok) return call.verdict;
      const slow = call.byId('slow')?.status;
      const then = call.byId('then')?.status;
      if (slow !== 504)
        return failVerdict(
          `the request unfinished at the batch deadline answered ${slow}, not 504`,
          call.evidence,
        );
      if (then !== 424)
        return failVerdict(`the request never started answered ${then}, not 424`, call.evidence);
      if (problemType(call.byId('slow')) !== PROBLEM_TYPES.timeout)
        return failVerdict('the 504 is not a problem of type timeout', call.evidence);
      return PASS;
    },
  ),
};

/** A failing verdict unless every named entry is a 504 `timeout` problem. */
function timedOut(call: BatchCall, ids: readonly string[], what: string): Verdict {
  for (const id of ids) {
    const entry = call.byId(id);
    if (entry?.status !== 504 || problemType(entry) !== PROBLEM_TYPES.timeout)
      return failVerdict(`${what} "${id}" answered ${entry?.status}, not 504 timeout`, call.evidence);
  }
  return PASS;
}

/** Requests started at different moments each time out `requestTimeoutMs` after their own start. */
export const requestTimeoutOwnStart: NamedCheck = {
  summary:
    'When requestTimeoutMs (T) is at most 2500, batchTimeoutMs at least 1.6 T + 200 and maxConcurrency at least 3, sends early (/delay/(T + 500)) and gate (/delay/(0.6 T)), then, both depending on gate, late (/delay/(T + 500)) and within (/delay/(0.7 T)); passes when early and late answer 504 timeout and gate and within 200: within was still running when early timed out, and finished within T of its own start (skipped otherwise).',
  run: probeRequestTimeout(async (context, limit) => {
    const { batchTimeoutMs, maxConcurrency } = context.capabilities.limits;
    if (batchTimeoutMs < 1.6 * limit + 200 || maxConcurrency < 3)
      return {
        kind: 'skip',
        reason: `needs batchTimeoutMs >= 1.6 x requestTimeoutMs + 200 and maxConcurrency >= 3 (advertised ${batchTimeoutMs}, ${maxConcurrency})`,
      };
    const delay = (ms: number) => `${context.fixtures}/delay/${Math.round(ms)}`;
    const call = await postBatch(context, {
      requests: [
        { id: 'early', method: 'GET', url: delay(limit + 500) },
        { id: 'gate', method: 'GET', url: delay(0.6 * limit) },
        { id: 'late', method: 'GET', url: delay(limit + 500), dependsOn: ['gate'] },
        { id: 'within', method: 'GET', url: delay(0.7 * limit), dependsOn: ['gate'] },
      ],
    });
    if (!call.ok) return call.verdict;
    const verdict = timedOut(call, ['early', 'late'], 'the request slower than requestTimeoutMs');
    if (verdict.kind !== 'pass') return verdict;
    for (const id of ['gate', 'within']) {
      const status = call.byId(id)?.status;
      if (status !== 200)
        return failVerdict(
          `"${id}", done within requestTimeoutMs of its own start, answered ${status}, not 200`,
          call.evidence,
        );
    }
    return PASS;
  }),
};

/** A request that waited for a free place under maxConcurrency still times out once it runs. */
export const requestTimeoutQueued: NamedCheck = {
  summary:
    'When requestTimeoutMs (T) is at most 2500, sends maxConcurrency requests /delay/(T + 500) and one more /delay/(T + 300) that must wait for a free place; passes when every one answers 504 timeout, the last included (skipped otherwise, or when maxConcurrency + 1 is over maxRequests).',
  run: probeRequestTimeout(async (context, limit) => {
    const { maxConcurrency, maxRequests } = context.capabilities.limits;
    if (maxConcurrency + 1 > maxRequests)
      return {
        kind: 'skip',
        reason: `maxConcurrency ${maxConcurrency} + 1 is over maxRequests ${maxRequests}`,
      };
    const ids = Array.from({ length: maxConcurrency }, (_, i) => `slot${i}`);
    const call = await postBatch(context, {
      requests: [
        ...ids.map((id) => ({ id, method: 'GET', url: `${context.fixtures}/delay/${limit + 500}` })),
        { id: 'queued', method: 'GET', url: `${context.fixtures}/delay/${limit + 300}` },
      ],
    });
    if (!call.ok) return call.verdict;
    return timedOut(call, [...ids, 'queued'], 'the request slower than requestTimeoutMs');
  }),
};
