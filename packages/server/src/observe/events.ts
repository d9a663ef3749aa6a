import type { BatchRequest, Problem } from '@batchwire/schema';
import type { DispatchBody, HeaderRecord, ItemOutcome, SummaryCounts } from '../engine/types.js';

/**
 * The observer contract of the protocol core: journals (the inspector), metrics and logs read
 * batches through it. The core calls every callback synchronously, never awaits it, and catches
 * and logs anything it throws, so an observer can never change or break a batch.
 */

/** Credentials and cookies replaced by this text in every header record an observer is given. */
export const MASKED_HEADER_VALUE = '***';

/** A batch the core accepted (envelope valid) and is about to run, or a replay it is about to send. */
export interface BatchStartEvent {
  /** Unique per batch within the process: correlates the events of one batch. */
  readonly batchId: string;
  /** `Date.now()` when the outer request arrived. */
  readonly receivedAt: number;
  /** Outer request headers, lower-case names, credentials and cookies masked. */
  readonly headers: HeaderRecord;
  /** The accepted envelope, as parsed. */
  readonly envelope: BatchRequest;
  /** Whether the answer is NDJSON. */
  readonly streaming: boolean;
  /** Whether the answer is an idempotent replay (then no item event follows). */
  readonly replayed: boolean;
  /** The concurrency bound the engine applies to this batch. */
  readonly maxConcurrency: number;
}

/** An inner request about to be dispatched: references substituted, headers merged. */
export interface ItemStartEvent {
  readonly batchId: string;
  readonly index: number;
  readonly id: string;
  readonly method: string;
  /** The url as dispatched, relative to the service root. */
  readonly url: string;
  /** Headers as dispatched (inherited and inner), credentials and cookies masked. */
  readonly headers: HeaderRecord;
  readonly body: DispatchBody;
  /** Milliseconds from the batch start to this dispatch. */
  readonly startMs: number;
}

/**
 * An inner request's outcome as answered (a refusal by the answer budget is its 502 problem); also
 * sent for items that never ran. NDJSON: in completion order. JSON: in request order, each as soon as
 * it and every item before it have settled (the budget decides entries in that order).
 */
export interface ItemEndEvent {
  readonly batchId: string;
  /** Status, headers, body (as written in the answer), `executed`, `startMs`, `durationMs`. */
  readonly outcome: ItemOutcome;
}

/** The outer answer: sent once per outer POST, also for rejected envelopes and replays. */
export interface BatchEndEvent {
  /** The id of the matching start event; a fresh id when the envelope was rejected before start. */
  readonly batchId: string;
  /** `Date.now()` when the outer request arrived. */
  readonly receivedAt: number;
  /** The outer HTTP status (200 for a run batch, 4xx/5xx for a rejection). */
  readonly status: number;
  /** Counts over the items (undefined for a rejection). */
  readonly summary: SummaryCounts | undefined;
  /** Milliseconds from arrival to the last byte of the answer handed to the host. */
  readonly durationMs: number;
  readonly streaming: boolean;
  readonly replayed: boolean;
  /** Whether the client went away before the end. */
  readonly disconnected: boolean;
  /** The problem of a rejected batch (400/409/413/415/422/503), with its rule codes. */
  readonly problem: Problem | undefined;
}

/** Callbacks of the observer contract; every one is optional. */
export interface BatchObserver {
  readonly onBatchStart?: (event: BatchStartEvent) => void;
  readonly onItemStart?: (event: ItemStartEvent) => void;
  readonly onItemEnd?: (event: ItemEndEvent) => void;
  readonly onBatchEnd?: (event: BatchEndEvent) => void;
}
