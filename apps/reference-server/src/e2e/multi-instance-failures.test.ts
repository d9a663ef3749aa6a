import { missingBinaries, startRedisServer } from '@batchwire/idempotency-redis/testing';
import { IDEMPOTENCY_REPLAYED_HEADER } from '@batchwire/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { uniqueName } from '../test-support/batch.js';
import { type Cluster, readCounter, startCluster } from '../test-support/cluster.js';
import { countingBatch, type FrontAnswer, postThrough } from '../test-support/front.js';
import { sleep, waitFor } from '../test-support/wait.js';

const missing = missingBinaries({ 'redis-server': 'redis-server', nginx: 'nginx' });
if (missing !== undefined) console.log(`skipping the multi-instance failure tests: ${missing}`);

// Long enough that the 409 check right after the kill lands within the lease on a loaded machine.
const LEASE_MS = 3_000;

/** A keyed batch that touches no counter: it answers 200 once the instance can claim keys. */
const PROBE = { requests: [{ id: 'probe', method: 'GET', url: '/_conformance/status/204' }] };

function expectProblem(answer: FrontAnswer, status: number, type: RegExp): void {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status, type: expect.stringMatching(type) });
}

describe.skipIf(missing !== undefined)('two instances behind nginx when something dies', () => {
  let c: Cluster | undefined;
  afterEach(async () => {
    await c?.close();
    c = undefined;
  });

  it('releases the key of an instance killed with SIGKILL mid-batch after its lease; a retry then runs it', async () => {
    c = await startCluster({ leaseMs: LEASE_MS });
    const cluster = c;
    const name = uniqueName('killed');
    const key = uniqueName('key');
    // Retries send exactly the same envelope, as a client retrying would.
    // The longest delay the fixture allows: the holder dies mid-batch even if the kill comes late.
    const batch = countingBatch(name, 5_000);
    const pending = postThrough(cluster.front, batch, key);
    await waitFor(async () => (await cluster.counter(name)) === 1, 10_000);
    const [holder, survivor] =
      (await readCounter(cluster.instances[0]!.origin, name)) === 1
        ? [cluster.instances[0]!, cluster.instances[1]!]
        : [cluster.instances[1]!, cluster.instances[0]!];
    await cluster.kill(holder);
    const killedAt = Date.now();
    // nginx does not resend a POST that reached an instance: the client sees the failure.
    expect((await pending).status).toBe(502);

    // Until the lease lapses the key stays claimed, on whichever instance the retry lands.
    expectProblem(await postThrough(cluster.front, batch, key), 409, /idempotency-in-progress$/);
    let retry: FrontAnswer | undefined;
    let releasedAfter = 0;
    while (Date.now() - killedAt < LEASE_MS + 5_000) {
      releasedAfter = Date.now() - killedAt;
      retry = await postThrough(cluster.front, batch, key);
      if (retry.status !== 409) break;
      await sleep(100);
    }
    // The documented answer: a fresh run (not a replay) once the dead holder's lease has lapsed.
    expect(retry?.status, JSON.stringify(retry?.body)).toBe(200);
    expect(retry?.headers.get(IDEMPOTENCY_REPLAYED_HEADER)).toBeNull();
    expect(retry?.upstream).toBe(survivor.address);
    // Released within the lease (plus polling and a loaded machine's latency), not at the TTL.
    expect(releasedAfter).toBeLessThan(LEASE_MS + 2_500);
    expect(await readCounter(survivor.origin, name)).toBe(1);
    // And that run's answer is what later retries replay.
    const replay = await postThrough(cluster.front, batch, key);
    expect(replay.headers.get(IDEMPOTENCY_REPLAYED_HEADER)).toBe('true');
    expect(replay.body).toEqual(retry?.body);
  }, 45_000);

  it('answers keyed batches 503 and runs nothing while Redis is down; unkeyed ones still run', async () => {
    c = await startCluster({ leaseMs: LEASE_MS });
    const cluster = c;
    await cluster.redis.kill();
    const name = uniqueName('redis-down');
    const keyed = await Promise.all(
      [1, 2].map(() => postThrough(cluster.front, countingBatch(name, 0), uniqueName('key'))),
    );
    expect(new Set(keyed.map((answer) => answer.upstream)).size).toBe(2);
    for (const answer of keyed) expectProblem(answer, 503, /idempotency-unavailable$/);
    expect(await cluster.counter(name)).toBe(0);
    const unkeyed = await Promise.all([1, 2].map(() => postThrough(cluster.front, countingBatch(name, 0))));
    expect(unkeyed.map((answer) => answer.status)).toEqual([200, 200]);
    expect(await cluster.counter(name)).toBe(2);

    // Redis back on its port: the instances reconnect and keyed batches are shared again.
    const back = await startRedisServer({ port: cluster.redis.port });
    try {
      // Each instance reconnects on its own schedule: wait until both claim keys again.
      await waitFor(async () => {
        const probes = await Promise.all(
          [1, 2].map(() => postThrough(cluster.front, PROBE, uniqueName('probe'))),
        );
        return probes.every((probe) => probe.status === 200);
      }, 10_000);
      const key = uniqueName('key');
      const recovered = uniqueName('recovered');
      const first = await postThrough(cluster.front, countingBatch(recovered, 0), key);
      expect(first.status).toBe(200);
      const replay = await postThrough(cluster.front, countingBatch(recovered, 0), key);
      expect(replay.upstream).not.toBe(first.upstream);
      expect(replay.headers.get(IDEMPOTENCY_REPLAYED_HEADER)).toBe('true');
      expect(await cluster.counter(recovered)).toBe(1);
    } finally {
      await back.stop();
    }
  }, 45_000);
});
