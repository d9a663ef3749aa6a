import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { batchwire } from '../../adapters/express.js';
import type { BatchwireOptions } from '../../core/options.js';
import { fixtureApp, type Listening, listen } from '../../test-support/apps.js';
import { postBatch } from '../../test-support/post-batch.js';

let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(options: BatchwireOptions = {}) {
  const fixture = fixtureApp(options);
  running = await listen(fixture.app);
  return { origin: running.origin, observed: fixture.observed };
}

describe('in-process dispatch: responses exactly as a client would read them alone', () => {
  it('embeds res.json values as parsed JSON (Dates as strings, toJSON, undefined dropped) with status and headers', async () => {
    const { origin } = await start();
    const alone = await request(origin).get('/items/3').expect(200);
    const { item } = await postBatch(origin, [{ id: 'a', method: 'GET', url: '/items/3' }]);
    expect(item('a').body).toEqual(alone.body);
    expect(item('a').body).toEqual({ id: 3, created: '1970-01-01T00:00:00.000Z', custom: 'custom' });
    expect(item('a').headers['Content-Type']).toBe(alone.headers['content-type']);
    expect(item('a').headers.ETag).toBe(alone.headers.etag);
    expect(item('a').headers['Content-Length']).toBeUndefined();
  });

  it('applies the app json replacer, as res.json does', async () => {
    const app = express();
    app.set('json replacer', (key: string, value: unknown) => (key === 'secret' ? undefined : value));
    app.use('/batch', batchwire());
    app.get('/user', (_req, res) => {
      res.json({ name: 'ada', secret: 'hidden' });
    });
    running = await listen(app);
    const { item } = await postBatch(running.origin, [{ id: 'u', method: 'GET', url: '/user' }]);
    expect(item('u').body).toEqual({ name: 'ada' });
  });

  it('matches res.json sent alone with a preset type, json spaces and escape, 204, and a fresh 304', async () => {
    const app = express();
    app.set('json spaces', 2);
    app.set('json escape', true);
    app.use('/batch', batchwire());
    app.get('/problem', (_req, res) => {
      res.status(422).type('application/problem+json').json({ title: '<bad>' });
    });
    app.get('/empty', (_req, res) => {
      res.status(204).json({ gone: true });
    });
    app.get('/plain', (_req, res) => {
      res.json({ a: '<&>' });
    });
    running = await listen(app);
    const origin = running.origin;
    const problem = await request(origin).get('/problem').expect(422);
    const plain = await request(origin).get('/plain').expect(200);
    const etag = String(plain.headers.etag);
    const { item } = await postBatch(origin, [
      { id: 'problem', method: 'GET', url: '/problem' },
      { id: 'empty', method: 'GET', url: '/empty' },
      { id: 'plain', method: 'GET', url: '/plain' },
      { id: 'fresh', method: 'GET', url: '/plain', headers: { 'If-None-Match': etag } },
    ]);
    expect(item('problem').headers['Content-Type']).toBe(problem.headers['content-type']);
    expect(item('problem').headers['Content-Type']).toBe('application/problem+json; charset=utf-8');
    expect(item('problem').body).toEqual({ title: '<bad>' });
    expect(item('empty').status).toBe(204);
    expect(item('empty').headers['Content-Type']).toBeUndefined();
    expect(item('plain').headers.ETag).toBe(etag);
    expect(item('plain').body).toEqual({ a: '<&>' });
    expect(item('fresh').status).toBe(304);
    expect(item('fresh').headers['Content-Type']).toBeUndefined();
    expect(item('fresh').headers.ETag).toBe(etag);
  });

  it('answers a fresh res.json with 304 and no Content-Type, as Express does', async () => {
    const app = express();
    app.use('/batch', batchwire());
    app.get('/v', (_req, res) => {
      res.json({ v: 1 });
    });
    running = await listen(app);
    const alone = await request(running.origin).get('/v').expect(200);
    const etag = String(alone.headers.etag);
    const again = await request(running.origin).get('/v').set('If-None-Match', etag).expect(304);
    const { item } = await postBatch(running.origin, [
      { id: 'f', method: 'GET', url: '/v', headers: { 'If-None-Match': etag } },
    ]);
    expect(item('f').status).toBe(304);
    expect(item('f').headers['Content-Type']).toBe(again.headers['content-type']);
    expect(item('f').headers.ETag).toBe(etag);
    expect(item('f').body).toBeUndefined();
  });

  it('keeps text as a string, bytes as base64, streamed writes, writeHead, redirects and 204', async () => {
    const { origin } = await start();
    const { item } = await postBatch(origin, [
      { id: 'text', method: 'GET', url: '/text' },
      { id: 'html', method: 'GET', url: '/html' },
      { id: 'bytes', method: 'GET', url: '/bytes' },
      { id: 'stream', method: 'GET', url: '/stream' },
      { id: 'head', method: 'GET', url: '/write-head' },
      { id: 'redirect', method: 'GET', url: '/redirect' },
      { id: 'delete', method: 'DELETE', url: '/items/4' },
    ]);
    expect(item('text')).toMatchObject({ status: 200, body: 'hello text' });
    expect(item('text').headers['Content-Type']).toBe('text/plain; charset=utf-8');
    expect(item('html')).toMatchObject({ body: '<p>hi</p>' });
    expect(item('bytes')).toMatchObject({
      body: Buffer.from([0, 1, 2, 255]).toString('base64'),
      bodyEncoding: 'base64',
    });
    expect(item('stream')).toMatchObject({ status: 200, body: 'one,two,three' });
    expect(item('head')).toMatchObject({ status: 202, body: { accepted: true } });
    expect(item('head').headers['X-Custom']).toBe('yes');
    expect(item('redirect')).toMatchObject({ status: 302 });
    expect(item('redirect').headers.Location).toBe('/items/1');
    expect(item('delete').status).toBe(204);
    expect(item('delete').body).toBeUndefined();
  });

  it('answers HEAD without a body and a conditional GET with 304', async () => {
    const { origin } = await start();
    const { item } = await postBatch(origin, [
      { id: 'head', method: 'HEAD', url: '/items/1' },
      { id: 'cond', method: 'GET', url: '/etag', headers: { 'If-None-Match': '"v1"' } },
    ]);
    expect(item('head').status).toBe(200);
    expect(item('head').body).toBeUndefined();
    expect(item('cond').status).toBe(304);
    expect(item('cond').body).toBeUndefined();
  });

  it('sends JSON and text bodies through the host app body parsers', async () => {
    const { origin } = await start();
    const { item } = await postBatch(origin, [
      { id: 'json', method: 'PUT', url: '/echo/x?y=1', body: { a: [1, 2] } },
      {
        id: 'text',
        method: 'POST',
        url: '/echo',
        headers: { 'Content-Type': 'text/plain' },
        body: 'raw words',
      },
    ]);
    expect(item('json').body).toMatchObject({
      method: 'PUT',
      path: '/echo/x?y=1',
      query: { y: '1' },
      body: { a: [1, 2] },
    });
    expect(item('text').body).toMatchObject({ method: 'POST', body: 'raw words' });
  });
});

