import type { BatchRequest } from '@batchwire/schema';
import { raceAbort } from './abort.js';
import type { Outcome } from './answer.js';
import { MIN_MAX_REQUESTS } from './check-answer.js';
import { components, packComponents } from './components.js';
import { batchError } from './errors.js';
import type { ItemSink } from './read-answer.js';
import type { BatchResult } from './result.js';
import { type RoundDeps, sendRounds } from './throttle.js';
import { abortedOutcome, type PostOptions } from './transport.js';

/** The problem type of an exceeded limit (the schema's `PROBLEM_TYPES.limitExceeded`). */
export const LIMIT_EXCEEDED = 'https://batchwire.dev/problems/limit-exceeded';

/** The error of a connected group of calls that no batch within `max` can hold. */
function groupTooLarge(envelope: BatchRequest, group: readonly number[], max: number): Outcome<never> {
  const ids = group.slice(0, 6).map((index) => envelope.requests[index]!.id);
  const detail = `the ${group.length} calls ${ids.join(', ')}${group.length > 6 ? ', ...' : ''} are linked by dependsOn or references, so no batch of maxRequests (${max}) holds them; nothing was sent`;
  const problem = {
    type: LIMIT_EXCEEDED,
    title: 'Limit exceeded',
    status: 413,
    limit: { name: 'maxRequests', value: max },
    errors: [{ pointer: '/requests', rule: 'limit.maxRequests', detail }],
  };
  return { ok: false, error: batchError({ kind: 'problem', status: 413, problem }) };
}

/**
 * Sends an explicit batch. Above the server's `maxRequests`, its independent groups of calls
 * (connected by `dependsOn` or references) go in separate batches sent concurrently, results kept
 * in call order; a group larger than `maxRequests` is an error before anything is sent. With
 * `onError: "stop"` the whole batch is one group (stopping cannot cross batches).
 */
export async function sendExplicit(
  deps: RoundDeps,
  envelope: BatchRequest,
  post: PostOptions,
  sink: ItemSink,
): Promise<Outcome<BatchResult[]>> {
  const { requests } = envelope;
  // Every server accepts this many: no need to ask.
  if (requests.length <= MIN_MAX_REQUESTS) return sendRounds(deps, envelope, post, sink);
  const { signal } = post;
  const described = await raceAbort(deps.capabilities(), signal, () => abortedOutcome(signal!));
  if (!described.ok && described.error.kind === 'aborted') return described;
  // An unknown limit is the server's to enforce.
  const max = described.ok ? described.value.limits.maxRequests : requests.length;
  if (requests.length <= max) return sendRounds(deps, envelope, post, sink);
  const groups = envelope.options?.onError === 'stop' ? [requests.map((_, i) => i)] : components(requests);
  const packed = packComponents(groups, max);
  if (!packed.ok) return groupTooLarge(envelope, packed.group, max);
  const outcomes = await Promise.all(
    packed.batches.map((indices, part) =>
      sendRounds(
        deps,
        { ...envelope, requests: indices.map((index) => requests[index]!) },
        { ...post, idempotencyKey: post.idempotencyKey && `${post.idempotencyKey}-${part + 1}` },
        (index, result) => sink(indices[index]!, result),
      ),
    ),
  );
  const results: BatchResult[] = [];
  for (const [part, outcome] of outcomes.entries()) {
    if (!outcome.ok) return outcome;
    for (const [index, result] of outcome.value.entries()) results[packed.batches[part]![index]!] = result;
  }
  return { ok: true, value: results };
}
