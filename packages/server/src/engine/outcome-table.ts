import type { ParsedBatch } from '@batchwire/schema';
import { referencedItems } from './graph.js';
import { type ResponseView, responseView } from './response-view.js';
import { isSuccess } from './running.js';
import type {
  EngineRequest,
  HeaderRecord,
  InnerResult,
  ItemOutcome,
  ResponseBody,
  RunBatchOptions,
  SummaryCounts,
} from './types.js';

const NO_HEADERS: HeaderRecord = Object.freeze(Object.create(null));
// Stryker disable next-line ObjectLiteral,StringLiteral: the dropped body of a written, unreferenced line is never read again
const NO_BODY: ResponseBody = Object.freeze({ kind: 'none' });

/** The outcomes of one batch run, in request order, with the counts and what references read. */
export interface OutcomeTable {
  /** One slot per request; undefined until settled. */
  readonly outcomes: (ItemOutcome | undefined)[];
  readonly summary: SummaryCounts;
  /** Indexes settled since the engine last propagated them to their dependents. */
  readonly settledQueue: number[];
  /** How many items are settled. */
  settledCount: number;
  /** Records item `i`'s outcome once (later calls are ignored) and tells `onOutcome`. */
  settle(i: number, result: InnerResult, executed: boolean, startedAt?: number): void;
  /** What a reference to request `id` reads, once that request has settled. */
  viewOf(id: string): ResponseView | undefined;
}

/**
 * Keeps each settled item, counts it as succeeded, failed or skipped, and, when the caller does
 * not retain results (a stream already wrote them), drops the headers and body of items no
 * reference reads, so a huge batch does not hold every answer until the end.
 */
export function outcomeTable(
  parsed: ParsedBatch,
  positions: ReadonlyMap<string, number>,
  t0: number,
  options: Pick<RunBatchOptions, 'onOutcome' | 'retainResults'>,
): OutcomeTable {
  const requests: readonly EngineRequest[] = parsed.value.requests;
  const total = requests.length;
  // Stryker disable next-line ArrayDeclaration: pre-sizing an array is only speed
  const outcomes: (ItemOutcome | undefined)[] = new Array(total);
  // Stryker disable next-line ArrayDeclaration: pre-sizing an array is only speed
  const views: (ResponseView | undefined)[] = new Array(total);
  // Stryker disable next-line LogicalOperator: post.ts always passes a boolean retainResults
  const readByReference = (options.retainResults ?? true) ? undefined : referencedItems(parsed);
  const onOutcome = options.onOutcome;
  const table: OutcomeTable = {
    outcomes,
    summary: { total, succeeded: 0, failed: 0, skipped: 0 },
    settledQueue: [],
    settledCount: 0,
    settle(i, result, executed, startedAt) {
      if (outcomes[i] !== undefined) return;
      const now = performance.now();
      const outcome: ItemOutcome = {
        index: i,
        id: requests[i]!.id,
        status: result.status,
        headers: result.headers,
        body: result.body,
        executed,
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: start times feed observers and logs (the inspector), not the answer
        startMs: startedAt === undefined ? undefined : startedAt - t0,
        // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: durations feed observers, logs and Server-Timing, not the answer
        durationMs: startedAt === undefined ? 0 : now - startedAt,
      };
      outcomes[i] = outcome;
      table.settledCount++;
      const summary = table.summary;
      if (!executed) summary.skipped++;
      else if (isSuccess(result.status)) summary.succeeded++;
      else summary.failed++;
      table.settledQueue.push(i);
      try {
        // Stryker disable next-line OptionalChaining: the onOutcome host hook: calling a missing one throws inside this try and is caught, the batch is unchanged
        onOutcome?.(outcome);
      } catch {
        // An observer's failure must not change the batch.
      }
      // Stryker disable next-line BlockStatement: keeping the answer of an unreferenced line is only memory
      if (readByReference !== undefined && readByReference[i] === 0) {
        outcomes[i] = { ...outcome, headers: NO_HEADERS, body: NO_BODY };
      }
    },
    viewOf(id) {
      const i = positions.get(id);
      if (i === undefined) return undefined;
      const outcome = outcomes[i];
      if (outcome === undefined) return undefined;
      views[i] ??= responseView(outcome);
      return views[i];
    },
  };
  return table;
}
