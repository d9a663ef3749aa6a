import { PROBLEM_TYPES } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { accepted, jsonResult, recording, sleep, TEST_LIMITS } from '../test-support/engine.js';
import { runBatch } from './run-batch.js';
import { toBatchResponse } from './serialize.js';
import type { DispatchContext, DispatchRequest, ItemOutcome } from './types.js';

const get = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'GET',
  url,
  ...extra,
});

describe('runBatch: onError stop, timeouts, disconnect, crashes', () => {
  it('onError "stop": unstarted requests answer 424 skipped, running ones finish', async () => {
    const { dispatch, seen } = recording(async (r) => {
      if (r.id === 'slow') {
        await sleep(50);
        return jsonResult(200, {});
      }
      return jsonResult(r.id === 'fail' ? 500 : 200, {});
    });
    const requests = [get('slow', '/slow'), get('fail', '/fail'), get('later1', '/l1'), get('later2', '/l2')];
    const outcome = await runBatch(accepted({ requests, options: { onError: 'stop' } }), dispatch, {
      limits: { ...TEST_LIMITS, maxConcurrency: 2 },
    });
    const statuses = toBatchResponse(outcome).responses.map((r) => [r.id, r.status]);
    expect(statuses).toEqual([
      ['slow', 200],
      ['fail', 500],
      ['later1', 424],
      ['later2', 424],
    ]);
    expect(seen.map((r) => r.id)).toEqual(['slow', 'fail']);
    expect(toBatchResponse(outcome).responses[2]?.body).toMatchObject({ type: PROBLEM_TYPES.skipped });
    expect(outcome.summary).toEqual({ total: 4, succeeded: 1, failed: 1, skipped: 2 });
  });

  it('onError "stop" with synchronous answers: requests ready together still start together', async () => {
    const started: string[] = [];
    const dispatch = (r: DispatchRequest) => {
      started.push(r.id);
      return jsonResult(r.id === 'fail' ? 500 : 200, {});
    };
    const requests = [get('fail', '/f'), get('peer', '/p'), get('later', '/l')];
    const outcome = await runBatch(accepted({ requests, options: { onError: 'stop' } }), dispatch, {
      limits: { ...TEST_LIMITS, maxConcurrency: 2 },
    });
    expect(started).toEqual(['fail', 'peer']);
    expect(outcome.items.map((item) => item.status)).toEqual([500, 200, 424]);
  });

  it('answers 504 for a request past requestTimeoutMs and aborts its signal; others are unaffected', async () => {
    let aborted: unknown;
    const dispatch = (r: DispatchRequest, context: DispatchContext) => {
      if (r.id !== 'hang') return Promise.resolve(jsonResult(200, {}));
      context.signal.addEventListener('abort', () => {
        aborted = context.signal.reason;
      });
      return new Promise<never>(() => {});
    };
    const outcome = await runBatch(accepted({ requests: [get('hang', '/h'), get('ok', '/o')] }), dispatch, {
      limits: { ...TEST_LIMITS, requestTimeoutMs: 50 },
    });
    const [hang, ok] = toBatchResponse(outcome).responses;
    expect(hang).toMatchObject({
      status: 504,
      body: { type: PROBLEM_TYPES.timeout, limit: { name: 'requestTimeoutMs', value: 50 } },
    });
    expect(ok?.status).toBe(200);
    expect(aborted).toBe('timeout');
    expect(outcome.summary).toEqual({ total: 2, succeeded: 1, failed: 1, skipped: 0 });
  });

  it('at the batch deadline answers 504 for running requests and 424 for unstarted ones', async () => {
    const { dispatch, seen } = recording(() => new Promise(() => {}));
    const outcome = await runBatch(
      accepted({ requests: [get('a', '/a'), get('b', '/b'), get('c', '/c', { dependsOn: ['a'] })] }),
      dispatch,
      { limits: { ...TEST_LIMITS, batchTimeoutMs: 60, requestTimeoutMs: 1_000 } },
    );
    expect(seen.map((r) => r.id)).toEqual(['a', 'b']);
    const statuses = toBatchResponse(outcome).responses.map((r) => r.status);
    expect(statuses).toEqual([504, 504, 424]);
    expect(toBatchResponse(outcome).responses[0]?.body).toMatchObject({ limit: { name: 'batchTimeoutMs' } });
    expect(outcome.summary).toEqual({ total: 3, succeeded: 0, failed: 2, skipped: 1 });
  });

  it('on client disconnect aborts running requests and starts nothing new', async () => {
    const disconnect = new AbortController();
    const cancelled: string[] = [];
    const started: string[] = [];
    const dispatch = (r: DispatchRequest, context: DispatchContext) => {
      started.push(r.id);
      context.onCancel((reason) => cancelled.push(`${r.id}:${reason}`));
      if (r.id === 'first') setTimeout(() => disconnect.abort(), 20);
      return new Promise<never>(() => {});
    };
    const requests = [get('first', '/1'), get('second', '/2'), get('third', '/3'), get('fourth', '/4')];
    const outcome = await runBatch(accepted({ requests }), dispatch, {
      limits: { ...TEST_LIMITS, maxConcurrency: 2 },
      signal: disconnect.signal,
    });
    await sleep(30);
    expect(started).toEqual(['first', 'second']);
    expect(cancelled.sort()).toEqual(['first:disconnect', 'second:disconnect']);
    expect(outcome.disconnected).toBe(true);
    expect(outcome.items.map((item: ItemOutcome) => item.status)).toEqual([503, 503, 424, 424]);
  });

  it('starts nothing when the client left before the batch began (a slow store, say), sync or not', async () => {
    const gone = new AbortController();
    gone.abort();
    const started: string[] = [];
    const dispatch = (r: DispatchRequest) => {
      started.push(r.id);
      return r.id === 'sync' ? jsonResult(200, {}) : Promise.resolve(jsonResult(200, {}));
    };
    const outcome = await runBatch(
      accepted({ requests: [get('sync', '/1'), get('async', '/2')] }),
      dispatch,
      {
        limits: TEST_LIMITS,
        signal: gone.signal,
      },
    );
    expect(started).toEqual([]);
    expect(outcome.disconnected).toBe(true);
    expect(outcome.items.map((item: ItemOutcome) => item.executed)).toEqual([false, false]);
  });

  it('turns a dispatcher that throws or rejects into a 500 for that item only', async () => {
    const dispatch = (r: DispatchRequest) => {
      if (r.id === 'sync') throw new Error('sync');
      if (r.id === 'async') return Promise.reject(new Error('async'));
      return Promise.resolve(jsonResult(200, {}));
    };
    const outcome = await runBatch(
      accepted({ requests: [get('sync', '/s'), get('async', '/a'), get('ok', '/o')] }),
      dispatch,
      {
        limits: TEST_LIMITS,
      },
    );
    expect(outcome.items.map((item) => item.status)).toEqual([500, 500, 200]);
    expect(toBatchResponse(outcome).responses[0]?.body).toMatchObject({ type: PROBLEM_TYPES.handlerError });
  });

  it('merges inherited headers under the inner ones and marks every inner request', async () => {
    const { dispatch, seen } = recording(() => jsonResult(200, {}));
    const inherited = Object.assign(Object.create(null), {
      authorization: 'Bearer t',
      'accept-language': 'fr',
    });
    await runBatch(
      accepted({
        requests: [
          get('a', '/a', { headers: JSON.parse('{"Accept-Language":"de","__proto__":"x"}') }),
          { id: 'b', method: 'POST', url: '/b', body: 'plain', headers: { 'Content-Type': 'text/plain' } },
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS, inheritedHeaders: inherited },
    );
    const [a, b] = seen;
    expect({ ...a?.headers }).toMatchObject({
      authorization: 'Bearer t',
      'accept-language': 'de',
      'batchwire-inner-request': '1',
    });
    expect(Object.hasOwn(a!.headers, '__proto__')).toBe(true);
    expect(b?.body).toEqual({ kind: 'bytes', text: 'plain', contentType: 'text/plain' });
  });
});
