import type { ServerResponse } from 'node:http';
import { PROBLEM_TYPES } from '@batchwire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Batch, type BatchError, createClient, isBatchError } from './index.js';
import type { BatchResult } from './result.js';
import { closedPort, type LocalServer, listenLocal } from './test-support/local-server.js';
import { type ReferenceServer, startReferenceServer } from './test-support/reference-server.js';

let server: ReferenceServer;
let odd: LocalServer;

/** Answers of a misbehaving batch endpoint, by path. */
const answers: Record<string, (res: ServerResponse) => void> = {
  '/unavailable': (res) => res.writeHead(503, { 'content-type': 'text/html' }).end('<h1>down</h1>'),
  '/not-json': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"responses": ['),
  '/wrong-shape': (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"responses":"all good"}'),
  '/wrong-count': (res) =>
    res
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ responses: [], summary: { total: 0, succeeded: 0, failed: 0, skipped: 0 } })),
  '/wrong-id': (res) =>
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        responses: [{ id: 'other', status: 200, headers: {} }],
        summary: { total: 1, succeeded: 1, failed: 0, skipped: 0 },
      }),
    ),
  '/bad-problem': (res) =>
    res.writeHead(400, { 'content-type': 'application/problem+json' }).end('{"title":42}'),
};

/** NDJSON answers of a misbehaving streaming endpoint, by path (its GET advertises streaming). */
const streams: Record<string, string> = {
  '/stream-no-index': '{"id":"1","status":200,"headers":{}}\n',
  '/stream-no-summary': '{"id":"1","index":0,"status":200,"headers":{}}\n',
  '/stream-wrong-id':
    '{"id":"9","index":0,"status":200,"headers":{}}\n{"summary":{"total":1,"succeeded":1,"failed":0,"skipped":0}}\n',
  '/stream-garbage': 'not json at all\n',
};

beforeAll(async () => {
  server = await startReferenceServer(['--max-requests', '20']);
  const capabilities = await (await fetch(server.url)).text();
  odd = await listenLocal((req, res) => {
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '';
      const stream = streams[path];
      if (stream !== undefined && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(capabilities);
      } else if (stream !== undefined) {
        res.writeHead(200, { 'content-type': 'application/x-ndjson' }).end(stream);
      } else {
        (answers[path] ?? ((r: ServerResponse) => r.writeHead(404).end()))(res);
      }
    });
  });
});
afterAll(async () => {
  await Promise.all([server?.close(), odd?.close()]);
});

/** Sends a one-call batch to `url` with callbacks and returns which callback ran with what. */
async function sendWithCallbacks(
  url: string,
  queue: (batch: Batch) => void = (batch) => void batch.get('/_conformance/echo'),
) {
  const batch = createClient({ url }).batch();
  queue(batch);
  const calls: { success?: BatchResult[]; failure?: BatchError }[] = [];
  const returned = batch.send({
    onSuccess: (results) => calls.push({ success: results }),
    onFailure: (error) => calls.push({ failure: error }),
  });
  await expect(returned).resolves.toBeUndefined();
  expect(calls).toHaveLength(1);
  const rejected = await batch.send().catch((error: unknown) => error);
  return { call: calls[0]!, rejected };
}

