import { describe, expect, it } from 'vitest';
import { envelopeFingerprint, isValidKey, scopedKey } from './key.js';
import { type IdempotencyBegin, memoryIdempotencyStore } from './store.js';

/** The in-memory store answers synchronously. */
const state = (answer: IdempotencyBegin | Promise<IdempotencyBegin>) => (answer as IdempotencyBegin).state;

describe('memoryIdempotencyStore', () => {
  it('claims a key, reports it running, then replays it until the TTL passes', () => {
    let now = 1_000;
    const store = memoryIdempotencyStore({ now: () => now });
    expect(store.begin('k', 'f1')).toEqual({ state: 'started' });
    expect(store.begin('k', 'f1')).toEqual({ state: 'running', fingerprint: 'f1' });
    store.complete('k', 'f1', { body: '{"x":1}' }, 500);
    expect(store.begin('k', 'f2')).toEqual({
      state: 'done',
      fingerprint: 'f1',
      response: { body: '{"x":1}' },
    });
    now += 501;
    expect(store.begin('k', 'f2')).toEqual({ state: 'started' });
  });

  it('stays bounded in bytes: stored answers evict the oldest finished ones, never the newest', () => {
    const store = memoryIdempotencyStore({ maxBytes: 10 });
    for (const key of ['a', 'b', 'c']) {
      store.begin(key, 'f');
      store.complete(key, 'f', { body: '123456' }, 60_000);
    }
    expect(state(store.begin('a', 'f'))).toBe('started');
    expect(state(store.begin('b', 'f'))).toBe('started');
    expect(state(store.begin('c', 'f'))).toBe('done');
    // Claimed before 'd' but finished after it: still the newest answer, so 'd' goes.
    store.begin('late', 'f');
    store.begin('d', 'f');
    store.complete('d', 'f', { body: '1234' }, 60_000);
    store.complete('late', 'f', { body: '1234567' }, 60_000);
    expect(state(store.begin('late', 'f'))).toBe('done');
    expect(state(store.begin('c', 'f'))).toBe('started');
    expect(state(store.begin('d', 'f'))).toBe('started');
  });

  it('never keeps an answer larger than maxBytes, and releases its claim', () => {
    const store = memoryIdempotencyStore({ maxBytes: 1000 });
    store.begin('small', 'f');
    store.complete('small', 'f', { body: 'x'.repeat(900) }, 60_000);
    store.begin('big', 'f');
    store.complete('big', 'f', { body: 'x'.repeat(5000) }, 60_000);
    expect(state(store.begin('big', 'f'))).toBe('started');
    // One oversized answer does not flush the answers of other callers.
    expect(state(store.begin('small', 'f'))).toBe('done');
  });

  it('counts UTF-8 bytes, not UTF-16 code units', () => {
    const store = memoryIdempotencyStore({ maxBytes: 1000 });
    store.begin('euro', 'f');
    // 400 characters, 1200 bytes.
    store.complete('euro', 'f', { body: '\u20ac'.repeat(400) }, 60_000);
    expect(state(store.begin('euro', 'f'))).toBe('started');
    store.begin('emoji', 'f');
    // 250 astral characters: 500 code units, 1000 bytes, exactly the bound.
    store.complete('emoji', 'f', { body: '\u{1f600}'.repeat(250) }, 60_000);
    expect(state(store.begin('emoji', 'f'))).toBe('done');
  });

  it('answers exactly one of many concurrent claims of one key with started', async () => {
    const store = memoryIdempotencyStore();
    const answers = await Promise.all(Array.from({ length: 50 }, () => store.begin('k', 'f')));
    expect(answers.filter((answer) => answer.state === 'started')).toHaveLength(1);
    expect(answers.filter((answer) => answer.state === 'running')).toHaveLength(49);
  });

  it('stores nothing for a complete whose claim is gone or whose fingerprint differs', () => {
    const store = memoryIdempotencyStore();
    store.complete('never-claimed', 'f', { body: '1' }, 60_000);
    expect(state(store.begin('never-claimed', 'f'))).toBe('started');
    store.complete('never-claimed', 'other', { body: '1' }, 60_000);
    expect(store.begin('never-claimed', 'f')).toEqual({ state: 'running', fingerprint: 'f' });
  });

  it('stays bounded by evicting the oldest finished entries, never a running claim', () => {
    const store = memoryIdempotencyStore({ maxEntries: 2 });
    store.begin('running', 'f');
    store.begin('done', 'f');
    store.complete('done', 'f', { body: '1' }, 60_000);
    store.begin('third', 'f');
    expect(state(store.begin('running', 'f'))).toBe('running');
    expect(state(store.begin('done', 'f'))).toBe('started');
  });

  it('releases an abandoned claim', () => {
    const store = memoryIdempotencyStore();
    store.begin('k', 'f');
    store.abandon('k');
    expect(state(store.begin('k', 'f'))).toBe('started');
  });
});

describe('idempotency keys', () => {
  it('accepts 1 to 255 visible ASCII characters only', () => {
    expect(isValidKey('order-2026-01')).toBe(true);
    expect(isValidKey('')).toBe(false);
    expect(isValidKey('x'.repeat(256))).toBe(false);
    expect(isValidKey('bad\u0000key')).toBe(false);
  });

  it('scopes keys by credentials and fingerprints envelopes by content', async () => {
    expect(await scopedKey('k', ['Bearer a', undefined])).not.toBe(
      await scopedKey('k', ['Bearer b', undefined]),
    );
    expect(await scopedKey('k', [undefined, 'sid=1'])).toBe(await scopedKey('k', [undefined, 'sid=1']));
    expect(await envelopeFingerprint({ requests: [1] })).toBe(await envelopeFingerprint({ requests: [1] }));
    expect(await envelopeFingerprint({ requests: [1] })).not.toBe(
      await envelopeFingerprint({ requests: [2] }),
    );
  });
});
