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

describe('runBatch: references', () => {
  const created = (r: DispatchRequest) =>
    r.id === 'create'
      ? jsonResult(201, { id: 42, tags: ['x', 'y'], name: 'a b/c', nothing: null }, { Location: '/items/42' })
      : jsonResult(200, { ok: true });

  it('keeps the JSON type of a whole-string body reference and converts to text inside longer strings', async () => {
    const { dispatch, seen } = recording(created);
    await runBatch(
      accepted({
        requests: [
          { id: 'create', method: 'POST', url: '/items', body: { n: 1 } },
          {
            id: 'use',
            method: 'POST',
            url: '/use',
            body: {
              id: '${create#/body/id}',
              tags: '${create#/body/tags}',
              none: '${create#/body/nothing}',
              text: 'id=${create#/body/id} status=${create#/status}',
              literal: 'cost $${price}',
            },
          },
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    const use = seen.find((r) => r.id === 'use')!;
    expect(use.body.kind === 'bytes' && JSON.parse(use.body.text)).toEqual({
      id: 42,
      tags: ['x', 'y'],
      none: null,
      text: 'id=42 status=201',
      literal: 'cost ${price}',
    });
  });

  it('percent-encodes a value substituted into the url and reads headers case-insensitively', async () => {
    const { dispatch, seen } = recording(created);
    await runBatch(
      accepted({
        requests: [
          { id: 'create', method: 'POST', url: '/items', body: {} },
          get('read', '/things/${create#/body/id}?name=${create#/body/name}&at=${create#/headers/location}'),
          get('slash', '/things/${create#/body/name}'),
          get('hdr', '/h', { headers: { 'X-From': 'item ${create#/body/id}' } }),
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    expect(seen.find((r) => r.id === 'read')?.url).toBe('/things/42?name=a%20b%2Fc&at=%2Fitems%2F42');
    // An encoded "/" produced in the path could reach another route: refused for that item.
    expect(seen.find((r) => r.id === 'slash')).toBeUndefined();
    expect(seen.find((r) => r.id === 'hdr')?.headers['x-from']).toBe('item 42');
  });

  it('answers 424 naming the pointer when a reference resolves to nothing, and never runs the request', async () => {
    const { dispatch, seen } = recording(created);
    const outcome = await runBatch(
      accepted({
        requests: [
          { id: 'create', method: 'POST', url: '/items', body: {} },
          get('bad', '/things/${create#/body/missing}'),
          { id: 'bad-body', method: 'POST', url: '/x', body: { v: '${create#/body/tags/7}' } },
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    expect(seen.map((r) => r.id)).toEqual(['create']);
    const [, bad, badBody] = toBatchResponse(outcome).responses;
    expect(bad).toMatchObject({
      status: 424,
      body: { type: PROBLEM_TYPES.unresolvedReference, pointer: '/body/missing', dependency: 'create' },
    });
    expect(badBody).toMatchObject({ status: 424, body: { pointer: '/body/tags/7' } });
    expect(outcome.summary.skipped).toBe(2);
  });

  it('re-checks a url and a header value after substitution (400 for that item only)', async () => {
    const { dispatch, seen } = recording((r) =>
      r.id === 'src' ? jsonResult(200, { dots: '..', crlf: 'a\r\nInjected: 1' }) : jsonResult(200, {}),
    );
    const outcome = await runBatch(
      accepted({
        requests: [
          get('src', '/src'),
          get('dots', '/a/${src#/body/dots}/b'),
          get('smuggle', '/h', { headers: { 'X-Value': '${src#/body/crlf}' } }),
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    expect(seen.map((r) => r.id)).toEqual(['src']);
    const [, dots, smuggle] = toBatchResponse(outcome).responses;
    expect(dots).toMatchObject({
      status: 400,
      body: { errors: [{ pointer: '/requests/1/url', rule: 'url.dotSegment' }] },
    });
    expect(smuggle).toMatchObject({
      status: 400,
      body: { errors: [{ pointer: '/requests/2/headers/X-Value', rule: 'header.value' }] },
    });
  });

  it('resolves ${ID#} to the whole response and never follows __proto__ into a prototype', async () => {
    const { dispatch, seen } = recording((r) =>
      r.id === 'a' ? jsonResult(200, { v: 1 }) : jsonResult(200, {}),
    );
    const outcome = await runBatch(
      accepted({
        requests: [
          get('a', '/a'),
          JSON.parse(
            '{"id":"whole","method":"POST","url":"/w","body":{"all":"${a#}","__proto__":{"polluted":true}}}',
          ),
          get('proto', '/p/${a#/body/__proto__}'),
        ],
      }),
      dispatch,
      { limits: TEST_LIMITS },
    );
    const whole = seen.find((r) => r.id === 'whole')!;
    const sent = whole.body.kind === 'bytes' ? JSON.parse(whole.body.text) : undefined;
    expect(sent.all).toMatchObject({ status: 200, body: { v: 1 } });
    expect(Object.hasOwn(sent, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(toBatchResponse(outcome).responses[2]?.status).toBe(424);
  });
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