describe('in-process dispatch: isolation', () => {
  it('gives a throw 500, an unhandled status its own, a hang 504, a destroyed socket 502, and leaves the others 200', async () => {
    const { origin } = await start({ limits: { requestTimeoutMs: 150 } });
    const { item, res } = await postBatch(origin, [
      { id: 'ok1', method: 'GET', url: '/items/1' },
      { id: 'throw', method: 'GET', url: '/throw' },
      { id: 'async', method: 'GET', url: '/async-throw' },
      { id: 'teapot', method: 'GET', url: '/teapot' },
      { id: 'hang', method: 'GET', url: '/hang' },
      { id: 'destroy', method: 'GET', url: '/destroy' },
      { id: 'missing', method: 'GET', url: '/nowhere' },
      { id: 'ok2', method: 'GET', url: '/items/2' },
    ]);
    expect(item('ok1').status).toBe(200);
    expect(item('ok2').status).toBe(200);
    expect(item('throw').status).toBe(500);
    expect(item('async').status).toBe(500);
    expect(item('teapot')).toMatchObject({ status: 418, body: { detail: 'short and stout' } });
    expect(item('hang').status).toBe(504);
    expect(item('destroy').status).toBe(502);
    expect(item('missing').status).toBe(404);
    expect(res.body.summary).toEqual({ total: 8, succeeded: 2, failed: 6, skipped: 0 });
    // The server itself is unharmed: a plain request still works.
    await request(origin)
      .get('/items/5')
      .expect(200, { id: 5, created: '1970-01-01T00:00:00.000Z', custom: 'custom' });
  });

  it('runs independent requests concurrently (overlapping /delay intervals)', async () => {
    const { origin } = await start();
    const requests = Array.from({ length: 5 }, (_, i) => ({ id: `d${i}`, method: 'GET', url: '/delay/100' }));
    const { res } = await postBatch(origin, requests);
    const intervals = (res.body.responses as { body: { start: number; end: number } }[]).map((r) => r.body);
    const latestStart = Math.max(...intervals.map((i) => i.start));
    const earliestEnd = Math.min(...intervals.map((i) => i.end));
    expect(latestStart).toBeLessThan(earliestEnd);
  });

  it('leaves the real request and response prototypes working for ordinary HTTP traffic', async () => {
    const { origin } = await start();
    await postBatch(origin, [{ id: 'a', method: 'GET', url: '/items/1' }]);
    const plain = await request(origin).post('/echo').send({ z: 1 }).expect(200);
    expect(plain.body).toMatchObject({ method: 'POST', body: { z: 1 } });
    await request(origin).get('/text').expect(200, 'hello text');
  });
});

describe('in-process dispatch: credentials and routing', () => {
  it('inherits Authorization, Cookie, Accept-Language and X-Request-Id, and no other outer header', async () => {
    const { origin } = await start({ inheritHeaders: ['X-Tenant'] });
    const { item } = await postBatch(origin, [{ id: 'e', method: 'GET', url: '/echo' }], {
      Authorization: 'Bearer demo',
      Cookie: 'sid=1',
      'Accept-Language': 'fr',
      'X-Request-Id': 'req-9',
      'X-Tenant': 'acme',
      'X-Secret-Outer': 'no',
    });
    const headers = (item('e').body as { headers: Record<string, string> }).headers;
    expect(headers).toMatchObject({
      authorization: 'Bearer demo',
      cookie: 'sid=1',
      'accept-language': 'fr',
      'x-request-id': 'req-9',
      'x-tenant': 'acme',
      'batchwire-inner-request': '1',
    });
    expect(headers['x-secret-outer']).toBeUndefined();
  });

  it('resolves inner urls under servicePath', async () => {
    const app = express();
    app.use('/batch', batchwire({ servicePath: '/api/v1' }));
    app.get('/api/v1/ping', (_req, res) => {
      res.json({ pong: true });
    });
    running = await listen(app);
    const { item } = await postBatch(running.origin, [{ id: 'p', method: 'GET', url: '/ping' }]);
    expect(item('p')).toMatchObject({ status: 200, body: { pong: true } });
  });
});
