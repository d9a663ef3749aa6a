import {
  type BatchRequest,
  IDEMPOTENCY_KEY_HEADER,
  JSON_MEDIA_TYPE,
  NDJSON_MEDIA_TYPE,
} from '@batchwire/schema';
import { failureOf, type Outcome } from './answer.js';
import type { ClientContext } from './context.js';
import { batchError } from './errors.js';
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
  let response: Response;
  try {
    response = await context.fetch(context.url, { method: 'POST', headers, body: JSON.stringify(envelope) });
  } catch (cause) {
    return { ok: false, error: batchError({ kind: 'network', cause }) };
  }
  if (response.status !== 200) return failureOf(response);
  return options.stream
    ? readStreamAnswer(response, envelope, sink)
    : readJsonAnswer(response, envelope, sink);
}
