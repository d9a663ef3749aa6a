import type { BatchRequest } from '@batchwire/schema';
import { linkSignal } from './abort.js';
import { failureOf, type Outcome } from './answer.js';
import type { ClientContext } from './context.js';
import { batchError } from './errors.js';
import { IDEMPOTENCY_KEY_HEADER, JSON_MEDIA_TYPE, NDJSON_MEDIA_TYPE } from './media.js';
import { type ItemSink, readJsonAnswer, readStreamAnswer } from './read-answer.js';
import type { BatchResult } from './result.js';

/** How one outer POST is made. */
export interface PostOptions {
  /** Ask for NDJSON (completion order) instead of one JSON document. */
  readonly stream: boolean;
  /** Extra outer headers for this batch. */
  readonly headers: Readonly<Record<string, string>>;
  /** The batch's Idempotency-Key, when it has one. */
  readonly idempotencyKey: string | undefined;
  /** The caller's signal: aborting it aborts the request and its answer. */
  readonly signal?: AbortSignal | undefined;
}

/** The outcome of an aborted request: kind `aborted`, its cause the signal's reason. */
export function abortedOutcome(signal: AbortSignal): Outcome<never> {
  return { ok: false, error: batchError({ kind: 'aborted', cause: signal.reason }) };
}

/**
 * Calls `context.fetch` with the client's timeout, credentials mode and the caller's signal, and
 * reads the answer with `read`; an abort (or timeout) at any point, body included, is kind `aborted`.
 */
export async function exchange<T>(
  context: ClientContext,
  init: RequestInit,
  signal: AbortSignal | undefined,
  read: (response: Response) => Promise<Outcome<T>>,
): Promise<Outcome<T>> {
  const link = linkSignal(signal, context.timeoutMs);
  // An undefined `credentials` is fetch's default, in browsers and in Node alike.
  const request = { ...init, signal: link.signal, credentials: context.credentials } as RequestInit;
  try {
    const outcome = await read(await context.fetch(context.url, request));
    // A body cut off by the abort surfaces as a network error: it is still the abort.
    return !outcome.ok && outcome.error.kind === 'network' && link.signal.aborted
      ? abortedOutcome(link.signal)
      : outcome;
  } catch (cause) {
    return link.signal.aborted
      ? abortedOutcome(link.signal)
      : { ok: false, error: batchError({ kind: 'network', cause }) };
  } finally {
    link.done();
  }
}

/** POSTs an envelope once and reads the answer; every failure comes back as a `BatchError` value. */
export async function postBatch(
  context: ClientContext,
  envelope: BatchRequest,
  options: PostOptions,
  sink: ItemSink,
): Promise<Outcome<BatchResult[]>> {
  const headers: Record<string, string> = {
    ...context.headers,
    ...options.headers,
    'Content-Type': JSON_MEDIA_TYPE,
    Accept: options.stream ? `${NDJSON_MEDIA_TYPE}, ${JSON_MEDIA_TYPE};q=0.5` : JSON_MEDIA_TYPE,
  };
  if (options.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = options.idempotencyKey;
  return exchange(
    context,
    { method: 'POST', headers, body: JSON.stringify(envelope) },
    options.signal,
    (response) => {
      if (response.status !== 200) return failureOf(response);
      return options.stream
        ? readStreamAnswer(response, envelope, sink)
        : readJsonAnswer(response, envelope, sink);
    },
  );
}
