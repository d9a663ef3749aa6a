import { DEFAULT_LIMITS, PROBLEM_TYPES, validateBatchResponse } from '@batchwire/schema';
import { describe, expect, it } from 'vitest';
import { batchResponseJson } from '../engine/serialize.js';
import type { BatchOutcome, ItemOutcome, ResponseBody } from '../engine/types.js';
import { boundedAnswer, boundedStreamLines, consolidatedAnswer } from './answer-budget.js';

const boundedBatchResponseJson = (outcome: BatchOutcome, limits: Parameters<typeof boundedAnswer>[1]) =>
  boundedAnswer(outcome, limits).text;

function item(index: number, body: ResponseBody, status = 200): ItemOutcome {
  const headers: Record<string, string> = Object.create(null);
  headers['Content-Type'] = 'text/plain; charset=utf-8';
  return { index, id: `r${index}`, status, headers, body, executed: true, startMs: 0, durationMs: 1 };
}

function outcome(items: ItemOutcome[]): BatchOutcome {
  const succeeded = items.filter((i) => i.status >= 200 && i.status < 300).length;
  return {
    items,
    summary: { total: items.length, succeeded, failed: items.length - succeeded, skipped: 0 },
    durationMs: 1,
    disconnected: false,
  };
}

const text = (n: number, char = 'x'): ResponseBody => ({ kind: 'text', text: char.repeat(n) });

function answer(json: string) {
  const parsed = validateBatchResponse(JSON.parse(json));
  if (!parsed.ok) throw new Error('not a batch response');
  return parsed.value;
}

const limitOf = (body: unknown) => (body as { type: string; limit: unknown }).limit;

describe('answer budget (JSON, request order)', () => {
  it('leaves an answer within both limits byte for byte as it was', () => {
    const result = outcome([item(0, text(10)), item(1, { kind: 'jsonText', text: '{"a":1}' })]);
    expect(boundedBatchResponseJson(result, DEFAULT_LIMITS)).toBe(batchResponseJson(result));
  });

  it('refuses a body over maxItemResponseBytes with 502 response-too-large naming that limit', () => {
    const limits = { maxItemResponseBytes: 100, maxResponseBytes: 100_000 };
    const json = boundedBatchResponseJson(outcome([item(0, text(100)), item(1, text(101))]), limits);
    const { responses, summary } = answer(json);
    expect(responses.map((r) => r.status)).toEqual([200, 502]);
    expect(responses[1]?.body).toMatchObject({ type: PROBLEM_TYPES.responseTooLarge, status: 502 });
    expect(limitOf(responses[1]?.body)).toEqual({ name: 'maxItemResponseBytes', value: 100 });
    expect(summary).toEqual({ total: 2, succeeded: 1, failed: 1, skipped: 0 });
  });

  it('counts UTF-8 bytes, not characters', () => {
    const limits = { maxItemResponseBytes: 100, maxResponseBytes: 100_000 };
    const json = boundedBatchResponseJson(outcome([item(0, text(50, 'é')), item(1, text(51, 'é'))]), limits);
    expect(answer(json).responses.map((r) => r.status)).toEqual([200, 502]);
  });

  it('keeps the entries that fit in request order and refuses every later one that would pass maxResponseBytes', () => {
    const limits = { maxItemResponseBytes: 1000, maxResponseBytes: 2000 };
    // Each entry is about 900 bytes: two fit; the refusals count too, so nothing after them does.
    const items = [item(0, text(800)), item(1, text(800)), item(2, text(800)), item(3, text(1))];
    const json = boundedBatchResponseJson(outcome(items), limits);
    const { responses, summary } = answer(json);
    expect(responses.map((r) => [r.id, r.status])).toEqual([
      ['r0', 200],
      ['r1', 200],
      ['r2', 502],
      ['r3', 502],
    ]);
    expect(limitOf(responses[2]?.body)).toEqual({ name: 'maxResponseBytes', value: 2000 });
    expect(summary).toEqual({ total: 4, succeeded: 2, failed: 2, skipped: 0 });
    // Only the refusals themselves may take the answer past the budget.
    expect(Buffer.byteLength(json)).toBeLessThanOrEqual(2000 + 2 * 400);
  });

  it('counts a refused non-2xx entry as failed once, not twice', () => {
    const limits = { maxItemResponseBytes: 100, maxResponseBytes: 100_000 };
    const json = boundedBatchResponseJson(outcome([item(0, text(500), 404)]), limits);
    expect(answer(json).summary).toEqual({ total: 1, succeeded: 0, failed: 1, skipped: 0 });
  });
});

describe('answer budget (NDJSON, write order)', () => {
  it('decides each line as it is written and corrects the summary', () => {
    const lines = boundedStreamLines({ maxItemResponseBytes: 1000, maxResponseBytes: 1600 });
    const written = [item(2, text(800)), item(0, text(800)), item(1, text(5))].map((i) =>
      JSON.parse(lines.line(i)),
    );
    expect(written.map((r) => [r.index, r.status])).toEqual([
      [2, 200],
      [0, 502],
      [1, 200],
    ]);
    expect(lines.summary({ total: 3, succeeded: 3, failed: 0, skipped: 0 })).toEqual({
      total: 3,
      succeeded: 2,
      failed: 1,
      skipped: 0,
    });
  });
});

describe('answer budget: the outcome as answered', () => {
  it('replaces the refused items and corrects the summary, for logs and replays', () => {
    const limits = { maxItemResponseBytes: 100, maxResponseBytes: 100_000 };
    const { outcome: answered } = boundedAnswer(outcome([item(0, text(10)), item(1, text(500))]), limits);
    expect(answered.items.map((i) => i.status)).toEqual([200, 502]);
    expect(answered.summary).toEqual({ total: 2, succeeded: 1, failed: 1, skipped: 0 });
  });

  it('is the outcome itself when nothing was refused', () => {
    const result = outcome([item(0, text(10))]);
    expect(boundedAnswer(result, DEFAULT_LIMITS).outcome).toBe(result);
  });
});

describe('answer budget: a JSON answer written as items settle', () => {
  it('decides each entry once all before it settled, and writes what the one-shot answer writes', () => {
    const limits = { maxItemResponseBytes: 600, maxResponseBytes: 1_500 };
    const items = [item(0, text(10)), item(1, text(700)), item(2, text(500)), item(3, text(500))];
    const decided: [number, number][] = [];
    const answer = consolidatedAnswer(limits, items.length, (i) => decided.push([i.index, i.status]));
    answer.offer(items[2]!);
    answer.offer(items[3]!);
    expect(decided).toEqual([]);
    answer.offer(items[0]!);
    expect(decided).toEqual([[0, 200]]);
    answer.offer(items[1]!);
    // r1 over the item limit; r3 would take the answer past maxResponseBytes.
    expect(decided).toEqual([
      [0, 200],
      [1, 502],
      [2, 200],
      [3, 502],
    ]);
    const whole = outcome(items);
    expect(answer.finish(whole)).toEqual(boundedAnswer(whole, limits));
  });
});
