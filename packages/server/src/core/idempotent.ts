import { IDEMPOTENCY_KEY_HEADER, type ParsedBatch, PROBLEM_TYPES, type Problem } from '@batchwire/schema';
import { envelopeFingerprint, invalidKeyProblem, isValidKey, scopedKey } from '../idempotency/key.js';
import type { IdempotencyStore } from '../idempotency/store.js';
import { type BatchLogger, safeLog } from './logger.js';
import type { BatchwireConfig } from './options.js';
import type { OuterHeaders } from './types.js';

/** A key this run holds in the store. */
export interface Claim {
  readonly key: string;
  readonly fingerprint: string;
}

/** What the `Idempotency-Key` of a request means for it: run (maybe claimed), replay, or refuse. */
export type KeyDecision =
  | { readonly kind: 'run'; readonly claim: Claim | undefined }
  | { readonly kind: 'replay'; readonly body: string }
  | { readonly kind: 'refuse'; readonly problem: Problem };

function headerText(value: string | readonly string[] | undefined): string | undefined {
  return typeof value === 'string' || value === undefined ? value : value.join(', ');
}

/**
 * Longest the core waits for the store (ms): a store that hangs (a client queueing commands while
 * its server is away) must not hang the batch endpoint with it.
 */
export const STORE_WAIT_MS = 10_000;

const TIMED_OUT = Symbol('timed out');

/** The store's answer, or TIMED_OUT once `ms` passed; a rejection rejects. */
async function bounded<T>(work: T | Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Stryker disable next-line BlockStatement: unreachable from a request: a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)
  const expired = new Promise<typeof TIMED_OUT>((resolve) => {
    // Stryker disable next-line ArrowFunction: unreachable from a request: a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  try {
    return await Promise.race([Promise.resolve(work), expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** The problem of a keyed batch whose store could not be asked: nothing ran (spec req-idem-9). */
export function storeUnavailableProblem(): Problem {
  return {
    type: PROBLEM_TYPES.idempotencyUnavailable,
    title: 'Idempotency store unavailable',
    status: 503,
    detail: `The store that keeps ${IDEMPOTENCY_KEY_HEADER} answers could not be reached; nothing ran. Retry later with the same key.`,
    errors: [
      {
        pointer: '',
        rule: 'idempotency.unavailable',
        detail: 'the idempotency store failed to claim the key',
      },
    ],
  };
}

/** Asks the store about a request's key (scoped by its credentials) and claims it for a new run. */
export async function decideKey(
  headers: OuterHeaders,
  parsed: ParsedBatch,
  config: BatchwireConfig,
  store: IdempotencyStore | undefined,
  logger: BatchLogger | undefined,
): Promise<KeyDecision> {
  const raw = headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()];
  if (store === undefined || config.idempotency === undefined || raw === undefined)
    // Stryker disable next-line ObjectLiteral,StringLiteral: handlePost only tests for refuse and replay, so any other decision runs the batch (no claim either way)
    return { kind: 'run', claim: undefined };
  const key = headerText(raw)!;
  if (!isValidKey(key)) return { kind: 'refuse', problem: invalidKeyProblem() };
  const scoped = await scopedKey(
    key,
    config.credentialHeaders.map((name) => headerText(headers[name])),
  );
  const fingerprint = await envelopeFingerprint(parsed.value);
  let begin: Awaited<ReturnType<IdempotencyStore['begin']>>;
  try {
    const pending = Promise.resolve(store.begin(scoped, fingerprint));
    const answer = await bounded(pending, STORE_WAIT_MS);
    if (answer === TIMED_OUT) {
      // Nothing runs; a claim the store grants after all is released, so the key does not stay "running".
      pending
        .then((late) => (late.state === 'started' ? store.abandon(scoped) : undefined))
        .catch(() => undefined);
      throw new Error(`the store did not answer within ${STORE_WAIT_MS} ms`);
    }
    begin = answer;
  } catch (error) {
    safeLog(logger, 'error', { err: error }, 'idempotency store failed to claim a key');
    return { kind: 'refuse', problem: storeUnavailableProblem() };
  }
  if (begin.state !== 'started' && begin.fingerprint !== fingerprint) {
    return {
      kind: 'refuse',
      problem: {
        type: PROBLEM_TYPES.idempotencyMismatch,
        title: 'Idempotency key reused',
        status: 422,
        detail: `This ${IDEMPOTENCY_KEY_HEADER} was used with a different envelope; nothing ran.`,
      },
    };
  }
  if (begin.state === 'running') {
    return {
      kind: 'refuse',
      problem: {
        type: PROBLEM_TYPES.idempotencyInProgress,
        title: 'Batch in progress',
        status: 409,
        detail: `The batch with this ${IDEMPOTENCY_KEY_HEADER} is still running; retry once it has finished.`,
      },
    };
  }
  if (begin.state === 'done') return { kind: 'replay', body: begin.response.body };
  // Stryker disable next-line StringLiteral: handlePost only tests for refuse and replay, so any other kind runs the batch with this claim
  return { kind: 'run', claim: { key: scoped, fingerprint } };
}

/** Stores a finished run's answer; a store failure is logged and the answer still goes out. */
export async function completeClaim(
  claim: Claim,
  body: string,
  store: IdempotencyStore,
  ttlMs: number,
  logger: BatchLogger | undefined,
): Promise<void> {
  try {
    const done = await bounded(store.complete(claim.key, claim.fingerprint, { body }, ttlMs), STORE_WAIT_MS);
    // Stryker disable next-line ConditionalExpression,EqualityOperator: unreachable from a request: a store that does not answer in time: the suite cannot slow a server's store (req-idem-7 is excluded from the suite with that reason)
    if (done === TIMED_OUT) throw new Error(`the store did not answer within ${STORE_WAIT_MS} ms`);
  } catch (error) {
    safeLog(logger, 'error', { err: error }, 'idempotency store failed to keep an answer');
  }
}

/** Releases a claim whose run produced nothing worth replaying; a store failure is logged. */
export async function abandonClaim(
  claim: Claim,
  store: IdempotencyStore,
  logger: BatchLogger | undefined,
): Promise<void> {
  try {
    await store.abandon(claim.key);
  } catch (error) {
    safeLog(logger, 'error', { err: error }, 'idempotency store failed to release a key');
  }
}
