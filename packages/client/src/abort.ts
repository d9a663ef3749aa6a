/** An abort signal of this client: the caller's, a timeout's, or both. */
export interface Abortable {
  /** Aborts when the caller's signal aborts or the time runs out. */
  readonly signal: AbortSignal;
  /** Stops the timer and detaches from the caller's signal. */
  readonly done: () => void;
}

/** The reason of a `timeoutMs` abort: a `TimeoutError`, as `AbortSignal.timeout` gives. */
export function timeoutReason(ms: number): Error {
  return new DOMException(`no answer within timeoutMs (${ms} ms)`, 'TimeoutError');
}

/**
 * Links a new signal to the caller's `parent` (when given) and to a timer of `timeoutMs` (when
 * given); `done()` must be called once the work is over so neither keeps anything alive.
 */
export function linkSignal(parent: AbortSignal | undefined, timeoutMs?: number): Abortable {
  const controller = new AbortController();
  const abort = () => controller.abort(parent?.reason);
  if (parent?.aborted) abort();
  else parent?.addEventListener('abort', abort, { once: true });
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => controller.abort(timeoutReason(timeoutMs)), timeoutMs);
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', abort);
    },
  };
}

/** Settles with `work`, or with `aborted()` as soon as `signal` aborts, whichever comes first. */
export function raceAbort<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
  aborted: () => T,
): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) return Promise.resolve(aborted());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => resolve(aborted());
    signal.addEventListener('abort', onAbort, { once: true });
    work.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}

/** Waits `ms`, or less when `signal` aborts first. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(finish, ms);
    function finish() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', finish);
      resolve();
    }
    signal?.addEventListener('abort', finish, { once: true });
  });
}

/** Whether a value looks like an `AbortSignal` (any realm's, or a polyfill's). */
export function isAbortSignal(value: unknown): value is AbortSignal {
  return typeof (value as AbortSignal | undefined)?.addEventListener === 'function';
}
