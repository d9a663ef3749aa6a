import { validateStreamRecord } from '@batchwire/schema';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureApp, type Listening, listen } from '../test-support/apps.js';
import { sleep } from '../test-support/engine.js';

let running: Listening | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** Polls `done` every 10 ms for at most 5 s: on a loaded machine a fixed sleep may be too short. */
async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 5_000; waited += 10) await sleep(10);
}

async function start(options: Parameters<typeof fixtureApp>[0] = {}) {
  const fixture = fixtureApp(options);
  running = await listen(fixture.app);
  return { origin: running.origin, observed: fixture.observed };
}

function lines(text: string): Record<string, unknown>[] {
  return text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('streaming (Accept: application/x-ndjson)', () => {
  it('streams one record per response in completion order with its index, then the summary', async () => {
    const { origin } = await start();
    const res = await request(origin)
      .post('/batch')
      .set('Accept', 'application/x-ndjson')
      .send({
        requests: [
          { id: 'slow', method: 'GET', url: '/delay/80' },
          { id: 'fast', method: 'GET', url: '/items/1' },
          { id: 'after', method: 'GET', url: '/items/${fast#/body/id}', dependsOn: ['slow'] },
        ],
      })
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => done(null, text));
      })
      .expect(200)
      .expect('Content-Type', /application\/x-ndjson/);
    const records = lines(res.body as string);
    for (const record of records) expect(validateStreamRecord(record).ok).toBe(true);
    expect(records.map((r) => r.id ?? 'summary')).toEqual(['fast', 'slow', 'after', 'summary']);
    expect(records.map((r) => r.index)).toEqual([1, 0, 2, undefined]);
    expect(records[3]).toEqual({ summary: { total: 3, succeeded: 3, failed: 0, skipped: 0 } });
  });

  it('answers plain JSON when streaming is turned off', async () => {
    const { origin } = await start({ streaming: false });
    const res = await request(origin)
      .post('/batch')
      .set('Accept', 'application/x-ndjson')
      .send({ requests: [{ id: 'a', method: 'GET', url: '/items/1' }] })
      .expect(200)
      .expect('Content-Type', /application\/json/);
    expect(res.body.summary.total).toBe(1);
    const caps = await request(origin).get('/batch');
    expect(caps.body.features.streaming).toBe(false);
  });
});

describe('idempotency (Idempotency-Key)', () => {
  const envelope = { requests: [{ id: 'inc', method: 'POST', url: '/counters/orders' }] };

  it('replays the stored response with Idempotency-Replayed and executes nothing the second time', async () => {
    const { origin, observed } = await start();
    const first = await request(origin)
      .post('/batch')
      .set('Idempotency-Key', 'k-1')
      .send(envelope)
      .expect(200);
    const second = await request(origin)
      .post('/batch')
      .set('Idempotency-Key', 'k-1')
      .send(envelope)
      .expect(200);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    expect(second.body).toEqual(first.body);
    expect(observed.counters.get('orders')).toBe(1);
    const streamed = await request(origin)
      .post('/batch')
      .set('Idempotency-Key', 'k-1')
      .set('Accept', 'application/x-ndjson')
      .send(envelope)
      .buffer(true)
      .parse((response, done) => {
        let text = '';
        response.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        response.on('end', () => done(null, text));
      })
      .expect(200);
    expect(lines(streamed.body as string)[0]).toMatchObject({ id: 'inc', index: 0, status: 201 });
    expect(observed.counters.get('orders')).toBe(1);
  });

  it('answers 422 for the same key with a different envelope, and scopes keys by credentials', async () => {
    const { origin, observed } = await start();
    await request(origin).post('/batch').set('Idempotency-Key', 'k-2').send(envelope).expect(200);
    const other = { requests: [{ id: 'inc', method: 'POST', url: '/counters/other' }] };
    const mismatch = await request(origin)
      .post('/batch')
      .set('Idempotency-Key', 'k-2')
      .send(other)
      .expect(422);
    expect(mismatch.body.type).toMatch(/idempotency-mismatch$/);
    // Another caller's identical key is a different key.
    const stranger = await request(origin)
      .post('/batch')
      .set('Idempotency-Key', 'k-2')
      .set('Authorization', 'Bearer someone-else')
      .send(envelope)
      .expect(200);
    expect(stranger.headers['idempotency-replayed']).toBeUndefined();
    expect(observed.counters.get('orders')).toBe(2);
    expect(observed.counters.get('other')).toBeUndefined();
  });

  it('answers 409 for the same key while the first batch is still running', async () => {
    const { origin, observed } = await start();
    const slow = { requests: [{ id: 'wait', method: 'GET', url: '/delay/1000' }] };
    const first = request(origin)
      .post('/batch')
      .set('Idempotency-Key', 'k-3')
      .send(slow)
      .then((r) => r);
    // The first batch holds the key once its item runs.
    await until(() => observed.started.includes('GET /delay/1000'));
    const concurrent = await request(origin)
      .post('/batch')
      .set('Idempotency-Key', 'k-3')
      .send(slow)
      .expect(409);
    expect(concurrent.body.type).toMatch(/idempotency-in-progress$/);
    expect((await first).status).toBe(200);
  });

  it('refuses a malformed key with 400 and advertises nothing when turned off', async () => {
    const { origin } = await start({ idempotency: false });
    const caps = await request(origin).get('/batch');
    expect(caps.body.features.idempotency).toBe(false);
    expect(caps.body.limits.idempotencyTtlMs).toBeUndefined();
    await running?.close();
    const on = await start();
    await request(on.origin)
      .post('/batch')
      .set('Idempotency-Key', 'x'.repeat(300))
      .send(envelope)
      .expect(400);
  });
});

describe('client disconnect', () => {
  it('aborts running inner requests and starts no handler after the client went away', async () => {
    const { origin, observed } = await start({ limits: { maxConcurrency: 2 } });
    const controller = new AbortController();
    const requests = [
      { id: 'a', method: 'GET', url: '/delay/300' },
      { id: 'b', method: 'GET', url: '/delay/300' },
      { id: 'c', method: 'POST', url: '/counters/late' },
      { id: 'd', method: 'POST', url: '/counters/late' },
    ];
    const pending = fetch(`${origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests }),
      signal: controller.signal,
    }).catch((error: unknown) => error);
    await until(() => observed.started.filter((s) => s.startsWith('GET /delay')).length === 2);
    controller.abort();
    await pending;
    await until(() => observed.closedEarly.length === 2);
    // Long enough for c and d to have started had the batch gone on after a and b.
    await sleep(400);
    expect(observed.started.filter((s) => s.startsWith('GET /delay'))).toHaveLength(2);
    expect(observed.closedEarly).toEqual(['/delay/300', '/delay/300']);
    expect(observed.counters.get('late')).toBeUndefined();
  });
});
