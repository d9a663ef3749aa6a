import type { BatchRequest, Problem } from '@batchwire/schema';
import type { DispatchBody, ItemOutcome, SummaryCounts } from '@batchwire/server';

/*
 * The parts of @batchwire/server's BatchObserver events (src/observe/events.ts) the journal reads.
 * Declared here as the narrowest shapes the journal needs, so any BatchObserver event is accepted
 * (a wider argument is always assignable) and the journal works with servers that add fields.
 */

/** What the journal reads of a batch start. */
export interface ObservedBatchStart {
  readonly batchId: string;
  readonly receivedAt: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly envelope: BatchRequest;
  readonly streaming: boolean;
  readonly replayed: boolean;
  readonly maxConcurrency: number;
}

/** What the journal reads of an item dispatch. */
export interface ObservedItemStart {
  readonly batchId: string;
  readonly index: number;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: DispatchBody;
  readonly startMs: number;
}

/** What the journal reads of an item outcome. */
export interface ObservedItemEnd {
  readonly batchId: string;
  readonly outcome: ItemOutcome;
}

/** What the journal reads of the outer answer. */
export interface ObservedBatchEnd {
  readonly batchId: string;
  readonly receivedAt: number;
  readonly status: number;
  readonly summary: SummaryCounts | undefined;
  readonly durationMs: number;
  readonly streaming: boolean;
  readonly replayed: boolean;
  readonly disconnected: boolean;
  readonly problem: Problem | undefined;
}

/** The observer the journal hands to the batch endpoint (a `BatchObserver` of @batchwire/server). */
export interface JournalObserver {
  readonly onBatchStart: (event: ObservedBatchStart) => void;
  readonly onItemStart: (event: ObservedItemStart) => void;
  readonly onItemEnd: (event: ObservedItemEnd) => void;
  readonly onBatchEnd: (event: ObservedBatchEnd) => void;
}
