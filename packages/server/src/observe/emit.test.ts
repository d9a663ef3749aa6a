import { describe, expect, it } from 'vitest';
import { createBatchHandler } from '../core/handler.js';
import type { BatchLogger } from '../core/logger.js';
import { bodyText, echoDispatch, postJson, postValue } from '../test-support/core.js';
import { type BatchObserver, MASKED_HEADER_VALUE } from './events.js';

function journal() {
  const events: { kind: string; event: Record<string, unknown> }[] = [];
  const observer: BatchObserver = {
    onBatchStart: (event) => events.push({ kind: 'batchStart', event: { ...event } }),
    onItemStart: (event) => events.push({ kind: 'itemStart', event: { ...event } }),
    onItemEnd: (event) => events.push({ kind: 'itemEnd', event: { ...event } }),
    onBatchEnd: (event) => events.push({ kind: 'batchEnd', event: { ...event } }),
  };
  return { events, observer };
}

const secrets = {
  'content-type': 'application/json',
  authorization: 'Bearer secret',
  cookie: 'sid=secret',
  'proxy-authorization': 'Basic secret',
  'idempotency-key': 'key-secret',
  'x-request-id': 'req-7',
};

describe('observers', () => {
  it('are told start, every item and the end of a batch, with credentials masked', async () => {
    const { events, observer } = journal();
    const handle = createBatchHandler({ observers: [observer] });
    const { dispatch } = echoDispatch();
    const envelope = {
      requests: [
        { id: 'a', method: 'GET', url: '/items/1' },
        { id: 'b', method: 'GET', url: '/items/2', headers: { 'x-trace': 't' } },
      ],
    };
    const res = await postJson(handle, envelope, dispatch, { headers: secrets });
    expect(res.status).toBe(200);
    expect(events.map((e) => e.kind)).toEqual([
      'batchStart',
      'itemStart',
      'itemStart',
      'itemEnd',
      'itemEnd',
      'batchEnd',
    ]);
    const ids = new Set(events.map((e) => e.event.batchId));
    expect(ids.size).toBe(1);
    const start = events[0]!.event;
    expect(start).toMatchObject({ streaming: false, replayed: false, envelope });
    expect(start.headers).toMatchObject({
      authorization: MASKED_HEADER_VALUE,
      cookie: MASKED_HEADER_VALUE,
      'proxy-authorization': MASKED_HEADER_VALUE,
      'idempotency-key': MASKED_HEADER_VALUE,
      'x-request-id': 'req-7',
    });
    const item = events[2]!.event;
    expect(item).toMatchObject({ index: 1, id: 'b', method: 'GET', url: '/items/2' });
    // Inherited credentials are masked in what the item was dispatched with, too.
    expect(item.headers).toMatchObject({ authorization: MASKED_HEADER_VALUE, 'x-trace': 't' });
    expect(JSON.stringify(events)).not.toContain('secret');
    expect(events[5]!.event).toMatchObject({
      status: 200,
      summary: { total: 2, succeeded: 2 },
      disconnected: false,
      problem: undefined,
    });
  });

  it('hear about rejected envelopes and replays, and a streamed batch ends once its body is read', async () => {
    const { events, observer } = journal();
    const handle = createBatchHandler({ observers: [observer] });
    const { dispatch } = echoDispatch();
    const bad = await postJson(handle, { requests: [] }, dispatch);
    expect(bad.status).toBe(400);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'batchEnd', event: { status: 400, summary: undefined } });
    expect((events[0]!.event.problem as { errors: unknown[] }).errors.length).toBeGreaterThan(0);
    const envelope = { requests: [{ id: 'a', method: 'GET', url: '/x' }] };
    const keyed = { 'content-type': 'application/json', 'idempotency-key': 'k' };
    await postJson(handle, envelope, dispatch, { headers: keyed });
    events.length = 0;
    await postJson(handle, envelope, dispatch, { headers: keyed });
    expect(events.map((e) => [e.kind, e.event.replayed])).toEqual([
      ['batchStart', true],
      ['batchEnd', true],
    ]);
    events.length = 0;
    const streamed = await handle(
      postValue(envelope, dispatch, {
        headers: { 'content-type': 'application/json', accept: 'application/x-ndjson' },
      }),
    );
    await bodyText(streamed);
    expect(events.at(-1)).toMatchObject({ kind: 'batchEnd', event: { streaming: true, status: 200 } });
  });

  it('cannot break a batch: a throwing observer is logged and the answer is unchanged', async () => {
    const errors: string[] = [];
    const logger: BatchLogger = { info: () => {}, warn: () => {}, error: (_o, msg) => errors.push(msg) };
    const throwing: BatchObserver = {
      onItemStart: () => {
        throw new Error('observer bug');
      },
    };
    const seen: string[] = [];
    const handle = createBatchHandler({
      observers: [throwing],
      logger,
      onInnerRequest: (event) => seen.push(event.id),
    });
    const { dispatch } = echoDispatch();
    const res = await postJson(handle, { requests: [{ id: 'a', method: 'GET', url: '/x' }] }, dispatch);
    expect(res.json).toMatchObject({ responses: [{ id: 'a', status: 200 }] });
    expect(errors).toEqual(['batch observer failed']);
    expect(seen).toEqual(['a']);
  });
});
