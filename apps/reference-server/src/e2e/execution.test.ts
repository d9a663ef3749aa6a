import { FIXTURE_TEXT, fixtureBytes } from '@batchwire/conformance/fixtures';
import { PROBLEM_TYPES } from '@batchwire/schema';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReferenceApp } from '../app.js';
import { field, interval, item, maxOverlap, runBatch } from '../test-support/batch.js';
import { startCanary } from '../test-support/canary.js';
import { listen } from '../test-support/listen.js';
import { MODES, startTopology, TEST_LIMITS, type Topology } from '../test-support/topology.js';

const get = (id: string, url: string) => ({ id, method: 'GET', url });

describe.each(MODES)('%s mode: order, concurrency, isolation and responses', (mode) => {
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology(mode);
  });
  afterAll(() => t.close());

  it('answers in request order whatever the completion order', async () => {
    const batch = await runBatch(t, {
      requests: [
        get('c', '/_conformance/delay/300'),
        get('10', '/_conformance/delay/150'),
        get('2', '/_conformance/delay/0'),
        get('a', '/_conformance/echo'),
      ],
    });
    expect(batch.responses.map((r) => r.id)).toEqual(['c', '10', '2', 'a']);
    expect(interval(item(batch, 'c')).end).toBeGreaterThan(interval(item(batch, '2')).end);
  });

  it('runs independent requests concurrently (10 x delay/400: intervals overlap)', async () => {
    const requests = Array.from({ length: 10 }, (_, i) => get(`d${i}`, '/_conformance/delay/400'));
    const batch = await runBatch(t, { requests });
    const intervals = batch.responses.map(interval);
    expect(Math.max(...intervals.map((i) => i.start))).toBeLessThan(Math.min(...intervals.map((i) => i.end)));
    expect(batch.summary).toEqual({ total: 10, succeeded: 10, failed: 0, skipped: 0 });
  });

  it('isolates failures: 404, 500 and a throwing handler affect only their own items', async () => {
    const batch = await runBatch(t, {
      requests: [
        get('ok1', '/_conformance/status/200'),
        get('nf', '/_conformance/status/404'),
        get('fail', '/_conformance/status/500'),
        get('throw', '/_conformance/throw'),
        get('ok2', '/_conformance/delay/50'),
      ],
    });
    expect(batch.responses.map((r) => [r.id, r.status])).toEqual([
      ['ok1', 200],
      ['nf', 404],
      ['fail', 500],
      ['throw', 500],
      ['ok2', 200],
    ]);
    expect(batch.responses[3]?.body).toMatchObject({ type: PROBLEM_TYPES.handlerError, status: 500 });
    expect(batch.summary).toEqual({ total: 5, succeeded: 2, failed: 3, skipped: 0 });
  });

  it('answers 504 for a handler that never answers, and the others are unaffected', async () => {
    const batch = await runBatch(t, {
      requests: [
        get('hang', '/_test/hang'),
        get('ok', '/_conformance/delay/100'),
        get('ok2', '/_conformance/echo'),
      ],
    });
    expect(batch.responses.map((r) => [r.id, r.status])).toEqual([
      ['hang', 504],
      ['ok', 200],
      ['ok2', 200],
    ]);
    expect(field(item(batch, 'hang'), 'type')).toBe(PROBLEM_TYPES.timeout);
    expect(batch.summary).toEqual({ total: 3, succeeded: 2, failed: 1, skipped: 0 });
  });

  it('answers 502 for a handler that destroys its socket, and the others are unaffected', async () => {
    const batch = await runBatch(t, {
      requests: [
        get('ok', '/_conformance/delay/100'),
        get('gone', '/_test/destroy'),
        get('ok2', '/_conformance/echo'),
      ],
    });
    expect(batch.responses.map((r) => [r.id, r.status])).toEqual([
      ['ok', 200],
      ['gone', 502],
      ['ok2', 200],
    ]);
    expect(field(item(batch, 'gone'), 'type')).toBe(PROBLEM_TYPES.badGateway);
  });

  it('embeds JSON as JSON, text as a string and bytes as base64, with conventional header names', async () => {
    const batch = await runBatch(t, {
      requests: [
        get('json', '/_conformance/status/201'),
        get('text', '/_conformance/text'),
        get('bytes', '/_conformance/bytes/260'),
        { id: 'created', method: 'POST', url: '/_conformance/items', body: { a: 1 } },
      ],
    });
    expect(item(batch, 'json').body).toEqual({ status: 201 });
    expect(item(batch, 'json').headers['Content-Type']).toMatch(/^application\/json/);
    expect(item(batch, 'text').body).toBe(FIXTURE_TEXT);
    expect(item(batch, 'text').headers['Content-Type']).toMatch(/^text\/plain/);
    expect(item(batch, 'bytes').bodyEncoding).toBe('base64');
    expect(Buffer.from(item(batch, 'bytes').body as string, 'base64').equals(fixtureBytes(260))).toBe(true);
    const created = item(batch, 'created');
    expect(created.status).toBe(201);
    expect(created.headers.Location).toBe(`/_conformance/items/${String(field(created, 'id'))}`);
  });

  it('sends text bodies as text when the inner content-type says so', async () => {
    const batch = await runBatch(t, {
      requests: [
        {
          id: 'csv',
          method: 'POST',
          url: '/_conformance/echo?x=%20y',
          headers: { 'Content-Type': 'text/csv' },
          body: 'a,b\n1,2',
        },
        { id: 'json', method: 'PUT', url: '/_conformance/echo/a%2Cb', body: 'a string' },
      ],
    });
    const csv = item(batch, 'csv').body as { body: unknown; query: unknown; method: string };
    expect(csv).toMatchObject({ method: 'POST', body: 'a,b\n1,2', query: { x: ' y' } });
    const json = item(batch, 'json').body as { body: unknown; path: string; headers: Record<string, string> };
    expect(json.body).toBe('a string');
    expect(json.path).toBe('/_conformance/echo/a%2Cb');
    expect(json.headers['content-type']).toMatch(/^application\/json/);
  });

  it('supports HEAD and OPTIONS inner requests', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: 'head', method: 'HEAD', url: '/_conformance/echo' },
        { id: 'options', method: 'OPTIONS', url: '/_conformance/echo' },
      ],
    });
    expect(item(batch, 'head').status).toBe(200);
    expect(item(batch, 'head').body ?? '').toBe('');
    expect(item(batch, 'options').status).toBe(200);
    expect(field(item(batch, 'options'), 'method')).toBe('OPTIONS');
  });

  it('answers 424 for the dependents of a request that timed out', async () => {
    const batch = await runBatch(t, {
      requests: [
        { id: 'hang', method: 'GET', url: '/_test/hang' },
        { id: 'next', method: 'GET', url: '/_conformance/status/200', dependsOn: ['hang'] },
      ],
    });
    expect(batch.responses.map((r) => r.status)).toEqual([504, 424]);
    expect(field(item(batch, 'next'), 'dependency')).toBe('hang');
  });

  it.each([
    '/_test/json-edge',
    '/_test/mutate-after-send',
    '/_test/chunks',
    '/_test/async-throw',
    '/_conformance/text',
    '/_conformance/status/201',
    '/_conformance/echo/x?y=1',
  ])('embeds exactly what a client gets from GET %s sent alone', async (url) => {
    const direct = await request(t.apiOrigin).get(url).buffer(true).timeout(10_000);
    const batch = await runBatch(t, { requests: [{ id: 'a', method: 'GET', url }] });
    const embedded = item(batch, 'a');
    expect(embedded.status).toBe(direct.status);
    expect(embedded.headers['Content-Type']).toBe(direct.headers['content-type']);
    const directBody = /json/.test(direct.headers['content-type'] ?? '')
      ? JSON.parse(direct.text)
      : direct.text;
    if (url.startsWith('/_conformance/echo')) {
      expect((embedded.body as { path: string; query: unknown }).path).toBe(directBody.path);
      expect((embedded.body as { path: string; query: unknown }).query).toEqual(directBody.query);
    } else {
      expect(embedded.body).toEqual(directBody);
    }
  });

  it('passes inner headers and marks inner requests as such', async () => {
    const batch = await runBatch(t, {
      requests: [{ id: 'e', method: 'GET', url: '/_conformance/echo', headers: { 'X-Trace-Hint': 'abc' } }],
    });
    const headers = (item(batch, 'e').body as { headers: Record<string, string> }).headers;
    expect(headers['x-trace-hint']).toBe('abc');
    expect(headers['batchwire-inner-request']).toBe('1');
  });
});

