import type { Outcome } from './answer.js';
import { type Deferred, deferred } from './deferred.js';
import type { BatchResult } from './result.js';

/** Results of one batch in completion order, readable by any number of iterators at their own pace. */
export interface CompletionLog {
  /** Appends a result as it arrives. */
  push(result: BatchResult): void;
  /** Marks the batch finished, successfully or not. */
  finish(outcome: Outcome<unknown>): void;
  /** Iterates over every result, past and future, ending (or throwing the batch's error) when finished. */
  iterate(): AsyncGenerator<BatchResult>;
}

/** Creates an empty {@link CompletionLog}. */
export function createCompletionLog(): CompletionLog {
  const results: BatchResult[] = [];
  let finished: Outcome<unknown> | undefined;
  let changed: Deferred<void> = deferred();
  const notify = () => {
    const previous = changed;
    changed = deferred();
    previous.resolve();
  };
  return {
    push(result) {
      results.push(result);
      notify();
    },
    finish(outcome) {
      finished ??= outcome;
      notify();
    },
    async *iterate() {
      let cursor = 0;
      for (;;) {
        const next = results[cursor];
        if (next !== undefined) {
          cursor++;
          yield next;
        } else if (finished !== undefined) {
          if (!finished.ok) throw finished.error;
          return;
        } else {
          await changed.promise;
        }
      }
    },
  };
}
