/** Cancels a timer set by a Scheduler; calling it twice is harmless. */
export type CancelTimer = () => void;

/**
 * The timers the engine needs, injected so it runs on any Web-standard runtime (Node, Bun, Deno,
 * Workers): one-shot timers for time limits, and a way to give the event loop a turn.
 */
export interface Scheduler {
  /** Calls `callback` once after `ms` milliseconds. */
  setTimer(callback: () => void, ms: number): CancelTimer;
  /** Calls `callback` on a later turn of the event loop, after pending I/O had its chance. */
  yieldTurn(callback: () => void): void;
}

/** A scheduler built on `setTimeout` alone, which every Web-standard runtime has. */
export const defaultScheduler: Scheduler = {
  setTimer(callback, ms) {
    const handle = setTimeout(callback, ms);
    // Stryker disable next-line ArrowFunction: a timer that is not cancelled fires after its batch ended and finds nothing left to do
    return () => clearTimeout(handle);
  },
  yieldTurn(callback) {
    setTimeout(callback, 0);
  },
};
