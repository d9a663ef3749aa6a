import { PROBLEM_TYPES } from '@batchwire/schema';
import { describe, expect, it, vi } from 'vitest';
import type { IdempotencyStore } from '../idempotency/store.js';
import { echoDispatch, postJson } from '../test-support/core.js';
import { createBatchHandler } from './handler.js';
import { STORE_WAIT_MS } from './idempotent.js';
import type { BatchLogger } from './logger.js';

const envelope = { requests: [{ id: 'a', method: 'POST', url: '/orders' }] };
const keyed = { 'content-type': 'application/json', 'idempotency-key': 'k-1' };

function recordingLogger(): BatchLogger & { lines: { level: string; msg: string }[] } {
  const lines: { level: string; msg: string }[] = [];
  const at = (level: string) => (_obj: object, msg: string) => {
    lines.push({ level, msg });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

describe('idempotency store failures (req-idem-7)', () => {
  it('answers 503 idempotency-unavailable and runs nothing when begin throws or rejects', async () => {
    for (const begin of [
      () => {
        throw new Error('ECONNREFUSED');
      },
      () => Promise.reject(new Error('READONLY')),
    ]) {
      const store: IdempotencyStore = { begin, complete: () => {}, abandon: () => {} };
      const logger = recordingLogger();
      const handle = createBatchHandler({ idempotency: { store }, logger });
      const { dispatch, started } = echoDispatch();
      const res = await postJson(handle, envelope, dispatch, { headers: keyed });
      expect(res.status).toBe(503);
      expect(res.headers['Content-Type']).toBe('application/problem+json');
      expect(res.json).toMatchObject({
        type: PROBLEM_TYPES.idempotencyUnavailable,
        status: 503,
        errors: [{ pointer: '', rule: 'idempotency.unavailable' }],
      });
      expect(started).toEqual([]);
      expect(logger.lines).toContainEqual({ level: 'error', msg: 'idempotency store failed to claim a key' });
      // A batch without a key never asks the store.
      const unkeyed = await postJson(handle, envelope, dispatch);
      expect(unkeyed.status).toBe(200);
      expect(started).toEqual(['a']);
    }
  });

  it('still delivers the answer when complete fails, and logs it at error', async () => {
    const store: IdempotencyStore = {
      begin: () => ({ state: 'started' }),
      complete: () => Promise.reject(new Error('timeout')),
      abandon: () => {},
    };
    const logger = recordingLogger();
    const handle = createBatchHandler({ idempotency: { store }, logger });
    const { dispatch, started } = echoDispatch();
    const res = await postJson(handle, envelope, dispatch, { headers: keyed });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ responses: [{ id: 'a', status: 200 }] });
    expect(started).toEqual(['a']);
    expect(logger.lines).toContainEqual({
      level: 'error',
      msg: 'idempotency store failed to keep an answer',
    });
  });

  it('answers 503 when begin hangs, and releases a claim the store grants too late', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let grant: ((begin: { state: 'started' }) => void) | undefined;
      const abandoned: string[] = [];
      const store: IdempotencyStore = {
        begin: () =>
          new Promise((resolve) => {
            grant = resolve;
          }),
        complete: () => {},
        abandon: (key) => {
          abandoned.push(key);
        },
      };
      const handle = createBatchHandler({ idempotency: { store } });
      const { dispatch, started } = echoDispatch();
      const pending = postJson(handle, envelope, dispatch, { headers: keyed });
      // The key is hashed (Web Crypto, off the main thread) before the store is asked.
      await vi.waitFor(() => expect(grant).toBeDefined());
      await vi.advanceTimersByTimeAsync(STORE_WAIT_MS);
      const res = await pending;
      expect(res.status).toBe(503);
      expect(res.json.type).toBe(PROBLEM_TYPES.idempotencyUnavailable);
      grant?.({ state: 'started' });
      await vi.advanceTimersByTimeAsync(0);
      expect(abandoned).toHaveLength(1);
      expect(started).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
