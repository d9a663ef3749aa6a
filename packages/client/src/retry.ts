import type { BatchRequest, Capabilities } from '@batchwire/schema';
import { raceAbort, sleep } from './abort.js';
import type { Outcome } from './answer.js';
import type { ClientContext } from './context.js';
import type { ItemSink } from './read-answer.js';
import type { BatchResult } from './result.js';
import { abortedOutcome, type PostOptions, postBatch } from './transport.js';

/** The problem type of a 409 "still running" (the schema's `PROBLEM_TYPES.idempotencyInProgress`). */
export const IN_PROGRESS = 'https://batchwire.dev/problems/idempotency-in-progress';

/** Retry of a whole batch after a network failure, made safe by its Idempotency-Key. */
export interface RetryOptions {
  /** How many times to send again after the first attempt (default 2). */
  readonly retries?: number;
  /** Wait before the first retry, doubled each time (default 100 ms). */
  readonly delayMs?: number;
}

/** Retry settings with defaults filled in. */
export type RetryPolicy = Required<RetryOptions>;

/** Fills in retry defaults; `true` means the defaults, `false` or `undefined` no retry. */
export function retryPolicy(option: boolean | RetryOptions | undefined): RetryPolicy | undefined {
  if (!option) return undefined;
  const { retries = 2, delayMs = 100 } = option === true ? {} : option;
  return { retries: Math.max(0, retries), delayMs: Math.max(0, delayMs) };
}

function retryable(
  outcome: Outcome<unknown>,
  signal: AbortSignal | undefined,
): 'network' | 'in-progress' | undefined {
  if (outcome.ok) return undefined;
  const { error } = outcome;
  // An abort the caller did not ask for is the client's own timeoutMs: as good as a lost answer.
  if (error.kind === 'network' || (error.kind === 'aborted' && !signal?.aborted)) return 'network';
  // The first attempt is still running on the server: asking again later cannot run anything twice.
  if (error.kind === 'problem' && error.problem.type === IN_PROGRESS) return 'in-progress';
  return undefined;
}

/**
 * Sends a batch, and with a policy sends it again (same envelope, same Idempotency-Key) only after
 * a network failure (or the client's own timeout) or a 409 "in progress", and only to a server that advertises idempotency, so a
 * batch that did run is replayed by the server rather than run twice. Never a blind re-send.
 */
export async function sendWithRetry(
  context: ClientContext,
  envelope: BatchRequest,
  options: PostOptions,
  policy: RetryPolicy | undefined,
  capabilities: () => Promise<Outcome<Capabilities>>,
  sink: ItemSink,
): Promise<Outcome<BatchResult[]>> {
  let outcome = await postBatch(context, envelope, options, sink);
  if (policy === undefined || options.idempotencyKey === undefined) return outcome;
  for (let retry = 0; retry < policy.retries; retry++) {
    const { signal } = options;
    const reason = retryable(outcome, signal);
    if (reason === undefined) return outcome;
    await sleep(policy.delayMs * 2 ** retry, signal);
    if (signal?.aborted) return abortedOutcome(signal);
    if (reason === 'network') {
      const described = await raceAbort(capabilities(), signal, () => abortedOutcome(signal!));
      // Unknown support: do not re-send blindly; try to learn it again on the next round.
      if (!described.ok) continue;
      if (!described.value.features.idempotency) return outcome;
    }
    outcome = await postBatch(context, envelope, options, sink);
  }
  return outcome;
}
