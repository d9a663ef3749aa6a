import type { Server } from 'node:http';
import { listenOnLoopback, recordImplementation } from '@batchwire/conformance/implementations';
import { serve } from '@hono/node-server';
import { afterAll, expect, it } from 'vitest';
import { createApp } from './app.js';

// Short time limits let the suite probe the timeout cases instead of skipping them.
const app = createApp({ limits: { batchTimeoutMs: 2500, requestTimeoutMs: 2000 } });
const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
afterAll(() => new Promise((done) => server.close(done)));

it('passes the full conformance suite', async () => {
  const { problems } = await recordImplementation({
    implementation: { name: 'example-hono', host: 'Hono 4 (@hono/node-server)', mode: 'in-process' },
    run: { url: `${await listenOnLoopback(server)}/batch` },
  });
  expect(problems).toEqual([]);
}, 120_000);
