import express from 'express';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { batchwire } from '../adapters/express.js';
import type { BatchwireOptions } from '../core/options.js';
import { fixtureApp, type Listening, listen } from '../test-support/apps.js';
import { sleep } from '../test-support/engine.js';

const servers: Listening[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function topology(options: BatchwireOptions = {}) {
  const fixture = fixtureApp({}, { noBatch: true });
  const upstream = await listen(fixture.app);
  servers.push(upstream);
  const app = express();
  app.use('/batch', batchwire({ ...options, upstream: upstream.origin }));
  const gateway = await listen(app);
  servers.push(gateway);
  return { gateway: gateway.origin, observed: fixture.observed };
}

/** Polls (bounded) until the upstream saw `count` requests close before their answer. */
async function closedEarly(observed: { closedEarly: string[] }, count: number): Promise<string[]> {
  for (let waited = 0; observed.closedEarly.length < count && waited < 2000; waited += 20) await sleep(20);
  return observed.closedEarly;
}

describe('gateway cancellation reaches the upstream', () => {
  it('aborts the running upstream requests when the client disconnects', async () => {
    const { gateway, observed } = await topology();
    const controller = new AbortController();
    const pending = fetch(`${gateway}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        requests: [
          { id: 'a', method: 'GET', url: '/delay/5000' },
          { id: 'b', method: 'GET', url: '/delay/5000' },
        ],
      }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    for (let waited = 0; observed.started.length < 2 && waited < 2000; waited += 20) await sleep(20);
    expect(observed.started).toEqual(['GET /delay/5000', 'GET /delay/5000']);
    controller.abort();
    await pending;
    expect(await closedEarly(observed, 2)).toEqual(['/delay/5000', '/delay/5000']);
  });

  it('answers 504 at the request timeout and closes that upstream request, leaving the others', async () => {
    const { gateway, observed } = await topology({ limits: { requestTimeoutMs: 150 } });
    const res = await request(gateway)
      .post('/batch')
      .send({
        requests: [
          { id: 'slow', method: 'GET', url: '/delay/5000' },
          { id: 'ok', method: 'GET', url: '/status/201' },
        ],
      })
      .expect(200);
    const statuses = (res.body.responses as { id: string; status: number }[]).map((r) => [r.id, r.status]);
    expect(statuses).toEqual([
      ['slow', 504],
      ['ok', 201],
    ]);
    expect(await closedEarly(observed, 1)).toEqual(['/delay/5000']);
  });
});
