import { chunk } from './split.js';

/** Settings of a {@link Coalescer}. */
export interface CoalescerOptions<T> {
  /** How long to collect calls after the first one, in ms; 0 (default) means the current tick. */
  readonly windowMs: number;
  /** Largest group to dispatch at once; asked when a window closes (for example from the server's maxRequests). */
  readonly maxSize: () => Promise<number>;
  /** Sends one group; every item of the group must be settled by it. */
  readonly dispatch: (items: T[]) => void;
}

/** Collects items pushed within one window and hands them to `dispatch` in groups no larger than `maxSize`. */
export interface Coalescer<T> {
  /** Adds an item to the open window (opening one if needed). */
  push(item: T): void;
}

/** Creates a DataLoader-style {@link Coalescer}: calls made together travel together. */
export function createCoalescer<T>(options: CoalescerOptions<T>): Coalescer<T> {
  let pending: T[] = [];
  const flush = async () => {
    const items = pending;
    pending = [];
    const size = await options.maxSize();
    for (const group of chunk(items, size)) options.dispatch(group);
  };
  return {
    push(item) {
      pending.push(item);
      // A timer (not a microtask) so calls made after awaits in the same tick still join the window.
      if (pending.length === 1) setTimeout(() => void flush(), options.windowMs);
    },
  };
}
