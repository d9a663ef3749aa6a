import { NDJSON_MEDIA_TYPE } from '@batchwire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from './index.js';
import type { BatchResult } from './result.js';
import { startProxy } from './test-support/proxy.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

interface Interval {
  start: number;
  end: number;
}

let server: ReferenceServer;

beforeAll(async () => {
  server = await startReferenceServer();
});
afterAll(async () => {
  await server?.close();
});

describe('batch.stream()', () => {
  it('yields results in completion order as they arrive', async () => {
    const batch = createClient({ url: server.url }).batch();
    const slow = batch.get<Interval>('/_conformance/delay/1200');
    batch.get<Interval>('/_conformance/delay/400');
    batch.get<Interval>('/_conformance/delay/0');
    const seen: { result: BatchResult; at: number }[] = [];
    for await (const result of batch.stream()) seen.push({ result, at: Date.now() });
    expect(seen.map((s) => s.result.id).sort()).toEqual(['1', '2', '3']);
    // Completion order as the server's own clock saw it.
    const ends = seen.map((s) => (s.result.body as Interval).end);
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(seen[0]!.result.id).toBe('3');
    // The first result reached the caller before the slowest call had even finished on the server.
    expect(seen[0]!.at).toBeLessThan((await slow.json()).end);
  });

  it('settles handles and send() from the stream, in call order', async () => {
    const batch = createClient({ url: server.url }).batch();
    const a = batch.get('/_conformance/delay/200');
    const b = batch.get('/_conformance/status/418');
    const yielded: string[] = [];
    for await (const result of batch.stream()) yielded.push(result.id);
    const results = await batch.send();
    expect(results.map((r) => r.id)).toEqual(['1', '2']);
    expect(yielded).toEqual(['2', '1']);
    expect((await a).status).toBe(200);
    expect((await b).status).toBe(418);
  });

  it('asks for NDJSON only when streaming is advertised, else yields when the batch completes', async () => {
    const proxy = await startProxy(server.origin, {
      rewriteGet: (doc) => {
        const capabilities = doc as { features: Record<string, boolean> };
        return { ...capabilities, features: { ...capabilities.features, streaming: false } };
      },
    });
    try {
      const batch = createClient({ url: `${proxy.origin}/batch` }).batch();
      batch.get('/_conformance/delay/300');
      batch.get('/_conformance/delay/0');
      const ids: string[] = [];
      for await (const result of batch.stream()) ids.push(result.id);
      expect(ids).toEqual(['1', '2']);
      const post = proxy.seen.find((r) => r.method === 'POST');
      expect(post?.headers.accept).not.toContain(NDJSON_MEDIA_TYPE);
    } finally {
      await proxy.close();
    }
  });

  it('throws the BatchError of a rejected streamed batch from the loop', async () => {
    const batch = createClient({ url: server.url }).batch();
    batch.get('/_conformance/echo', { headers: { Cookie: 'a=b' } });
    const error = await (async () => {
      for await (const _ of batch.stream()) return 'yielded';
      return 'ended';
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'BatchError', kind: 'problem', status: 400 });
  });
});
