import { createServer } from 'node:http';
import { listenOnLoopback, recordImplementation } from '@batchwire/conformance/implementations';
import { afterAll, expect, it } from 'vitest';
import { createApp } from './app.js';

// Short time limits let the suite probe the timeout cases instead of skipping them.
const server = createServer(createApp({ limits: { batchTimeoutMs: 2500, requestTimeoutMs: 2000 } }));
afterAll(() => new Promise((done) => server.close(done)));

it('passes the full conformance suite', async () => {
  const { problems } = await recordImplementation({
    implementation: { name: 'example-express4', host: 'Express 4', mode: 'in-process' },
    run: { url: `${await listenOnLoopback(server)}/batch` },
  });
  expect(problems).toEqual([]);
}, 120_000);
