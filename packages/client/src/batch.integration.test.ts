import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createClient, isBatchItemError, ref, unwrap } from './index.js';
import type { BatchResult } from './result.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

interface Entry {
  id: number;
  groupId: number;
  title: string;
  content: string;
}

let server: ReferenceServer;
let client: Client;

beforeAll(async () => {
  server = await startReferenceServer();
  client = createClient({ url: server.url, headers: { Authorization: 'Bearer demo-token' } });
});
afterAll(async () => {
  await server?.close();
});

describe('explicit batches against the reference server', () => {
  it('returns one result per call, in call order, with generated ids', async () => {
    const batch = client.batch();
    batch.get('/_conformance/delay/300');
    batch.get('/_conformance/status/404');
    batch.get('/_conformance/delay/0');
    batch.post('/_conformance/echo/x', { n: 1 });
    const results = await batch.send();
    expect(results.map((r) => r.id)).toEqual(['1', '2', '3', '4']);
    expect(results.map((r) => r.status)).toEqual([200, 404, 200, 200]);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true]);
    expect(results[1]!.body).toEqual({ status: 404 });
    expect(results[3]!.body).toMatchObject({ method: 'POST', body: { n: 1 } });
  });

  it('resolves each handle to its own result and keeps given ids', async () => {
    const batch = client.batch();
    const first = batch.get<Entry>('/blogs/entries/1', { id: 'first' });
    const missing = batch.get('/blogs/entries/999999');
    const second = batch.get<Entry>('/blogs/entries/2');
    const results = await batch.send();
    const [a, b, c] = await Promise.all([first, missing, second]);
    expect(a).toBe(results[0]);
    expect(a.id).toBe('first');
    expect(a.body.title).toBe('Entry 1');
    expect([b.id, b.status]).toEqual(['1', 404]);
    expect(c.id).toBe('2');
    expect((await second.json()).id).toBe(2);
  });

  it('makes handle.json() and unwrap() throw a typed error for a non-2xx item only', async () => {
    const batch = client.batch();
    const missing = batch.get('/blogs/entries/424242');
    const found = batch.get<Entry>('/blogs/entries/3');
    await batch.send();
    const error = await missing.json().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isBatchItemError(error)).toBe(true);
    if (!isBatchItemError(error)) return;
    expect(error.result.status).toBe(404);
    expect(error.problem?.status).toBe(404);
    expect(() => unwrap(error.result)).toThrow(/answered 404/);
    expect(unwrap(await found).id).toBe(3);
  });

  it('calls onSuccess exactly once with the results, even when items fail', async () => {
    const batch = client.batch();
    batch.delete('/blogs/entries/4');
    batch.delete('/blogs/entries/4');
    const calls: string[] = [];
    let got: BatchResult[] = [];
    const returned = await batch.send({
      onSuccess: (results) => {
        calls.push('success');
        got = results;
      },
      onFailure: () => calls.push('failure'),
    });
    expect(returned).toBeUndefined();
    expect(calls).toEqual(['success']);
    expect(got).toHaveLength(2);
    expect(got.filter((r) => r.ok)).toHaveLength(1);
    expect(got.filter((r) => r.status === 404)).toHaveLength(1);
  });

  it('runs dependsOn chains and answers 424 for a failed dependency', async () => {
    const batch = client.batch();
    const broken = batch.get('/_conformance/status/500');
    const after = batch.get('/_conformance/echo', { dependsOn: [broken] });
    const independent = batch.get('/_conformance/echo/free');
    const results = await batch.send();
    expect(results.map((r) => r.status)).toEqual([500, 424, 200]);
    expect((await after).body).toMatchObject({ dependency: broken.id });
    expect((await independent).ok).toBe(true);
  });

  it('substitutes references in urls, headers and bodies end to end', async () => {
    const batch = client.batch();
    const created = batch.post<Entry>('/blogs/entries', {
      groupId: 1,
      title: 'Hello',
      content: 'First post',
    });
    const read = batch.get<Entry>(`/blogs/entries/${ref(created, '/body/id')}`);
    const echoed = batch.post(
      '/_conformance/echo',
      { copiedId: ref(created, '/body/id'), note: `id=${ref(created, '/body/id')}` },
      {
        headers: { 'X-Title': ref(read, '/body/title') },
      },
    );
    const results = await batch.send();
    expect(results.map((r) => r.status)).toEqual([201, 200, 200]);
    const entry = await created.json();
    expect((await read.json()).id).toBe(entry.id);
    expect((await echoed).body).toMatchObject({
      body: { copiedId: entry.id, note: `id=${entry.id}` },
      headers: { 'x-title': 'Hello' },
    });
  });

  it('gives a 424 naming the pointer when a reference resolves to nothing', async () => {
    const batch = client.batch();
    const first = batch.get('/blogs/entries/5');
    const second = batch.get(`/blogs/entries/${ref(first, '/body/nothing-here')}`);
    await batch.send();
    const result = await second;
    expect(result.status).toBe(424);
    expect(result.body).toMatchObject({ pointer: '/body/nothing-here' });
  });

  it('skips calls not yet started after a failure with onError "stop"', async () => {
    const batch = client.batch({ onError: 'stop' });
    const failing = batch.get('/_conformance/status/500');
    const later = batch.get('/_conformance/delay/10', { dependsOn: [failing] });
    const results = await batch.send();
    expect(results[0]!.status).toBe(500);
    expect((await later).status).toBe(424);
  });

  it('refuses to queue calls after sending, and dependsOn on a foreign handle', async () => {
    const batch = client.batch();
    const other = client.batch().get('/_conformance/echo');
    expect(() => batch.get('/_conformance/echo', { dependsOn: [other] })).toThrow(/not a call of this batch/);
    batch.get('/_conformance/echo');
    const sending = batch.send();
    expect(() => batch.get('/_conformance/echo')).toThrow(/already sent/);
    expect(await sending).toHaveLength(1);
    expect(await batch.send()).toBe(await sending);
  });

  it('resolves an empty batch to no results without a request', async () => {
    expect(await client.batch().send()).toEqual([]);
  });

  it('reads the capabilities document', async () => {
    const capabilities = await client.capabilities();
    expect(capabilities.protocol).toBe('batchwire');
    expect(capabilities.features.streaming).toBe(true);
  });
});
