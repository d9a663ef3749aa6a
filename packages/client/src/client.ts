import type { Capabilities } from '@batchwire/schema';
import { type AutoBatchOptions, type AutoFetch, createAutoFetch } from './auto-batch.js';
import { type Batch, type BatchSettings, createBatch } from './batch.js';
import { cachedCapabilities } from './capabilities.js';
import type { ClientContext, Credentials, FetchLike } from './context.js';
import { type RetryOptions, retryPolicy } from './retry.js';
import { type ThrottleOptions, throttlePolicy } from './throttle.js';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** The batch endpoint, e.g. `https://api.example.com/batch`. */
  readonly url: string;
  /** Outer headers sent with every batch (for example `Authorization`); they apply to every inner call. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch to use; the global `fetch` by default. */
  readonly fetch?: FetchLike;
  /** Settings of `client.fetch` auto-batching. */
  readonly autoBatch?: AutoBatchOptions;
  /** Default retry of whole batches after network failures (off unless set). */
  readonly retry?: boolean | RetryOptions;
  /** Send calls answered 429 or 503 with `Retry-After` again, with their 424 dependents (off unless set). */
  readonly retryThrottled?: boolean | ThrottleOptions;
  /** Longest wait for each outer request, answer included; then it fails with kind `aborted`. */
  readonly timeoutMs?: number;
  /** `fetch`'s `credentials` mode for the outer requests, e.g. `"include"` for cookie-authenticated APIs. */
  readonly credentials?: Credentials;
}

/** A Batchwire client bound to one batch endpoint. */
export interface Client {
  /** The batch endpoint url. */
  readonly url: string;
  /** Starts an explicit batch: queue calls, then `send()` or `stream()`. */
  batch(settings?: BatchSettings): Batch;
  /** One call, coalesced with the other calls of the same tick (or window) into one batch. */
  readonly fetch: AutoFetch;
  /** The server's capabilities document, read once (rejects with a `BatchError`). */
  capabilities(): Promise<Capabilities>;
}

/** Creates a client for the batch endpoint at `options.url`. */
export function createClient(options: ClientOptions): Client {
  const context: ClientContext = {
    url: options.url,
    headers: { ...options.headers },
    // Called through a closure so a browser's fetch is never invoked with a foreign `this`.
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: options.timeoutMs,
    credentials: options.credentials,
  };
  const capabilities = cachedCapabilities(context);
  return {
    url: options.url,
    batch: (settings) =>
      createBatch(
        { context, capabilities, retry: options.retry, retryThrottled: options.retryThrottled },
        settings,
      ),
    fetch: createAutoFetch({
      context,
      capabilities,
      retry: retryPolicy(options.retry),
      throttle: throttlePolicy(options.retryThrottled),
      options: options.autoBatch ?? {},
    }),
    capabilities: async () => {
      const described = await capabilities();
      if (!described.ok) throw described.error;
      return described.value;
    },
  };
}
