import type { HeaderMap, InnerResponse } from '@batchwire/schema';
import { batchItemError } from './errors.js';

/** The result of one call in a batch, in the shape every API of this client returns. */
export interface BatchResult<T = unknown> {
  /** The call's id (given or generated). */
  readonly id: string;
  /** The inner HTTP status. */
  readonly status: number;
  /** The inner response headers; compare names case-insensitively (see {@link headerOf}). */
  readonly headers: HeaderMap;
  /** JSON as JSON, text as a string, other bytes as base64 (then `bodyEncoding` is `"base64"`). */
  readonly body: T;
  /** Whether `status` is 2xx. */
  readonly ok: boolean;
  /** Present when `body` holds base64 bytes. */
  readonly bodyEncoding?: 'base64';
  /** How many times the call was sent: more than 1 after `retryThrottled` sent it again. */
  readonly attempts: number;
}

/** Turns a validated inner response into a {@link BatchResult}. */
export function toResult(response: InnerResponse, attempts = 1): BatchResult {
  const base = {
    id: response.id,
    status: response.status,
    headers: response.headers,
    body: response.body,
    ok: response.status >= 200 && response.status < 300,
    attempts,
  };
  return response.bodyEncoding === undefined ? base : { ...base, bodyEncoding: response.bodyEncoding };
}

/** Reads a header of a result by name, case-insensitively. */
export function headerOf(result: Pick<BatchResult, 'headers'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(result.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** Returns a result's body when its status is 2xx; throws a typed `BatchItemError` otherwise. */
export function unwrap<T>(result: BatchResult<T>): T {
  if (!result.ok) throw batchItemError(result);
  return result.body;
}
