import {
  type AllowedMethod,
  type BatchRequest,
  type Capabilities,
  type HeaderMap,
  type InnerRequest,
  MIN_MAX_REQUESTS,
  parseBatch,
} from '@batchwire/schema';
import type { Outcome } from './answer.js';
import { createCoalescer } from './coalescer.js';
import type { ClientContext } from './context.js';
import { type Deferred, deferred } from './deferred.js';
import { batchError } from './errors.js';
import type { BatchResult } from './result.js';
import { type RetryPolicy, sendWithRetry } from './retry.js';
import { randomUuid } from './uuid.js';

/** The second argument of `client.fetch`: like `fetch`'s, with a JSON body. */
export interface FetchInit {
  /** HTTP method, default GET. */
  readonly method?: AllowedMethod | Lowercase<AllowedMethod>;
  /** Headers of this inner call. */
  readonly headers?: HeaderMap;
  /** Any JSON value (not on GET or HEAD). */
  readonly body?: unknown;
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
}

/** What the auto-batcher needs from its client. */
export interface AutoBatchDeps {
  readonly context: ClientContext;
  readonly capabilities: () => Promise<Outcome<Capabilities>>;
  readonly retry: RetryPolicy | undefined;
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
  const dispatch = (calls: PendingCall[]) => {
    const envelope: BatchRequest = {
      requests: calls.map((call, index) => ({ ...call.request, id: String(index + 1) })),
    };
    const key = deps.retry === undefined ? undefined : randomUuid();
    const post = { stream: false, headers: {}, idempotencyKey: key };
    const sink = (index: number, result: BatchResult) => calls[index]?.settle.resolve(result);
    void sendWithRetry(deps.context, envelope, post, deps.retry, deps.capabilities, sink).then((outcome) => {
      if (!outcome.ok) for (const call of calls) call.settle.reject(outcome.error);
    });
  };
  const coalescer = createCoalescer<PendingCall>({ windowMs: deps.options.windowMs ?? 0, maxSize, dispatch });

  return <T>(url: string, init: FetchInit = {}) => {
    const request: Omit<InnerRequest, 'id'> = {
      method: (init.method ?? 'GET').toUpperCase() as AllowedMethod,
      url,
      ...(init.headers === undefined ? {} : { headers: { ...init.headers } }),
      ...(init.body === undefined ? {} : { body: init.body }),
    };
    // Check the call alone first, so one bad call cannot get the whole coalesced batch rejected.
    const alone = parseBatch({ requests: [{ ...request, id: '1' }] });
    if (!alone.ok) {
      const { problem } = alone;
      return Promise.reject(batchError({ kind: 'problem', status: problem.status, problem }));
    }
    const settle = deferred<BatchResult>();
    coalescer.push({ request, settle });
    return settle.promise as Promise<BatchResult<T>>;
  };
}
