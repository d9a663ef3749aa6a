/**
 * @batchwire/client: speak the Batchwire batch protocol from Node or a browser: explicit batches
 * with handles and callbacks, references, auto-batching, streaming and safe retries.
 * @packageDocumentation
 */

export type { AutoBatchOptions, AutoFetch, FetchInit } from './auto-batch.js';
export type { Batch, BatchSettings, SendCallbacks, SendOptions } from './batch.js';
export type { CallOptions, CallSpec } from './call.js';
export { type Client, type ClientOptions, createClient } from './client.js';
export type { Credentials, FetchLike } from './context.js';
export {
  type BatchError,
  type BatchFailure,
  type BatchItemError,
  isBatchError,
  isBatchItemError,
} from './errors.js';
export type { Handle } from './handle.js';
export { type PathOf, type Reference, type RefPointer, ref } from './ref.js';
export { type BatchResult, headerOf, unwrap } from './result.js';
export type { RetryOptions } from './retry.js';
export { escapeTemplateLiteral } from './template.js';
export type { ThrottleOptions } from './throttle.js';
