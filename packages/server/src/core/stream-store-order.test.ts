import { describe, expect, it } from 'vitest';
import { memoryIdempotencyStore } from '../idempotency/store.js';
import { bodyText, echoDispatch, postValue } from '../test-support/core.js';
import { sleep } from '../test-support/engine.js';
import { createBatchHandler } from './handler.js';

const envelope = { requests: [{ id: 'a', method: 'POST', url: '/orders' }] };
const keyedNdjson = {
  'content-type': 'application/json',
  accept: 'application/x-ndjson',
  'idempotency-key': 'stream-1',
};

describe('a streamed keyed batch', () => {
  it('is stored before its last line, so a retry right after the stream ends replays it', async () => {
    const memory = memoryIdempotencyStore();
    // A shared store answers over the network: complete takes a while.
    const store = {
      begin: memory.begin,
      abandon: memory.abandon,
      complete: async (...args: Parameters<typeof memory.complete>) => {
        await sleep(50);
        await memory.complete(...args);
      },
    };
    const handle = createBatchHandler({ idempotency: { store } });
    const { dispatch, started } = echoDispatch();
    const first = await bodyText(await handle(postValue(envelope, dispatch, { headers: keyedNdjson })));
    expect(first.trim().split('\n').at(-1)).toBe(
      '{"summary":{"total":1,"succeeded":1,"failed":0,"skipped":0}}',
    );
    const retry = await handle(postValue(envelope, dispatch, { headers: keyedNdjson }));
    expect(retry.status).toBe(200);
    expect(retry.headers['Idempotency-Replayed']).toBe('true');
    await bodyText(retry);
    expect(started).toEqual(['a']);
  });
});
