import type { AddressInfo } from 'node:net';
import { batchwire } from '@batchwire/server';
import { batchwire as fastifyBatchwire } from '@batchwire/server/fastify';
import { batchwireFetch } from '@batchwire/server/fetch';
import { createAdaptorServer } from '@hono/node-server';
import Fastify from 'fastify';
import { Hono } from 'hono';
import type { ChildConfig } from '../ipc.js';
import { limitsFor } from './batchwire-servers.js';
import { listenOnLoopback, MAX_HEADER_BYTES } from './listen.js';
import { express4App } from './peer-servers.js';

/** A started server: its port and how to stop it. */
export interface Started {
  readonly port: number;
  readonly close: () => void;
}

/** Express 4 with the item routes and `batchwire()`: the Express 5 contender's twin. */
async function express4Batchwire(config: ChildConfig): Promise<Started> {
  const app = express4App();
  app.disable('x-powered-by');
  app.use('/batch', batchwire({ limits: limitsFor(config.maxBatch) }));
  const { server, port } = await listenOnLoopback(app);
  return { port, close: () => server.close() };
}

/** Fastify 5 with the item routes, the Batchwire plugin at /batch, and GET /inject?n= doing N injects. */
async function fastifyServer(config: ChildConfig): Promise<Started> {
  const app = Fastify({ maxParamLength: 200, keepAliveTimeout: 60_000 });
  app.get<{ Params: { id: string } }>('/item/:id', async (request) => ({ id: request.params.id }));
  app.post('/echo', async (request) => ({ echo: request.body }));
  app.get<{ Querystring: { n?: string } }>('/inject', async (request) => {
    const n = Number(request.query.n ?? 0);
    const answers = await Promise.all(
      Array.from({ length: n }, (_, i) => app.inject({ method: 'GET', url: `/item/${i}` })),
    );
    return { responses: answers.map((a) => ({ status: a.statusCode, body: a.json() as unknown })) };
  });
  app.register(fastifyBatchwire, { prefix: '/batch', limits: limitsFor(config.maxBatch) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port, close: () => void app.close() };
}

/** Hono with the item routes and `batchwireFetch` at /batch, on @hono/node-server. */
async function honoServer(config: ChildConfig): Promise<Started> {
  const app = new Hono();
  const batch = batchwireFetch({
    fetch: (request) => app.fetch(request),
    limits: limitsFor(config.maxBatch),
  });
  app.all('/batch', (c) => batch(c.req.raw));
  app.get('/item/:id', (c) => c.json({ id: c.req.param('id') }));
  app.post('/echo', async (c) => c.json({ echo: (await c.req.json()) as unknown }));
  const server = createAdaptorServer({
    fetch: app.fetch,
    serverOptions: { maxHeaderSize: MAX_HEADER_BYTES },
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ready());
  });
  return { port: (server.address() as AddressInfo).port, close: () => server.close() };
}

/** Starts the server of a host kind (`batchwire-express4`, `fastify`, `hono`), or undefined for another kind. */
export function startHostServer(config: ChildConfig): Promise<Started> | undefined {
  if (config.kind === 'batchwire-express4') return express4Batchwire(config);
  if (config.kind === 'fastify') return fastifyServer(config);
  if (config.kind === 'hono') return honoServer(config);
  return undefined;
}
