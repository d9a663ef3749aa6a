import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  differences,
  type Inner,
  ITEM_READ,
  SHARED_REQUESTS,
  sendBatch,
  streamBatch,
} from '../test-support/differential.js';
import { batchwire } from './fastify.js';

function buildApp(dispatch: 'routing' | 'inject'): FastifyInstance {
  const app = Fastify();
  app.register(batchwire, { prefix: '/batch', dispatch });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-hooked', request.headers['batchwire-inner-request'] === undefined ? 'outer' : 'inner');
  });
  app.get('/items/:id', async (request) => ({ id: (request.params as { id: string }).id, q: request.query }));
  app.post(
    '/validated',
    {
      schema: {
        body: { type: 'object', required: ['n'], properties: { n: { type: 'integer' } } },
        response: { 201: { type: 'object', properties: { n: { type: 'integer' } } } },
      },
    },
    async (request, reply) => reply.code(201).send({ ...(request.body as object), secret: 'dropped' }),
  );
  app.get('/text', async (_request, reply) => reply.type('text/plain').send('hello'));
  app.get('/bytes', async (_request, reply) =>
    reply.type('application/octet-stream').send(Buffer.from([1, 2, 3])),
  );
  app.get('/inner', async (request) => ({ marker: request.headers['batchwire-inner-request'] ?? null }));
  app.get('/throw', async () => {
    throw new Error('boom');
  });
  app.get('/big', async () => 'x'.repeat(5000));
  return app;
}

const requests: readonly Inner[] = [
  ITEM_READ,
  {
    id: 'valid',
    method: 'POST',
    url: '/validated',
    headers: { 'content-type': 'application/json' },
    body: { n: 1 },
  },
  {
    id: 'invalid',
    method: 'POST',
    url: '/validated',
    headers: { 'content-type': 'application/json' },
    body: { n: 'x' },
  },
  ...SHARED_REQUESTS,
];

for (const dispatch of ['routing', 'inject'] as const) {
  describe(`batchwire Fastify plugin (dispatch: ${dispatch})`, () => {
    let app: FastifyInstance;
    let origin: string;
    beforeAll(async () => {
      app = buildApp(dispatch);
      origin = await app.listen({ port: 0, host: '127.0.0.1' });
    });
    afterAll(() => app.close());

    it('answers each inner request exactly as the same request sent alone: hooks, validation, serialisation', async () => {
      const batch = await sendBatch(`${origin}/batch`, requests);
      expect(batch.status).toBe(200);
      expect(batch.responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
      const byId = new Map(batch.responses.map((r) => [r.id, r]));
      expect(byId.get('valid')).toMatchObject({
        status: 201,
        body: { n: 1 },
        headers: { 'X-Hooked': 'inner' },
      });
      expect(byId.get('invalid')?.status).toBe(400);
      const found = await differences(origin, requests, batch.responses);
      // Sent alone the hook sees no marker (x-hooked: outer); everything else must be equal.
      const unmarked = (answer: (typeof found)[number]['batch']) => {
        const { 'x-hooked': _hook, ...headers } = answer.headers;
        return { ...answer, headers };
      };
      for (const { id, batch: inBatch, alone } of found)
        expect(unmarked(inBatch), id).toEqual(unmarked(alone));
    });

    it('marks inner requests and refuses a batch naming its own endpoint up front', async () => {
      const marked = await sendBatch(`${origin}/batch`, [{ id: 'a', method: 'GET', url: '/inner' }]);
      expect(marked.responses[0]?.body).toEqual({ marker: '1' });
      const recursive = await sendBatch(`${origin}/batch`, [{ id: 'b', method: 'POST', url: '/batch/' }]);
      expect(recursive.status).toBe(400);
    });

    it('leaves protocol answers to the core: capabilities, HEAD, 405, 415, 413', async () => {
      const get = await fetch(`${origin}/batch`);
      expect(((await get.json()) as { protocol: string }).protocol).toBe('batchwire');
      const head = await fetch(`${origin}/batch`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect((await fetch(`${origin}/batch`, { method: 'PUT' })).status).toBe(405);
      const text = await fetch(`${origin}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: 'x',
      });
      expect(text.status).toBe(415);
      expect(text.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      // Fastify cannot parse a list as a Content-Type and would answer its own error body.
      const list = await fetch(`${origin}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json, text/plain' },
        body: JSON.stringify({ requests: [] }),
      });
      expect(list.status).toBe(415);
      expect(list.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(((await list.json()) as { type: string }).type).toMatch(/unsupported-media-type$/);
      const huge = await fetch(`${origin}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests: [], pad: 'x'.repeat(2_000_000) }),
      });
      expect(huge.status).toBe(413);
      expect(huge.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    });

    it('streams NDJSON when asked', async () => {
      const { type, lines } = await streamBatch(`${origin}/batch`, requests.slice(0, 3));
      expect(type).toMatch(/^application\/x-ndjson/);
      expect(lines).toHaveLength(4);
    });
  });
}

describe('batchwire Fastify plugin limits', () => {
  it('answers 502 for an inner body over maxItemResponseBytes', async () => {
    const app = Fastify();
    app.register(batchwire, { prefix: '/batch', limits: { maxItemResponseBytes: 1000 } });
    app.get('/big', async () => 'x'.repeat(5000));
    const res = await app.inject({
      method: 'POST',
      url: '/batch',
      payload: { requests: [{ id: 'a', method: 'GET', url: '/big' }] },
    });
    expect(res.json().responses[0].status).toBe(502);
    await app.close();
  });
});
