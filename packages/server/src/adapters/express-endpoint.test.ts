import { PROBLEM_TYPES, validateCapabilities } from '@batchwire/schema';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { BatchwireOptions } from '../core/options.js';
import { fixtureApp, type Listening, listen } from '../test-support/apps.js';

let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: BatchwireOptions = {}, parseJsonFirst = false) {
  const fixture = fixtureApp(options, { parseJsonFirst });
  running = await listen(fixture.app);
  return { origin: running.origin, observed: fixture.observed };
}

const problemType = /^application\/problem\+json/;

describe('batch endpoint: methods and capabilities', () => {
  it('serves a valid capabilities document on GET (and HEAD) with the configured limits', async () => {
    const { origin } = await start({ limits: { maxRequests: 50 }, idempotency: { ttlMs: 60_000 } });
    const res = await request(origin)
      .get('/batch')
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(validateCapabilities(res.body).ok).toBe(true);
    expect(res.body.limits).toMatchObject({ maxRequests: 50, idempotencyTtlMs: 60_000 });
    expect(res.body.features).toEqual({
      references: true,
      onErrorStop: true,
      streaming: true,
      idempotency: true,
      atomicity: false,
    });
    await request(origin).head('/batch').expect(200);
  });

  it('answers 405 with Allow to other methods', async () => {
    const { origin } = await start();
    for (const method of ['put', 'delete', 'patch'] as const) {
      const res = await request(origin)[method]('/batch').expect(405).expect('Allow', 'GET, HEAD, POST');
      expect(res.headers['content-type']).toMatch(problemType);
      expect(res.body.type).toBe(PROBLEM_TYPES.methodNotAllowed);
    }
  });

  it('refuses with 415 a body that is not application/json, accepting any case and parameters', async () => {
    const { origin } = await start();
    const res = await request(origin).post('/batch').set('Content-Type', 'text/plain').send('{}').expect(415);
    expect(res.body.type).toBe(PROBLEM_TYPES.unsupportedMediaType);
    await request(origin)
      .post('/batch')
      .set('Content-Type', 'Application/JSON; charset=utf-8')
      .send(JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/items/1' }] }))
      .expect(200);
  });
});

describe('batch endpoint: bad input is a problem, never a 500', () => {
  it('answers 400 malformed-json for a body that is not JSON', async () => {
    const { origin } = await start();
    const res = await request(origin)
      .post('/batch')
      .set('Content-Type', 'application/json')
      .send('{"requests": [')
      .expect(400);
    expect(res.headers['content-type']).toMatch(problemType);
    expect(res.body).toMatchObject({ type: PROBLEM_TYPES.malformedJson, errors: [{ pointer: '' }] });
  });

  it('answers 413 naming maxBodyBytes, by Content-Length and for a chunked body', async () => {
    const { origin } = await start({ limits: { maxBodyBytes: 1000 } });
    const big = JSON.stringify({
      requests: [{ id: 'a', method: 'POST', url: '/echo', body: 'x'.repeat(2000) }],
    });
    const res = await request(origin)
      .post('/batch')
      .set('Content-Type', 'application/json')
      .send(big)
      .expect(413);
    expect(res.body).toMatchObject({
      type: PROBLEM_TYPES.limitExceeded,
      limit: { name: 'maxBodyBytes', value: 1000 },
    });
    const chunked = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(await chunked.json()).toMatchObject({ limit: { name: 'maxBodyBytes' } });
  });

  it('answers 413 naming maxRequests and runs nothing', async () => {
    const { origin, observed } = await start({ limits: { maxRequests: 20 } });
    const requests = Array.from({ length: 21 }, (_, i) => ({
      id: `r${i}`,
      method: 'POST',
      url: '/counters/x',
    }));
    const res = await request(origin).post('/batch').send({ requests }).expect(413);
    expect(res.body.limit).toEqual({ name: 'maxRequests', value: 20 });
    expect(observed.started).toEqual([]);
  });

  it('answers 400 for 10,000-deep nesting without a stack overflow', async () => {
    const { origin } = await start();
    const deep = `{"requests":[{"id":"a","method":"POST","url":"/echo","body":${'['.repeat(10_000)}${']'.repeat(10_000)}}]}`;
    const res = await request(origin)
      .post('/batch')
      .set('Content-Type', 'application/json')
      .send(deep)
      .expect(400);
    expect(res.body).toMatchObject({ type: PROBLEM_TYPES.limitExceeded, limit: { name: 'maxJsonDepth' } });
  });

  it('answers 400 listing every violation by pointer, and runs nothing', async () => {
    const { origin, observed } = await start();
    const res = await request(origin)
      .post('/batch')
      .send({
        requests: [
          { id: 'a', method: 'POST', url: '/counters/a' },
          { id: 'a', method: 'FETCH', url: 'http://127.0.0.1:1/x', headers: { Authorization: 'x' } },
          { id: 'c', method: 'GET', url: '//evil.example/x', body: {} },
          { id: 'd', method: 'GET', url: '/%2F%2Fevil.example' },
          { id: 'e', method: 'GET', url: '/\\evil.example' },
        ],
      })
      .expect(400);
    const pointers = (res.body.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/requests/1/id',
        '/requests/1/method',
        '/requests/1/url',
        '/requests/1/headers/Authorization',
        '/requests/2/url',
        '/requests/2/body',
        '/requests/3/url',
        '/requests/4/url',
      ]),
    );
    expect(observed.started).toEqual([]);
  });

  it('keeps __proto__ keys as plain data in headers and bodies and pollutes no prototype', async () => {
    const { origin } = await start();
    const envelope =
      '{"requests":[{"id":"a","method":"POST","url":"/echo","headers":{"__proto__":"h"},"body":{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}],"__proto__":{"polluted":true}}';
    const res = await request(origin)
      .post('/batch')
      .set('Content-Type', 'application/json')
      .send(envelope)
      .expect(200);
    const echoed = res.body.responses[0].body;
    expect(Object.getOwnPropertyDescriptor(echoed.headers, '__proto__')?.value).toBe('h');
    expect(JSON.stringify(echoed.body)).toBe(
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses any request carrying the inner-request marker (400 recursion)', async () => {
    const { origin } = await start();
    const res = await request(origin).get('/batch').set('Batchwire-Inner-Request', '1').expect(400);
    expect(res.body.type).toBe(PROBLEM_TYPES.recursion);
  });

  it('rejects the whole envelope, before anything runs, when an inner url names the batch endpoint', async () => {
    const { origin, observed } = await start();
    const res = await request(origin)
      .post('/batch')
      .send({
        requests: [
          { id: 'count', method: 'POST', url: '/counters/n' },
          {
            id: 'plain',
            method: 'POST',
            url: '/batch',
            body: { requests: [{ id: 'x', method: 'POST', url: '/counters/n' }] },
          },
          { id: 'case', method: 'GET', url: '/BATCH' },
          { id: 'slash', method: 'GET', url: '/batch/' },
          { id: 'query', method: 'GET', url: '/Batch?x=1' },
          { id: 'encoded', method: 'GET', url: '/%62atch' },
        ],
      })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(res.body.errors.map((e: { pointer: string; rule: string }) => [e.pointer, e.rule])).toEqual(
      [1, 2, 3, 4, 5].map((i) => [`/requests/${i}/url`, 'url.recursion']),
    );
    expect(observed.counters.size).toBe(0);
  });

  it('refuses, per item, a url that only a reference turns into the batch endpoint', async () => {
    const { origin, observed } = await start();
    const res = await request(origin)
      .post('/batch')
      .send({
        requests: [
          { id: 'src', method: 'GET', url: '/echo?to=batch' },
          { id: 'ref', method: 'POST', url: '/${src#/body/query/to}', body: { requests: [] } },
          { id: 'after', method: 'POST', url: '/counters/m' },
        ],
      })
      .expect(200);
    const ref = res.body.responses[1] as { status: number; body: { type?: string } };
    expect(ref.status).toBe(400);
    expect(ref.body.type).toBe(PROBLEM_TYPES.recursion);
    expect(res.body.responses[2].status).toBe(201);
    expect(observed.counters.get('m')).toBe(1);
  });
});

