import type { BatchRequest, Capabilities } from '@batchwire/schema';
import { sleep } from './abort.js';
import type { Outcome } from './answer.js';
import type { ClientContext } from './context.js';
import { followUp } from './follow-up.js';
import type { ItemSink } from './read-answer.js';
import type { BatchResult } from './result.js';
import { type RetryPolicy, sendWithRetry } from './retry.js';
import { retryAfterMs } from './retry-after.js';
import { abortedOutcome, type PostOptions } from './transport.js';
import { randomUuid } from './uuid.js';

/** How `retryThrottled` sends again the calls answered 429 or 503 with a `Retry-After`. */
export interface ThrottlePolicy {
  /** Most times one call is sent, the first included (default 3). */
  readonly maxAttempts: number;
  /** Longest wait before a follow-up batch, whatever `Retry-After` asks (default 30000 ms). */
  readonly maxDelayMs: number;
}

/** The settings of `retryThrottled` (each defaults as {@link ThrottlePolicy} says). */
export type ThrottleOptions = Partial<ThrottlePolicy>;

/** `true` means the defaults, `false` or `undefined` off. */
export function throttlePolicy(option: boolean | ThrottleOptions | undefined): ThrottlePolicy | undefined {
  const given = option === true ? {} : option || undefined;
  return (
    given && {
      maxAttempts: Math.max(1, Math.floor(given.maxAttempts ?? 3)),
      maxDelayMs: Math.max(0, given.maxDelayMs ?? 30_000),
    }
  );
}

/** What sending one batch (with its follow-ups) needs. */
export interface RoundDeps {
  readonly context: ClientContext;
  readonly capabilities: () => Promise<Outcome<Capabilities>>;
  readonly retry: RetryPolicy | undefined;
  readonly throttle: ThrottlePolicy | undefined;
}

/** The id of the call a 424 result names as the reason it did not run. */
function dependencyOf(result: BatchResult): string | undefined {
  const body = result.body as { dependency?: unknown } | null;
  return result.status === 424 && typeof body?.dependency === 'string' ? body.dependency : undefined;
}

/**
 * Sends a batch; with a throttle policy, the calls answered 429 or 503 with a `Retry-After`, and
 * those answered 424 only because of them, are held back and sent again together in one follow-up
 * batch after the longest `Retry-After` (capped), up to `maxAttempts`. Calls that got any other
 * answer reach `sink` at once and are never sent again. Results are in request order.
 */
export async function sendRounds(
  deps: RoundDeps,
  envelope: BatchRequest,
  post: PostOptions,
  sink: ItemSink,
): Promise<Outcome<BatchResult[]>> {
  const final: (BatchResult | undefined)[] = envelope.requests.map(() => undefined);
  const maxAttempts = deps.throttle?.maxAttempts ?? 1;
  let round: { envelope: BatchRequest; indices: readonly number[] } = {
    envelope,
    indices: envelope.requests.map((_, index) => index),
  };
  let key = post.idempotencyKey;
  for (let attempt = 1; ; attempt++) {
    const held = new Set<string>();
    let wait = 0;
    const { indices } = round;
    const roundSink: ItemSink = (index, answer) => {
      const position = indices[index]!;
      const result = { ...answer, attempts: attempt };
      final[position] = result;
      if (attempt < maxAttempts) {
        const after = retryAfterMs(result);
        const dependency = dependencyOf(result);
        if (after !== undefined || (dependency !== undefined && held.has(dependency))) {
          held.add(result.id);
          wait = Math.max(wait, after ?? 0);
          return;
        }
      }
      sink(position, result);
    };
    const outcome = await sendWithRetry(
      deps.context,
      round.envelope,
      { ...post, idempotencyKey: key },
      deps.retry,
      deps.capabilities,
      roundSink,
    );
    if (!outcome.ok) return outcome;
    if (held.size === 0) break;
    const again = envelope.requests.flatMap((request, index) => (held.has(request.id) ? [index] : []));
    const next = followUp(envelope, again, final);
    for (const index of next.stuck) sink(index, final[index]!);
    if (next.indices.length === 0) break;
    await sleep(Math.min(wait, deps.throttle?.maxDelayMs ?? 0), post.signal);
    if (post.signal?.aborted) return abortedOutcome(post.signal);
    round = next;
    // The follow-up is another envelope: reusing the key would be an idempotency mismatch.
    key = key === undefined ? undefined : randomUuid();
  }
  return { ok: true, value: final as BatchResult[] };
}
