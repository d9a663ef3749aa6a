import { describe, expect, it } from 'vitest';
import { accepted, jsonResult, recording, TEST_LIMITS } from '../test-support/engine.js';
import { runBatch } from './run-batch.js';
import type { ItemOutcome } from './types.js';

describe('runBatch: retainResults', () => {
  const envelope = {
    requests: [
      { id: 'a', method: 'GET', url: '/a' },
      { id: 'b', method: 'GET', url: '/b' },
      { id: 'c', method: 'GET', url: '/c/${a#/body/id}' },
    ],
  };

  it('keeps every answer by default', async () => {
    const { dispatch } = recording((r) => jsonResult(200, { id: r.id }));
    const outcome = await runBatch(accepted(envelope), dispatch, { limits: TEST_LIMITS });
    expect(outcome.items.map((item) => item.body)).toEqual([
      { kind: 'json', value: { id: 'a' } },
      { kind: 'json', value: { id: 'b' } },
      { kind: 'json', value: { id: 'c' } },
    ]);
  });

  it('drops written answers nobody references, after the observer saw them whole', async () => {
    const { dispatch, seen } = recording((r) => jsonResult(200, { id: r.id }));
    const observed: ItemOutcome[] = [];
    const outcome = await runBatch(accepted(envelope), dispatch, {
      limits: TEST_LIMITS,
      retainResults: false,
      onOutcome: (item) => observed.push(item),
    });
    expect(observed.map((item) => item.body)).toEqual(
      ['a', 'b', 'c'].map((id) => ({ kind: 'json', value: { id } })),
    );
    // The reference still resolved: "a" is kept because "c" reads it.
    expect(seen.find((r) => r.id === 'c')?.url).toBe('/c/a');
    expect(outcome.items.map((item) => [item.id, item.status, item.body.kind])).toEqual([
      ['a', 200, 'json'],
      ['b', 200, 'none'],
      ['c', 200, 'none'],
    ]);
    expect(outcome.summary).toEqual({ total: 3, succeeded: 3, failed: 0, skipped: 0 });
  });
});
