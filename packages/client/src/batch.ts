import type { BatchRequest, InnerRequest } from '@batchwire/schema';
import { isAbortSignal, raceAbort } from './abort.js';
import type { Outcome } from './answer.js';
import type { CallOptions, CallSpec } from './call.js';
import { createCompletionLog } from './completion-log.js';
import { type Deferred, deferred } from './deferred.js';
import type { BatchError } from './errors.js';
import { createHandle, type Handle } from './handle.js';
import { createIdAllocator } from './ids.js';
import type { BatchResult } from './result.js';
import { type RetryOptions, retryPolicy } from './retry.js';
import { sendExplicit } from './send.js';
import { type RoundDeps, type ThrottleOptions, throttlePolicy } from './throttle.js';
import { abortedOutcome } from './transport.js';
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
  /** Send calls answered 429/503 with `Retry-After` again (defaults to the client's setting). */
  readonly retryThrottled?: boolean | ThrottleOptions;
}

/** Options of `send` and `stream`. */
export interface SendOptions {
  /** Aborting it rejects with a `BatchError` of kind `aborted`, settles every handle and aborts the request. */
  readonly signal?: AbortSignal;
}

/**
 * The two callbacks of `send`; exactly one is called, once. An exception thrown by a callback
 * rejects the promise `send` returned, never reaching the other callback.
 */
export interface SendCallbacks extends SendOptions {
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
  send(options?: SendOptions): Promise<BatchResult[]>;
  /** Sends the batch and calls exactly one of the callbacks; the promise rejects only if a callback throws. */
  send(callbacks: SendCallbacks): Promise<void>;
  /** Sends the batch (if not yet sent) and yields results in completion order as they arrive. */
  stream(options?: SendOptions): AsyncIterable<BatchResult>;
}

/** What a batch needs from its client: its defaults for `retry` and `retryThrottled` included. */
export interface BatchDeps extends Omit<RoundDeps, 'retry' | 'throttle'> {
  readonly retry: boolean | RetryOptions | undefined;
  readonly retryThrottled: boolean | ThrottleOptions | undefined;
}

/** Reads the argument of `send`, throwing a TypeError for anything but options or callbacks. */
function sendArgument(argument: unknown): { callbacks?: SendCallbacks; signal?: AbortSignal } {
  const given = (argument === undefined ? {} : argument) as Record<string, unknown>;
  const object = typeof given === 'object' && given !== null && !Array.isArray(given);
  const { onSuccess, onFailure, signal } = object ? given : {};
  const callbacks = onSuccess !== undefined || onFailure !== undefined;
  if (
    !object ||
    Object.keys(given).some((key) => !['onSuccess', 'onFailure', 'signal'].includes(key)) ||
    (signal !== undefined && !isAbortSignal(signal)) ||
    (callbacks && (typeof onSuccess !== 'function' || typeof onFailure !== 'function'))
  ) {
    throw new TypeError(
      `send() takes nothing, { signal } or { onSuccess, onFailure, signal }, not ${String(argument)}`,
    );
  }
  return {
    ...(callbacks ? { callbacks: given as unknown as SendCallbacks } : {}),
    ...(signal === undefined ? {} : { signal: signal as AbortSignal }),
  };
}

/** Creates an empty explicit batch. */
export function createBatch(deps: BatchDeps, settings: BatchSettings = {}): Batch {
  const ids = createIdAllocator();
  const requests: InnerRequest[] = [];
  const settles: Deferred<BatchResult>[] = [];
  const owned = new WeakSet<Handle<unknown>>();
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
    // A body JSON cannot carry (circular, BigInt) is refused here, not half-way through a send.
    JSON.stringify(spec.body);
    const id = ids.take(spec.id);
    const request: InnerRequest = { id, method: spec.method, url: spec.url };
    if (spec.headers !== undefined) request.headers = { ...spec.headers };
    if (spec.body !== undefined) request.body = spec.body;
    if (dependsOn !== undefined && dependsOn.length > 0) request.dependsOn = dependsOn;
    const settle = deferred<BatchResult>();
    const handle = createHandle<T>(id, requests.length, settle);
    owned.add(handle);
    requests.push(request);
    settles.push(settle);
    return handle;
  };

  const start = (stream: boolean, signal: AbortSignal | undefined): Promise<Outcome<BatchResult[]>> => {
    sealed = true;
    if (sent !== undefined) return sent;
    if (requests.length === 0) {
      sent = Promise.resolve({ ok: true, value: [] });
      log.finish({ ok: true, value: [] });
      return sent;
    }
    const retry = retryPolicy(settings.retry ?? deps.retry);
    const throttle = throttlePolicy(settings.retryThrottled ?? deps.retryThrottled);
    const idempotencyKey = settings.idempotencyKey ?? (retry === undefined ? undefined : randomUuid());
    const delivered = new Set<number>();
    const sink = (index: number, result: BatchResult) => {
      // A retried stream may deliver a result again: each call settles once.
      if (delivered.has(index)) return;
      delivered.add(index);
      settles[index]?.resolve(result);
      log.push(result);
    };
    const post = { stream, headers: settings.headers ?? {}, idempotencyKey, signal };
    // An abort reaches every wait of the send (fetch, body, capabilities, Retry-After sleeps).
    sent = sendExplicit({ ...deps, retry, throttle }, envelope(), post, sink).then((outcome) => {
      if (!outcome.ok) for (const settle of settles) settle.reject(outcome.error);
      log.finish(outcome);
      return outcome;
    });
    return sent;
  };

  const withoutBody =
    (method: 'GET' | 'HEAD' | 'DELETE') =>
    <T>(url: string, options: CallOptions = {}): Handle<T> =>
      queue<T>({ ...options, method, url });

  const withBody =
    (method: 'POST' | 'PUT' | 'PATCH') =>
    <T>(url: string, body?: unknown, options: CallOptions = {}): Handle<T> =>
      queue<T>(body === undefined ? { ...options, method, url } : { ...options, method, url, body });

  function send(options?: SendOptions): Promise<BatchResult[]>;
  function send(callbacks: SendCallbacks): Promise<void>;
  function send(argument?: unknown): Promise<unknown> {
    const { callbacks, signal } = sendArgument(argument);
    return start(false, signal).then((outcome) => {
      if (callbacks === undefined) {
        if (!outcome.ok) throw outcome.error;
        return outcome.value;
      }
      if (outcome.ok) callbacks.onSuccess(outcome.value);
      else callbacks.onFailure(outcome.error);
      return undefined;
    });
  }

  const stream = (options: SendOptions = {}): AsyncIterable<BatchResult> => {
    const { signal } = sendArgument(options);
    return {
      [Symbol.asyncIterator]: () => {
        if (!sealed) {
          sealed = true;
          // Ask for NDJSON only from a server that advertises streaming.
          // An abort meanwhile makes start() settle everything at once.
          void raceAbort(deps.capabilities(), signal, () => abortedOutcome(signal!)).then((found) =>
            start(found.ok && found.value.features.streaming, signal),
          );
        }
        return log.iterate();
      },
    };
  };

  return {
    get: withoutBody('GET'),
    head: withoutBody('HEAD') as Batch['head'],
    delete: withoutBody('DELETE'),
    post: withBody('POST'),
    put: withBody('PUT'),
    patch: withBody('PATCH'),
    request: queue,
    get size() {
      return requests.length;
    },
    toJSON: envelope,
    send,
    stream,
  };
}
