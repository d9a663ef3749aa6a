import { IDEMPOTENCY_KEY_HEADER, PROBLEM_TYPES } from '@batchwire/schema';
import { failVerdict, PASS } from '../run/verdict.js';
import { readCounter, sleep } from './batch-call.js';
import type { NamedCheck } from './check-context.js';

/** A retry with the same Idempotency-Key while the first batch is still running gets 409. */
export const idempotencyInProgress: NamedCheck = {
  summary:
    'Sends a batch holding /delay/400 and a counter bump with a fresh Idempotency-Key, sends the same envelope with the same key 100 ms later, and passes when the second answers 409 idempotency-in-progress, the first 200, and the counter was bumped once.',
  async run(context) {
    const headers = { [IDEMPOTENCY_KEY_HEADER]: `conformance-${context.run}` };
    const counter = `${context.run}-idempotency`;
    const envelope = {
      requests: [
        { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/400` },
        { id: 'bump', method: 'POST', url: `${context.fixtures}/counters/${counter}` },
      ],
    };
    const first = context.exchange({ body: envelope, headers });
    await sleep(100);
    const second = await context.exchange({ body: envelope, headers });
    const firstDone = await first;
    if (!second.ok) return failVerdict(second.error, second.evidence);
    if (second.status !== 409)
      return failVerdict(
        `a retry while the first batch ran answered ${second.status}, not 409`,
        second.evidence,
      );
    if (!(second.headers['content-type'] ?? '').toLowerCase().startsWith('application/problem+json')) {
      return failVerdict('the 409 is not application/problem+json', second.evidence);
    }
    if (!second.text.includes(PROBLEM_TYPES.idempotencyInProgress)) {
      return failVerdict(
        `the 409 is not a problem of type ${PROBLEM_TYPES.idempotencyInProgress}`,
        second.evidence,
      );
    }
    if (!firstDone.ok || firstDone.status !== 200) {
      return failVerdict('the first batch did not complete with 200', firstDone.evidence);
    }
    const value = await readCounter(context, counter);
    if (typeof value !== 'number') return value.verdict;
    if (value !== 1)
      return failVerdict(
        `the refused retry executed its requests too (counter ${counter} = ${value})`,
        second.evidence,
      );
    return PASS;
  },
};
