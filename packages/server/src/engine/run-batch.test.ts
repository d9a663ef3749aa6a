import { PROBLEM_TYPES } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { accepted, jsonResult, recording, sleep, TEST_LIMITS } from '../test-support/engine.js';
import { runBatch } from './run-batch.js';
import { toBatchResponse } from './serialize.js';
import type { DispatchRequest } from './types.js';

const get = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  id,
  method: 'GET',
  url,
  ...extra,
});

describe('runBatch: order and concurrency', () => {
  it('answers in request order whatever the completion order, with the summary', async () => {
    const { dispatch } = recording(async (r) => {
      await sleep(r.id === 'c' ? 60 : r.id === 'a' ? 30 : 0);
      return jsonResult(r.id === 'b' ? 404 : 200, { id: r.id });
    });
    const completion: string[] = [];
    const outcome = await runBatch(
      accepted({ requests: [get('c', '/c'), get('a', '/a'), get('b', '/b')] }),
      dispatch,
      {
        limits: TEST_LIMITS,
        onOutcome: (item) => completion.push(item.id),
      },
    );
    const response = toBatchResponse(outcome);
    expect(response.responses.map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect(response.responses.map((r) => r.body)).toEqual([{ id: 'c' }, { id: 'a' }, { id: 'b' }]);
    expect(completion).toEqual(['b', 'a', 'c']);
    expect(response.summary).toEqual({ total: 3, succeeded: 2, failed: 1, skipped: 0 });
  });

  it('runs independent requests concurrently but never more than maxConcurrency at once', async () => {
    let inFlight = 0;
    let peak = 0;
    const { dispatch } = recording(async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(20);
      inFlight--;
      return jsonResult(200, {});
    });
    const requests = Array.from({ length: 12 }, (_, i) => get(`r${i}`, `/r/${i}`));
    const outcome = await runBatch(accepted({ requests }), dispatch, {
      limits: { ...TEST_LIMITS, maxConcurrency: 3 },
    });
    expect(outcome.summary.succeeded).toBe(12);
    expect(peak).toBe(3);
  });
});

describe('runBatch: fairness', () => {
  it('lets the event loop turn during a long batch of synchronous answers', async () => {
    let turned = false;
    let turnedBeforeLast = false;
    const dispatch = (r: DispatchRequest) => {
      const until = performance.now() + 0.1;
      while (performance.now() < until) {
        // A handler that answers synchronously after a little CPU work.
      }
      if (r.index === 399) turnedBeforeLast = turned;
      return Promise.resolve(jsonResult(200, {}));
    };
    setImmediate(() => {
      turned = true;
    });
    const requests = Array.from({ length: 400 }, (_, i) => get(`r${i}`, '/x'));
    const outcome = await runBatch(accepted({ requests }), dispatch, { limits: TEST_LIMITS });
    expect(outcome.summary.succeeded).toBe(400);
    expect(turnedBeforeLast).toBe(true);
  });
});

describe('runBatch: dependencies', () => {
  it('runs a dependsOn chain step by step', async () => {
    const order: string[] = [];
    const { dispatch } = recording(async (r) => {
      order.push(`start ${r.id}`);
      await sleep(10);
      order.push(`end ${r.id}`);
      return jsonResult(200, {});
    });
    await runBatch(
      accepted({
        requests: [
          get('a', '/a'),
          get('b', '/b', { dependsOn: ['a'] }),
          get('c', '/c', { dependsOn: ['b'] }),
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('answers 424 naming the failed dependency, transitively, without running the dependents', async () => {
    const { dispatch, seen } = recording((r) => jsonResult(r.id === 'a' ? 500 : 200, {}));
    const outcome = await runBatch(
      accepted({
        requests: [
          get('a', '/a'),
          get('b', '/b', { dependsOn: ['a'] }),
          get('c', '/c', { dependsOn: ['b'] }),
          get('d', '/d'),
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    const [, b, c, d] = toBatchResponse(outcome).responses;
    expect(seen.map((r) => r.id).sort()).toEqual(['a', 'd']);
    expect(b).toMatchObject({ status: 424, body: { type: PROBLEM_TYPES.dependencyFailed, dependency: 'a' } });
    expect(b?.headers['Content-Type']).toBe('application/problem+json');
    expect(c).toMatchObject({ status: 424, body: { dependency: 'b' } });
    expect((b!.body as { detail: string }).detail).toMatch(
      /depends on request "a", which finished with status 500/,
    );
    expect((c!.body as { detail: string }).detail).toMatch(
      /depends on request "b", which was not executed \(status 424\)/,
    );
    expect(d?.status).toBe(200);
    expect(outcome.summary).toEqual({ total: 4, succeeded: 1, failed: 1, skipped: 2 });
  });

  it('takes synchronous answers: a 5,000-long reference chain runs in order without deep recursion', async () => {
    const requests = Array.from({ length: 5000 }, (_, i) =>
      get(`r${i}`, i === 0 ? '/n/0' : `/n/\${r${i - 1}#/body/n}`),
    );
    const dispatch = (r: DispatchRequest) => jsonResult(200, { n: Number(r.url.slice(3)) + 1 });
    const outcome = await runBatch(accepted({ requests }), dispatch, { limits: TEST_LIMITS });
    expect(outcome.summary.succeeded).toBe(5000);
    expect(toBatchResponse(outcome).responses[4999]?.body).toEqual({ n: 5000 });
  });

  it('handles a chain thousands of requests long without deep recursion', async () => {
    const requests = Array.from({ length: 5000 }, (_, i) =>
      get(`r${i}`, '/x', i === 0 ? {} : { dependsOn: [`r${i - 1}`] }),
    );
    const { dispatch } = recording(() => jsonResult(500, {}));
    const outcome = await runBatch(accepted({ requests }), dispatch, { limits: TEST_LIMITS });
    expect(outcome.summary).toEqual({ total: 5000, succeeded: 0, failed: 1, skipped: 4999 });
  });
});
