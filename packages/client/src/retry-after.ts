import { type BatchResult, headerOf } from './result.js';

/**
 * The wait a throttled result asks for, in ms: its `Retry-After` as delay-seconds or an HTTP date
 * (a past date is 0). `undefined` when the result is not a 429 or 503 with a readable `Retry-After`.
 */
export function retryAfterMs(result: BatchResult, now = Date.now()): number | undefined {
  if (result.status !== 429 && result.status !== 503) return undefined;
  const value = headerOf(result, 'retry-after')?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^[0-9]+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its day and month; Date.parse alone would read "-1" as a year.
  const date = /^[A-Za-z]{3}, /.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
