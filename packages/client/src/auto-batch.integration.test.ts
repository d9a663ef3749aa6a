import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, isBatchError } from './index.js';
import { type RecordingProxy, startProxy } from './test-support/proxy.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer(['--max-requests', '20']);
});
afterAll(async () => {
  await server?.close();
});

const batchPosts = (proxy: RecordingProxy) =>
  proxy.seen.filter((r) => r.method === 'POST' && r.path === '/batch');

async function withProxy<T>(run: (proxy: RecordingProxy) => Promise<T>): Promise<T> {
  const proxy = await startProxy(server.origin);
  try {
    return await run(proxy);
  } finally {
    await proxy.close();
  }
}

async function counter(name: string): Promise<number> {
  const response = await fetch(`${server.origin}/_conformance/counters/${name}`);
  return ((await response.json()) as { value: number }).value;
}

describe('client.fetch auto-batching', () => {
  it('coalesces the calls of one tick into one HTTP request, each caller getting its own result', async () => {
    await withProxy(async (proxy) => {
      const client = createClient({ url: `${proxy.origin}/batch` });
      const calls = Array.from({ length: 10 }, (_, i) =>
        client.fetch(`/_conformance/echo/${i}`, { method: 'post', body: { i } }),
      );
      calls.push(client.fetch('/_conformance/counters/autobatch-tick', { method: 'POST' }));
      const results = await Promise.all(calls);
      expect(batchPosts(proxy)).toHaveLength(1);
      for (const [i, result] of results.slice(0, 10).entries()) {
        expect(result.body).toMatchObject({ path: `/_conformance/echo/${i}`, body: { i } });
      }
      expect(results[10]!.body).toMatchObject({ value: 1 });
      expect(await counter('autobatch-tick')).toBe(1);
    });
  });

  it('joins calls made within the configured window', async () => {
    await withProxy(async (proxy) => {
      const client = createClient({ url: `${proxy.origin}/batch`, autoBatch: { windowMs: 200 } });
      const first = client.fetch('/_conformance/echo/a');
      await new Promise((resolve) => setTimeout(resolve, 20));
      const second = client.fetch('/_conformance/echo/b');
      const [a, b] = await Promise.all([first, second]);
      expect([a.status, b.status]).toEqual([200, 200]);
      expect(batchPosts(proxy)).toHaveLength(1);
    });
  });

  it('splits above the advertised maxRequests, reading the capabilities once', async () => {
    await withProxy(async (proxy) => {
      const client = createClient({ url: `${proxy.origin}/batch` });
      const all = await Promise.all(
        Array.from({ length: 45 }, () => client.fetch('/_conformance/counters/split', { method: 'POST' })),
      );
      const more = await Promise.all([
        client.fetch('/_conformance/echo'),
        client.fetch('/_conformance/echo'),
      ]);
      const posts = batchPosts(proxy);
      expect(posts.map((p) => (JSON.parse(p.body) as { requests: unknown[] }).requests.length)).toEqual([
        20, 20, 5, 2,
      ]);
      expect(proxy.seen.filter((r) => r.method === 'GET' && r.path === '/batch')).toHaveLength(1);
      expect(all.every((r) => r.status === 200)).toBe(true);
      expect(new Set(all.map((r) => (r.body as { value: number }).value)).size).toBe(45);
      expect(more.every((r) => r.ok)).toBe(true);
      expect(await counter('split')).toBe(45);
    });
  });

  it('rejects only the bad calls of a window with their own rules; the others are sent again without them', async () => {
    await withProxy(async (proxy) => {
      const client = createClient({ url: `${proxy.origin}/batch` });
      const good = client.fetch('/_conformance/counters/window-good', { method: 'POST' });
      const bad = client.fetch('https://elsewhere.example/steal').catch((e: unknown) => e);
      const smuggler = client
        .fetch('/_conformance/echo', { headers: { Cookie: 'session=stolen' } })
        .catch((e: unknown) => e);
      const result = await good;
      expect(result.ok).toBe(true);
      expect(result.body).toMatchObject({ value: 1 });
      const [error, smuggled] = [await bad, await smuggler];
      expect(isBatchError(error) && error.kind === 'problem' && error.problem.errors).toEqual([
        expect.objectContaining({ pointer: '/requests/0/url', rule: 'url.form' }),
      ]);
      expect((error as Error).message).toMatch(/\/requests\/0\/url \[url\.form\]: must be a path/);
      expect(isBatchError(smuggled) && smuggled.kind === 'problem' && smuggled.problem.errors).toEqual([
        expect.objectContaining({ pointer: '/requests/0/headers/Cookie', rule: 'header.forbidden' }),
      ]);
      // The rejected envelope ran nothing; the good call ran once, in the second batch alone.
      const bodies = batchPosts(proxy).map((p) => JSON.parse(p.body) as { requests: { url: string }[] });
      expect(bodies.map((b) => b.requests.length)).toEqual([3, 1]);
      expect(bodies[1]!.requests[0]!.url).toBe('/_conformance/counters/window-good');
      expect(await counter('window-good')).toBe(1);
    });
  });

  it('rejects every caller with the BatchError of a failed batch', async () => {
    const client = createClient({ url: `${server.origin}/no-batch-here` });
    const errors = await Promise.all(
      [client.fetch('/a'), client.fetch('/b')].map((p) => p.catch((e: unknown) => e)),
    );
    expect(errors.every(isBatchError)).toBe(true);
    expect(errors[0]).toBe(errors[1]);
  });
});
