import { PROBLEM_TYPES } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import type { Dispatch } from '../engine/types.js';
import type { ItemEndEvent } from '../observe/events.js';
import { bodyText, postValue } from '../test-support/core.js';
import { sleep } from '../test-support/engine.js';
import { createBatchHandler } from './handler.js';
import type { InnerResponseEvent } from './options.js';

// r1 is over maxItemResponseBytes; r2..r4 fit alone, but r4 would take the answer past maxResponseBytes.
const sizes = [100, 3000, 900, 900, 900, 50];
const limits = { maxItemResponseBytes: 1000, maxResponseBytes: 2600 };
const envelope = { requests: sizes.map((_, i) => ({ id: `r${i}`, method: 'GET', url: `/item/${i}` })) };

/** Answers every item 200 with text of its size; later items settle first, so completion order differs. */
const dispatch: Dispatch = async (request) => {
  const i = Number(request.url.split('/').pop());
  await sleep((sizes.length - i) * 5);
  return {
    status: 200,
    headers: { 'content-type': 'text/plain' },
    body: { kind: 'text', text: 'x'.repeat(sizes[i]!) },
  };
};

async function observedRun(accept: string | undefined) {
  const ends: ItemEndEvent[] = [];
  const responses: InnerResponseEvent<unknown>[] = [];
  let summary: unknown;
  const handle = createBatchHandler({
    limits,
    observers: [{ onItemEnd: (event) => ends.push(event), onBatchEnd: (event) => (summary = event.summary) }],
    onInnerResponse: (event) => responses.push(event),
  });
  const headers = accept === undefined ? {} : { 'content-type': 'application/json', accept };
  const answer = await handle(
    postValue(envelope, dispatch, { headers: { 'content-type': 'application/json', ...headers } }),
  );
  const text = await bodyText(answer);
  type Entry = { id: string; status: number; body?: { type?: string; limit?: { name: string } } };
  const entries: Entry[] =
    accept === undefined
      ? (JSON.parse(text) as { responses: Entry[] }).responses
      : text
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line) as Entry)
          .filter((line) => line.id !== undefined);
  const sent = Object.fromEntries(entries.map((entry) => [entry.id, entry.status]));
  return { ends, responses, summary, entries, sent };
}

describe('observers and onInnerResponse see the status actually answered (answer budget)', () => {
  for (const [name, accept] of [
    ['JSON', undefined],
    ['NDJSON', 'application/x-ndjson'],
  ] as const) {
    it(`${name}: an item refused 502 response-too-large is told as 502, once, to every hook`, async () => {
      const { ends, responses, summary, entries, sent } = await observedRun(accept);
      const refusedBy = entries
        .filter((entry) => entry.status === 502)
        .map((entry) => [entry.id, entry.body?.type, entry.body?.limit?.name]);
      // Both limits refused something, so the check below covers both kinds of refusal.
      expect(refusedBy).toContainEqual(['r1', PROBLEM_TYPES.responseTooLarge, 'maxItemResponseBytes']);
      expect(refusedBy.some(([, , limit]) => limit === 'maxResponseBytes')).toBe(true);
      expect(Object.fromEntries(ends.map((end) => [end.outcome.id, end.outcome.status]))).toEqual(sent);
      expect(Object.fromEntries(responses.map((event) => [event.id, event.status]))).toEqual(sent);
      expect(ends).toHaveLength(sizes.length);
      expect(responses).toHaveLength(sizes.length);
      const refused = ends.find((end) => end.outcome.id === 'r1')!.outcome;
      expect(refused.body).toMatchObject({ kind: 'json', value: { type: PROBLEM_TYPES.responseTooLarge } });
      const ok = entries.filter((entry) => entry.status === 200).length;
      expect(summary).toMatchObject({ total: sizes.length, succeeded: ok, failed: sizes.length - ok });
    });
  }
});
