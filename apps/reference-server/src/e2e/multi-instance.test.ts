import { missingBinaries } from '@batchwire/idempotency-redis/testing';
import { IDEMPOTENCY_REPLAYED_HEADER, NDJSON_MEDIA_TYPE } from '@batchwire/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from '../test-support/batch.js';
import { type Cluster, startCluster } from '../test-support/cluster.js';
import { countingBatch, postThrough } from '../test-support/front.js';

const missing = missingBinaries({ 'redis-server': 'redis-server', nginx: 'nginx' });
if (missing !== undefined) console.log(`skipping the multi-instance tests: ${missing}`);

describe.skipIf(missing !== undefined)('two instances sharing one Redis behind nginx', () => {
  let c: Cluster;
  beforeAll(async () => {
    c = await startCluster({ leaseMs: 2_000 });
  }, 30_000);
  afterAll(() => c?.close());

  it('replays a keyed batch on the other instance, and nothing runs twice', async () => {
    const name = uniqueName('replay');
    const key = uniqueName('key');
    const first = await postThrough(c.front, countingBatch(name, 0), key);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.headers.get(IDEMPOTENCY_REPLAYED_HEADER)).toBeNull();
    // Round robin sends the next request to the other instance.
    const retry = await postThrough(c.front, countingBatch(name, 0), key);
    expect(retry.upstream).not.toBe(first.upstream);
    expect(c.instanceAt(retry.upstream)).not.toBe(c.instanceAt(first.upstream));
    expect(retry.status).toBe(200);
    expect(retry.headers.get(IDEMPOTENCY_REPLAYED_HEADER)).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await c.counter(name)).toBe(1);
  });

  it('runs a batch exactly once for 50 concurrent retries of one key spread over both instances', async () => {
    const name = uniqueName('race');
    const key = uniqueName('key');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => postThrough(c.front, countingBatch(name, 300), key)),
    );
    expect(new Set(answers.map((answer) => answer.upstream)).size).toBe(2);
    const ran = answers.filter(
      (a) => a.status === 200 && a.headers.get(IDEMPOTENCY_REPLAYED_HEADER) === null,
    );
    const replayed = answers.filter(
      (a) => a.status === 200 && a.headers.get(IDEMPOTENCY_REPLAYED_HEADER) === 'true',
    );
    const inProgress = answers.filter((a) => a.status === 409);
    expect(ran).toHaveLength(1);
    expect(replayed.length + inProgress.length).toBe(49);
    for (const answer of inProgress) {
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({
        status: 409,
        type: expect.stringMatching(/idempotency-in-progress$/),
      });
    }
    expect(await c.counter(name)).toBe(1);
    // Once finished, every retry on either instance replays it.
    const later = await Promise.all([1, 2].map(() => postThrough(c.front, countingBatch(name, 300), key)));
    expect(later.map((a) => [a.status, a.headers.get(IDEMPOTENCY_REPLAYED_HEADER)])).toEqual([
      [200, 'true'],
      [200, 'true'],
    ]);
    expect(new Set(later.map((a) => a.upstream)).size).toBe(2);
  });

  it('answers 422 on the other instance for another envelope under the same key', async () => {
    const key = uniqueName('key');
    const first = await postThrough(c.front, countingBatch(uniqueName('a'), 0), key);
    const other = await postThrough(c.front, countingBatch(uniqueName('b'), 0), key);
    expect(other.upstream).not.toBe(first.upstream);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ status: 422, type: expect.stringMatching(/idempotency-mismatch$/) });
  });

  it('replays a streamed keyed batch as NDJSON on the other instance', async () => {
    const name = uniqueName('stream-replay');
    const key = uniqueName('key');
    const accept = { accept: NDJSON_MEDIA_TYPE };
    const first = await postThrough(c.front, countingBatch(name, 0), key, accept);
    const retry = await postThrough(c.front, countingBatch(name, 0), key, accept);
    expect(retry.upstream).not.toBe(first.upstream);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(retry.headers.get(IDEMPOTENCY_REPLAYED_HEADER)).toBe('true');
    const lines = (text: unknown) =>
      String(text)
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
    // Same items and summary; a replay lists items in request order, the live stream in completion order.
    expect(lines(retry.body).map((line) => line.id ?? 'summary')).toEqual(['count', 'wait', 'summary']);
    expect(lines(retry.body).at(-1)).toEqual(lines(first.body).at(-1));
    expect(await c.counter(name)).toBe(1);
  });

  it('streams an NDJSON batch through nginx line by line', async () => {
    const res = await fetch(`${c.front}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: NDJSON_MEDIA_TYPE },
      body: JSON.stringify({
        requests: [
          { id: 'now', method: 'GET', url: '/_conformance/delay/0' },
          { id: 'later', method: 'GET', url: '/_conformance/delay/1500' },
        ],
      }),
      signal: AbortSignal.timeout(20_000),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    // The instance asked nginx not to buffer (nginx consumes the header; the config echoes it).
    expect(res.headers.get('x-upstream-accel-buffering')).toBe('no');
    const arrivals: { line: Record<string, unknown>; at: number }[] = [];
    let text = '';
    const decoder = new TextDecoder();
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      text += decoder.decode(chunk, { stream: true });
      let newline = text.indexOf('\n');
      while (newline !== -1) {
        arrivals.push({
          line: JSON.parse(text.slice(0, newline)) as Record<string, unknown>,
          at: Date.now(),
        });
        text = text.slice(newline + 1);
        newline = text.indexOf('\n');
      }
    }
    expect(arrivals.map(({ line }) => line.id ?? 'summary')).toEqual(['now', 'later', 'summary']);
    // The first line reached the client before the slow item had even finished on the server.
    const laterEnd = (arrivals[1]!.line.body as { end: number }).end;
    expect(arrivals[0]!.at).toBeLessThan(laterEnd);
  });
});
