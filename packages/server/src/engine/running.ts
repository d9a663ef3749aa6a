import type { CancelReason, DispatchContext, InnerResult } from './types.js';

/** Per running item: its dispatch context and what cancelling it needs. */
export interface Running extends DispatchContext {
  startedAt: number;
  controller: AbortController | undefined;
  listeners: ((reason: CancelReason) => void)[] | undefined;
}

// Shared by every running item, so a dispatch context costs one small object and no closures;
// the AbortSignal (several microseconds to make) exists only if a dispatcher asks for it.
const runningPrototype = {
  get signal(): AbortSignal {
    const self = this as unknown as Running;
    self.controller ??= new AbortController();
    return self.controller.signal;
  },
  onCancel(listener: (reason: CancelReason) => void): void {
    const self = this as unknown as Running;
    self.listeners ??= [];
    self.listeners.push(listener);
  },
};

/** A running item's record, made without closures. */
export function newRunning(startedAt: number): Running {
  const running = Object.create(runningPrototype) as Running;
  running.startedAt = startedAt;
  running.controller = undefined;
  running.listeners = undefined;
  return running;
}

/** Whether a status counts as success (2xx). */
export const isSuccess = (status: number) => status >= 200 && status < 300;

/** Whether a dispatcher answered with a promise (or any thenable) rather than the result. */
export function isPromiseLike(value: unknown): value is PromiseLike<InnerResult> {
  return (
    value !== null && typeof value === 'object' && typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Tells a cancelled item's dispatcher (listeners, then its signal) and drops the links to it. */
// Stryker disable next-line BlockStatement: the spec leaves this open: whether an abandoned handler is told to stop leaves no trace a suite can read (req-disconnect-2 is excluded with that reason)
export function notifyCancel(state: Running, reason: CancelReason): void {
  // Stryker disable next-line ArrayDeclaration: the spec leaves this open: whether an abandoned handler is told to stop leaves no trace a suite can read (req-disconnect-2 is excluded with that reason)
  for (const listener of state.listeners ?? []) {
    try {
      listener(reason);
    } catch {
      // A dispatcher's cleanup failure is its own.
    }
  }
  // Stryker disable next-line OptionalChaining: the spec leaves this open: whether an abandoned handler is told to stop leaves no trace a suite can read (req-disconnect-2 is excluded with that reason)
  state.controller?.abort(reason);
  state.listeners = undefined;
  state.controller = undefined;
}
