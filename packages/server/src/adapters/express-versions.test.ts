import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express5 from 'express';
import express4 from 'express-4';
import { afterEach, describe, expect, it } from 'vitest';
import {
  alone,
  comparable,
  type Inner,
  ITEM_READ,
  JSON_ECHO,
  SHARED_REQUESTS,
} from '../test-support/differential.js';
import { batchwire } from './express.js';

type Framework = typeof express5 | typeof express4;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((done) => server?.close(done) ?? done(undefined));
  server = undefined;
});

/** The same app written once for either Express major, the batch endpoint at /batch. */
function buildApp(express: Framework) {
  const app = (express as typeof express5)();
  app.use('/batch', batchwire());
  app.use(express.json());
  app.get('/items/:id', (req, res) => {
    res.json({ id: req.params.id, q: req.query });
  });
  app.post('/echo', (req, res) => {
    res
      .status(201)
      .set('X-Echo', 'yes')
      .json({ body: req.body, type: req.get('content-type') });
  });
  app.get('/text', (_req, res) => {
    res.type('text/plain').send('hello');
  });
  app.get('/bytes', (_req, res) => {
    res.type('application/octet-stream').send(Buffer.from([1, 2, 3]));
  });
  app.get('/redirect', (_req, res) => {
    res.redirect(302, '/items/1');
  });
  app.get('/cookie', (_req, res) => {
    res.cookie('a', 'b', { httpOnly: true }).json({ ok: true });
  });
  app.get('/throw', () => {
    throw new Error('boom');
  });
  app.use((req: express5.Request, res: express5.Response) => {
    res.status(404).json({ missing: req.path });
  });
  app.use((error: Error, _req: express5.Request, res: express5.Response, _next: express5.NextFunction) => {
    res.status(500).json({ error: error.message });
  });
  return app;
}

const requests: readonly Inner[] = [
  ITEM_READ,
  JSON_ECHO,
  { id: 'redirect', method: 'GET', url: '/redirect' },
  { id: 'cookie', method: 'GET', url: '/cookie' },
  ...SHARED_REQUESTS,
];

for (const [name, express] of [
  ['Express 4', express4],
  ['Express 5', express5],
] as const) {
  describe(`batchwire() on ${name}`, () => {
    it('answers each inner request exactly as the same request sent alone', async () => {
      const app = buildApp(express);
      server = await new Promise<Server>((ready) => {
        const s = app.listen(0, '127.0.0.1', () => ready(s));
      });
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const res = await fetch(`${origin}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests }),
      });
      expect(res.status).toBe(200);
      const batch = (await res.json()) as {
        responses: { id: string; status: number; headers: Record<string, string>; body?: unknown }[];
      };
      expect(batch.responses.map((r) => r.id)).toEqual(requests.map((r) => r.id));
      for (const [index, request] of requests.entries()) {
        const inner = batch.responses[index]!;
        const expected = await alone(origin, request);
        expect(comparable(inner.status, Object.entries(inner.headers), inner.body), request.id).toEqual(
          expected,
        );
      }
      // A 304 for a conditional request, in the batch as alone (an explicit Cache-Control keeps
      // fetch from adding its own no-cache, which would make Express answer 200).
      const etag = batch.responses[0]!.headers.ETag!;
      const conditional = {
        id: 'c',
        method: 'GET',
        url: requests[0]!.url,
        headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' },
      };
      const again = await fetch(`${origin}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ requests: [conditional] }),
      });
      const [cached] = ((await again.json()) as { responses: { status: number }[] }).responses;
      expect(cached?.status).toBe((await alone(origin, conditional)).status);
      expect(cached?.status).toBe(304);
    });
  });
}