describe('whole-batch failures', () => {
  it('network: a closed port calls onFailure with kind "network", and send() rejects with it', async () => {
    const { call, rejected } = await sendWithCallbacks(`http://127.0.0.1:${await closedPort()}/batch`);
    expect(call.failure?.kind).toBe('network');
    expect(call.failure).toBeInstanceOf(Error);
    expect(isBatchError(rejected)).toBe(true);
    expect(rejected).toBe(call.failure);
  });

  it('http: a non-200 answer without a problem body gives kind "http" with status and body', async () => {
    const { call } = await sendWithCallbacks(`${odd.origin}/unavailable`);
    expect(call.failure).toMatchObject({ kind: 'http', status: 503, body: '<h1>down</h1>' });
  });

  it('problem: an envelope the server rejects gives kind "problem" with the problem details', async () => {
    const { call } = await sendWithCallbacks(server.url, (batch) =>
      batch.get('/_conformance/echo', { headers: { Authorization: 'Bearer smuggled' } }),
    );
    const failure = call.failure;
    expect(failure?.kind).toBe('problem');
    if (failure?.kind !== 'problem') return;
    expect(failure.status).toBe(400);
    expect(failure.problem.type).toBe(PROBLEM_TYPES.invalidEnvelope);
    expect(failure.problem.errors?.map((e) => e.pointer)).toContain('/requests/0/headers/Authorization');
    expect(failure.message).toMatch(
      /^Batch rejected \(400 [^)]*\); \/requests\/0\/headers\/Authorization \[header\.forbidden\]: /,
    );
  });

  it('problem: a chain of calls longer than maxRequests is a 413 naming the calls, before sending', async () => {
    const { call } = await sendWithCallbacks(server.url, (batch) => {
      let previous = batch.get('/_conformance/echo', { id: 'first' });
      for (let i = 0; i < 20; i++) previous = batch.get('/_conformance/echo', { dependsOn: [previous] });
    });
    expect(call.failure).toMatchObject({
      kind: 'problem',
      status: 413,
      problem: { limit: { name: 'maxRequests', value: 20 }, errors: [{ pointer: '/requests' }] },
    });
    expect(call.failure?.message).toMatch(
      /the 21 calls first, 1, 2, 3, 4, 5, \.\.\. are linked by dependsOn/,
    );
  });

  it.each([
    ['/not-json', /not JSON/],
    ['/wrong-shape', /not a Batchwire batch response/],
    ['/wrong-count', /0 responses for 1 requests/],
    ['/wrong-id', /has id "other"/],
  ])('malformed: %s is a clear onFailure error, not a crash', async (path, message) => {
    const { call } = await sendWithCallbacks(`${odd.origin}${path}`);
    const failure = call.failure;
    expect(failure?.kind).toBe('malformed');
    expect(failure?.message).toMatch(message);
  });

  it('http: a problem+json answer that is not a valid problem keeps its status and body', async () => {
    const { call } = await sendWithCallbacks(`${odd.origin}/bad-problem`);
    expect(call.failure).toMatchObject({ kind: 'http', status: 400, body: '{"title":42}' });
  });

  it('rejects every handle of a failed batch with the same error', async () => {
    const batch = createClient({ url: `${odd.origin}/wrong-shape` }).batch();
    const handle = batch.get('/_conformance/echo');
    const error = await batch.send().catch((e: unknown) => e);
    await expect(Promise.resolve(handle)).rejects.toBe(error);
    await expect(handle.json()).rejects.toBe(error);
  });

  it.each([
    ['/stream-no-index', /line 1 is not a Batchwire stream record/],
    ['/stream-no-summary', /without its summary line/],
    ['/stream-wrong-id', /has id "9"/],
    ['/stream-garbage', /line 1 is not JSON/],
  ])(
    'malformed: the streamed answer %s throws a malformed BatchError from the loop',
    async (path, message) => {
      const batch = createClient({ url: `${odd.origin}${path}` }).batch();
      const handle = batch.get('/_conformance/echo');
      const yielded: string[] = [];
      const error = await (async () => {
        for await (const result of batch.stream()) yielded.push(result.id);
      })().catch((e: unknown) => e);
      expect(isBatchError(error) && error.kind).toBe('malformed');
      expect((error as Error).message).toMatch(message);
      await expect(batch.send()).rejects.toBe(error);
      if (path === '/stream-no-summary') {
        // A result that arrived before the answer broke is still delivered.
        expect(yielded).toEqual(['1']);
        expect((await handle).status).toBe(200);
      } else {
        expect(yielded).toEqual([]);
        await expect(Promise.resolve(handle)).rejects.toBe(error);
      }
    },
  );
});