describe('batch endpoint: body already parsed by the host app', () => {
  it('uses the body express.json() parsed before the router', async () => {
    const { origin } = await start({}, true);
    const res = await request(origin)
      .post('/batch')
      .send({ requests: [{ id: 'a', method: 'POST', url: '/echo', body: { n: 1 } }] })
      .expect(200);
    expect(res.body.responses[0]).toMatchObject({ status: 200, body: { body: { n: 1 } } });
  });
});

describe('batch endpoint: observability', () => {
  it('calls the hooks for every item, writes Server-Timing and logs one line per batch', async () => {
    const requestsSeen: string[] = [];
    const responsesSeen: string[] = [];
    const lines: Record<string, unknown>[] = [];
    const { pino } = await import('pino');
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const { origin } = await start({
      logger,
      onInnerRequest: (e) => requestsSeen.push(`${e.id} ${e.method} ${e.url}`),
      onInnerResponse: (e) => responsesSeen.push(`${e.id} ${e.status} ${e.executed}`),
    });
    const res = await request(origin)
      .post('/batch')
      .send({
        requests: [
          { id: 'a', method: 'GET', url: '/items/7' },
          { id: 'b', method: 'GET', url: '/items/${a#/body/id}' },
          { id: 'c', method: 'GET', url: '/status/500' },
          { id: 'd', method: 'GET', url: '/items/1', dependsOn: ['c'] },
        ],
      })
      .expect(200);
    expect(res.headers['server-timing']).toMatch(/batch;dur=[\d.]+/);
    expect(requestsSeen.sort()).toEqual(['a GET /items/7', 'b GET /items/7', 'c GET /status/500']);
    expect(responsesSeen.sort()).toEqual(['a 200 true', 'b 200 true', 'c 500 true', 'd 424 false']);
    const batchLine = lines.find((l) => l.msg === 'batch');
    expect(batchLine).toMatchObject({ batch: { total: 4, succeeded: 2, failed: 1, skipped: 1 } });
    expect(batchLine?.items).toHaveLength(4);
  });
});
