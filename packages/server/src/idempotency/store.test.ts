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

  it('stays bounded in bytes: large stored answers evict the oldest finished ones, never the newest', () => {
    const store = memoryIdempotencyStore({ maxBytes: 10 });
    for (const key of ['a', 'b', 'c']) {
      store.begin(key, 'f');
      store.complete(key, 'f', { body: '123456' }, 60_000);
    }
    expect(state(store.begin('a', 'f'))).toBe('started');
    expect(state(store.begin('b', 'f'))).toBe('started');
    expect(state(store.begin('c', 'f'))).toBe('done');
    store.begin('huge', 'f');
    store.complete('huge', 'f', { body: 'x'.repeat(50) }, 60_000);
    expect(state(store.begin('huge', 'f'))).toBe('done');
    expect(state(store.begin('c', 'f'))).toBe('started');
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

  it('scopes keys by credentials and fingerprints envelopes by content', () => {
    expect(scopedKey('k', ['Bearer a', undefined])).not.toBe(scopedKey('k', ['Bearer b', undefined]));
    expect(scopedKey('k', [undefined, 'sid=1'])).toBe(scopedKey('k', [undefined, 'sid=1']));
    expect(envelopeFingerprint({ requests: [1] })).toBe(envelopeFingerprint({ requests: [1] }));
    expect(envelopeFingerprint({ requests: [1] })).not.toBe(envelopeFingerprint({ requests: [2] }));
  });
});
