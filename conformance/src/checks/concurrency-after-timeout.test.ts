import { describe, expect, it } from 'vitest';
import { afterTimeoutSkip } from './concurrency-after-timeout.js';

const limits = { requestTimeoutMs: 1000, batchTimeoutMs: 2500, maxConcurrency: 12, maxRequests: 60 };

describe('afterTimeoutSkip', () => {
  it('runs when the timeout is short, the deadline long enough and the batch large enough', () => {
    expect(afterTimeoutSkip(limits)).toBeUndefined();
  });

  it.each([
    ['a request timeout too long for /delay', { requestTimeoutMs: 2501 }, 'requestTimeoutMs 2501'],
    ['a request timeout too short for the chain', { requestTimeoutMs: 499 }, 'requestTimeoutMs 499'],
    ['a deadline that would cut the fan-out', { batchTimeoutMs: 2248 }, 'batchTimeoutMs >= 2249'],
    ['a concurrency above 32', { maxConcurrency: 33, maxRequests: 100 }, 'maxConcurrency 33'],
    ['a batch too small for the fan-out', { maxRequests: 17 }, 'at most 17'],
  ])('skips %s', (_name, change, reason) => {
    expect(afterTimeoutSkip({ ...limits, ...change })).toContain(reason);
  });
});
