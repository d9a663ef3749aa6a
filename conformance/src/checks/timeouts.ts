import { type InnerResponse, PROBLEM_TYPES } from '@batchwire/schema';
import { isObject } from '../match/json.js';
import { failVerdict, PASS } from '../run/verdict.js';
import { postBatch } from './batch-call.js';
import type { NamedCheck } from './check-context.js';
import { probeLimit } from './limit-probe.js';

/** The longest wait the checks ask of `/delay` (the fixture's own bound is 5000 ms). */
const MAX_PROBE_MS = 3000;

/** Why a timeout too long for `/delay` is skipped. */
const TOO_LONG = 'is too long to probe with /delay in this run';

function problemType(response: InnerResponse | undefined): unknown {
  return isObject(response?.body) ? response.body.type : undefined;
}

/** An inner request slower than `requestTimeoutMs` answers 504, and only that request. */
export const requestTimeout: NamedCheck = {
  summary:
    'When requestTimeoutMs is at most 2500, sends /delay/(requestTimeoutMs + 500) beside an echo and passes when the slow one answers 504, the echo 200, and the summary counts the timeout as failed (skipped otherwise).',
  run: probeLimit(
    'requestTimeoutMs',
    (limit) => limit + 500 > MAX_PROBE_MS,
    TOO_LONG,
    async (context, limit) => {
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
    },
  ),
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
