import type { AddressInfo } from 'node:net';
import fastifyCors from '@fastify/cors';
import { serve } from '@hono/node-server';
import cors from 'cors';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { afterEach, describe, expect, it } from 'vitest';
import { batchwire } from './express.js';
import { batchwire as fastifyBatchwire } from './fastify.js';
import { batchwireFetch } from './fetch.js';

const PAGE = 'http://127.0.0.1:5173';
const OTHER = 'http://127.0.0.1:5174';
const ALLOWED = ['Authorization', 'Idempotency-Key', 'Content-Type', 'Accept'];
const EXPOSED = ['Idempotency-Replayed'];

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

/** Each host with its ecosystem's CORS middleware applied app-wide, as the server README shows. */
const HOSTS: [string, () => Promise<string>][] = [
  [
    'Express + cors',
    async () => {
      const app = express();
      app.use(cors({ origin: [PAGE], allowedHeaders: ALLOWED, exposedHeaders: EXPOSED }));
      app.use('/batch', batchwire());
      app.get('/echo', (_req, res) => {
        res.json({ ok: true });
      });
      const server = app.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      closers.push(() => new Promise((done) => server.close(() => done())));
      server.on('connection', (socket) => closers.push(async () => void socket.destroy()));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  ],
  [
    'Fastify + @fastify/cors',
    async () => {
      const app = Fastify();
      await app.register(fastifyCors, { origin: [PAGE], allowedHeaders: ALLOWED, exposedHeaders: EXPOSED });
      await app.register(fastifyBatchwire, { prefix: '/batch' });
      app.get('/echo', async () => ({ ok: true }));
      const origin = await app.listen({ port: 0, host: '127.0.0.1' });
      closers.push(() => app.close());
      return origin;
    },
  ],
  [
    'Hono + hono/cors',
    async () => {
      const app = new Hono();
      app.use('*', honoCors({ origin: [PAGE], allowHeaders: ALLOWED, exposeHeaders: EXPOSED }));
      const handler = batchwireFetch({ fetch: (request) => app.fetch(request) });
      app.all('/batch', (c) => handler(c.req.raw));
      app.get('/echo', (c) => c.json({ ok: true }));
      const server = await new Promise<ReturnType<typeof serve>>((ready) => {
        const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ready(s));
      });
      closers.push(() => new Promise((done) => server.close(() => done())));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
  ],
];

async function preflight(origin: string, from: string): Promise<Response> {
  return fetch(`${origin}/batch`, {
    method: 'OPTIONS',
    headers: {
      origin: from,
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'authorization,content-type,idempotency-key',
    },
  });
}

describe.each(HOSTS)('%s', (_name, start) => {
  it('answers the preflight of a granted origin with the headers a batch call needs', async () => {
    const res = await preflight(await start(), PAGE);
    expect(res.status).toBeLessThan(300);
    expect(res.headers.get('access-control-allow-origin')).toBe(PAGE);
    const allowed = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
    for (const name of ['authorization', 'idempotency-key', 'content-type']) expect(allowed).toContain(name);
  });

  it('grants nothing to another origin', async () => {
    const res = await preflight(await start(), OTHER);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('marks the outer answer readable while entries carry no Access-Control-* header', async () => {
    const origin = await start();
    const res = await fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { origin: PAGE, 'content-type': 'application/json', authorization: 'Bearer t' },
      body: JSON.stringify({
        requests: [{ id: 'a', method: 'GET', url: '/echo', headers: { Origin: PAGE } }],
      }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(PAGE);
    expect((res.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain(
      'idempotency-replayed',
    );
    const body = (await res.json()) as { responses: { status: number; headers: Record<string, string> }[] };
    expect(body.responses[0]?.status).toBe(200);
    expect(Object.keys(body.responses[0]?.headers ?? {}).filter((h) => /^access-control-/i.test(h))).toEqual(
      [],
    );
  });
});
