import { describe, expect, it } from 'vitest';
import type { BatchResult } from './result.js';
import { retryAfterMs } from './retry-after.js';

const result = (status: number, headers: Record<string, string>): BatchResult => ({
  id: '1',
  status,
  headers,
  body: null,
  ok: false,
  attempts: 1,
});

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-01T10:00:00Z');

  it('reads delay-seconds on a 429 or 503, whatever the header name case', () => {
    expect(retryAfterMs(result(429, { 'Retry-After': '1' }), now)).toBe(1000);
    expect(retryAfterMs(result(503, { 'retry-after': ' 0 ' }), now)).toBe(0);
  });

  it('reads an HTTP date, a past one being no wait', () => {
    expect(retryAfterMs(result(429, { 'retry-after': 'Tue, 01 Dec 2026 10:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMs(result(429, { 'retry-after': 'Tue, 01 Dec 2026 09:00:00 GMT' }), now)).toBe(0);
  });

  it('ignores other statuses, a missing header and unreadable values', () => {
    expect(retryAfterMs(result(500, { 'retry-after': '1' }), now)).toBeUndefined();
    expect(retryAfterMs(result(429, {}), now)).toBeUndefined();
    expect(retryAfterMs(result(429, { 'retry-after': 'soon' }), now)).toBeUndefined();
    expect(retryAfterMs(result(429, { 'retry-after': '-1' }), now)).toBeUndefined();
  });
});
