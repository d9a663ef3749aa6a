import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, ref } from './index.js';
import { type RecordingProxy, startProxy } from './test-support/proxy.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';
import { startThrottlingUpstream, type ThrottlingUpstream } from './test-support/throttling-upstream.js';

let upstream: ThrottlingUpstream;
let gateway: ReferenceServer;
let proxy: RecordingProxy;

// The reference server in gateway mode in front of a throttling upstream, behind a recording proxy.
beforeAll(async () => {
  upstream = await startThrottlingUpstream();
  gateway = await startReferenceServer(['--upstream', upstream.origin, '--log-level', 'silent']);
  proxy = await startProxy(gateway.origin);
});
afterAll(async () => {
  await Promise.all([proxy?.close(), gateway?.close(), upstream?.close()]);
});

let run = 0;
/** Fresh upstream names per test, and the batch POSTs seen from now on. */
function fresh() {
  run++;
  const start = proxy.seen.length;
  return {
    name: (label: string) => `${label}-${run}`,
    posts: () => proxy.seen.slice(start).filter((r) => r.method === 'POST'),
  };
}

const url = () => `${proxy.origin}/batch`;

describe('retryThrottled', () => {
  it('re-sends a 429 item and its 424 dependent once, after Retry-After, and never the item that succeeded', async () => {
    const { name, posts } = fresh();
    const client = createClient({ url: url(), retryThrottled: true });
    const batch = client.batch();
    const limited = batch.get(`/limited/${name('a')}`);
    const dependent = batch.get(`/ok/${name('b')}`, { dependsOn: [limited] });
    const independent = batch.get(`/ok/${name('c')}`);
    const results = await batch.send();

    expect(results.map((r) => [r.id, r.status, r.attempts])).toEqual([
      ['1', 200, 2],
      ['2', 200, 2],
      ['3', 200, 1],
    ]);
    expect((await dependent).body).toEqual({ name: name('b'), hits: 1 });
    expect((await limited).status).toBe(200);
    expect((await independent).attempts).toBe(1);
    const sent = posts();
    expect(sent).toHaveLength(2);
    expect(sent[1]!.at - sent[0]!.at).toBeGreaterThanOrEqual(1000);
    const again = JSON.parse(sent[1]!.body) as { requests: { id: string; dependsOn?: string[] }[] };
    expect(again.requests.map((r) => [r.id, r.dependsOn])).toEqual([
      ['1', undefined],
      ['2', ['1']],
    ]);
    expect(upstream.hits(`/ok/${name('c')}`)).toBe(1);
    expect(upstream.hits(`/limited/${name('a')}`)).toBe(2);
  });

  it('replaces a reference to a call that already succeeded by its value, since that call is not sent again', async () => {
    const { name, posts } = fresh();
    const batch = createClient({ url: url(), retryThrottled: { maxDelayMs: 50 } }).batch();
    const done = batch.get(`/ok/${name('done')}`);
    const limited = batch.get(`/limited/${name('l')}?after=0`);
    const both = batch.get(`/ok/${ref(done, '/body/name')}-${ref(limited, '/body/name')}`);
    const results = await batch.send();
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect((await both).body).toMatchObject({ name: `${name('done')}-${name('l')}` });
    const again = JSON.parse(posts()[1]!.body) as {
      requests: { id: string; url: string; dependsOn?: string[] }[];
    };
    expect(again.requests.map((r) => r.id)).toEqual(['2', '3']);
    expect(again.requests[1]).toMatchObject({ url: `/ok/${name('done')}-\${2#/body/name}` });
  });

  it('gives up after maxAttempts, caps the wait by maxDelayMs, and reads an HTTP-date Retry-After', async () => {
    const { name, posts } = fresh();
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const client = createClient({ url: url(), retryThrottled: { maxAttempts: 2, maxDelayMs: 100 } });
    const started = Date.now();
    const [stubborn, dated] = await Promise.all([
      client.fetch(`/limited/${name('s')}?times=9`),
      client.fetch(`/limited/${name('d')}?after=${encodeURIComponent(inAMinute)}`),
    ]);
    expect([stubborn.status, stubborn.attempts]).toEqual([429, 2]);
    expect([dated.status, dated.attempts]).toEqual([200, 2]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(posts()).toHaveLength(2);
  });

  it('works for streams: a throttled item is yielded once, with its final answer', async () => {
    const { name } = fresh();
    const batch = createClient({ url: url(), retryThrottled: { maxDelayMs: 50 } }).batch();
    batch.get(`/limited/${name('s')}?after=0`, { id: 'limited' });
    batch.get(`/ok/${name('o')}`, { id: 'ok' });
    const yielded: [string, number, number][] = [];
    for await (const result of batch.stream()) yielded.push([result.id, result.status, result.attempts]);
    expect(yielded).toEqual([
      ['ok', 200, 1],
      ['limited', 200, 2],
    ]);
  });

  it('re-sends a whole chain behind a throttled call, but not a call that failed for another reason', async () => {
    const { name, posts } = fresh();
    const batch = createClient({ url: url(), retryThrottled: { maxDelayMs: 50 } }).batch();
    const limited = batch.get(`/limited/${name('a')}?after=0`, { id: 'a' });
    const middle = batch.get(`/ok/${name('b')}`, { id: 'b', dependsOn: [limited] });
    batch.get(`/ok/${name('c')}`, { id: 'c', dependsOn: [middle] });
    const broken = batch.get(`/fail/${name('d')}`, { id: 'd' });
    batch.get(`/ok/${name('e')}`, { id: 'e', dependsOn: [broken] });
    const results = await batch.send();
    expect(results.map((r) => [r.id, r.status, r.attempts])).toEqual([
      ['a', 200, 2],
      ['b', 200, 2],
      ['c', 200, 2],
      ['d', 500, 1],
      ['e', 424, 1],
    ]);
    const again = JSON.parse(posts()[1]!.body) as { requests: { id: string }[] };
    expect(again.requests.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(upstream.hits(`/fail/${name('d')}`)).toBe(1);
  });

  it('is off by default: the 429 and its 424 dependent come back as they are', async () => {
    const { name, posts } = fresh();
    const batch = createClient({ url: url() }).batch();
    const limited = batch.get(`/limited/${name('x')}`);
    batch.get(`/ok/${name('y')}`, { dependsOn: [limited] });
    const results = await batch.send();
    expect(results.map((r) => r.status)).toEqual([429, 424]);
    expect(posts()).toHaveLength(1);
  });
});
