import type { AllowedMethod, BatchRequest, HeaderMap, InnerRequest } from '@batchwire/schema';
import { isAbortSignal } from './abort.js';
import { blame } from './blame.js';
import { MIN_MAX_REQUESTS } from './check-answer.js';
import { createCoalescer } from './coalescer.js';
import { type Deferred, deferred } from './deferred.js';
import { batchError } from './errors.js';
import type { BatchResult } from './result.js';
import { type RoundDeps, sendRounds } from './throttle.js';
import { randomUuid } from './uuid.js';

/** The second argument of `client.fetch`: like `fetch`'s, with a JSON body. */
export interface FetchInit {
  /** HTTP method, default GET. */
  readonly method?: AllowedMethod | Lowercase<AllowedMethod>;
  /** Headers of this inner call. */
  readonly headers?: HeaderMap;
  /** Any JSON value (not on GET or HEAD). */
  readonly body?: unknown;
  /** Aborting it rejects this call with a `BatchError` of kind `aborted`; a batch all of whose calls were aborted is aborted too. */
  readonly signal?: AbortSignal;
}

/** Auto-batching settings. */
export interface AutoBatchOptions {
  /** How long to collect calls after the first, in ms; 0 (default) collects the calls of the current tick. */
  readonly windowMs?: number;
  /** Largest batch to send, on top of the server's advertised `maxRequests`. */
  readonly maxBatchSize?: number;
}

interface PendingCall {
  readonly request: Omit<InnerRequest, 'id'>;
  readonly settle: Deferred<BatchResult>;
  /** Whether the caller aborted it (it is then left out, or its batch aborted when all are). */
  aborted: boolean;
  /** Called when the caller aborts after the call was dispatched. */
  onAbort?: () => void;
}

/** What the auto-batcher needs from its client. */
export interface AutoBatchDeps extends RoundDeps {
  readonly options: AutoBatchOptions;
}

/** The `client.fetch` function: one call, coalesced with the others of its window into one batch. */
export type AutoFetch = <T = unknown>(url: string, init?: FetchInit) => Promise<BatchResult<T>>;

/** Creates `client.fetch`: calls of one window become one batch, split above the server's `maxRequests`. */
export function createAutoFetch(deps: AutoBatchDeps): AutoFetch {
  const maxSize = async () => {
    const described = await deps.capabilities();
    // Every server must accept 20 requests, so 20 is safe when the document cannot be read.
    const limit = described.ok ? described.value.limits.maxRequests : MIN_MAX_REQUESTS;
    return Math.min(limit, deps.options.maxBatchSize ?? limit);
  };
  const dispatch = (all: PendingCall[]): void => {
    const calls = all.filter((call) => !call.aborted);
    if (calls.length === 0) return;
    const envelope: BatchRequest = {
      requests: calls.map((call, index) => ({ ...call.request, id: String(index + 1) })),
    };
    const controller = new AbortController();
    for (const call of calls) {
      call.onAbort = () => {
        if (calls.every((other) => other.aborted)) controller.abort();
      };
    }
    const key = deps.retry === undefined ? undefined : randomUuid();
    const post = { stream: false, headers: {}, idempotencyKey: key, signal: controller.signal };
    const sink = (index: number, result: BatchResult) => calls[index]?.settle.resolve(result);
    void sendRounds(deps, envelope, post, sink).then((outcome) => {
      if (outcome.ok) return;
      // A rejected envelope ran nothing: refuse the calls it names, and send the others again.
      const blamed = blame(outcome.error, calls.length);
      if (blamed === undefined) for (const call of calls) call.settle.reject(outcome.error);
      else {
        for (const [index, error] of blamed) calls[index]?.settle.reject(error);
        dispatch(calls.filter((_, index) => !blamed.has(index)));
      }
    });
  };
  const coalescer = createCoalescer<PendingCall>({ windowMs: deps.options.windowMs ?? 0, maxSize, dispatch });
  // Async, so that anything wrong with a call (even a body JSON cannot carry) is a rejection.
  return async <T>(url: string, init: FetchInit = {}): Promise<BatchResult<T>> => {
    const { signal } = init;
    if (signal !== undefined && !isAbortSignal(signal))
      throw new TypeError('client.fetch: init.signal is not an AbortSignal');
    JSON.stringify(init.body);
    const request: Omit<InnerRequest, 'id'> = {
      method: String(init.method ?? 'GET').toUpperCase() as AllowedMethod,
      url,
      ...(init.headers === undefined ? {} : { headers: { ...init.headers } }),
      ...(init.body === undefined ? {} : { body: init.body }),
    };
    if (signal?.aborted) throw batchError({ kind: 'aborted', cause: signal.reason });
    const call: PendingCall = { request, settle: deferred<BatchResult>(), aborted: false };
    if (signal !== undefined) {
      const abort = () => {
        call.aborted = true;
        call.settle.reject(batchError({ kind: 'aborted', cause: signal.reason }));
        call.onAbort?.();
      };
      signal.addEventListener('abort', abort, { once: true });
      const detach = () => signal.removeEventListener('abort', abort);
      call.settle.promise.then(detach, detach);
    }
    coalescer.push(call);
    return call.settle.promise as Promise<BatchResult<T>>;
  };
}
