/**
 * @batchwire/server: the Batchwire batch endpoint as Express middleware, and the framework-free
 * batch engine behind it.
 * @packageDocumentation
 */

/** Gateway dispatch to one upstream origin over an undici Pool. */
export { type Gateway, type GatewayOptions, gatewayDispatch } from './dispatch/gateway.js';
/** In-process dispatch into an application's whole middleware stack. */
export { type HandlerApp, type InProcessOptions, inProcessDispatch } from './dispatch/in-process/dispatch.js';
/** The outer connection an in-process inner request reports. */
export type { ConnectionInfo } from './dispatch/in-process/socket.js';
/** Options and hook events of `batchwire()`. */
export type {
  BatchwireOptions,
  IdempotencyOptions,
  InnerRequestEvent,
  InnerResponseEvent,
} from './edge/options.js';
/** The Express router: `app.use('/batch', batchwire(options))`. */
export { batchwire } from './edge/router.js';
/** The framework-free engine: runs a parsed envelope through a dispatch function. */
export { runBatch } from './engine/run-batch.js';
/** Serialisers of an engine outcome: consolidated JSON, NDJSON lines, plain objects. */
export {
  batchResponseJson,
  streamItemLine,
  streamSummaryLine,
  toBatchResponse,
} from './engine/serialize.js';
/** Types of the engine's inputs and outputs. */
export type {
  BatchOutcome,
  CancelReason,
  Dispatch,
  DispatchBody,
  DispatchContext,
  DispatchRequest,
  EngineLimits,
  HeaderRecord,
  InnerResult,
  ItemOutcome,
  ResponseBody,
  RunBatchOptions,
  SummaryCounts,
} from './engine/types.js';
/** The idempotency store interface and its in-memory implementation. */
export {
  type IdempotencyBegin,
  type IdempotencyStore,
  type MemoryStoreOptions,
  memoryIdempotencyStore,
  type StoredResponse,
} from './idempotency/store.js';
