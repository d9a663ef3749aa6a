import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_REPLAYED_HEADER,
  NDJSON_MEDIA_TYPE,
  PROBLEM_TYPES,
  validateStreamRecord,
} from '@batchwire/schema';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { counter, postBatch, uniqueName } from '../test-support/batch.js';
import { MODES, startTopology, type Topology } from '../test-support/topology.js';
import { sleep, waitFor } from '../test-support/wait.js';

const bounded = { headersTimeout: 15_000, bodyTimeout: 15_000 };

describe.each(MODES)('%s mode: streaming, client disconnect and idempotency', (mode) => {
  let t: Topology;
  beforeAll(async () => {
    t = await startTopology(mode);
  });
  afterAll(() => t.close());

  it('streams one NDJSON line per response in completion order, then the summary', async () => {
    const res = await request(`${t.origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: NDJSON_MEDIA_TYPE },
      body: JSON.stringify({
        requests: [
          { id: 'slow', method: 'GET', url: '/_conformance/delay/1000' },
          { id: 'fast', method: 'GET', url: '/_conformance/delay/0' },
          { id: 'bad', method: 'GET', url: '/_conformance/status/500', dependsOn: ['fast'] },
        ],
      }),
      ...bounded,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const arrivals: number[] = [];
    let text = '';
    for await (const chunk of res.body) {
      text += Buffer.from(chunk as Uint8Array).toString('utf8');
      while (arrivals.length < text.split('\n').length - 1) arrivals.push(Date.now());
    }
    const lines = text
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) expect(validateStreamRecord(line).ok, JSON.stringify(line)).toBe(true);
    expect(lines.map((line) => [line.id, line.index, line.status])).toEqual([
      ['fast', 1, 200],
      ['bad', 2, 500],
      ['slow', 0, 200],
      [undefined, undefined, undefined],
    ]);
    expect(lines[3]).toEqual({ summary: { total: 3, succeeded: 2, failed: 1, skipped: 0 } });
    const slowEnd = (lines[2]!.body as { end: number }).end;
    expect(arrivals[0]).toBeLessThan(slowEnd);
  });

  it('answers a refused envelope with a problem, not a stream', async () => {
    const res = await request(`${t.origin}/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: NDJSON_MEDIA_TYPE },
      body: JSON.stringify({ requests: [] }),
      ...bounded,
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    await res.body.dump();
  });

  it.each(['application/json', NDJSON_MEDIA_TYPE])(
    'starts no inner request after the client disconnects (Accept: %s)',
    async (accept) => {
      const started = uniqueName('started');
      const after = uniqueName('after');
      const controller = new AbortController();
      const pending = request(`${t.origin}/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: JSON.stringify({
          requests: [
            { id: 'first', method: 'POST', url: `/_conformance/counters/${started}` },
            { id: 'wait', method: 'GET', url: '/_conformance/delay/800', dependsOn: ['first'] },
            { id: 'after', method: 'POST', url: `/_conformance/counters/${after}`, dependsOn: ['wait'] },
          ],
        }),
        signal: controller.signal,
        ...bounded,
      })
        // A streamed answer sends its status early: the abort then breaks the body instead.
        .then((res) => res.body.text())
        .catch((error: unknown) => error);
      await waitFor(async () => (await counter(t, started)) === 1);
      controller.abort();
      expect(await pending).toBeInstanceOf(Error);
      await sleep(1300);
      expect(await counter(t, after)).toBe(0);
    },
  );

  it('runs the whole chain when the client stays (control for the disconnect test)', async () => {
    const after = uniqueName('stay');
    const res = await postBatch(t, {
      requests: [
        { id: 'wait', method: 'GET', url: '/_conformance/delay/200' },
        { id: 'after', method: 'POST', url: `/_conformance/counters/${after}`, dependsOn: ['wait'] },
      ],
    });
    expect(res.status).toBe(200);
    expect(await counter(t, after)).toBe(1);
  });

  it('replays a stored response for the same Idempotency-Key and envelope, running nothing twice', async () => {
    const name = uniqueName('idem');
    const key = uniqueName('key');
    const envelope = {
      requests: [
        { id: 'inc', method: 'POST', url: `/_conformance/counters/${name}` },
        { id: 'item', method: 'POST', url: '/_conformance/items', body: { k: key } },
      ],
    };
    const first = await postBatch(t, envelope, { [IDEMPOTENCY_KEY_HEADER]: key });
    expect(first.status).toBe(200);
    expect(first.headers[IDEMPOTENCY_REPLAYED_HEADER.toLowerCase()]).toBeUndefined();
    const again = await postBatch(t, envelope, { [IDEMPOTENCY_KEY_HEADER]: key });
    expect(again.status).toBe(200);
    expect(again.headers[IDEMPOTENCY_REPLAYED_HEADER.toLowerCase()]).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await counter(t, name)).toBe(1);

    const other = await postBatch(
      t,
      { requests: envelope.requests.slice(0, 1) },
      { [IDEMPOTENCY_KEY_HEADER]: key },
    );
    expect(other.status).toBe(422);
    expect((other.body as { type: string }).type ?? JSON.parse(other.text).type).toBe(
      PROBLEM_TYPES.idempotencyMismatch,
    );
    expect(await counter(t, name)).toBe(1);
  });

  it('does not store a refused envelope: the corrected one runs under the same key', async () => {
    const name = uniqueName('fixed');
    const key = uniqueName('key');
    const bad = await postBatch(
      t,
      { requests: [{ id: 'a', method: 'FETCH', url: '/' }] },
      { [IDEMPOTENCY_KEY_HEADER]: key },
    );
    expect(bad.status).toBe(400);
    const good = await postBatch(
      t,
      { requests: [{ id: 'a', method: 'POST', url: `/_conformance/counters/${name}` }] },
      { [IDEMPOTENCY_KEY_HEADER]: key },
    );
    expect(good.status).toBe(200);
    expect(good.headers[IDEMPOTENCY_REPLAYED_HEADER.toLowerCase()]).toBeUndefined();
    expect(await counter(t, name)).toBe(1);
  });

  it('answers 409 for the same Idempotency-Key while the first batch still runs', async () => {
    const started = uniqueName('inflight');
    const key = uniqueName('key');
    const envelope = {
      requests: [
        { id: 'first', method: 'POST', url: `/_conformance/counters/${started}` },
        { id: 'wait', method: 'GET', url: '/_conformance/delay/1500', dependsOn: ['first'] },
      ],
    };
    const firstPending = postBatch(t, envelope, { [IDEMPOTENCY_KEY_HEADER]: key });
    await waitFor(async () => (await counter(t, started)) === 1);
    const second = await postBatch(t, envelope, { [IDEMPOTENCY_KEY_HEADER]: key });
    expect(second.status).toBe(409);
    expect(JSON.parse(second.text).type).toBe(PROBLEM_TYPES.idempotencyInProgress);
    expect((await firstPending).status).toBe(200);
    const replay = await postBatch(t, envelope, { [IDEMPOTENCY_KEY_HEADER]: key });
    expect(replay.headers[IDEMPOTENCY_REPLAYED_HEADER.toLowerCase()]).toBe('true');
    expect(await counter(t, started)).toBe(1);
  });
});
