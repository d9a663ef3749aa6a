import type { Problem } from '@batchwire/schema';

/** Header names (lower case) to values, credentials and cookies masked. */
export type JournalHeaders = Readonly<Record<string, string>>;

/** A recorded body: JSON and text as text, other bytes as base64; `truncatedFrom` is set when cut short. */
export type JournalBody =
  | { readonly kind: 'none' }
  | { readonly kind: 'json' | 'text'; readonly text: string; readonly truncatedFrom?: number }
  | { readonly kind: 'base64'; readonly data: string; readonly truncatedFrom?: number }
  /** Left out because the batch had used up its share of the journal's byte budget. */
  | { readonly kind: 'omitted'; readonly length: number };

/** An inner request as the engine dispatched it: references substituted, headers merged. */
export interface JournalDispatch {
  readonly method: string;
  readonly url: string;
  readonly headers: JournalHeaders;
  readonly body: JournalBody;
  readonly contentType: string | undefined;
}

/** An inner response as the batch embedded it. */
export interface JournalResponse {
  readonly status: number;
  readonly headers: JournalHeaders;
  readonly body: JournalBody;
  /** False for items the engine never ran (skipped, failed dependency, unresolved reference). */
  readonly executed: boolean;
}

/** One inner request of a recorded batch, in request order. */
export interface JournalItem {
  readonly index: number;
  readonly id: string;
  readonly method: string;
  /** The url as written in the envelope (reference tokens unresolved). */
  readonly url: string;
  readonly dependsOn: readonly string[];
  /** Ids this request reads through `${id#pointer}` references. */
  readonly references: readonly string[];
  dispatched: JournalDispatch | undefined;
  response: JournalResponse | undefined;
  /** Milliseconds from the batch start to the dispatch (undefined when never dispatched). */
  startMs: number | undefined;
  durationMs: number | undefined;
}

/** Counts over the items of a finished batch. */
export interface JournalSummaryCounts {
  readonly total: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly skipped: number;
}

/** What the journal list shows of one batch. */
export interface JournalBatchSummary {
  readonly batchId: string;
  readonly receivedAt: number;
  readonly state: 'running' | 'done';
  /** The outer status (undefined while running). */
  readonly status: number | undefined;
  readonly itemCount: number;
  readonly durationMs: number | undefined;
  readonly summary: JournalSummaryCounts | undefined;
  readonly streaming: boolean;
  readonly replayed: boolean;
  readonly disconnected: boolean;
  readonly maxConcurrency: number | undefined;
  /** The title of a rejected batch's problem. */
  readonly problemTitle: string | undefined;
}

/** One recorded batch with its items. */
export interface JournalBatch extends JournalBatchSummary {
  /** Outer request headers, credentials and cookies masked. */
  readonly headers: JournalHeaders;
  readonly onError: 'continue' | 'stop' | undefined;
  readonly items: readonly JournalItem[];
  /** The problem of a rejected batch. */
  readonly problem: Problem | undefined;
}
