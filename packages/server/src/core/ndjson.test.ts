import { describe, expect, it } from 'vitest';
import { echoDispatch, postValue } from '../test-support/core.js';
import { sleep } from '../test-support/engine.js';
import { createBatchHandler } from './handler.js';
import { NDJSON_HIGH_WATER_LINES } from './ndjson.js';

const envelope = (n: number) => ({
  requests: Array.from({ length: n }, (_, i) => ({ id: `r${i}`, method: 'GET', url: `/items/${i}` })),
});
const ndjson = { 'content-type': 'application/json', accept: 'application/x-ndjson' };

describe('NDJSON answers are pull-driven', () => {
  it('starts no new inner request while the consumer has not pulled, and finishes once it does', async () => {
    const handle = createBatchHandler({ limits: { maxConcurrency: 4, maxRequests: 1000 } });
    const { dispatch, started } = echoDispatch();
    const answer = await handle(postValue(envelope(500), dispatch, { headers: ndjson }));
    expect(answer.status).toBe(200);
    expect(answer.headers['Content-Type']).toBe('application/x-ndjson');
    expect(answer.headers['X-Accel-Buffering']).toBe('no');
    // Nobody pulled: the engine stops at the high-water mark of unconsumed lines. Wait (bounded)
    // until it got there and stopped moving: a loaded machine may take longer than a fixed sleep.
    let seen = -1;
    for (let polls = 0; polls < 100; polls++) {
      if (started.length >= NDJSON_HIGH_WATER_LINES && started.length === seen) break;
      seen = started.length;
      await sleep(50);
    }
    expect(started.length).toBeGreaterThanOrEqual(NDJSON_HIGH_WATER_LINES);
    expect(started.length).toBeLessThanOrEqual(NDJSON_HIGH_WATER_LINES + 4);
    const before = started.length;
    const iterator = (answer.body as AsyncIterable<string>)[Symbol.asyncIterator]();
    const first = await iterator.next();
    // One pull takes every waiting line, and only then does the engine go on.
    expect(first.value?.split('\n').filter(Boolean).length).toBe(before);
    await sleep(20);
    expect(started.length).toBeLessThanOrEqual(2 * NDJSON_HIGH_WATER_LINES + 8);
    let text = first.value ?? '';
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) text += next.value;
    const lines = text
      .trim()
      .split('\n')
      .map((line: string) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(501);
    expect(lines.at(-1)).toEqual({ summary: { total: 500, succeeded: 500, failed: 0, skipped: 0 } });
    expect(started).toHaveLength(500);
  });

  it('treats a consumer that stops reading as a disconnect: nothing more starts', async () => {
    const handle = createBatchHandler({ limits: { maxConcurrency: 2, maxRequests: 1000 } });
    const { dispatch, started } = echoDispatch();
    const answer = await handle(postValue(envelope(300), dispatch, { headers: ndjson }));
    const iterator = (answer.body as AsyncIterable<string>)[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return?.();
    await sleep(30);
    const after = started.length;
    expect(after).toBeLessThan(300);
    await sleep(30);
    expect(started.length).toBe(after);
  });
});
