import { describe, expect, it } from 'vitest';
import { retryPolicy } from './retry.js';
import { throttlePolicy } from './throttle.js';
import { randomUuid } from './uuid.js';

describe('retryPolicy', () => {
  it('is off unless asked for, with defaults for true', () => {
    expect(retryPolicy(undefined)).toBeUndefined();
    expect(retryPolicy(false)).toBeUndefined();
    expect(retryPolicy(true)).toEqual({ retries: 2, delayMs: 100 });
    expect(retryPolicy({ retries: 5 })).toEqual({ retries: 5, delayMs: 100 });
    expect(retryPolicy({ retries: -1, delayMs: -5 })).toEqual({ retries: 0, delayMs: 0 });
  });
});

describe('randomUuid', () => {
  it('returns distinct version 4 UUIDs', () => {
    const ids = new Set(Array.from({ length: 100 }, randomUuid));
    expect(ids.size).toBe(100);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('throttlePolicy', () => {
  it('is off unless asked for: 3 attempts and a 30 s cap by default, at least one attempt', () => {
    expect(throttlePolicy(undefined)).toBeUndefined();
    expect(throttlePolicy(false)).toBeUndefined();
    expect(throttlePolicy(true)).toEqual({ maxAttempts: 3, maxDelayMs: 30_000 });
    expect(throttlePolicy({ maxAttempts: 0, maxDelayMs: -1 })).toEqual({ maxAttempts: 1, maxDelayMs: 0 });
    expect(throttlePolicy({ maxAttempts: 2.7 })).toEqual({ maxAttempts: 2, maxDelayMs: 30_000 });
  });
});
