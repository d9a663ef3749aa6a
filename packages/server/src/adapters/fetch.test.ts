import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  differences,
  type Inner,
  ITEM_READ,
  JSON_ECHO,
  SHARED_REQUESTS,
  sendBatch,
  streamBatch,
} from '../test-support/differential.js';
import { batchwireFetch } from './fetch.js';

type Served = ReturnType<typeof serve>;

function buildApp(): Hono {
  const app = new Hono();
  const handler = batchwireFetch({ fetch: (request) => app.fetch(request) });
  app.all('/batch', (c) => handler(c.req.raw));
  app.get('/items/:id', (c) => c.json({ id: c.req.param('id'), q: c.req.query() }));
  app.post('/echo', async (c) =>
    c.json({ body: await c.req.json(), type: c.req.header('content-type') }, 201, { 'X-Echo': 'yes' }),
  );
  app.get('/text', (c) => c.text('hello'));
  app.get('/bytes', (c) =>
    c.body(new Uint8Array([1, 2, 3]), 200, { 'content-type': 'application/octet-stream' }),
  );
  app.get('/redirect', (c) => c.redirect('/items/1', 302));
  app.get('/inner', (c) => c.json({ marker: c.req.header('batchwire-inner-request') ?? null }));
  app.get('/throw', () => {
    throw new Error('boom');
  });
  app.get('/big', (c) => c.text('x'.repeat(5000)));
  app.notFound((c) => c.json({ missing: c.req.path }, 404));
  app.onError((error, c) => c.json({ error: error.message }, 500));
  return app;
}

let server: Served;
let origin: string;
beforeAll(async () => {
  await new Promise<void>((ready) => {
    server = serve({ fetch: buildApp().fetch, port: 0, hostname: '127.0.0.1' }, () => ready());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((done) => server.close(done)));

const requests: readonly Inner[] = [ITEM_READ, JSON_ECHO, ...SHARED_REQUESTS];

describe('batchwireFetch() on Hono (@hono/node-server)', () => {
  it('answers each inner request exactly as the same request sent alone', async () => {
    const batch = await sendBatch(`${origin}/batch`, requests);
    expect(batch.status).toBe(200);
    expect(batch.responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
    expect(await differences(origin, requests, batch.responses)).toEqual([]);
    // @hono/node-server gives an empty answer a text/plain type on the wire; the app's own answer has none.
    const redirect = await sendBatch(`${origin}/batch`, [{ id: 'r', method: 'GET', url: '/redirect' }]);
    expect(redirect.responses[0]).toMatchObject({ status: 302, headers: { Location: '/items/1' } });
  });

  it('marks inner requests, and refuses a batch that names its own endpoint up front', async () => {
    const marked = await sendBatch(`${origin}/batch`, [{ id: 'a', method: 'GET', url: '/inner' }]);
    expect(marked.responses[0]?.body).toEqual({ marker: '1' });
    const recursive = await sendBatch(`${origin}/batch`, [
      { id: 'a', method: 'GET', url: '/items/1' },
      { id: 'b', method: 'POST', url: '/batch', body: { requests: [] } },
    ]);
    expect(recursive.status).toBe(400);
    expect(recursive.raw.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('serves capabilities on GET and HEAD, 405 and 415 as problems, all from the core', async () => {
    const get = await fetch(`${origin}/batch`);
    expect(get.status).toBe(200);
    expect(((await get.json()) as { protocol: string }).protocol).toBe('batchwire');
    const head = await fetch(`${origin}/batch`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const put = await fetch(`${origin}/batch`, { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    const text = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(text.status).toBe(415);
    expect(text.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('streams NDJSON when asked, one line per item and a summary', async () => {
    const { type, lines } = await streamBatch(`${origin}/batch`, requests.slice(0, 3));
    expect(type).toMatch(/^application\/x-ndjson/);
    expect(lines.map((line) => line.id ?? 'summary').sort()).toEqual(['echo', 'item', 'summary', 'text']);
  });

  it('answers 502 for an inner body over maxItemResponseBytes', async () => {
    const app = new Hono();
    app.get('/big', (c) => c.text('x'.repeat(5000)));
    const handler = batchwireFetch({ fetch: app.fetch, limits: { maxItemResponseBytes: 1000 } });
    const res = await handler(
      new Request('http://app.test/batch', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/big' }] }),
      }),
    );
    const body = (await res.json()) as { responses: { status: number }[] };
    expect(body.responses[0]?.status).toBe(502);
  });

  it('aborts the inner Request signal when the item times out', async () => {
    const app = new Hono();
    let aborted: Promise<string> | undefined;
    app.get('/hang', (c) => {
      const signal = c.req.raw.signal;
      aborted = new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted')));
      return new Promise<Response>(() => undefined);
    });
    const handler = batchwireFetch({ fetch: app.fetch, limits: { requestTimeoutMs: 200 } });
    const res = await handler(
      new Request('http://app.test/batch', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/hang' }] }),
      }),
    );
    const body = (await res.json()) as { responses: { status: number }[] };
    expect(body.responses[0]?.status).toBe(504);
    expect(await aborted).toBe('aborted');
  });

  it('is a gateway with upstream: no app fetch, inner requests forwarded over HTTP, close() releases the pool', async () => {
    const gateway = batchwireFetch({ upstream: origin });
    try {
      const res = await gateway(
        new Request('http://gateway.test/batch', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: '/items/3' }] }),
        }),
      );
      const body = (await res.json()) as { responses: { status: number; body: unknown }[] };
      expect(body.responses[0]).toMatchObject({ status: 200, body: { id: '3', q: {} } });
    } finally {
      await gateway.close();
    }
  });

  it('needs the app fetch in in-process mode', () => {
    expect(() => batchwireFetch()).toThrow(TypeError);
  });
});
