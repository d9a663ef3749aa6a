import type { BatchLimits, InnerRequest } from '@batchwire/schema';
import type { Scheduler } from './scheduler.js';

/** Header names (lower case) to values; a null-prototype record, so `__proto__` is only a name. */
export type HeaderRecord = Record<string, string>;

/** The body of a dispatched inner request, already encoded for the wire. */
export type DispatchBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'bytes'; readonly text: string; readonly contentType: string };

/** One inner request as a dispatcher receives it: references substituted, url checked, headers merged. */
export interface DispatchRequest {
  /** Position of the request in the envelope. */
  readonly index: number;
  /** The request's id in the envelope. */
  readonly id: string;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** Path and query relative to the service root; checked with `checkInnerUrl`. */
  readonly url: string;
  /** Lower-case header names: inherited outer headers, the inner ones, and the inner-request marker. */
  readonly headers: HeaderRecord;
  /** Encoded body. */
  readonly body: DispatchBody;
}

/** The body of an inner response, kept in the cheapest form that can be embedded in the outer response. */
export type ResponseBody =
  | { readonly kind: 'none' }
  /** Compact JSON text (no raw line break), embedded verbatim. */
  | { readonly kind: 'jsonText'; readonly text: string }
  /** A JSON value, serialised with `JSON.stringify` when the outer response is written. */
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'base64'; readonly data: string };

/** What a dispatcher answers for one inner request. */
export interface InnerResult {
  readonly status: number;
  /** Header names in conventional capitalisation (`Content-Type`), framing headers left out. */
  readonly headers: HeaderRecord;
  readonly body: ResponseBody;
}

/** Why an inner request was cancelled. */
export type CancelReason = 'timeout' | 'deadline' | 'disconnect';

/** What a dispatcher may observe while it runs an inner request. */
export interface DispatchContext {
  /** Aborts when the item is cancelled (timeout, batch deadline, client disconnect); made on first access. */
  readonly signal: AbortSignal;
  /** Registers a cancellation listener without the cost of an AbortSignal. */
  onCancel(listener: (reason: CancelReason) => void): void;
}

/**
 * Runs one inner request and answers its result, as a promise or (when it is known at once)
 * directly; a throw or a rejection becomes a 500 for that item only.
 */
export type Dispatch = (
  request: DispatchRequest,
  context: DispatchContext,
) => Promise<InnerResult> | InnerResult;

/** The limits the engine enforces while running a batch. */
export type EngineLimits = Pick<BatchLimits, 'maxConcurrency' | 'requestTimeoutMs' | 'batchTimeoutMs'>;

/** The outcome of one inner request, as the engine recorded it. */
export interface ItemOutcome extends InnerResult {
  readonly index: number;
  readonly id: string;
  /** Whether the request was dispatched (false: skipped, failed dependency, unresolved reference). */
  readonly executed: boolean;
  /** Milliseconds from the batch start to the dispatch (undefined when never dispatched). */
  readonly startMs: number | undefined;
  /** Milliseconds the item ran (0 when never dispatched). */
  readonly durationMs: number;
}

/** Counts over a batch's outcomes. */
export interface SummaryCounts {
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
}

/** The outcome of a whole batch: one entry per request, in request order, and the summary. */
export interface BatchOutcome {
  readonly items: readonly ItemOutcome[];
  readonly summary: SummaryCounts;
  /** Milliseconds from start to the last outcome. */
  readonly durationMs: number;
  /** Whether the client went away before the end. */
  readonly disconnected: boolean;
}

/**
 * Backpressure from the consumer of the answer: while `paused()` is true the engine starts no new
 * inner request (running ones finish), and it resumes when the consumer calls the `resume` given.
 */
export interface FlowControl {
  paused(): boolean;
  /** Registers the one callback to call once the consumer has caught up. */
  onResume(resume: () => void): void;
}

/** Options of `runBatch`. */
export interface RunBatchOptions {
  /** Concurrency bound and time limits. */
  readonly limits: EngineLimits;
  /** Outer headers (lower-case names) every inner request inherits; inner headers override them. */
  readonly inheritedHeaders?: HeaderRecord;
  /** Fires when the client disconnects: running items are aborted, nothing new starts. */
  readonly signal?: AbortSignal;
  /** Called when an item is about to be dispatched. */
  readonly onStart?: (request: DispatchRequest) => void;
  /** Called once per item, in completion order, as soon as its outcome is known. */
  readonly onOutcome?: (outcome: ItemOutcome) => void;
  /**
   * Whether the returned outcomes keep each item's headers and body (default true). A streaming
   * caller that has already written each item sets it to false, so a huge batch does not hold every
   * answer until the end; items a later reference reads are kept regardless.
   */
  readonly retainResults?: boolean;
  /** Most characters references may insert into one inner request (default: the default maxBodyBytes). */
  readonly maxResolvedBytes?: number;
  /** Pauses starting new inner requests while the consumer of the answer is behind. */
  readonly flow?: FlowControl;
  /** Timers and yielding (default: `setTimeout` only, so any Web-standard runtime works). */
  readonly scheduler?: Scheduler;
}

/** The envelope's requests as the engine reads them. */
export type EngineRequest = InnerRequest;
