import { describe, expect, it } from 'vitest';
import { createCompletionLog } from './completion-log.js';
import { batchError } from './errors.js';
import { toResult } from './result.js';

const result = (id: string) => toResult({ id, status: 200, headers: {} });

async function ids(iterable: AsyncIterable<{ id: string }>): Promise<string[]> {
  const seen: string[] = [];
  for await (const item of iterable) seen.push(item.id);
  return seen;
}

describe('createCompletionLog', () => {
  it('gives every iterator every result in arrival order, whenever it starts', async () => {
    const log = createCompletionLog();
    log.push(result('b'));
    const early = ids(log.iterate());
    log.push(result('a'));
    log.finish({ ok: true, value: [] });
    const late = ids(log.iterate());
    expect(await early).toEqual(['b', 'a']);
    expect(await late).toEqual(['b', 'a']);
  });

  it('throws the batch error after the results that arrived before it', async () => {
    const log = createCompletionLog();
    const error = batchError({ kind: 'http', status: 500, body: '' });
    const seen: string[] = [];
    const done = (async () => {
      for await (const item of log.iterate()) seen.push(item.id);
    })();
    log.push(result('x'));
    log.finish({ ok: false, error });
    await expect(done).rejects.toBe(error);
    expect(seen).toEqual(['x']);
  });
});