describe.each(MODES)('%s mode: limits on execution', (mode) => {
  it('never runs more than maxConcurrency requests at once', async () => {
    const t = await startTopology(mode, { limits: { maxConcurrency: 2 } });
    try {
      const requests = Array.from({ length: 6 }, (_, i) => get(`d${i}`, '/_conformance/delay/100'));
      const batch = await runBatch(t, { requests });
      expect(batch.responses.every((r) => r.status === 200)).toBe(true);
      expect(maxOverlap(batch.responses.map(interval))).toBe(2);
    } finally {
      await t.close();
    }
  });

  it('at the batch deadline, unfinished requests answer 504 and unstarted ones 424', async () => {
    const t = await startTopology(mode, {
      limits: { maxConcurrency: 1, batchTimeoutMs: 500, requestTimeoutMs: 5000 },
    });
    try {
      const batch = await runBatch(t, {
        requests: [
          get('done', '/_conformance/delay/0'),
          get('slow', '/_conformance/delay/2000'),
          get('never', '/_conformance/echo'),
        ],
      });
      expect(batch.responses.map((r) => [r.id, r.status])).toEqual([
        ['done', 200],
        ['slow', 504],
        ['never', 424],
      ]);
      expect(batch.summary).toEqual({ total: 3, succeeded: 1, failed: 1, skipped: 1 });
    } finally {
      await t.close();
    }
  });
});

describe('gateway mode: upstream unreachable', () => {
  it('answers 502 per item and still a consolidated 200', async () => {
    const gone = await listen((_req, res) => res.end());
    const upstream = gone.url;
    await gone.close();
    const gateway = await listen(
      createReferenceApp({ upstream, limits: TEST_LIMITS, logger: pino({ level: 'silent' }) }),
    );
    const t: Topology = {
      mode: 'gateway',
      origin: gateway.url,
      apiOrigin: upstream,
      canary: await startCanary(),
      close: async () => {
        await Promise.all([gateway.close(), t.canary.close()]);
      },
    };
    try {
      const batch = await runBatch(t, {
        requests: [get('a', '/_conformance/status/200'), get('b', '/blogs/entries/1')],
      });
      expect(batch.responses.map((r) => r.status)).toEqual([502, 502]);
      expect(field(item(batch, 'a'), 'type')).toBe(PROBLEM_TYPES.badGateway);
      expect(batch.summary).toEqual({ total: 2, succeeded: 0, failed: 2, skipped: 0 });
    } finally {
      await t.close();
    }
  });
});
