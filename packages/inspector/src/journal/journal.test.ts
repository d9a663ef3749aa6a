import type { BatchRequest } from '@batchwire/schema';
import type { ItemOutcome } from '@batchwire/server';
import { describe, expect, it } from 'vitest';
import { createJournal, type Journal } from './journal.js';

const ENVELOPE: BatchRequest = {
  requests: [
    { id: 'create', method: 'POST', url: '/blogs/entries', body: { title: 'x' } },
    { id: 'read', method: 'GET', url: '/blogs/entries/${create#/body/id}' },
    { id: 'after', method: 'GET', url: '/blogs/entries', dependsOn: ['create'] },
  ],
};

function outcome(index: number, id: string, status: number, fields: Partial<ItemOutcome> = {}): ItemOutcome {
  return {
    index,
    id,
    status,
    headers: { 'Content-Type': 'application/json', 'Set-Cookie': 'session=secret' },
    body: { kind: 'json', value: { id: 7 } },
    executed: true,
    startMs: index * 10,
    durationMs: 5,
    ...fields,
  };
}

/** Feeds the journal the events a server emits for one run batch of ENVELOPE. */
function runBatch(journal: Journal, batchId: string, receivedAt = 1_000): void {
  const { observer } = journal;
  observer.onBatchStart({
    batchId,
    receivedAt,
    headers: { authorization: 'Bearer abc.def', cookie: 'a=b', 'content-type': 'application/json' },
    envelope: ENVELOPE,
    streaming: false,
    replayed: false,
    maxConcurrency: 4,
  });
  observer.onItemStart({
    batchId,
    index: 0,
    id: 'create',
    method: 'POST',
    url: '/blogs/entries',
    headers: { authorization: 'Bearer abc.def', 'content-type': 'application/json' },
    body: { kind: 'bytes', text: '{"title":"x"}', contentType: 'application/json' },
    startMs: 0.5,
  });
  observer.onItemEnd({ batchId, outcome: outcome(0, 'create', 201) });
  observer.onItemStart({
    batchId,
    index: 1,
    id: 'read',
    method: 'GET',
    url: '/blogs/entries/7',
    headers: {},
    body: { kind: 'none' },
    startMs: 6,
  });
  observer.onItemEnd({ batchId, outcome: outcome(1, 'read', 200) });
  observer.onItemEnd({ batchId, outcome: outcome(2, 'after', 424, { executed: false, startMs: undefined }) });
  observer.onBatchEnd({
    batchId,
    receivedAt,
    status: 200,
    summary: { total: 3, succeeded: 2, failed: 0, skipped: 1 },
    durationMs: 12,
    streaming: false,
    replayed: false,
    disconnected: false,
    problem: undefined,
  });
}

