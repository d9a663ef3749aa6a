import { IDEMPOTENCY_KEY_HEADER, PROBLEM_TYPES } from '@batchwire/schema';
import { failVerdict, PASS } from '../run/verdict.js';
import { readCounter, sleep } from './batch-call.js';
import type { NamedCheck } from './check-context.js';

/** How long the check waits for the first batch to be seen running before it gives up. */
const START_WAIT_MS = 2000;

/** A retry with the same Idempotency-Key while the first batch is still running gets 409 and runs nothing. */
export const idempotencyInProgress: NamedCheck = {
  summary:
    'Sends a batch of a counter bump and a /delay/800 with a fresh Idempotency-Key, waits until the counter shows it running, sends the same envelope with the same key, and passes when the retry answers 409 idempotency-in-progress, the first 200, and the counter was bumped once.',
  async run(context) {
    const headers = { [IDEMPOTENCY_KEY_HEADER]: `conformance-${context.run}` };
    const counter = `${context.run}-idempotency`;
    const envelope = {
      requests: [
        { id: 'bump', method: 'POST', url: `${context.fixtures}/counters/${counter}` },
        { id: 'slow', method: 'GET', url: `${context.fixtures}/delay/800` },
      ],
    };
    const first = context.exchange({ body: envelope, headers });
    // The retry must arrive while the first batch runs: wait (bounded) until its bump is visible.
    const deadline = Date.now() + START_WAIT_MS;
    let seen = 0;
    while (seen === 0 && Date.now() < deadline) {
      const value = await readCounter(context, counter);
      if (typeof value !== 'number') return value.verdict;
      seen = value;
      if (seen === 0) await sleep(20);
    }
    if (seen === 0) {
      const firstDone = await first;
      return failVerdict(
        `the first batch was not seen running within ${START_WAIT_MS} ms`,
        firstDone.evidence,
      );
    }
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
