import type { FlowControl } from '../engine/types.js';

/** Unpulled NDJSON lines past which the engine starts nothing new. */
export const NDJSON_HIGH_WATER_LINES = 32;

/** A pull-driven NDJSON body: the engine pushes lines, the adapter pulls chunks. */
export interface LineStream {
  /** What the adapter iterates; each chunk is every line queued since the last pull. */
  readonly body: AsyncIterable<string>;
  /** The engine's gate: paused while `highWater` lines wait to be pulled. */
  readonly flow: FlowControl;
  push(line: string): void;
  /** Queues the last line and ends the body. */
  end(last: string): void;
}

/**
 * Lines queued for a consumer that pulls them. `onCancel` runs when the consumer stops early
 * (iterator `return`), which for the engine is the same as a client disconnect.
 */
export function lineStream(onCancel: () => void, highWater = NDJSON_HIGH_WATER_LINES): LineStream {
  let queue: string[] = [];
  let ended = false;
  let waiter: ((result: IteratorResult<string>) => void) | undefined;
  let resume: (() => void) | undefined;

  const take = (): IteratorResult<string> => {
    const chunk = queue.length === 1 ? queue[0]! : queue.join('');
    queue = [];
    if (resume !== undefined) {
      const callback = resume;
      resume = undefined;
      // Not inside the consumer's pull: the engine's next slice runs on its own turn.
      queueMicrotask(callback);
    }
    return { value: chunk, done: false };
  };
  const deliver = () => {
    if (waiter === undefined) return;
    const settle = waiter;
    waiter = undefined;
    settle(queue.length > 0 ? take() : { value: undefined, done: true });
  };

  const iterator: AsyncIterator<string> = {
    next() {
      if (queue.length > 0) return Promise.resolve(take());
      if (ended) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => {
        waiter = resolve;
      });
    },
    return() {
      if (!ended) {
        ended = true;
        queue = [];
        onCancel();
      }
      return Promise.resolve({ value: undefined, done: true });
    },
  };

  return {
    body: { [Symbol.asyncIterator]: () => iterator },
    flow: {
      // Stryker disable next-line ArrowFunction: the spec leaves this open: the spec sets no bound on how far a server runs ahead of an unread stream (memory, hidden by socket buffers); stream.slow-reader checks every line still arrives
      paused: () => queue.length >= highWater,
      onResume: (callback) => {
        resume = callback;
      },
    },
    push(line) {
      if (ended) return;
      queue.push(line);
      deliver();
    },
    end(last) {
      if (ended) return;
      queue.push(last);
      ended = true;
      deliver();
    },
  };
}
