import { listenOnLoopback, recordImplementation } from '@batchwire/conformance/implementations';
import { afterAll, expect, it } from 'vitest';
import { createGateway, createUpstream } from './app.js';

const upstream = createUpstream();
let gateway: ReturnType<typeof createGateway> | undefined;
afterAll(async () => {
  await gateway?.close();
  await new Promise((done) => upstream.close(done));
});

it('passes the full conformance suite', async () => {
  // Short time limits let the suite probe the timeout cases instead of skipping them.
  gateway = createGateway({
    upstream: await listenOnLoopback(upstream),
    limits: { batchTimeoutMs: 2500, requestTimeoutMs: 2000 },
  });
  const { problems } = await recordImplementation({
    implementation: { name: 'example-node-gateway', host: 'node:http', mode: 'gateway' },
    run: { url: `${await listenOnLoopback(gateway.server)}/batch` },
  });
  expect(problems).toEqual([]);
}, 120_000);
