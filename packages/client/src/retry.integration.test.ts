import { IDEMPOTENCY_KEY_HEADER } from '@batchwire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './index.js';
import { type ProxyOptions, type RecordingProxy, startProxy } from './test-support/proxy.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});
afterAll(async () => {
  await server?.close();
});

async function counter(name: string): Promise<number> {
  const response = await fetch(`${server.origin}/_conformance/counters/${name}`);
  return ((await response.json()) as { value: number }).value;
}

const posts = (proxy: RecordingProxy) => proxy.seen.filter((r) => r.method === 'POST');
/** The Idempotency-Key of each POST the proxy saw. */
const keysOf = (proxy: RecordingProxy) =>
  posts(proxy).map((r) => r.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);

async function withProxy<T>(
  drops: number | ProxyOptions,
  run: (proxy: RecordingProxy) => Promise<T>,
): Promise<T> {
  const proxy = await startProxy(
    server.origin,
    typeof drops === 'number' ? { dropPostAnswers: drops } : drops,
  );
  try {
    return await run(proxy);
  } finally {
    await proxy.close();
  }
}

describe('safe retries', () => {
  it('re-sends after a lost answer with the same Idempotency-Key, and the batch runs once', async () => {
    await withProxy(1, async (proxy) => {
      const client = createClient({ url: `${proxy.origin}/batch`, retry: { retries: 3, delayMs: 50 } });
      const batch = client.batch();
      const increment = batch.post('/_conformance/counters/retried');
      const results = await batch.send();
      expect(results[0]!.status).toBe(200);
      expect((await increment.json()) as unknown).toMatchObject({ value: 1 });
      const sent = posts(proxy);
      expect(sent).toHaveLength(2);
      const keys = sent.map((r) => r.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]);
      expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(keys[1]).toBe(keys[0]);
      expect(sent[1]!.body).toBe(sent[0]!.body);
      expect(await counter('retried')).toBe(1);
    });
  });

  it('waits out a 409 "in progress" while the first attempt still runs, then gets the replay', async () => {
    await withProxy({ dropPostRequests: 1 }, async (proxy) => {
      const client = createClient({ url: `${proxy.origin}/batch`, retry: { retries: 6, delayMs: 50 } });
      const batch = client.batch();
      batch.post('/_conformance/counters/in-progress');
      batch.get('/_conformance/delay/600');
      const results = await batch.send();
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      expect(results[0]!.body).toMatchObject({ value: 1 });
      expect(keysOf(proxy).length).toBeGreaterThanOrEqual(3);
      expect(new Set(keysOf(proxy)).size).toBe(1);
      expect(await counter('in-progress')).toBe(1);
    });
  });

  it('treats its own timeoutMs like a lost answer: sent again with the same key, run once', async () => {
    await withProxy({ holdFirstPostAnswerMs: 1_000 }, async (proxy) => {
      const client = createClient({
        url: `${proxy.origin}/batch`,
        timeoutMs: 300,
        retry: { retries: 2, delayMs: 50 },
      });
      const batch = client.batch();
      batch.post('/_conformance/counters/timed-out');
      const [result] = await batch.send();
      expect(result).toMatchObject({ status: 200, body: { value: 1 } });
      const [first, second, ...more] = keysOf(proxy);
      expect([second, more]).toEqual([first, []]);
      expect(await counter('timed-out')).toBe(1);
    });
  });

  it('never re-sends after the caller aborted', async () => {
    await withProxy({ holdFirstPostAnswerMs: 1_000 }, async (proxy) => {
      const client = createClient({ url: `${proxy.origin}/batch`, retry: { retries: 2, delayMs: 50 } });
      const batch = client.batch();
      batch.post('/_conformance/counters/aborted-once');
      const error = await batch.send({ signal: AbortSignal.timeout(300) }).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'aborted' });
      expect(posts(proxy)).toHaveLength(1);
    });
  });

  it('uses a new key for every batch', async () => {
    await withProxy(0, async (proxy) => {
      const client = createClient({ url: `${proxy.origin}/batch`, retry: true });
      for (let i = 0; i < 2; i++) {
        const batch = client.batch();
        batch.get('/_conformance/echo');
        await batch.send();
      }
      const keys = keysOf(proxy);
      expect(keys).toHaveLength(2);
      expect(keys[0]).not.toBe(keys[1]);
    });
  });

  it('without retry a lost answer is a network failure, although the batch ran', async () => {
    await withProxy(1, async (proxy) => {
      const batch = createClient({ url: `${proxy.origin}/batch` }).batch();
      batch.post('/_conformance/counters/not-retried');
      const error = await batch.send().catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'BatchError', kind: 'network' });
      expect(posts(proxy)).toHaveLength(1);
      expect(posts(proxy)[0]!.headers[IDEMPOTENCY_KEY_HEADER.toLowerCase()]).toBeUndefined();
      expect(await counter('not-retried')).toBe(1);
    });
  });

  it('never re-sends after an answer that is not a network failure', async () => {
    await withProxy(0, async (proxy) => {
      const batch = createClient({
        url: `${proxy.origin}/batch`,
        retry: { retries: 3, delayMs: 10 },
      }).batch();
      batch.get('/_conformance/echo', { headers: { Authorization: 'Bearer no' } });
      const error = await batch.send().catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'problem', status: 400 });
      expect(posts(proxy)).toHaveLength(1);
    });
  });

  it('does not re-send to a server that does not advertise idempotency', async () => {
    const proxy = await startProxy(server.origin, {
      dropPostAnswers: 1,
      rewriteGet: (doc) => {
        const capabilities = doc as { features: Record<string, boolean> };
        return { ...capabilities, features: { ...capabilities.features, idempotency: false } };
      },
    });
    try {
      const batch = createClient({
        url: `${proxy.origin}/batch`,
        retry: { retries: 3, delayMs: 10 },
      }).batch();
      batch.post('/_conformance/counters/no-idempotency');
      const error = await batch.send().catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'network' });
      expect(posts(proxy)).toHaveLength(1);
      expect(await counter('no-idempotency')).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});