describe('createJournal', () => {
  it('records a batch with its items in request order, as dispatched and as answered', () => {
    const journal = createJournal();
    runBatch(journal, 'b1');
    const batch = journal.get('b1');
    expect(batch?.state).toBe('done');
    expect(batch?.status).toBe(200);
    expect(batch?.summary).toEqual({ total: 3, succeeded: 2, failed: 0, skipped: 1 });
    expect(batch?.items.map((item) => item.id)).toEqual(['create', 'read', 'after']);
    const [create, read, after] = batch?.items ?? [];
    expect(read?.url).toBe('/blogs/entries/${create#/body/id}');
    expect(read?.references).toEqual(['create']);
    expect(read?.dispatched?.url).toBe('/blogs/entries/7');
    expect(after?.dependsOn).toEqual(['create']);
    expect(after?.response).toMatchObject({ status: 424, executed: false });
    expect(after?.dispatched).toBeUndefined();
    expect(create?.dispatched?.body).toEqual({ kind: 'json', text: '{"title":"x"}' });
    expect(create?.response?.body).toEqual({ kind: 'json', text: '{"id":7}' });
    expect(create?.startMs).toBe(0);
    expect(create?.durationMs).toBe(5);
  });

  it('masks credentials and cookies, keeping the authorization scheme', () => {
    const journal = createJournal();
    runBatch(journal, 'b1');
    const batch = journal.get('b1');
    expect(batch?.headers).toEqual({
      authorization: 'Bearer ***',
      cookie: '***',
      'content-type': 'application/json',
    });
    expect(batch?.items[0]?.dispatched?.headers.authorization).toBe('Bearer ***');
    expect(batch?.items[0]?.response?.headers['set-cookie']).toBe('***');
    expect(JSON.stringify(batch)).not.toContain('abc.def');
    expect(JSON.stringify(batch)).not.toContain('secret');
  });

  it('lists newest first and keeps at most maxBatches', () => {
    const journal = createJournal({ maxBatches: 50 });
    for (let i = 0; i < 60; i++) runBatch(journal, `b${i}`, 1_000 + i);
    const list = journal.list();
    expect(list).toHaveLength(50);
    expect(list[0]?.batchId).toBe('b59');
    expect(list[49]?.batchId).toBe('b10');
    expect(journal.get('b9')).toBeUndefined();
  });

  it('stays within maxBytes whatever the bodies weigh', () => {
    const maxBytes = 100_000;
    const journal = createJournal({ maxBytes, maxBodyChars: 30_000 });
    const big = 'x'.repeat(1_000_000);
    for (let b = 0; b < 20; b++) {
      const batchId = `big${b}`;
      journal.observer.onBatchStart({
        batchId,
        receivedAt: b,
        headers: {},
        envelope: {
          requests: [
            { id: 'a', method: 'GET', url: '/a' },
            { id: 'b', method: 'GET', url: '/b' },
          ],
        },
        streaming: true,
        replayed: false,
        maxConcurrency: 2,
      });
      for (const [index, id] of ['a', 'b'].entries())
        journal.observer.onItemEnd({
          batchId,
          outcome: outcome(index, id, 200, { body: { kind: 'text', text: big } }),
        });
      expect(journal.bytes()).toBeLessThanOrEqual(maxBytes);
    }
    const last = journal.get('big19');
    expect(last?.items[0]?.response?.body).toMatchObject({ kind: 'text', truncatedFrom: 1_000_000 });
    expect(last?.items[1]?.response?.body).toEqual({ kind: 'omitted', length: 30_000 });
    expect(journal.list().length).toBeLessThan(20);
  });

  it('records a rejected envelope with its problem and no items', () => {
    const journal = createJournal();
    journal.observer.onBatchEnd({
      batchId: 'r1',
      receivedAt: 5,
      status: 400,
      summary: undefined,
      durationMs: 1,
      streaming: false,
      replayed: false,
      disconnected: false,
      problem: {
        type: 'https://batchwire.dev/problems/invalid-envelope',
        title: 'Invalid envelope',
        status: 400,
      },
    });
    expect(journal.list()).toEqual([
      expect.objectContaining({
        batchId: 'r1',
        state: 'done',
        status: 400,
        itemCount: 0,
        problemTitle: 'Invalid envelope',
      }),
    ]);
  });

  it('tells listeners which batch changed, and a throwing listener stops no one', () => {
    const journal = createJournal();
    const seen: string[] = [];
    journal.subscribe(() => {
      throw new Error('closed client');
    });
    const stop = journal.subscribe((id) => seen.push(id));
    runBatch(journal, 'b1');
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen)).toEqual(new Set(['b1']));
    stop();
    runBatch(journal, 'b2');
    expect(seen.every((id) => id === 'b1')).toBe(true);
  });

  it('hands out copies: changing one changes nothing kept', () => {
    const journal = createJournal();
    runBatch(journal, 'b1');
    const copy = journal.get('b1');
    if (copy?.items[0]) copy.items[0].startMs = 999;
    expect(journal.get('b1')?.items[0]?.startMs).toBe(0);
  });

  it('refuses nonsensical bounds at creation', () => {
    expect(() => createJournal({ maxBatches: 0 })).toThrow(TypeError);
    expect(() => createJournal({ maxBytes: 1.5 })).toThrow(TypeError);
  });
});
