/**
 * @batchwire/server: the Batchwire protocol core (`createBatchHandler`), its Express middleware,
 * and the framework-free batch engine behind them. Other hosts: `@batchwire/server/<host>`.
 * @packageDocumentation
 */

/** The Express middleware: `app.use('/batch', batchwire(options))` (also `@batchwire/server/express`). */
export { type BatchwireMiddleware, batchwire } from './adapters/express.js';
/** The protocol core every host adapter translates to: value in, value out. */
export { createBatchHandler } from './core/handler.js';
/** The structural logger type the server writes to (pino fits it). */
export type { BatchLogger } from './core/logger.js';
/** Options of the core and every adapter, and the hook events. */
export type {
  BatchwireConfig,
  BatchwireOptions,
  IdempotencyOptions,
  InnerRequestEvent,
  InnerResponseEvent,
  ResolvedMode,
} from './core/options.js';
/** The core's request and response values. */
export type { BatchHandler, BatchHttpRequest, BatchHttpResponse, OuterHeaders } from './core/types.js';
/** Gateway dispatch to one upstream origin over an undici Pool. */
export { type Gateway, type GatewayOptions, gatewayDispatch } from './dispatch/gateway.js';
/** In-process dispatch into an application's whole middleware stack. */
export { type HandlerApp, type InProcessOptions, inProcessDispatch } from './dispatch/in-process/dispatch.js';
/** The outer connection an in-process inner request reports. */
export type { ConnectionInfo } from './dispatch/in-process/socket.js';
/** The framework-free engine: runs a parsed envelope through a dispatch function. */
export { runBatch } from './engine/run-batch.js';
/** The engine's timers, injectable for runtimes with their own (`options.scheduler`). */
export { type CancelTimer, defaultScheduler, type Scheduler } from './engine/scheduler.js';
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
  FlowControl,
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
/** The observer contract: journals, metrics and logs read batches through it. */
export {
  type BatchEndEvent,
  type BatchObserver,
  type BatchStartEvent,
  type ItemEndEvent,
  type ItemStartEvent,
  MASKED_HEADER_VALUE,
} from './observe/events.js';
