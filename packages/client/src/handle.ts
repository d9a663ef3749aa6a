import type { Deferred } from './deferred.js';
import { type BatchResult, unwrap } from './result.js';

/**
 * What queuing a call returns: awaitable for the call's own result once the batch is sent, usable
 * in `dependsOn` and in `ref(handle, pointer)`. It rejects only when the whole batch fails.
 */
export interface Handle<T = unknown> extends PromiseLike<BatchResult<T>> {
  /** The call's id in the batch. */
  readonly id: string;
  /** Position of the call in the batch. */
  readonly index: number;
  /** The body of a 2xx result; rejects with a `BatchItemError` for a non-2xx one. */
  json(): Promise<T>;
}

/** Creates the handle of the call at `index`, settled through `settle`. */
export function createHandle<T>(id: string, index: number, settle: Deferred<BatchResult>): Handle<T> {
  const result = settle.promise as Promise<BatchResult<T>>;
  return {
    id,
    index,
    // biome-ignore lint/suspicious/noThenProperty: a handle is deliberately awaitable.
    then: (onFulfilled, onRejected) => result.then(onFulfilled, onRejected),
    json: () => result.then(unwrap),
  };
}
