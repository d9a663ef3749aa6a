import { recordImplementation } from '@batchwire/conformance/implementations';
import { afterAll, expect, it } from 'vitest';
import { createApp } from './app.js';

// Short time limits let the suite probe the timeout cases instead of skipping them.
const app = createApp({ limits: { batchTimeoutMs: 2500, requestTimeoutMs: 2000 } });
afterAll(() => app.close());

it('passes the full conformance suite', async () => {
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const { problems } = await recordImplementation({
    implementation: { name: 'example-fastify', host: 'Fastify 5', mode: 'in-process' },
    run: { url: `${origin}/batch` },
  });
  expect(problems).toEqual([]);
}, 120_000);
