import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, isBatchError, ref } from './index.js';
import { type RecordingProxy, startProxy } from './test-support/proxy.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

let server: ReferenceServer;
let proxy: RecordingProxy;

beforeAll(async () => {
  server = await startReferenceServer(['--max-requests', '20']);
  proxy = await startProxy(server.origin);
});
afterAll(async () => {
  await Promise.all([proxy?.close(), server?.close()]);
});

const posts = () => proxy.seen.filter((r) => r.method === 'POST');
const envelopes = () => posts().map((p) => JSON.parse(p.body) as { requests: { id: string }[] });

describe('explicit batches above maxRequests', () => {
  it('go out as concurrent batches of whole dependency groups, results in call order', async () => {
    const before = posts().length;
    const batch = createClient({ url: `${proxy.origin}/batch` }).batch();
    let previous = batch.get('/_conformance/delay/400', { id: 'chain-0' });
    for (let i = 1; i < 5; i++)
      previous = batch.get('/_conformance/echo', { id: `chain-${i}`, dependsOn: [previous] });
    for (let i = 0; i < 29; i++) batch.get(`/_conformance/echo/${i}`, { id: `free-${i}` });
    batch.get('/_conformance/delay/400', { id: 'slow' });
    const made = batch.post('/_conformance/items', { name: 'split' }, { id: 'make' });
    const read = batch.get(`/_conformance/items/${ref(made, '/body/id')}`, { id: 'read' });
    const results = await batch.send();

    expect(results.map((r) => r.id)).toEqual(batch.toJSON().requests.map((r) => r.id));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await read).body).toMatchObject({ name: 'split' });
    // The chain (5) fills the first batch up to 20; the reference pair stays together in the second.
    const sent = envelopes().slice(before);
    expect(sent.map((e) => e.requests.length)).toEqual([20, 17]);
    expect(sent[0]!.requests.slice(0, 5).map((r) => r.id)).toEqual([
      'chain-0',
      'chain-1',
      'chain-2',
      'chain-3',
      'chain-4',
    ]);
    expect(sent[1]!.requests.slice(-2).map((r) => r.id)).toEqual(['make', 'read']);
    // Concurrent: the two 400 ms delays, one in each batch, overlap on the server clock.
    const interval = (id: string) => results.find((r) => r.id === id)!.body as { start: number; end: number };
    const [a, b] = [interval('chain-0'), interval('slow')];
    expect(a.start < b.end && b.start < a.end).toBe(true);
  });

  it('refuse a group larger than maxRequests before sending anything, naming it', async () => {
    const before = posts().length;
    const batch = createClient({ url: `${proxy.origin}/batch` }).batch();
    batch.get('/_conformance/echo', { id: 'alone' });
    let previous = batch.get('/_conformance/echo', { id: 'link-0' });
    for (let i = 1; i < 21; i++)
      previous = batch.get('/_conformance/echo', { id: `link-${i}`, dependsOn: [previous] });
    const handle = previous;
    const error = await batch.send().catch((e: unknown) => e);
    expect(isBatchError(error) && error.kind === 'problem' && error.status).toBe(413);
    expect((error as Error).message).toMatch(
      /the 21 calls link-0, link-1, link-2, link-3, link-4, link-5, \.\.\. are linked by dependsOn or references, so no batch of maxRequests \(20\) holds them/,
    );
    await expect(Promise.resolve(handle)).rejects.toBe(error);
    expect(posts().length).toBe(before);
  });

  it('keep onError "stop" batches whole, since stopping cannot cross batches', async () => {
    const before = posts().length;
    const batch = createClient({ url: `${proxy.origin}/batch` }).batch({ onError: 'stop' });
    for (let i = 0; i < 21; i++) batch.get('/_conformance/echo');
    const error = await batch.send().catch((e: unknown) => e);
    expect(isBatchError(error) && error.kind === 'problem' && error.status).toBe(413);
    expect(posts().length).toBe(before);
  });
});
