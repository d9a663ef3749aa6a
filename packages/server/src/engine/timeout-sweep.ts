import type { CancelTimer, Scheduler } from './scheduler.js';

/** The per-request timeout of one batch run. */
export interface TimeoutSweep {
  /** Item `i` started now (items start in order, so they time out in the same order). */
  started(i: number): void;
  /** Arms the timer for the oldest item still running, if none is armed. */
  arm(): void;
  /** Stops the timer (the batch is over). */
  clear(): void;
}

/** What the sweep asks of the engine. */
export interface SweepHooks {
  /** When item `i` started, or undefined once it is no longer running. */
  startedAt(i: number): number | undefined;
  /** Item `i` ran out of time. */
  expire(i: number): void;
  /** Runs after a sweep expired what was due (the engine then starts what it can). */
  after(): void;
}

/**
 * One timer per batch instead of one per item: items share `requestTimeoutMs` and start in
 * order, so the oldest running item is always the next to time out.
 */
export function timeoutSweep(timeoutMs: number, scheduler: Scheduler, hooks: SweepHooks): TimeoutSweep {
  // Stryker disable next-line ArrayDeclaration: a string index has no running state, so sweep and arm skip it
  const order: number[] = [];
  let head = 0;
  let cancel: CancelTimer | undefined;

  function sweep(): void {
    cancel = undefined;
    const now = performance.now();
    while (head < order.length) {
      const i = order[head]!;
      const at = hooks.startedAt(i);
      if (at !== undefined && at + timeoutMs > now) break;
      head++;
      if (at !== undefined) hooks.expire(i);
    }
    hooks.after();
    arm();
  }

  function arm(): void {
    if (cancel !== undefined) return;
    while (head < order.length && hooks.startedAt(order[head]!) === undefined) head++;
    if (head >= order.length) return;
    const due = hooks.startedAt(order[head]!)! + timeoutMs - performance.now();
    // Stryker disable next-line MethodExpression: a timer every millisecond sweeps more often; each sweep expires only what is due, so the answers are the same
    cancel = scheduler.setTimer(sweep, Math.max(1, Math.ceil(due)));
  }

  return {
    started(i) {
      order.push(i);
      arm();
    },
    arm,
    // Stryker disable next-line BlockStatement: a timer left armed fires after the batch ended and finds nothing running; finished stops step
    clear() {
      cancel?.();
      cancel = undefined;
    },
  };
}
