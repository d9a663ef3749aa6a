import type { BatchRequest, Capabilities, InnerRequest } from '@batchwire/schema';
import type { Outcome } from './answer.js';
import type { CallOptions, CallSpec } from './call.js';
import { createCompletionLog } from './completion-log.js';
import type { ClientContext } from './context.js';
import { type Deferred, deferred } from './deferred.js';
import type { BatchError } from './errors.js';
import { createHandle, type Handle } from './handle.js';
import { createIdAllocator } from './ids.js';
import type { BatchResult } from './result.js';
import { type RetryOptions, retryPolicy, sendWithRetry } from './retry.js';
import { randomUuid } from './uuid.js';

/** Settings of one explicit batch. */
export interface BatchSettings {
  /** `"stop"`: after the first non-2xx result, calls not yet started are skipped (424). Default `"continue"`. */
  readonly onError?: 'continue' | 'stop';
  /** Extra outer headers for this batch only. */
  readonly headers?: Readonly<Record<string, string>>;
  /** Re-send the whole batch after a network failure (defaults to the client's setting). */
  readonly retry?: boolean | RetryOptions;
  /** The Idempotency-Key to send; generated per batch when retries are on. */
  readonly idempotencyKey?: string;
}

/**
 * The two callbacks of `send`; exactly one is called, once. An exception thrown by a callback is
 * rethrown asynchronously (like an event listener's), never routed to the other callback.
 */
export interface SendCallbacks {
  /** All results, in call order, whatever their statuses. */
  onSuccess(results: BatchResult[]): void;
  /** The whole batch failed (network, non-200, problem+json rejection, malformed answer). */
  onFailure(error: BatchError): void;
}

/** A batch of calls queued one by one, then sent as one HTTP request. */
export interface Batch {
  /** Queues a GET. */
  get<T = unknown>(url: string, options?: CallOptions): Handle<T>;
  /** Queues a HEAD. */
  head(url: string, options?: CallOptions): Handle<undefined>;
  /** Queues a DELETE. */
  delete<T = unknown>(url: string, options?: CallOptions): Handle<T>;
  /** Queues a POST with a JSON body. */
  post<T = unknown>(url: string, body?: unknown, options?: CallOptions): Handle<T>;
  /** Queues a PUT with a JSON body. */
  put<T = unknown>(url: string, body?: unknown, options?: CallOptions): Handle<T>;
  /** Queues a PATCH with a JSON body. */
  patch<T = unknown>(url: string, body?: unknown, options?: CallOptions): Handle<T>;
  /** Queues any call. */
  request<T = unknown>(spec: CallSpec): Handle<T>;
  /** Number of calls queued. */
  readonly size: number;
  /** The envelope as it will be (or was) sent. */
  toJSON(): BatchRequest;
  /** Sends the batch; resolves to the results in call order, rejects with a `BatchError`. */
  send(): Promise<BatchResult[]>;
  /** Sends the batch and calls exactly one of the callbacks; the returned promise never rejects. */
  send(callbacks: SendCallbacks): Promise<void>;
  /** Sends the batch (if not yet sent) and yields results in completion order as they arrive. */
  stream(): AsyncIterable<BatchResult>;
}

/** What a batch needs from its client. */
export interface BatchDeps {
  readonly context: ClientContext;
  readonly capabilities: () => Promise<Outcome<Capabilities>>;
  readonly retry: boolean | RetryOptions | undefined;
}

function report(error: unknown): void {
  // An exception thrown by a user callback surfaces like one thrown by an event listener.
  setTimeout(() => {
    throw error;
  }, 0);
}

/** Creates an empty explicit batch. */
export function createBatch(deps: BatchDeps, settings: BatchSettings = {}): Batch {
  const ids = createIdAllocator();
  const requests: InnerRequest[] = [];
  const settles: Deferred<BatchResult>[] = [];
  const owned = new WeakMap<Handle<unknown>, number>();
  const log = createCompletionLog();
  let sent: Promise<Outcome<BatchResult[]>> | undefined;
  let sealed = false;

  const envelope = (): BatchRequest => ({
    requests,
    ...(settings.onError === undefined ? {} : { options: { onError: settings.onError } }),
  });

  const queue = <T>(spec: CallSpec): Handle<T> => {
    if (sealed) throw new TypeError('This batch was already sent; create a new one');
    const dependsOn = spec.dependsOn?.map((handle) => {
      if (!owned.has(handle)) throw new TypeError(`dependsOn: "${handle.id}" is not a call of this batch`);
      return handle.id;
    });
    const id = ids.take(spec.id);
    const request: InnerRequest = { id, method: spec.method, url: spec.url };
    if (spec.headers !== undefined) request.headers = { ...spec.headers };
    if (spec.body !== undefined) request.body = spec.body;
    if (dependsOn !== undefined && dependsOn.length > 0) request.dependsOn = dependsOn;
    const settle = deferred<BatchResult>();
    const handle = createHandle<T>(id, requests.length, settle);
    owned.set(handle, requests.length);
    requests.push(request);
    settles.push(settle);
    return handle;
  };

  const start = (stream: boolean): Promise<Outcome<BatchResult[]>> => {
    sealed = true;
    if (sent !== undefined) return sent;
    if (requests.length === 0) {
      sent = Promise.resolve({ ok: true, value: [] });
      log.finish({ ok: true, value: [] });
      return sent;
    }
    const policy = retryPolicy(settings.retry ?? deps.retry);
    const idempotencyKey = settings.idempotencyKey ?? (policy === undefined ? undefined : randomUuid());
    const delivered = new Set<number>();
    const sink = (index: number, result: BatchResult) => {
      // A retried stream may deliver a result again: each call settles once.
      if (delivered.has(index)) return;
      delivered.add(index);
      settles[index]?.resolve(result);
      log.push(result);
    };
    const options = { stream, headers: settings.headers ?? {}, idempotencyKey };
    sent = sendWithRetry(deps.context, envelope(), options, policy, deps.capabilities, sink).then(
      (outcome) => {
        if (!outcome.ok) for (const settle of settles) settle.reject(outcome.error);
        log.finish(outcome);
        return outcome;
      },
    );
    return sent;
  };

  const withBody =
    (method: 'POST' | 'PUT' | 'PATCH') =>
    <T>(url: string, body?: unknown, options: CallOptions = {}): Handle<T> =>
      queue<T>(body === undefined ? { ...options, method, url } : { ...options, method, url, body });

  function send(): Promise<BatchResult[]>;
  function send(callbacks: SendCallbacks): Promise<void>;
  async function send(callbacks?: SendCallbacks): Promise<unknown> {
    const outcome = await start(false);
    if (callbacks === undefined) {
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    }
    try {
      if (outcome.ok) callbacks.onSuccess(outcome.value);
      else callbacks.onFailure(outcome.error);
    } catch (error) {
      report(error);
    }
    return;
  }

  return {
    get: <T>(url: string, options: CallOptions = {}) => queue<T>({ ...options, method: 'GET', url }),
    head: (url, options = {}) => queue<undefined>({ ...options, method: 'HEAD', url }),
    delete: <T>(url: string, options: CallOptions = {}) => queue<T>({ ...options, method: 'DELETE', url }),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    request: queue,
    get size() {
      return requests.length;
    },
    toJSON: envelope,
    send,
    stream: () => ({
      [Symbol.asyncIterator]: () => {
        if (!sealed) {
          sealed = true;
          // Ask for NDJSON only from a server that advertises streaming.
          void deps
            .capabilities()
            .then((described) => start(described.ok && described.value.features.streaming));
        }
        return log.iterate();
      },
    }),
  };
}
